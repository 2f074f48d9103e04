package web

import (
	"fmt"
	"testing"
)

func TestWordDiff(t *testing.T) {
	for _, c := range []struct{ old, cur, want string }{
		{"You have the right to a private life.", "You have the right to a private and family life.",
			"[=You have the right to a private] [+and family] [=life.]"},
		{"Staff must knock.", "Staff should knock before coming in.", "[=Staff] [-must knock.] [+should knock before coming in.]"},
		{"Staff must knock first.", "Staff should always knock first.", "[=Staff] [-must] [+should always] [=knock first.]"},
		{"", "New words", "[+New words]"},
		{"Old words", "", "[-Old words]"},
		{"Same text", "Same  text", "[=Same text]"},
	} {
		got := ""
		for i, r := range wordDiff(c.old, c.cur) {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("[%s%s]", map[diffOp]string{diffSame: "=", diffDel: "-", diffIns: "+"}[r.Op], r.Text)
		}
		if got != c.want {
			t.Errorf("wordDiff(%q, %q) = %s, want %s", c.old, c.cur, got, c.want)
		}
	}
}
