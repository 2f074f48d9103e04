package caseimport

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var testOpts = Options{Services: map[string]int64{"willow ward": 7},
	Mapping: Mapping{"source_ref": "Ref", "type": "Type", "received": "Date", "service": "Ward", "summary": "What", "harm": "Harm"}}

func readAll(t *testing.T, in string, opt Options) ([]*lightbulb.Case, Report, error) {
	t.Helper()
	var got []*lightbulb.Case
	rep, err := Read(strings.NewReader(in), opt, func(c *lightbulb.Case) error { got = append(got, c); return nil })
	return got, rep, err
}

func TestReadDetectsDelimiters(t *testing.T) {
	for _, d := range []string{",", ";", "\t", "|"} {
		in := strings.Join([]string{"Ref", "Type", "Date", "Ward", "What", "Harm"}, d) + "\n" +
			strings.Join([]string{"R1", "Incident", "27/03/2026", "Willow Ward", "Fell at night", "Low harm"}, d) + "\n"
		got, rep, err := readAll(t, "\xEF\xBB\xBF"+in, testOpts)
		if err != nil || len(got) != 1 || rep.Delimiter != rune(d[0]) {
			t.Fatalf("delimiter %q: %v %+v", d, err, rep)
		}
		c := got[0]
		if c.SourceRef != "R1" || c.Type != lightbulb.CaseIncident || c.Received != "2026-03-27" || c.ServiceID != 7 || c.Harm != "low" {
			t.Errorf("delimiter %q: %+v", d, c)
		}
	}
}

func TestReadReportsRowsAndFields(t *testing.T) {
	in := "Ref,Type,Date,Ward,What,Harm\n" +
		"R1,Incident,31/02/2026,Willow Ward,x,low\n" +
		"R2,Feedback,2026-03-01,Oak Ward,x,\n" +
		",Complaint,2026-03-01,Willow Ward,,\n" +
		"R4,Incident,2026-03-01,Willow Ward,x,awful\n" +
		"R5,Complaint,2026-03-01,Willow Ward,\xff\xfe,\n" +
		"R6,Complaint,2026-03-01,Willow Ward,fine,\n"
	got, rep, err := readAll(t, in, testOpts)
	if err != nil || len(got) != 1 || got[0].SourceRef != "R6" || rep.Rows != 6 || rep.Valid != 1 {
		t.Fatalf("read: %v %d %+v", err, len(got), rep)
	}
	want := []string{"2 received", "3 type", "3 service", "4 source_ref", "4 summary", "5 harm", "6 "}
	var have []string
	for _, e := range rep.Errors {
		have = append(have, fmt.Sprintf("%d %s", e.Row, e.Field))
	}
	if strings.Join(have, "|") != strings.Join(want, "|") {
		t.Errorf("errors: %v, want %v", have, want)
	}
}

func TestReadRefusesBadFiles(t *testing.T) {
	cases := map[string]string{
		"":                        "empty",
		"Ref\nR1\n":               "only one column",
		"Ref,Type\nR1,Incident\n": `no column "Date"`,
		"\xff\xfeRef,Type\n":      "not UTF-8",
	}
	for in, want := range cases {
		_, _, err := readAll(t, in, testOpts)
		if !errors.Is(err, ErrFile) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	opt := testOpts
	opt.Mapping = Mapping{"source_ref": "Ref"}
	if _, _, err := readAll(t, "Ref,Type\nR1,Incident\n", opt); err == nil || !strings.Contains(err.Error(), "the type of case") {
		t.Errorf("unmapped required field: %v", err)
	}
}

func TestGuess(t *testing.T) {
	m := Guess([]string{"Datix ID", "Record type", "Date reported", "Location", "Description", "Severity", "Stage"})
	if m["source_ref"] != "Datix ID" || m["type"] != "Record type" || m["received"] != "Date reported" || m["service"] != "Location" ||
		m["summary"] != "Description" || m["harm"] != "Severity" || m["status"] != "Stage" {
		t.Errorf("guess: %v", m)
	}
}

// FuzzRead checks that no input makes the reader panic, pass on an invalid
// case, or hand on text that is not UTF-8. Seeds are in testdata/fuzz.
func FuzzRead(f *testing.F) {
	f.Add("Ref,Type,Date,Ward,What,Harm\nR1,Incident,27/03/2026,Willow Ward,Fell,low\n")
	f.Add("Ref;Type;Date;Ward;What\n\"R\"\"1\";Complaint;2026-01-01;willow ward;\"multi\nline\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = Read(strings.NewReader(in), testOpts, func(c *lightbulb.Case) error {
			if c.SourceRef == "" || c.Summary == "" || c.ServiceID != 7 || len(c.Received) != 10 {
				t.Fatalf("invalid case passed: %+v", c)
			}
			if c.Type == lightbulb.CaseIncident && c.Harm == "" {
				t.Fatalf("incident without harm: %+v", c)
			}
			return nil
		})
	})
}
