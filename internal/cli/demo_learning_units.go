package cli

import (
	"context"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// learnDemoWards puts the demo's survey staff (staff01… in order) in
// Northbridge's wards before they answer, so that results and coverage read
// by ward: five on Willow, five on Ash, one in maternity.
var learnDemoWards = []string{
	"Willow Ward (older adults)", "Willow Ward (older adults)", "Willow Ward (older adults)", "Willow Ward (older adults)",
	"Willow Ward (older adults)", "Ash Ward (acute mental health)", "Maternity unit", "Ash Ward (acute mental health)",
	"Ash Ward (acute mental health)", "Ash Ward (acute mental health)", "Ash Ward (acute mental health)",
}

// learnDemoChampions are Northbridge's dignity champions: the lead on Ward
// 7, where the demo nurse works, and a Willow Ward nurse. Ash Ward and the
// others have none yet, for a lead to name.
var learnDemoChampions = map[string]string{
	"lead@northbridge.test":    "Ward 7 (older people’s mental health)",
	"staff02@northbridge.test": "Willow Ward (older adults)",
}

// learnDemoUnits places the survey staff in wards and names the champions.
func learnDemoUnits(ctx context.Context, db *sqldb.DB, staff []*lightbulb.User) error {
	units := sqldb.NewUnitService(db)
	have, err := units.FindUnits(ctx)
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, u := range have {
		byName[u.Name] = u.ID
	}
	for i, u := range staff {
		if i == 0 || i > len(learnDemoWards) {
			continue // the trust admin belongs to no ward
		}
		if err := units.AddMember(ctx, byName[learnDemoWards[i-1]], u.ID); err != nil {
			return fmt.Errorf("demo ward for %s: %w", u.Email, err)
		}
	}
	users, champions := sqldb.NewUserService(db), sqldb.NewChampionService(db)
	for email, unit := range learnDemoChampions {
		u, err := users.FindUserByEmail(ctx, email)
		if err != nil {
			return fmt.Errorf("demo champion %s: %w", email, err)
		}
		if err := champions.AssignChampion(ctx, byName[unit], u.ID); err != nil {
			return fmt.Errorf("demo champion %s: %w", email, err)
		}
	}
	return nil
}

// learnDemoTrained are the survey staff (by number) who came to the demo's
// past team session and whom the register marks attended: four on Willow
// Ward and two on Ash Ward, so coverage by ward has something to show.
var learnDemoTrained = []int{1, 2, 3, 4, 6, 8}

// learnDemoTrainStaff books those staff on the past session as members of
// Northbridge (the clock wound back to before it, as for the other
// bookings) and marks them attended once it has ended.
func learnDemoTrainStaff(ctx context.Context, db *sqldb.DB, tr *sqldb.TrainingService, x *lightbulb.Session) error {
	trust, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return err
	}
	users := sqldb.NewUserService(db)
	marks := map[int64]string{}
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return x.StartsAt.Add(-time.Hour).UTC() }
	for _, n := range learnDemoTrained {
		u, err := users.FindUserByEmail(ctx, fmt.Sprintf("staff%02d@northbridge.test", n))
		if err != nil {
			lightbulb.Now = real
			return err
		}
		b, err := tr.Book(ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: u.Name, Email: u.Email, UserID: u.ID, OrgID: trust.ID})
		if err != nil {
			lightbulb.Now = real
			return fmt.Errorf("demo training for %s: %w", u.Email, err)
		}
		marks[b.ID] = lightbulb.Attended
	}
	lightbulb.Now = real
	return tr.MarkAttendance(ctx, x.ID, marks, "")
}
