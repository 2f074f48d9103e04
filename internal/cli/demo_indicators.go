package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoHistoryMonths is how far back the demo's history of cases goes: two
// years, so the indicators have enough months for XmR charts.
const demoHistoryMonths = 24

// demoHistorySummaries are the everyday cases the history is made of.
var demoHistorySummaries = []string{
	"Family asked why visiting was limited to one hour a day on the ward.",
	"Patient's phone was taken on admission without an individual risk assessment.",
	"Call bell left out of reach overnight; patient could not ask for help.",
	"No interpreter booked for a planning meeting about discharge.",
	"Person was not asked what they wanted before their care plan changed.",
	"Door to the garden kept locked for everyone after one incident.",
}

var demoHistoryServices = []string{"Willow Ward (older adults)", "Ash Ward (acute mental health)", "Maternity unit"}

// loadDemoHistory gives Northbridge two years of cases up to the month
// that last ended: about a dozen a month, of which a little over half were
// reviewed through the rights lens until a weekly huddle started a year
// before the end, after which nearly all were (a shift the chart marks as
// special cause; the named demo cases of recent weeks, mostly not yet
// reviewed, pull the latest months down). Then
// it computes every demo organisation's indicators for each month that
// has ended, as the monthly job would have. Safe to repeat.
func loadDemoHistory(ctx context.Context, db *sqldb.DB, orgIDs map[string]int64, out io.Writer) error {
	octx := lightbulb.WithActor(lightbulb.WithOrg(ctx, orgIDs[demoCaseOrg]), &lightbulb.Actor{Name: "Leon Marsh"})
	cs := sqldb.NewCaseService(db, caseSuggest)
	services, err := caseServiceNames(octx, cs)
	if err != nil {
		return err
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	first := lightbulb.AddMonths(last, -(demoHistoryMonths - 1))
	var batch []*lightbulb.Case
	var review []bool
	seed := uint32(17)
	for i, m := range lightbulb.MonthsBetween(first, last) {
		n := 9 + int(next(&seed)%6)
		share := 50 + int(next(&seed)%16) // per cent reviewed
		if i >= demoHistoryMonths-12 {
			share = 85 + int(next(&seed)%12)
		}
		for k := range n {
			batch = append(batch, &lightbulb.Case{Type: lightbulb.CaseType([]string{"complaint", "incident", "pals"}[k%3]),
				SourceRef: fmt.Sprintf("HX-%s-%02d", strings.ReplaceAll(m, "-", ""), k+1), Received: fmt.Sprintf("%s-%02d", m, 1+k*2),
				ServiceID: services[lightbulb.UnitKey(demoHistoryServices[(k+i)%3])], Summary: demoHistorySummaries[(k+i)%len(demoHistorySummaries)],
				Status: "closed", PersonRef: fmt.Sprintf("P-H%s%02d", m[2:4]+m[5:], k)})
			review = append(review, k*100 < share*n)
		}
	}
	res, err := cs.ImportCases(octx, batch, true)
	if err != nil {
		return fmt.Errorf("demo history: %w", err)
	}
	for i, c := range batch {
		if !review[i] {
			continue
		}
		if _, err := demoReviewCase(octx, cs, c.ID, demoCase{rights: []string{"A8"}, freda: []string{"autonomy"}}); err != nil {
			return fmt.Errorf("demo history %s: %w", c.SourceRef, err)
		}
	}
	computed := 0
	is := sqldb.NewIndicatorService(db)
	// How things stand (decisions in force, reviews overdue) is counted
	// each night; the demo counts its decisions as they stand now on the
	// last day of the last six months, as if counting began then.
	for _, m := range lightbulb.MonthsBetween(lightbulb.AddMonths(last, -5), last) {
		if err := is.CountStates(ctx, lightbulb.AddDays(lightbulb.AddMonths(m, 1)+"-01", -1)); err != nil {
			return fmt.Errorf("demo counts: %w", err)
		}
	}
	for _, id := range orgIDs {
		n, err := is.ComputeMonths(lightbulb.WithOrg(ctx, id), first, last)
		if err != nil {
			return fmt.Errorf("demo indicators: %w", err)
		}
		computed += n
	}
	if err := demoIndicatorShares(ctx, is, orgIDs); err != nil {
		return err
	}
	fmt.Fprintf(out, "Demo history: %d cases over two years added; indicators computed for %d organisation-months.\n", res.Created, computed)
	return nil
}

// demoIndicatorShares: Northbridge shares its indicators with the charity
// and with Westshire ICB, Riverside with the charity; a share already made
// is left as it is.
func demoIndicatorShares(ctx context.Context, is *sqldb.IndicatorService, orgIDs map[string]int64) error {
	for _, s := range [][2]string{{"northbridge-nhs", "lightbulb-charity"}, {"northbridge-nhs", "westshire-icb"}, {"riverside-council", "lightbulb-charity"}} {
		err := is.ShareIndicators(lightbulb.WithOrg(ctx, orgIDs[s[0]]), orgIDs[s[1]], "Leon Marsh")
		if err != nil && lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			return fmt.Errorf("demo share %s: %w", s[0], err)
		}
	}
	return nil
}

// next is a small fixed pseudo-random sequence, so every demo is the same.
func next(s *uint32) uint32 {
	*s = *s*1664525 + 1013904223
	return *s >> 16
}
