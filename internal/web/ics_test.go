package web

import (
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func TestICS(t *testing.T) {
	start := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC) // 10:00 BST
	x := &lightbulb.Session{CourseTitle: "Rights, dignity; and “you”", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: lightbulb.ModeInPerson, Venue: "Room 2, Northbridge House", Access: strings.Repeat("Step-free entrance ŵ. ", 8)}
	out := string(icsFor(x, "booking-7@lightbulb.test", "https://lightbulb.test/training/bookings/abc").bytes())
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "UID:booking-7@lightbulb.test\r\n",
		"DTSTART:20260701T090000Z\r\n", "DTEND:20260701T110000Z\r\n", `SUMMARY:Rights\, dignity\; and “you”`,
		`LOCATION:Room 2\, Northbridge House`, "DTSTAMP:", "END:VCALENDAR\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("calendar lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !strings.HasPrefix(l, " ") && !strings.Contains(l, ":") {
			t.Errorf("line is neither a property nor a continuation: %q", l)
		}
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a bare LF in the calendar")
	}
	// Unfolding gives back the description whole.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, `\nAccess: `+strings.Repeat("Step-free entrance ŵ. ", 8)) {
		t.Errorf("folding broke the text:\n%s", unfolded)
	}
}
