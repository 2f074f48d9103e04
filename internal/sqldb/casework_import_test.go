package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// caseState is every stored column of the organisation's cases, with their
// suggestions, and its counts, as text: two equal states mean nothing
// changed.
func caseState(t *testing.T, db *sqldb.DB, ctx context.Context) string {
	t.Helper()
	org, _ := lightbulb.OrgFrom(ctx)
	var b strings.Builder
	for _, q := range []string{
		`SELECT id || '|' || type || '|' || source_ref || '|' || received || '|' || service_id || '|' || summary || '|' || harm || '|' ||
			status || '|' || person_ref || '|' || CAST(created_at AS TEXT) || '|' || CAST(updated_at AS TEXT) FROM cases WHERE org_id = $1 ORDER BY id`,
		`SELECT case_id || '|' || code || '|' || CAST(score AS TEXT) || '|' || verdict FROM case_rights WHERE org_id = $1 ORDER BY case_id, code`,
		`SELECT month || '|' || service_id || '|' || type || '|' || harm || '|' || n FROM case_counts
			WHERE org_id = $1 AND n <> 0 ORDER BY month, service_id, type, harm`,
	} {
		rows, err := db.TestStrings(ctx, q, org)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			b.WriteString(row + "\n")
		}
	}
	return b.String()
}

func TestCaseImportTwiceChangesNothing(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		batch := caseBatch(f.wardA.ID, 300, "Visiting refused")
		if _, err := cs.ImportCases(f.ctxA, batch, true); err != nil {
			t.Fatal(err)
		}
		before := caseState(t, db, f.ctxA)
		real := lightbulb.Now
		t.Cleanup(func() { lightbulb.Now = real })
		lightbulb.Now = func() time.Time { return real().AddDate(0, 0, 1) }
		res, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 300, "Visiting refused"), true)
		if err != nil || res.Created != 0 || res.Updated != 300 {
			t.Fatalf("second import: %+v %v", res, err)
		}
		if after := caseState(t, db, f.ctxA); after != before {
			t.Fatalf("the second import changed the stored cases:\nbefore:\n%s\nafter:\n%s", clipLines(before), clipLines(after))
		}
		// A changed row is still stored, and only it gets a new updated_at.
		changed := caseBatch(f.wardA.ID, 300, "Visiting refused")
		changed[7].Status = "closed"
		if _, err := cs.ImportCases(f.ctxA, changed, false); err != nil {
			t.Fatal(err)
		}
		diff := lineDiff(before, caseState(t, db, f.ctxA))
		if len(diff) != 1 || !strings.Contains(diff[0], "|IN-007|") || !strings.Contains(diff[0], "|closed|") {
			t.Fatalf("changing one case changed %d rows: %q", len(diff), diff)
		}
	})
}

// stopAfter is a store that stores n batches and then fails, as an import
// cut off by a restart does.
type stopAfter struct {
	*sqldb.CaseService
	n int
}

func (s *stopAfter) ImportCases(ctx context.Context, cs []*lightbulb.Case, suggest bool) (lightbulb.CaseImportResult, error) {
	if s.n == 0 {
		return lightbulb.CaseImportResult{}, errors.New("stopped")
	}
	s.n--
	return s.CaseService.ImportCases(ctx, cs, suggest)
}

func TestCaseImportStoppedContinues(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		var file strings.Builder
		file.WriteString("Ref,Type,Date,Ward,What,Harm\n")
		for i := range 250 {
			fmt.Fprintf(&file, "R%03d,Incident,2026-0%d-%02d,%s,Visiting stopped,Low harm\n", i, i%3+1, i%28+1, f.wardA.Name)
		}
		job := caseimport.Job{Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(file.String())), nil },
			Options: caseimport.Options{Services: map[string]int64{lightbulb.UnitKey(f.wardA.Name): f.wardA.ID},
				Mapping: caseimport.Mapping{"source_ref": "Ref", "type": "Type", "received": "Date", "service": "Ward", "summary": "What", "harm": "Harm"}},
			Batch: 100, Suggest: true}
		stored := 0
		job.Stored = func(rows int, _ lightbulb.CaseImportResult) error { stored = rows; return nil }
		if _, _, err := caseimport.Run(f.ctxA, &stopAfter{CaseService: cs, n: 2}, job); err == nil || stored != 200 {
			t.Fatalf("cut-off run: stored %d rows, err %v; want 200 and an error", stored, err)
		}
		// The next run skips what is stored, as the browser import's job does.
		job.Skip = stored
		if _, res, err := caseimport.Run(f.ctxA, cs, job); err != nil || res.Created != 50 || res.Updated != 0 {
			t.Fatalf("continued run: %+v %v", res, err)
		}
		whole := caseState(t, db, f.ctxA)
		ci, err := cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{})
		if err != nil || ci.Total != 250 || strings.Count(whole, "|Visiting stopped|") != 250 {
			t.Fatalf("after continuing: %d cases counted, %d stored (%v)", ci.Total, strings.Count(whole, "|Visiting stopped|"), err)
		}
		// Running the whole file again from its start changes nothing.
		job.Skip = 0
		if _, res, err := caseimport.Run(f.ctxA, cs, job); err != nil || res.Created != 0 || res.Updated != 250 {
			t.Fatalf("whole file again: %+v %v", res, err)
		}
		if again := caseState(t, db, f.ctxA); again != whole {
			t.Fatalf("importing the file again changed: %q", lineDiff(whole, again))
		}
	})
}

// lineDiff returns the lines of b that a does not have.
func lineDiff(a, b string) []string {
	have := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		have[l] = true
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !have[l] {
			out = append(out, l)
		}
	}
	return out
}

func clipLines(s string) string {
	ls := strings.SplitN(s, "\n", 6)
	return strings.Join(ls[:min(5, len(ls))], "\n")
}
