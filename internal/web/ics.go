package web

import (
	"strings"
	"time"
	"unicode/utf8"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// icsEvent is one calendar event, written as an RFC 5545 iCalendar file.
type icsEvent struct {
	UID, Summary, Description, Location, URL string
	Start, End, Stamp                        time.Time
	Cancelled                                bool
}

// icsFor describes a session, for a booking when uid names one.
func icsFor(x *lightbulb.Session, uid, page string) icsEvent {
	e := icsEvent{UID: uid, Summary: x.CourseTitle, Start: x.StartsAt, End: x.EndsAt, Stamp: lightbulb.Now(), URL: page,
		Description: "Human rights training with Lightbulb. Details: " + page}
	if x.Mode == lightbulb.ModeInPerson {
		e.Location = x.Venue
		if x.Access != "" {
			e.Description += "\nAccess: " + x.Access
		}
	} else {
		e.Location = "Online"
		e.Description += "\nThe joining link is on the booking page."
	}
	return e
}

// bytes writes the event as a calendar with CRLF line endings, lines
// folded at 75 octets and text values escaped.
func (e icsEvent) bytes() []byte {
	const stamp = "20060102T150405Z"
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lightbulb//Training//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
		"BEGIN:VEVENT", "UID:" + e.UID, "DTSTAMP:" + e.Stamp.UTC().Format(stamp),
		"DTSTART:" + e.Start.UTC().Format(stamp), "DTEND:" + e.End.UTC().Format(stamp),
		"SUMMARY:" + icsText(e.Summary), "DESCRIPTION:" + icsText(e.Description)}
	if e.Location != "" {
		lines = append(lines, "LOCATION:"+icsText(e.Location))
	}
	if e.URL != "" {
		lines = append(lines, "URL:"+e.URL)
	}
	lines = append(lines, "END:VEVENT", "END:VCALENDAR")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(icsFold(l))
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// icsText escapes a TEXT value (RFC 5545 section 3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// icsFold breaks a content line into lines of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 character.
func icsFold(line string) string {
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	return b.String()
}
