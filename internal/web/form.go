package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// The one year range a GOV.UK date input accepts. A two-digit year ("26")
// falls outside it, so it is caught rather than read as the year 26.
const (
	minYear = 1900
	maxYear = 2100
)

// form reads a posted form's answers into typed values and collects, for
// each answer that cannot be read, an error that names the question, in the
// page's language. Blank answers are not errors here: whether an answer is
// required is the domain's rule, checked when the value is saved.
type form struct {
	Values url.Values
	lang   string
	errs   lightbulb.ValidationErrors
}

// formOf reads r's posted form (already parsed by readForm) in r's language.
func formOf(r *http.Request) *form {
	return &form{Values: r.PostForm, lang: i18n.FromRequest(r)}
}

// fail records that the answer to question, in field name, is wrong: the
// message is the question followed by what to do, such as "Start of the
// period: enter a real date".
func (f *form) fail(name, question, instruction string, args ...any) {
	q := strings.TrimRight(i18n.T(f.lang, question), "?.: ")
	f.errs.Add(name, q+": "+i18n.T(f.lang, instruction, args...))
}

// Add records an error about a field, in the order the page asks: message
// is English, translated here.
func (f *form) Add(field, message string, args ...any) {
	f.errs.Add(field, i18n.T(f.lang, message, args...))
}

// Text returns an answer with the spaces around it trimmed.
func (f *form) Text(name string) string { return strings.TrimSpace(f.Values.Get(name)) }

// Date reads a GOV.UK date input (name-day, name-month, name-year). Blank
// gives the zero Date; anything that is not a real day in the year range
// is an error.
func (f *form) Date(name, question string) lightbulb.Date {
	d, m, y := f.Text(name+"-day"), f.Text(name+"-month"), f.Text(name+"-year")
	if d == "" && m == "" && y == "" {
		return lightbulb.Date{}
	}
	dn, e1 := strconv.Atoi(d)
	mn, e2 := strconv.Atoi(m)
	yn, e3 := strconv.Atoi(y)
	if e1 != nil || e2 != nil || e3 != nil {
		f.fail(name, question, "enter the day, month and year as numbers, for example 27 3 2026")
		return lightbulb.Date{}
	}
	if yn < minYear || yn > maxYear {
		f.fail(name, question, "enter a year from %d to %d, in four figures", minYear, maxYear)
		return lightbulb.Date{}
	}
	date, ok := lightbulb.MakeDate(yn, mn, dn)
	if !ok {
		f.fail(name, question, "enter a real date")
	}
	return date
}

// Int reads a whole number from min to max. Blank gives 0 and false; words
// or a number out of range are an error, never a silent 0.
func (f *form) Int(name, question string, min, max int) (int, bool) {
	v := strings.ReplaceAll(f.Text(name), ",", "")
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.fail(name, question, "enter a number in figures, such as 12")
		return 0, false
	}
	if n < min || n > max {
		f.fail(name, question, "enter a whole number from %d to %d", min, max)
		return 0, false
	}
	return n, true
}

// ID reads the id of something chosen from a list; blank or not a number
// gives 0, which the domain refuses as "not chosen".
func (f *form) ID(name string) int64 {
	id, err := strconv.ParseInt(f.Text(name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// Choice reads one radio or select answer that must be one of allowed.
// Blank gives ""; a value not offered is an error.
func (f *form) Choice(name, question string, allowed ...string) string {
	v := f.Values.Get(name)
	if v == "" {
		return ""
	}
	if !slices.Contains(allowed, v) {
		f.fail(name, question, "choose one of the answers")
		return ""
	}
	return v
}

// Checks reads checkbox answers, each one of allowed, in the order given.
// At least min must be ticked.
func (f *form) Checks(name, question string, min int, allowed ...string) []string {
	var out []string
	for _, v := range f.Values[name] {
		if !slices.Contains(allowed, v) {
			f.fail(name, question, "choose only from the answers given")
			return nil
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if len(out) < min {
		f.fail(name, question, "choose at least one answer")
	}
	return out
}

// Err returns the reading errors together with the errors of further checks
// (the domain's validation, say). Where both speak of one field, the
// reading error is kept: it says what was wrong with what was typed.
func (f *form) Err(more ...error) error {
	out := lightbulb.ValidationErrors{List: slices.Clone(f.errs.List)}
	for _, err := range more {
		var v *lightbulb.ValidationErrors
		var e *lightbulb.Error
		switch {
		case errors.As(err, &v):
			for _, x := range v.List {
				out.List = appendUnlessField(out.List, x)
			}
		case errors.As(err, &e) && (e.Code == lightbulb.EINVALID || e.Code == lightbulb.ECONFLICT):
			out.List = appendUnlessField(out.List, e)
		case err != nil:
			return err // not about the answers: the caller's error page
		}
	}
	return out.Err()
}

// appendUnlessField adds e unless an error about its field is there already.
func appendUnlessField(list []*lightbulb.Error, e *lightbulb.Error) []*lightbulb.Error {
	if e.Field != "" && slices.ContainsFunc(list, func(x *lightbulb.Error) bool { return x.Field == e.Field }) {
		return list
	}
	return append(list, e)
}

// setDateFields fills a GOV.UK date input's three fields from a date: a
// lightbulb.Date, a YYYY-MM-DD string or a time (its day in Europe/London).
// Nothing is set for no date.
func setDateFields(v url.Values, name string, date any) {
	var d lightbulb.Date
	switch x := date.(type) {
	case lightbulb.Date:
		d = x
	case string:
		d, _ = lightbulb.ParseDate(x)
	case time.Time:
		if !x.IsZero() {
			d = lightbulb.DateOf(x)
		}
	}
	if d.IsZero() {
		return
	}
	v.Set(name+"-day", strconv.Itoa(d.Day))
	v.Set(name+"-month", strconv.Itoa(int(d.Month)))
	v.Set(name+"-year", strconv.Itoa(d.Year))
}

// isDate reports whether v is a YYYY-MM-DD date, for dates in query strings.
func isDate(v string) bool {
	_, err := lightbulb.ParseDate(v)
	return err == nil
}

// Pence reads an amount of money typed in pounds ("12.50", "£1,000") as
// pence. Blank gives 0; anything else unreadable is an error.
func (f *form) Pence(name, question string) int64 {
	v := f.Text(name)
	if v == "" {
		return 0
	}
	p, ok := lightbulb.ParsePounds(v)
	if !ok {
		f.fail(name, question, "enter an amount in pounds, such as 12.50")
	}
	return p
}

// poundsField shows pence as Pence reads them back ("12.50"), blank for
// none.
func poundsField(pence int64) string {
	if pence == 0 {
		return ""
	}
	return fmt.Sprintf("%d.%02d", pence/100, pence%100)
}

// Minutes reads a length of time as hours (name-hours, 0 to 16) and
// minutes (name-minutes, 0 to 59) and returns it in minutes. An error is
// about the field name, whose first input is the hours.
func (f *form) Minutes(name, question string) int {
	h, m := f.Text(name+"-hours"), f.Text(name+"-minutes")
	hn, err1 := strconv.Atoi(orZero(h))
	mn, err2 := strconv.Atoi(orZero(m))
	switch {
	case err1 != nil || err2 != nil:
		f.fail(name, question, "enter hours and minutes as numbers, such as 1 and 30")
	case hn < 0 || hn > 16:
		f.fail(name, question, "enter from 0 to 16 hours")
	case mn < 0 || mn > 59:
		f.fail(name, question, "enter from 0 to 59 minutes")
	default:
		return hn*60 + mn
	}
	return 0
}

// orZero reads a blank answer as "0".
func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// Clock reads a time of day typed as 24-hour "HH:MM" and returns it as the
// time since midnight. Blank gives 0.
func (f *form) Clock(name, question string) time.Duration {
	v := strings.ReplaceAll(f.Text(name), ".", ":")
	if v == "" {
		return 0
	}
	t, err := time.Parse("15:04", v)
	if err != nil {
		f.fail(name, question, "enter a time on the 24-hour clock, such as 14:30")
		return 0
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute
}

// numberQuestions names the question each error is about on a page of
// numbered questions, so that an error summary of several reads "Question
// 2: choose at least one answer" rather than the same words again and
// again. fields are the questions' field names in order; other errors and
// errors that are not about answers are returned as they are.
func numberQuestions(err error, lang string, fields []string) error {
	var v *lightbulb.ValidationErrors
	if !errors.As(err, &v) {
		return err
	}
	out := &lightbulb.ValidationErrors{}
	for _, e := range v.List {
		i := slices.Index(fields, e.Field)
		if i < 0 {
			out.List = append(out.List, e)
			continue
		}
		out.List = append(out.List, lightbulb.FieldError(e.Field, i18n.T(lang, "Question %d: %s", i+1, lowerFirst(i18n.T(lang, e.Message)))))
	}
	return out
}
