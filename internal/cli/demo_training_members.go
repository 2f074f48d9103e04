package cli

import (
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// demoLeadFirst and demoLeadLast make the demo's 40 Practice Leads: named
// senior staff at Northbridge, with the trust's lead first.
var (
	demoLeadFirst = []string{"Amara", "Bethan", "Carys", "Dafydd", "Elin", "Farah", "Gareth", "Hannah"}
	demoLeadLast  = []string{"Ahmed", "Bowen", "Clarke", "Davies", "Ellis"}
)

// practiceLeadMembers names the Practice Leads cohort's members: only they
// can book its sessions, one date for each part.
func (d *trainingDemo) practiceLeadMembers(cohort int64) {
	people := []lightbulb.CohortMember{{Email: "lead@northbridge.test", Name: "Leon Marsh"}}
	for _, last := range demoLeadLast {
		for _, first := range demoLeadFirst {
			if len(people) == 40 {
				break
			}
			people = append(people, lightbulb.CohortMember{Name: first + " " + last,
				Email: fmt.Sprintf("%s.%s@northbridge.test", strings.ToLower(first), strings.ToLower(last))})
		}
	}
	if d.err == nil {
		_, d.err = d.tr.AddMembers(d.ctx, cohort, people, 0)
	}
}
