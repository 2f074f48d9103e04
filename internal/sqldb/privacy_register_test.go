package sqldb_test

import (
	"context"
	"regexp"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// personalName matches column names that can hold a person's name, email
// address, account id or network address.
var personalName = regexp.MustCompile(`(^|_)e?mail$|^email|name|^user_id$|_by$|^owner|^actor|^lead_id$|_addr$|^ip$|^contact|person`)

// freeText lists columns whose text may mention a person by name, whatever
// they are called. A new free-text column joins this list.
var freeText = []string{
	"audit_log.detail", "outbox.subject", "outbox.body", "outbox.error", "sessions.data",
	"decisions.reasoning", "decision_versions.note", "decision_versions.outcome", "decision_versions.reasoning",
	"review_contributions.evidence", "review_finals.evidence", "review_actions.description",
	"training_sessions.facilitators", "training_sessions.notes", "training_requests.challenges", "training_requests.notes",
	"jobs.payload", "jobs.last_error", "cases.summary", "cases.notes", "case_uploads.body",
	"learning_feedback.comment", "learning_survey_responses.comment", "learning_plans.reflection",
	"learning_plan_actions.text", "learning_plan_checkins.answer",
	"actionplan_signatures.own_action", "actionplan_signatures.organisation", "actionplan_checkins.story",
	"coprod_profiles.avoid_times", "coprod_profiles.charity", "coprod_claims.expenses_note", "coprod_claims.pay_to",
	"coprod_followups.note", "coprod_involvements.title", "coprod_involvements.place", "coprod_involvements.access",
	"coprod_quotes.words", "coprod_room_notes.note", "coprod_receipts.body",
	"comm_answers.evidence", "comm_assessments.summary", "comm_assessment_lines.note", "comm_fact_comments.comment",
}

// TestRegisterCoversSchema fails for any column in the migrated schema that
// can hold a person and is not in the personal-data register, so a new
// capability cannot forget to declare what it keeps. Declaring a column
// HoldsNothing, with a reason, is allowed.
func TestRegisterCoversSchema(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		cols, err := db.SchemaColumns(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		declared, tables := declaredColumns(t)
		inSchema := map[string]bool{}
		for _, c := range cols {
			key := c.Table + "." + c.Column
			inSchema[key], inSchema[c.Table] = true, true
			if (personalName.MatchString(c.Column) || c.Users || contains(freeText, key)) && !declared[key] {
				t.Errorf("%s can hold a person but is not in the personal-data register: declare it in the area's *_personal.go", key)
			}
		}
		for key := range declared {
			if !inSchema[key] {
				t.Errorf("the register declares %s, which is not in the schema", key)
			}
		}
		for _, tb := range tables {
			if !inSchema[tb] {
				t.Errorf("the register declares table %s, which is not in the schema", tb)
			}
		}
		for _, f := range freeText {
			if !inSchema[f] {
				t.Errorf("freeText lists %s, which is not in the schema", f)
			}
		}
	})
}

// declaredColumns checks each register entry is complete and returns its
// columns as table.column.
func declaredColumns(t *testing.T) (map[string]bool, []string) {
	out := map[string]bool{}
	var tables []string
	sections := map[string]bool{}
	for _, tb := range sqldb.PersonalData() {
		tables = append(tables, tb.Table)
		if tb.Section != "" && (tb.About == "" || sections[tb.Section]) {
			t.Errorf("%s: an exported section needs an explanation and a name of its own", tb.Table)
		}
		sections[tb.Section] = true
		finds := tb.Link != nil
		if tb.Link != nil {
			out[tb.Table+"."+tb.Link.Column] = true
		}
		for _, c := range tb.Columns {
			key := tb.Table + "." + c.Column
			if out[key] && (tb.Link == nil || c.Column != tb.Link.Column) {
				t.Errorf("%s is declared twice", key)
			}
			out[key] = true
			finds = finds || c.Find
			if (c.Erase == lightbulb.EraseKeep || c.Holds == lightbulb.HoldsNothing) && c.Why == "" {
				t.Errorf("%s: keeping it, or calling it not personal, needs a reason", key)
			}
			if c.Erase == "" || c.Holds == "" {
				t.Errorf("%s: say what it holds and what erasure does", key)
			}
		}
		if tb.Section != "" && !finds {
			t.Errorf("%s is exported but nothing finds a person's rows in it", tb.Table)
		}
	}
	return out, tables
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
