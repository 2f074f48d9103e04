package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoCourse is a course of the demo catalogue.
type demoCourse struct {
	title, summary, audience, outcomes string
	mins                               int
	mode                               string
}

var demoCourses = []demoCourse{
	{"Human rights in everyday practice", "A two-hour session for a whole team: the 16 rights, and how FREDA (fairness, respect, equality, dignity, autonomy) helps with everyday decisions.",
		"Any team in health or social care", "Name the rights most often at stake in your work\nUse FREDA to talk through a hard decision", 120, lightbulb.ModeOnline},
	{"Practitioner 1: Rights and the law at work", "What the Human Rights Act asks of public bodies, and which rights are absolute, limited or qualified.",
		"Nurses, social workers and allied professionals", "Tell absolute, limited and qualified rights apart\nSpot a human rights issue in a care plan", 180, lightbulb.ModeOnline},
	{"Practitioner 2: Deciding with human rights", "Working through real cases: visiting, restraint, privacy and choice, using the proportionality test.",
		"Staff who completed part 1", "Apply the proportionality test\nRecord a rights-based decision", 180, lightbulb.ModeOnline},
}

// demoCoursesCy is the Welsh title and summary of demo courses, by English
// title; the Practice Leads parts have none, so the demo shows both cases.
var demoCoursesCy = map[string][2]string{
	"Human rights in everyday practice": {"Hawliau dynol mewn ymarfer bob dydd",
		"Sesiwn dwy awr i dîm cyfan: yr 16 hawl, a sut mae FREDA (tegwch, parch, cydraddoldeb, urddas, ymreolaeth) yn helpu gyda phenderfyniadau bob dydd."},
	"Practitioner 1: Rights and the law at work": {"Ymarferwr 1: Hawliau a'r gyfraith yn y gwaith",
		"Beth mae'r Ddeddf Hawliau Dynol yn ei ofyn gan gyrff cyhoeddus, a pha hawliau sy'n absoliwt, yn gyfyngedig neu'n amodol."},
	"Practitioner 2: Deciding with human rights": {"Ymarferwr 2: Penderfynu gyda hawliau dynol",
		"Gweithio drwy achosion go iawn: ymweld, ataliaeth, preifatrwydd a dewis, gan ddefnyddio'r prawf cymesuredd."},
}

// demoFocus is a right and a practice issue a cohort's workshop addresses,
// by part.
var demoFocus = [][2]string{{"A8", "visiting"}, {"A5", "restraint"}, {"A3", "dignity"}, {"A14", "equality"}}

// practiceLeads are the eight parts of the Practice Leads programme; the
// first and last are in person.
var practiceLeads = []string{"Launch day: leading with rights", "Rights-based supervision", "Restrictive practices", "Mental capacity and choice",
	"Family life and visiting", "Equality and discrimination", "Coaching your team", "Celebration and showcase"}

// demoAt is hour o'clock days from today, London time: the demo's clock,
// which every capability's demo winds back and forth by whole days.
func demoAt(days, hour int) time.Time {
	d := time.Now().In(lightbulb.London).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, lightbulb.London)
}

// demoWorkday is demoAt moved on to the next working day, for sessions and
// meetings (nobody runs training at weekends or over Christmas). Only
// events use it: a clock moved on a day or two would put "today" in the
// future for the demos that count days from it.
func demoWorkday(days, hour int) time.Time { return lightbulb.NextWorkingDay(demoAt(days, hour)) }

// loadTrainingDemo adds the demo catalogue, programmes, cohorts for the
// Northbridge trust, open sessions (one full, with a waiting list) and
// bespoke requests in several states. It does nothing when the charity
// already has courses, so it is safe to repeat.
func loadTrainingDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	orgs := sqldb.NewOrgService(db)
	charity, err := orgs.FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		return fmt.Errorf("demo training: %w", err)
	}
	trust, err := orgs.FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return fmt.Errorf("demo training: %w", err)
	}
	council, err := orgs.FindOrgBySlug(ctx, "riverside-council")
	if err != nil {
		return fmt.Errorf("demo training: %w", err)
	}
	ctx = lightbulb.WithOrg(ctx, charity.ID)
	tr := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "")
	if cs, err := tr.FindCourses(ctx); err != nil || len(cs) > 0 {
		fmt.Fprintln(out, "Training demo: already loaded.")
		return err
	}
	d := &trainingDemo{ctx: ctx, tr: tr, users: sqldb.NewUserService(db)}
	var ids []int64
	for _, c := range demoCourses {
		ids = append(ids, d.course(c))
	}
	var leads []int64
	for i, t := range practiceLeads {
		mode := lightbulb.ModeOnline
		if i == 0 || i == len(practiceLeads)-1 {
			mode = lightbulb.ModeInPerson
		}
		leads = append(leads, d.course(demoCourse{fmt.Sprintf("Practice Leads %d: %s", i+1, t), "Part " + fmt.Sprint(i+1) + " of the Practice Leads programme for senior staff.",
			"Senior staff leading practice", "", 180, mode}))
	}
	team := d.programme("Team session", "One two-hour online session for a whole team.", ids[:1])
	practitioner := d.programme("Practitioner programme", "Two workshops, run for one organisation's staff.", ids[1:3])
	lead := d.programme("Practice Leads programme", "Eight parts over eight months for about 40 senior staff; the first and last are in person.", leads)

	pc := d.cohort(practitioner, trust.ID, "Northbridge practitioners, wave 1", 3, 40)
	var part2 []int64
	for i := range 4 {
		d.session(ids[1], pc, 1, demoWorkday(3+i*7, 10), lightbulb.ModeOnline, 30)
		part2 = append(part2, d.session(ids[2], pc, 2, demoWorkday(17+i*7, 10), lightbulb.ModeOnline, 30))
	}
	d.pastWorkshop(ids[1], pc, trust.ID)
	lc := d.cohort(lead, trust.ID, "Northbridge Practice Leads", 10, 250)
	d.practiceLeadMembers(lc)
	for i, c := range leads {
		mode := lightbulb.ModeOnline
		if i == 0 || i == len(leads)-1 {
			mode = lightbulb.ModeInPerson
		}
		d.session(c, lc, i+1, demoWorkday(10+i*30, 9), mode, 40)
	}
	rc := d.cohort(team, council.ID, "Riverside social work week", 6, 10)
	d.finishedSession(ids[0], rc, council.ID)
	// One session a working day for a week.
	day := demoWorkday(6, 14)
	for range 5 {
		d.session(ids[0], rc, 1, day, lightbulb.ModeOnline, 25)
		day = lightbulb.NextWorkingDay(time.Date(day.Year(), day.Month(), day.Day()+1, 14, 0, 0, 0, lightbulb.London))
	}
	open1 := d.session(ids[0], 0, 0, demoWorkday(8, 10), lightbulb.ModeOnline, 30)
	d.session(ids[0], 0, 0, demoWorkday(22, 14), lightbulb.ModeOnline, 30)
	d.session(ids[1], 0, 0, demoWorkday(15, 10), lightbulb.ModeInPerson, 20)
	full := d.session(ids[0], 0, 0, demoWorkday(12, 18), lightbulb.ModeOnline, 3)

	d.book(open1, "Jo Price", "jo.price@example.org", 0, false)
	for i, n := range []string{"Ali Khan", "Bea Lloyd", "Cai Morgan", "Dee Walsh", "Eve Jones"} {
		d.book(full, n, fmt.Sprintf("person%d@example.org", i+1), 0, i >= 3)
	}
	// The nurse came to part 1 a fortnight ago and has booked part 2.
	if nurse, err := d.users.FindUserByEmail(ctx, "nurse@northbridge.test"); err == nil {
		d.bookUser(part2[0], nurse, trust.ID)
	}
	d.requests()
	if d.err != nil {
		return fmt.Errorf("demo training: %w", d.err)
	}
	fmt.Fprintf(out, "Training demo: %d courses, 3 programmes, 3 cohorts, %d sessions and 4 bespoke requests added.\n", len(ids)+len(leads), d.sessions)
	return nil
}

// trainingDemo adds demo rows, keeping the first error.
type trainingDemo struct {
	ctx      context.Context
	tr       *sqldb.TrainingService
	users    *sqldb.UserService
	err      error
	sessions int
}

func (d *trainingDemo) course(c demoCourse) int64 {
	cy := demoCoursesCy[c.title]
	x := &lightbulb.Course{Title: c.title, Summary: c.summary, Audience: c.audience, Outcomes: c.outcomes, DurationMins: c.mins, Mode: c.mode,
		TitleCy: cy[0], SummaryCy: cy[1]}
	if d.err == nil {
		d.err = d.tr.CreateCourse(d.ctx, x)
	}
	return x.ID
}

func (d *trainingDemo) programme(title, summary string, parts []int64) int64 {
	p := &lightbulb.Programme{Title: title, Summary: summary}
	if d.err == nil {
		d.err = d.tr.CreateProgramme(d.ctx, p, parts)
	}
	return p.ID
}

func (d *trainingDemo) cohort(programme, client int64, name string, from, to int) int64 {
	c := &lightbulb.Cohort{ProgrammeID: programme, ClientOrgID: client, Name: name, StartsOn: demoAt(from, 0), EndsOn: demoAt(to, 0)}
	if d.err == nil {
		d.err = d.tr.CreateCohort(d.ctx, c)
	}
	return c.ID
}

func (d *trainingDemo) session(course, cohort int64, part int, at time.Time, mode string, places int) int64 {
	hours := 2
	if part > 0 && cohort != 0 {
		hours = 3
	}
	x := &lightbulb.Session{CourseID: course, CohortID: cohort, Part: part, StartsAt: at, EndsAt: at.Add(time.Duration(hours) * time.Hour),
		Mode: mode, Capacity: places, Facilitators: "Tomos Pritchard (trainer), Esther Okafor (lived experience expert)"}
	if cohort != 0 {
		// Designed from the needs map: each part addresses a right and an issue.
		f := demoFocus[part%len(demoFocus)]
		x.Rights, x.Issues = []string{f[0]}, []string{f[1]}
	}
	if mode == lightbulb.ModeOnline {
		x.JoinURL = fmt.Sprintf("https://meet.example.org/lightbulb-%d", at.Unix())
	} else {
		x.Venue = "Northbridge Education Centre, Lecture Theatre 2, Hospital Road, Northbridge"
		x.Access = "Step-free entrance from the main car park; hearing loop; a quiet room is available."
	}
	if d.err == nil {
		d.err = d.tr.CreateSession(d.ctx, x)
		d.sessions++
	}
	return x.ID
}

// pastWorkshop adds a part 1 workshop of the practitioner cohort held a
// fortnight ago, with three Northbridge staff and the demo nurse booked and
// attendance left for the trainer to mark. Bookings are taken only for
// sessions to come, so the clock is wound back while booking (the demo
// command runs alone, before anything serves requests).
func (d *trainingDemo) pastWorkshop(course, cohort, trust int64) {
	at := demoWorkday(-14, 13)
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return at.Add(-30 * time.Minute).UTC() } // too late for reminders
	defer func() { lightbulb.Now = real }()
	x := d.session(course, cohort, 1, at, lightbulb.ModeOnline, 30)
	for i, n := range []string{"Ffion Hughes", "Sam Carter", "Zara Patel"} {
		d.book(x, n, fmt.Sprintf("practitioner%d@northbridge.test", i+1), trust, false)
	}
	if nurse, err := d.users.FindUserByEmail(d.ctx, "nurse@northbridge.test"); err == nil {
		d.bookUser(x, nurse, trust)
	}
}

// finishedSession adds a Riverside team session held three weeks ago that
// the demo social worker attended: the one part of her programme, so her
// plan for it is waiting to be started.
func (d *trainingDemo) finishedSession(course, cohort, council int64) {
	at := demoWorkday(-21, 14)
	real := lightbulb.Now
	defer func() { lightbulb.Now = real }()
	lightbulb.Now = func() time.Time { return at.Add(-30 * time.Minute).UTC() }
	x := d.session(course, cohort, 1, at, lightbulb.ModeOnline, 25)
	sam, err := d.users.FindUserByEmail(d.ctx, "socialworker@riverside.test")
	if err != nil || d.err != nil {
		return
	}
	b, err := d.tr.Book(d.ctx, &lightbulb.BookingRequest{SessionID: x, Name: sam.Name, Email: sam.Email, UserID: sam.ID, OrgID: council})
	if err != nil {
		d.err = err
		return
	}
	lightbulb.Now = func() time.Time { return at.Add(3 * time.Hour).UTC() }
	d.err = d.tr.MarkAttendance(d.ctx, x, map[int64]string{b.ID: lightbulb.Attended}, "")
}

// demoBookerOrgs and demoBookerNeeds are what some public bookers said
// about where they work and what they need to take part.
var (
	demoBookerOrgs = map[string]string{"jo.price@example.org": "Harbour Hospice", "person1@example.org": "Brightwell Care Homes",
		"person2@example.org": "Brightwell Care Homes", "person4@example.org": "Westshire Advocacy"}
	demoBookerNeeds = map[string]string{"jo.price@example.org": "Live captions, please: I am hard of hearing."}
)

func (d *trainingDemo) book(session int64, name, email string, org int64, wait bool) {
	if d.err != nil {
		return
	}
	b, err := d.tr.Book(d.ctx, &lightbulb.BookingRequest{SessionID: session, Name: name, Email: email, OrgID: org, Wait: wait,
		Organisation: demoBookerOrgs[email], AccessNeeds: demoBookerNeeds[email]})
	if err == nil {
		_, err = d.tr.ConfirmBooking(d.ctx, b.Token)
	}
	d.err = err
}

func (d *trainingDemo) bookUser(session int64, u *lightbulb.User, org int64) {
	if d.err == nil {
		_, d.err = d.tr.Book(d.ctx, &lightbulb.BookingRequest{SessionID: session, Name: u.Name, Email: u.Email, UserID: u.ID, OrgID: org})
	}
}

func (d *trainingDemo) requests() {
	for _, r := range []struct {
		org, who, email, challenges, status, notes string
		size                                       int
	}{
		{"Brightwell Care Homes", "Grace Mensah", "manager@brightwell.test", "Families ask why visiting is limited after an outbreak, and night staff are unsure when locking a door is a restriction of liberty.", "new", "", 35},
		{"Westshire Integrated Care Board", "Colin Burke", "commissioner@westshire.test", "We want commissioners to ask about human rights in contract reviews.", "scoping", "Call booked to agree the audience.", 12},
		{"Riverside Borough Council", "Rhiannon Evans", "admin@riverside.test", "Over 100 social work staff need a shared language for rights in assessments, in one week.", "proposed", "Proposed five two-hour online sessions.", 110},
		{"Northbridge NHS Foundation Trust", "Priya Shah", "admin@northbridge.test", "Practice leads want to coach their teams on restrictive practices.", "delivered", "Became the Practice Leads programme.", 40},
	} {
		if d.err != nil {
			return
		}
		q := &lightbulb.TrainingRequest{OrgName: r.org, ContactName: r.who, Email: r.email, Challenges: r.challenges, TeamSize: r.size,
			Format: "either", PreferredDates: "Weekday mornings"}
		if d.err = d.tr.CreateRequest(d.ctx, q); d.err == nil {
			d.err = d.tr.UpdateRequest(d.ctx, q.ID, r.status, r.notes)
		}
	}
}
