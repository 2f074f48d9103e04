package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// learnDemoSurveyStaff is how many Northbridge staff answer the demo surveys
// besides the demo people; they have no password, so nobody signs in as them.
const learnDemoSurveyStaff = 11

// learnDemoBaseline and learnDemoFollowUp give each demo respondent's point
// on the scale for every statement (in SurveyQuestions order): the follow-up
// is more confident and more practised than the baseline.
var (
	learnDemoBaseline = [][]int{
		{2, 2, 4, 3, 2, 2}, {3, 2, 4, 4, 2, 3}, {2, 3, 5, 3, 3, 2}, {1, 2, 3, 3, 1, 2}, {3, 3, 4, 4, 2, 2}, {2, 2, 4, 2, 2, 3},
		{4, 3, 5, 4, 3, 3}, {2, 1, 3, 3, 2, 1}, {3, 2, 4, 3, 2, 2}, {2, 3, 4, 4, 3, 2}, {3, 2, 5, 3, 2, 3}, {2, 2, 4, 3, 2, 2},
	}
	learnDemoFollowUp = [][]int{
		{4, 4, 5, 4, 4, 3}, {4, 3, 5, 4, 4, 4}, {3, 4, 5, 4, 3, 4}, {4, 4, 4, 5, 4, 3}, {5, 4, 5, 4, 4, 4},
		{3, 3, 4, 4, 3, 3}, {4, 4, 5, 5, 4, 4}, {4, 3, 4, 4, 4, 3},
	}
	// learnDemoGroups are the staff groups respondents chose, in turn: at
	// the follow-up the doctors and the one who did not say are too few to
	// show, so the results page withholds them.
	learnDemoBaseGroups   = []string{"nursing", "support", "nursing", "support", "nursing", "support", "nursing", "support", "nursing", "support", "nursing", "support"}
	learnDemoFollowGroups = []string{"nursing", "nursing", "medical", "nursing", "nursing", "medical", "", "nursing"}
	// learnDemoOwn are the follow-up's answers to Northbridge's own two
	// statements, which it added after the baseline.
	learnDemoOwn      = [][]int{{4, 4}, {5, 3}, {3, 2}, {4, 4}, {4, 5}, {2, 3}, {4, 4}, {5, 4}}
	learnDemoComments = []string{"More time in team meetings to talk cases through.", "A short guide on the ward about visiting decisions.",
		"Examples from mental health, not only care homes.", "", "Knowing who to ask when I am not sure."}
)

// loadLearningSurveyDemo gives Northbridge a closed baseline survey from
// three months ago and an open follow-up, each with enough answers to show.
// The demo nurse and lead have answered neither, so they can try it.
func loadLearningSurveyDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	trust, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return fmt.Errorf("demo surveys: %w", err)
	}
	ctx = lightbulb.WithOrg(ctx, trust.ID)
	sv := sqldb.NewSurveyService(db)
	if list, err := sv.FindSurveys(ctx); err != nil || len(list) > 0 {
		fmt.Fprintln(out, "Survey demo: already loaded.")
		return err
	}
	staff, err := learnDemoSurveyPeople(ctx, db, trust)
	if err != nil {
		return err
	}
	if err := learnDemoUnits(ctx, db, staff); err != nil {
		return err
	}
	day := func(days int) string { return demoAt(days, 12).Format("2006-01-02") }
	base := &lightbulb.Survey{Title: "Staff views on equality and human rights: baseline", Kind: lightbulb.SurveyBaseline, OpensOn: day(-100), ClosesOn: day(-86)}
	if err := sv.CreateSurvey(ctx, base); err != nil {
		return fmt.Errorf("demo baseline: %w", err)
	}
	for _, st := range learnDemoStatements {
		if err := sv.SaveStatement(ctx, &lightbulb.SurveyStatement{Text: st[0], Welsh: st[1]}); err != nil {
			return fmt.Errorf("demo survey statement: %w", err)
		}
	}
	follow := &lightbulb.Survey{Title: "Staff views on equality and human rights: follow-up", Kind: lightbulb.SurveyFollowUp, BaselineID: base.ID,
		OpensOn: day(-7), ClosesOn: day(21)}
	if err := sv.CreateSurvey(ctx, follow); err != nil {
		return fmt.Errorf("demo follow-up: %w", err)
	}
	// The baseline was answered while it was open: wind the clock back.
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return demoAt(-95, 12).UTC() }
	err = learnDemoAnswer(ctx, sv, base.ID, staff, learnDemoBaseline, learnDemoBaseGroups)
	lightbulb.Now = real
	if err != nil {
		return err
	}
	if err := learnDemoAnswer(ctx, sv, follow.ID, staff, learnDemoFollowUp, learnDemoFollowGroups); err != nil {
		return err
	}
	if err := learnDemoNeeds(ctx, db, sv, trust, staff); err != nil {
		return err
	}
	if err := learnDemoMandatory(ctx, db); err != nil {
		return err
	}
	fmt.Fprintf(out, "Survey demo: Northbridge baseline (%d answers) and follow-up (%d answers), and %d people's learning needs.\n",
		len(learnDemoBaseline), len(learnDemoFollowUp), len(staff))
	return nil
}

// learnDemoStatements are Northbridge's own statements, English and Welsh;
// the second has no Welsh yet, so Welsh pages show its English.
var learnDemoStatements = [][2]string{
	{"I would feel able to challenge a colleague who treated someone unfairly because of who they are.",
		"Byddwn yn teimlo'n gallu herio cydweithiwr a oedd yn trin rhywun yn annheg oherwydd pwy ydyn nhw."},
	{"People who use our services are asked how they want to be supported, whatever their background.", ""},
}

// learnDemoAnswer answers a survey for each row: the built-in statements
// from the row, the survey's own statements from learnDemoOwn.
func learnDemoAnswer(ctx context.Context, sv *sqldb.SurveyService, id int64, staff []*lightbulb.User, answers [][]int, groups []string) error {
	x, err := sv.FindSurvey(ctx, id)
	if err != nil {
		return err
	}
	for i, row := range answers {
		a := &lightbulb.SurveyAnswer{Scores: map[string]int{}, Comment: learnDemoComments[i%len(learnDemoComments)], StaffGroup: groups[i]}
		for j, q := range x.Questions {
			if j < len(row) {
				a.Scores[q.ID] = row[j]
			} else {
				a.Scores[q.ID] = learnDemoOwn[i][j-len(row)]
			}
		}
		if err := sv.Respond(ctx, id, staff[i].ID, a); err != nil {
			return fmt.Errorf("demo survey answer: %w", err)
		}
	}
	return nil
}

// learnDemoSurveyPeople returns Northbridge staff to answer the surveys,
// adding those without a password that the demo needs.
func learnDemoSurveyPeople(ctx context.Context, db *sqldb.DB, trust *lightbulb.Organisation) ([]*lightbulb.User, error) {
	users := sqldb.NewUserService(db)
	var out []*lightbulb.User
	if u, err := users.FindUserByEmail(ctx, "admin@northbridge.test"); err == nil {
		out = append(out, u)
	}
	for i := range learnDemoSurveyStaff {
		email := fmt.Sprintf("staff%02d@northbridge.test", i+1)
		u, err := users.FindUserByEmail(ctx, email)
		if err != nil {
			u = &lightbulb.User{Email: email, Name: fmt.Sprintf("Northbridge staff member %d", i+1)}
			if err := users.CreateUser(ctx, u); err != nil {
				return nil, fmt.Errorf("demo survey person: %w", err)
			}
			if err := users.SetRoles(ctx, u.ID, []lightbulb.Role{lightbulb.RoleStaff}); err != nil {
				return nil, fmt.Errorf("demo survey person roles: %w", err)
			}
		}
		out = append(out, u)
	}
	return out, nil
}

// learnDemoNeedsChoices are what the demo staff want to focus on, in turn.
var learnDemoNeedsChoices = []struct{ rights, issues []string }{
	{[]string{"A8", "A5"}, []string{"visiting", "restraint"}},
	{[]string{"A8"}, []string{"visiting", "choice"}},
	{[]string{"A3", "A8"}, []string{"dignity"}},
	{[]string{"A5"}, []string{"restraint", "choice"}},
	{[]string{"A8", "A14"}, []string{"equality", "visiting"}},
	{[]string{"A2", "A8"}, []string{"end_of_life", "choice"}},
}

// learnDemoNeeds records each demo person's learning needs, the first half
// in Northbridge's practitioner cohort.
func learnDemoNeeds(ctx context.Context, db *sqldb.DB, sv *sqldb.SurveyService, trust *lightbulb.Organisation, staff []*lightbulb.User) error {
	charity, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		return err
	}
	cohorts, err := sqldb.NewTrainingService(db, nil, "").FindCohorts(lightbulb.WithOrg(ctx, charity.ID))
	if err != nil {
		return err
	}
	var cohort int64
	for _, c := range cohorts {
		if c.ClientOrgID == trust.ID && cohort == 0 {
			cohort = c.ID
		}
	}
	codes := []string{"A2", "A3", "A5", "A8", "A14"}
	for i, u := range staff {
		ch := learnDemoNeedsChoices[i%len(learnDemoNeedsChoices)]
		n := &lightbulb.Needs{UserID: u.ID, Rights: ch.rights, Issues: ch.issues}
		if i < len(staff)/2 {
			n.CohortID = cohort
		}
		if err := sv.SaveNeeds(ctx, n, codes); err != nil {
			return fmt.Errorf("demo needs: %w", err)
		}
	}
	return nil
}

// learnDemoMandatory makes the team session mandatory for Northbridge's
// staff and the first practitioner workshop mandatory for its leads.
func learnDemoMandatory(ctx context.Context, db *sqldb.DB) error {
	charity, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		return err
	}
	courses, err := sqldb.NewTrainingService(db, nil, "").FindCourses(lightbulb.WithOrg(ctx, charity.ID))
	if err != nil {
		return err
	}
	m := map[int64][]lightbulb.Role{}
	for _, c := range courses {
		switch c.Title {
		case demoCourses[0].title:
			m[c.ID] = []lightbulb.Role{lightbulb.RoleStaff}
		case demoCourses[1].title:
			m[c.ID] = []lightbulb.Role{lightbulb.RoleLead}
		}
	}
	if err := sqldb.NewCoverageService(db).SetMandatory(ctx, m); err != nil {
		return fmt.Errorf("demo mandatory training: %w", err)
	}
	return nil
}
