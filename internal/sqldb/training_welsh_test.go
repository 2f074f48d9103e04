package sqldb_test

import (
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A course's Welsh is kept with it and shown with its sessions; changing the
// English title or summary while the Welsh stays makes the Welsh older than
// the English, until the Welsh is changed too; a programme keeps its Welsh.
func TestCourseAndProgrammeWelsh(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		c := &lightbulb.Course{Title: "Rights at work", Summary: "How rights help", DurationMins: 60, Mode: lightbulb.ModeOnline,
			SummaryCy: "Sut mae hawliau'n helpu"}
		if err := f.svc.CreateCourse(f.ctx, c); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a Welsh summary without a Welsh title: %v", err)
		}
		c.TitleCy = "Hawliau yn y gwaith"
		if err := f.svc.CreateCourse(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		x := &lightbulb.Session{CourseID: c.ID, StartsAt: time.Date(2030, 5, 1, 10, 0, 0, 0, time.UTC), EndsAt: time.Date(2030, 5, 1, 11, 0, 0, 0, time.UTC),
			Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example.org/x", Capacity: 10}
		if err := f.svc.CreateSession(f.ctx, x); err != nil {
			t.Fatal(err)
		}
		session := func() *lightbulb.Session {
			t.Helper()
			got, err := f.svc.FindSession(f.ctx, x.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		if s := session(); s.CourseTitleCy != "Hawliau yn y gwaith" || s.CourseAboutCy != "Sut mae hawliau'n helpu" || s.CourseWelshStale {
			t.Fatalf("session after creating: %+v", s)
		}
		// Changing only who it is for leaves the Welsh current.
		c.Audience = "Everyone"
		if err := f.svc.UpdateCourse(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.svc.FindCourse(f.ctx, c.ID); got.WelshStale() || session().CourseWelshStale {
			t.Fatalf("a change of audience made the Welsh older: %+v", got)
		}
		c.Summary = "How rights help at work"
		if err := f.svc.UpdateCourse(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.svc.FindCourse(f.ctx, c.ID); !got.WelshStale() || !session().CourseWelshStale {
			t.Fatalf("after an English edit the Welsh is not older: %+v", got)
		}
		c.SummaryCy = "Sut mae hawliau'n helpu yn y gwaith"
		if err := f.svc.UpdateCourse(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.svc.FindCourse(f.ctx, c.ID); got.WelshStale() || got.SummaryCy != c.SummaryCy {
			t.Fatalf("after the Welsh edit: %+v", got)
		}

		p := &lightbulb.Programme{Title: "Foundations", TitleCy: " Sylfeini ", SummaryCy: "Y pethau sylfaenol"}
		if err := f.svc.CreateProgramme(f.ctx, p, []int64{c.ID}); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.FindProgramme(f.ctx, p.ID)
		if err != nil || got.TitleCy != "Sylfeini" || got.SummaryCy != "Y pethau sylfaenol" || got.Parts[0].TitleCy != "Hawliau yn y gwaith" {
			t.Fatalf("programme = %+v, %v", got, err)
		}
	})
}
