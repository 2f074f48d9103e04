package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Training coverage, counted nightly ($2 is only the day counted): the
// people with a role (all, staff, leads) who have attended a session
// booked as members, and the mandatory courses of their roles attended.
const coverageSQL = `SELECT 0, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM training_bookings b
		WHERE b.booker_org_id = $1 AND b.user_id = p.user_id AND b.attendance = 'attended') THEN 1 ELSE 0 END), 0), count(*)
	FROM (SELECT DISTINCT user_id FROM memberships WHERE org_id = $1 AND $2 <> '' %s) p`

func init() {
	registerStateIndicator("training.coverage", fmt.Sprintf(coverageSQL, ""))
	registerStateIndicator("training.coverage_staff", fmt.Sprintf(coverageSQL, "AND role = 'staff'"))
	registerStateIndicator("training.coverage_lead", fmt.Sprintf(coverageSQL, "AND role = 'lead'"))
	registerStateIndicator("training.mandatory", `SELECT 0, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM training_bookings b
			JOIN training_sessions x ON x.id = b.session_id WHERE b.booker_org_id = $1 AND b.user_id = p.user_id
			AND b.attendance = 'attended' AND x.course_id = p.course_id) THEN 1 ELSE 0 END), 0), count(*)
		FROM (SELECT DISTINCT m.user_id, l.course_id FROM learning_mandatory l JOIN memberships m ON m.org_id = l.org_id AND m.role = l.role
			WHERE l.org_id = $1 AND $2 <> '') p`)
	registerIndicatorQuery("learning.survey", indicatorQuery{compute: surveyChange})
}

// surveyChange sums, over the follow-up surveys that closed in month, the
// change in the share of answers agreeing against each one's baseline,
// leaving out any pair where either has fewer than SurveyMinGroup
// responses.
func surveyChange(ctx context.Context, tx *sql.Tx, org int64, month string) (float64, float64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, baseline_id FROM learning_surveys WHERE org_id = $1 AND kind = 'follow_up'
		AND baseline_id IS NOT NULL AND closes_on >= $2 AND closes_on < $3 ORDER BY id`, org, month+"-01", lightbulb.AddMonths(month, 1)+"-01")
	if err != nil {
		return 0, 0, err
	}
	type pair struct{ follow, base int64 }
	pairs, err := collect(rows, func(r scanner) (p pair, err error) { return p, r.Scan(&p.follow, &p.base) })
	if err != nil {
		return 0, 0, err
	}
	var sum, n float64
	for _, p := range pairs {
		after, okA, err := agreeShare(ctx, tx, org, p.follow)
		if err != nil {
			return 0, 0, err
		}
		before, okB, err := agreeShare(ctx, tx, org, p.base)
		if err != nil {
			return 0, 0, err
		}
		if okA && okB {
			sum, n = sum+after-before, n+1
		}
	}
	return sum, n, nil
}

// agreeShare is the percentage of a survey's answers to the built-in
// statements that agree or strongly agree (4 or 5), and false when too few
// responded to show it. An organisation's own statements are left out: a
// follow-up may ask some its baseline did not, and the change must compare
// like with like.
func agreeShare(ctx context.Context, tx *sql.Tx, org, survey int64) (float64, bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT scores FROM learning_survey_responses WHERE org_id = $1 AND survey_id = $2`, org, survey)
	if err != nil {
		return 0, false, err
	}
	raws, err := collect(rows, func(r scanner) (s string, err error) { return s, r.Scan(&s) })
	if err != nil || len(raws) < lightbulb.SurveyMinGroup {
		return 0, false, err
	}
	var agree, all float64
	for _, raw := range raws {
		var scores map[string]int
		if err := json.Unmarshal([]byte(raw), &scores); err != nil {
			return 0, false, err
		}
		for _, q := range lightbulb.SurveyQuestions {
			v, ok := scores[q.ID]
			if !ok {
				continue
			}
			all++
			if v >= 4 {
				agree++
			}
		}
	}
	return 100 * agree / max(all, 1), all > 0, nil
}
