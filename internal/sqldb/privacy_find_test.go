package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestFindPeople(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		privacyFixture(t, db)
		ps := sqldb.NewPrivacyService(db)
		kinds := func(q string) map[string]int {
			t.Helper()
			ms, err := ps.FindPeople(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]int{}
			for _, m := range ms {
				out[m.Kind]++
				if m.Kind == "decision" && m.Ref != "SU-77" {
					t.Errorf("decision found with reference %q", m.Ref)
				}
			}
			return out
		}
		// By part of a name: the account, their booking, request, reviewed case and owned decision.
		got := kinds("quillFEATHER")
		for k, n := range map[string]int{"account": 1, "booking": 1, "request": 1, "case": 1, "decision": 1} {
			if got[k] != n {
				t.Errorf("search by name: %s = %d, want %d (all %v)", k, got[k], n, got)
			}
		}
		// By email, someone with no account.
		if got := kinds(pEmail); got["booking"] != 1 || got["account"] != 0 {
			t.Errorf("search by public email: %v", got)
		}
		// By pseudonymous reference, the case and the decision about them.
		if got := kinds("su-77"); got["case"] != 1 || got["decision"] != 1 || got["account"] != 0 {
			t.Errorf("search by reference: %v", got)
		}
		// LIKE's wildcards are searched for as text.
		if got := kinds("%%%"); len(got) != 0 {
			t.Errorf("%%%%%% matched %v", got)
		}
		if _, err := ps.FindPeople(ctx, " a "); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Errorf("a one-letter search: %v", err)
		}
	})
}
