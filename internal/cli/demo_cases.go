package cli

import (
	"context"
	"fmt"
	"io"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoCase is one of Northbridge's demo cases; rights, when set, are what
// the demo reviewer (the ward lead) judged it engages.
type demoCase struct {
	ref, typ, service, harm, summary string
	daysAgo                          int
	rights                           []string
	freda                            []string
}

const demoCaseOrg = "northbridge-nhs"

var demoCases = []demoCase{
	{"DX-24101", "complaint", "Willow Ward (older adults)", "", "My mother's visits were cut to one hour a day with no explanation. We were told it was ward policy for everyone and nobody asked what she wanted.", 95, []string{"A8"}, []string{"autonomy", "respect"}},
	{"DX-24117", "incident", "Willow Ward (older adults)", "moderate", "Patient found on the floor beside the bed at 03:00. Call bell had been moved out of reach during the evening round. Bruising to the left hip.", 88, []string{"A2", "A3"}, []string{"dignity"}},
	{"DX-24122", "pals", "Maternity unit", "", "Partner was asked to leave the ward at 20:00 while his wife was in early labour and upset. They would like to understand the rule.", 80, nil, nil},
	{"DX-24130", "incident", "Ash Ward (acute mental health)", "low", "Patient was restrained during personal care without a recorded reason and the rationale was not written in the notes afterwards.", 74, []string{"A3", "A8"}, []string{"dignity", "fairness"}},
	{"DX-24144", "complaint", "Willow Ward (older adults)", "", "Dad was left in wet sheets for most of the morning and his lunch was put out of reach. He could not eat without help and nobody came.", 66, []string{"A3"}, []string{"dignity", "respect"}},
	{"DX-24151", "safeguarding", "Ash Ward (acute mental health)", "", "Informal patient told staff she was not allowed to leave the ward to go to the shop and felt she was being kept there against her will.", 60, []string{"A5"}, []string{"autonomy"}},
	{"DX-24163", "complaint", "Maternity unit", "", "No interpreter was booked for the birth planning meeting so I could not understand the choices or ask questions. My husband had to translate.", 52, nil, nil},
	{"DX-24170", "pals", "Willow Ward (older adults)", "", "The car park pay machine was broken and we were fined. We would like the charge refunded.", 47, []string{}, nil},
	{"DX-24178", "incident", "Ash Ward (acute mental health)", "none", "Patient's letters from her solicitor were opened by staff before being passed to her.", 40, nil, nil},
	{"DX-24185", "complaint", "Willow Ward (older adults)", "", "A do not attempt resuscitation form was put in my father's notes without anyone talking to him or to us about it.", 33, nil, nil},
	{"DX-24192", "incident", "Maternity unit", "severe", "Delay in escalating a deteriorating mother after the observations chart showed rising scores for four hours.", 27, nil, nil},
	{"DX-24203", "pals", "Ash Ward (acute mental health)", "", "Patient says staff talk about his diagnosis loudly in the corridor where other patients and visitors can hear.", 21, nil, nil},
	{"DX-24210", "complaint", "Willow Ward (older adults)", "", "The ward felt understaffed at the weekend and the waiting time for the bathroom was long.", 14, nil, nil},
	{"DX-24219", "safeguarding", "Willow Ward (older adults)", "", "Resident with dementia was refused the chance to go to the chapel service on Sunday because there was no escort.", 9, nil, nil},
	{"DX-24226", "incident", "Ash Ward (acute mental health)", "low", "Mobile phone taken from the patient as a blanket rule on admission with no individual risk assessment.", 5, nil, nil},
	{"DX-24231", "complaint", "Maternity unit", "", "Food was cold and the menu did not have a halal option on two days.", 2, nil, nil},
}

// loadDemoCases imports Northbridge's demo cases with suggestions and
// reviews the ones with a judgement, unless a person already has. Safe to
// repeat: cases are keyed on their reference.
func loadDemoCases(ctx context.Context, db *sqldb.DB, orgIDs map[string]int64, out io.Writer) error {
	octx := lightbulb.WithActor(lightbulb.WithOrg(ctx, orgIDs[demoCaseOrg]), &lightbulb.Actor{Name: "Leon Marsh"})
	cs := sqldb.NewCaseService(db, caseSuggest)
	services, err := caseServiceNames(octx, cs)
	if err != nil {
		return err
	}
	today := lightbulb.Today(lightbulb.Now())
	var batch []*lightbulb.Case
	for _, d := range demoCases {
		batch = append(batch, &lightbulb.Case{Type: lightbulb.CaseType(d.typ), SourceRef: d.ref, Received: lightbulb.AddDays(today, -d.daysAgo),
			ServiceID: services[lightbulb.UnitKey(d.service)], Summary: d.summary, Harm: d.harm, Status: "open", PersonRef: "P-" + d.ref[3:]})
	}
	res, err := cs.ImportCases(octx, batch, true)
	if err != nil {
		return fmt.Errorf("demo cases: %w", err)
	}
	reviewed := 0
	for i, d := range demoCases {
		if d.rights == nil {
			continue
		}
		done, err := demoReviewCase(octx, cs, batch[i].ID, d)
		if err != nil {
			return fmt.Errorf("demo case %s: %w", d.ref, err)
		}
		if done {
			reviewed++
		}
	}
	fmt.Fprintf(out, "Demo cases: %d added, %d reviewed.\n", res.Created, reviewed)
	return nil
}

// demoReviewCase confirms the suggestions the demo judgement lists, rejects
// the others and adds what the tagger missed.
func demoReviewCase(ctx context.Context, cs *sqldb.CaseService, id int64, d demoCase) (bool, error) {
	c, err := cs.FindCase(ctx, id)
	if err != nil || c.Reviewed {
		return false, err
	}
	rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Freda: d.freda, Notes: "Reviewed at the weekly rights huddle."}
	for _, r := range c.Rights {
		rv.Verdicts[r.Code] = "rejected"
		if slices.Contains(d.rights, r.Code) {
			rv.Verdicts[r.Code] = "confirmed"
		}
	}
	for _, code := range d.rights {
		if _, ok := rv.Verdicts[code]; !ok {
			rv.Added = append(rv.Added, code)
		}
	}
	_, err = cs.ReviewCase(ctx, id, rv)
	return err == nil, err
}
