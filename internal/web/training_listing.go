package web

import (
	"context"
	"html/template"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// programmeListing is one cohort's sessions on the staff listing, grouped by
// the programme's parts: a person books one date for each part.
type programmeListing struct {
	Cohort *lightbulb.Cohort
	Parts  []*partListing
}

// partListing is the dates offered for one part, and whether the person
// already holds one.
type partListing struct {
	Part     int
	Sessions []*lightbulb.Session
	Booked   bool
	List     template.HTML // the sessions as the page lists them (sessionListHTML)
}

// groupByProgramme groups an organisation's cohort sessions by cohort, then
// by part, in date order; mine marks the parts the person has booked. A
// cohort with named members is left out for anyone not among them.
func (s *Server) groupByProgramme(ctx context.Context, client int64, email string, ours []*lightbulb.Session, mine []*lightbulb.Booking) ([]*programmeListing, error) {
	if len(ours) == 0 {
		return nil, nil
	}
	listed, err := s.Training.ListedCohorts(ctx, client, email)
	if err != nil {
		return nil, err
	}
	booked := map[[2]int64]bool{}
	for _, b := range mine {
		if b.Session != nil && b.Session.CohortID != 0 {
			booked[[2]int64{b.Session.CohortID, int64(b.Session.Part)}] = true
		}
	}
	var out []*programmeListing
	byCohort := map[int64]*programmeListing{}
	for _, x := range ours {
		g, seen := byCohort[x.CohortID]
		if !seen {
			if c := listed[x.CohortID]; c != nil {
				g = &programmeListing{Cohort: c}
				out = append(out, g)
			}
			byCohort[x.CohortID] = g
		}
		if g == nil {
			continue
		}
		i := slices.IndexFunc(g.Parts, func(p *partListing) bool { return p.Part == x.Part })
		if i < 0 {
			g.Parts = append(g.Parts, &partListing{Part: x.Part, Booked: booked[[2]int64{x.CohortID, int64(x.Part)}]})
			i = len(g.Parts) - 1
		}
		g.Parts[i].Sessions = append(g.Parts[i].Sessions, x)
	}
	for _, g := range out {
		slices.SortStableFunc(g.Parts, func(a, b *partListing) int { return a.Part - b.Part })
	}
	return out, nil
}
