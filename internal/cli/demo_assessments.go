package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoPALS are last month's PALS contacts at Northbridge, by the day of the
// month they came in; those with a finding were assessed by the ward lead,
// the rest wait for the lead's pass.
var demoPALS = []struct {
	ref, service, summary string
	day                   int
	a                     *lightbulb.CaseAssessment
}{
	{"PALS-301", "Willow Ward (older adults)", "Daughter says visiting was stopped for all patients after 6pm because of staffing, and her father is distressed without her at night.", 3,
		&lightbulb.CaseAssessment{Finding: lightbulb.FindingBreached, Severity: "high", Scope: lightbulb.ScopeEveryone, Rights: []string{"A8"},
			ActionTaken: "Visiting restored the same evening; the ward manager apologised to the family.",
			Learning:    "A rule for every patient was made without a decision record or a review date: ward rules that restrict visiting now go through the decisions register."}},
	{"PALS-305", "Ash Ward (acute mental health)", "Patient asked why his letters are opened by staff before he gets them.", 8,
		&lightbulb.CaseAssessment{Finding: lightbulb.FindingAtRisk, Severity: "moderate", Scope: lightbulb.ScopePerson, Rights: []string{"A8"},
			ActionTaken: "Staff stopped opening his post; the Mental Health Act office confirmed no order allows it.",
			Learning:    "Check the legal basis before any restriction on correspondence."}},
	{"PALS-309", "Maternity unit", "A mother asked where she could park for free during her baby's stay on the neonatal unit.", 12,
		&lightbulb.CaseAssessment{Finding: lightbulb.FindingNone, ActionTaken: "Told about the parking concession."}},
	{"PALS-314", "Willow Ward (older adults)", "Son says his mother, who speaks Welsh, was not offered a Welsh-speaking nurse and could not explain her pain.", 17, nil},
	{"PALS-322", "Ash Ward (acute mental health)", "Patient says he was not allowed to phone his advocate for two days after admission.", 24, nil},
}

// loadDemoAssessments adds last month's PALS contacts and the ward lead's
// assessments of three of them, unless they are already assessed.
func loadDemoAssessments(ctx context.Context, db *sqldb.DB, orgIDs map[string]int64, out io.Writer) error {
	ids, err := demoUserIDs(ctx, db, "lead@northbridge.test")
	if err != nil {
		return err
	}
	octx := lightbulb.WithActor(lightbulb.WithOrg(ctx, orgIDs[demoCaseOrg]), &lightbulb.Actor{UserID: ids[0], Name: "Leon Marsh"})
	cs := sqldb.NewCaseService(db, caseSuggest)
	services, err := caseServiceNames(octx, cs)
	if err != nil {
		return err
	}
	now := lightbulb.Now().In(lightbulb.London)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	var batch []*lightbulb.Case
	for _, d := range demoPALS {
		batch = append(batch, &lightbulb.Case{Type: lightbulb.CasePALS, SourceRef: d.ref, Received: first.AddDate(0, 0, d.day-1).Format(time.DateOnly),
			ServiceID: services[lightbulb.UnitKey(d.service)], Summary: d.summary, Status: "closed", PersonRef: "P-" + d.ref[5:]})
	}
	if _, err := cs.ImportCases(octx, batch, true); err != nil {
		return fmt.Errorf("demo PALS contacts: %w", err)
	}
	var as []*lightbulb.CaseAssessment
	for i, d := range demoPALS {
		if d.a == nil {
			continue
		}
		if got, err := cs.CaseAssessment(octx, batch[i].ID); err != nil || got != nil {
			return err
		}
		a := *d.a
		a.CaseID = batch[i].ID
		as = append(as, &a)
	}
	if err := cs.SaveCaseAssessments(octx, as); err != nil {
		return fmt.Errorf("demo assessments: %w", err)
	}
	fmt.Fprintf(out, "Demo impact assessment: %d of last month's %d PALS contacts assessed.\n", len(as), len(demoPALS))
	return nil
}
