package caseimport

import (
	"fmt"
	"strings"
	"testing"
)

// An unclosed quote is an error naming its line; it does not swallow the
// rows after it into one case, and they are still read.
func TestUnclosedQuoteIsARowError(t *testing.T) {
	for name, tail := range map[string]string{
		"at the end of the file":  "R4,Complaint,2026-03-01,Willow Ward,fourth,\n",
		"closed by a later quote": "R4,Complaint,2026-03-01,Willow Ward,\"fourth, quoted\",\n",
	} {
		in := "Ref,Type,Date,Ward,What,Harm\n" +
			"R1,Complaint,2026-03-01,Willow Ward,\"first\nover two lines\",\n" +
			"R2,Complaint,2026-03-01,Willow Ward,\"second, never closed,\n" +
			"R3,Complaint,2026-03-01,Willow Ward,third,\n" + tail
		got, rep, err := readAll(t, in, testOpts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var refs []string
		for _, c := range got {
			refs = append(refs, c.SourceRef+"="+c.Summary)
		}
		want := "R1=first\nover two lines|R3=third|R4=fourth"
		if !strings.HasPrefix(strings.Join(refs, "|"), want) || len(got) != 3 {
			t.Errorf("%s: cases %q, want %q", name, refs, want)
		}
		if rep.ErrorCount != 1 || !strings.HasPrefix(rep.Errors[0].Message, "Line 4: a quotation mark in this row is not closed") {
			t.Errorf("%s: errors %+v", name, rep.Errors)
		}
	}
}

// A stray quote inside an unquoted field is still read as text.
func TestStrayQuoteInUnquotedField(t *testing.T) {
	in := "Ref,Type,Date,Ward,What,Harm\nR1,Complaint,2026-03-01,Willow Ward,a 5\" bandage,\nR2,Complaint,2026-03-01,Willow Ward,next,\n"
	got, rep, err := readAll(t, in, testOpts)
	if err != nil || len(got) != 2 || got[0].Summary != `a 5" bandage` || rep.ErrorCount != 0 {
		t.Fatalf("%v %d %+v", err, len(got), rep)
	}
}

// Many unclosed quotes: no row passes as a case, and past maxResync reading
// no longer starts again (each start reads on), so some rows are reported
// together.
func TestManyUnclosedQuotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("Ref,Type,Date,Ward,What,Harm\n")
	for i := 0; i < maxResync+5; i++ {
		fmt.Fprintf(&b, "R%d,Complaint,2026-03-01,Willow Ward,\"open\n", i)
	}
	_, rep, err := readAll(t, b.String(), testOpts)
	if err != nil || rep.ErrorCount <= maxResync || rep.ErrorCount > maxResync+5 || rep.Valid != 0 {
		t.Fatalf("%v %d errors, %d valid", err, rep.ErrorCount, rep.Valid)
	}
}
