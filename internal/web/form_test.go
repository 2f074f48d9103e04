package web

import (
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func testForm(lang string, kv ...string) *form {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return &form{Values: v, lang: lang}
}

func TestFormDate(t *testing.T) {
	for _, c := range []struct {
		day, month, year string
		want             lightbulb.Date
		err              string
	}{
		{"", "", "", lightbulb.Date{}, ""},
		{" 7 ", "3", "2026", lightbulb.Date{Year: 2026, Month: 3, Day: 7}, ""},
		{"29", "2", "2028", lightbulb.Date{Year: 2028, Month: 2, Day: 29}, ""},
		{"31", "2", "2026", lightbulb.Date{}, "Start: enter a real date"},
		{"ten", "3", "2026", lightbulb.Date{}, "Start: enter the day, month and year as numbers"},
		{"1", "3", "26", lightbulb.Date{}, "Start: enter a year from 1900 to 2100"},
		{"1", "", "2026", lightbulb.Date{}, "Start: enter the day, month and year as numbers"},
	} {
		f := testForm("en", "start-day", c.day, "start-month", c.month, "start-year", c.year)
		got := f.Date("start", "Start?")
		if got != c.want {
			t.Errorf("%s %s %s: got %v, want %v", c.day, c.month, c.year, got, c.want)
		}
		msg := lightbulb.ErrorMessage(f.Err())
		if c.err == "" && msg != "" || !strings.HasPrefix(msg, c.err) {
			t.Errorf("%s %s %s: message %q, want %q", c.day, c.month, c.year, msg, c.err)
		}
	}
}

func TestFormDateInWelshNamesTheQuestion(t *testing.T) {
	f := testForm("cy", "date-day", "31", "date-month", "2", "date-year", "2026")
	f.Date("date", "Date of the decision")
	if got := lightbulb.ErrorMessage(f.Err()); got != "Dyddiad y penderfyniad: rhowch ddyddiad go iawn" {
		t.Errorf("got %q", got)
	}
}

func TestFormInt(t *testing.T) {
	for _, c := range []struct {
		in     string
		want   int
		ok     bool
		failed bool
	}{
		{"", 0, false, false},
		{"12", 12, true, false},
		{" 1,200 ", 1200, true, false},
		{"ten", 0, false, true},
		{"0", 0, false, true},
		{"2.5", 0, false, true},
	} {
		f := testForm("en", "n", c.in)
		n, ok := f.Int("n", "Places", 1, 5000)
		if n != c.want || ok != c.ok || (f.Err() != nil) != c.failed {
			t.Errorf("%q: got %d %v %v", c.in, n, ok, f.Err())
		}
	}
}

func TestFormChoicesAndChecks(t *testing.T) {
	f := testForm("en", "scope", "everyone", "colour", "plaid", "rights", "A8", "rights", "A3", "rights", "A8")
	if got := f.Choice("scope", "Who?", "person", "everyone"); got != "everyone" {
		t.Errorf("choice: %q", got)
	}
	if got := f.Choice("colour", "Colour", "red"); got != "" {
		t.Errorf("a value not offered is read as %q", got)
	}
	if got := f.Checks("rights", "Rights", 1, "A3", "A8"); len(got) != 2 || got[0] != "A8" {
		t.Errorf("checks: %v", got)
	}
	f.Checks("none", "Question 2", 1, "a", "b")
	err := f.Err()
	var v *lightbulb.ValidationErrors
	if e, ok := err.(*lightbulb.ValidationErrors); ok {
		v = e
	}
	if v == nil || len(v.List) != 2 || v.List[0].Field != "colour" || v.List[1].Message != "Question 2: choose at least one answer" {
		t.Fatalf("errors: %v", err)
	}
}

func TestFormErrKeepsTheReadingErrorForAField(t *testing.T) {
	f := testForm("en", "start-day", "x")
	f.Date("start", "Start")
	var domain lightbulb.ValidationErrors
	domain.Add("start", "Enter the start")
	domain.Add("end", "Enter the end")
	v := f.Err(domain.Err()).(*lightbulb.ValidationErrors)
	if len(v.List) != 2 || !strings.HasPrefix(v.List[0].Message, "Start:") || v.List[1].Field != "end" {
		t.Fatalf("merged: %v", v)
	}
	other := lightbulb.Errorf(lightbulb.ENOTFOUND, "gone")
	if got := testForm("en").Err(other); got != other {
		t.Errorf("an error that is not about the answers comes back as it is: %v", got)
	}
}
