package caseimport

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// parseRow turns one record into a case, reporting each bad field.
func parseRow(rep *Report, row int, rec []string, cols map[string]int, opt Options) (*lightbulb.Case, bool) {
	get := func(f string) string {
		i, ok := cols[f]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	for _, v := range rec {
		if !utf8.ValidString(v) {
			rep.add(row, "", "This row is not UTF-8 text: save the export as CSV UTF-8")
			return nil, false
		}
	}
	bad := rep.ErrorCount
	c := &lightbulb.Case{SourceRef: get("source_ref"), Summary: get("summary"), PersonRef: get("person_ref"), Status: "open"}
	if c.SourceRef == "" {
		rep.add(row, "source_ref", "The reference is empty")
	} else if len(c.SourceRef) > 64 {
		rep.add(row, "source_ref", "The reference is longer than 64 characters")
	}
	var ok bool
	if c.Type, ok = mappedType(opt.Mapping, get("type")); !ok {
		rep.add(row, "type", fmt.Sprintf("%q is not a type of case: match it to one, or use complaint, PALS, incident or safeguarding", get("type")))
	}
	if c.Received, ok = caseDay(get("received")); !ok {
		rep.add(row, "received", fmt.Sprintf("%q is not a date: use 2026-03-27 or 27/03/2026", get("received")))
	}
	name := get("service")
	if id, matched, known := mappedService(opt, name); matched && !known {
		rep.add(row, "service", fmt.Sprintf("%q is matched to a ward, team or home that is no longer on your list: match it again", name))
	} else if matched {
		c.ServiceID = id
	} else if c.ServiceID, ok = opt.Services[lightbulb.UnitKey(name)]; !ok {
		rep.add(row, "service", fmt.Sprintf("%q is not one of your wards, teams or homes: match it to one, add it first, or correct the file", name))
	}
	if c.Summary == "" {
		rep.add(row, "summary", "The summary is empty")
	} else if len(c.Summary) > 10000 {
		rep.add(row, "summary", "The summary is longer than 10,000 characters")
	}
	if c.Type == lightbulb.CaseIncident {
		if c.Harm, ok = mappedHarm(opt.Mapping, get("harm")); !ok {
			rep.add(row, "harm", fmt.Sprintf("%q is not a level of harm: match it to one, or use none, low, moderate, severe or death", get("harm")))
		}
	}
	if s := strings.ToLower(get("status")); s != "" {
		if c.Status, ok = caseStatus(s); !ok {
			rep.add(row, "status", fmt.Sprintf("%q is not a status: use open or closed", get("status")))
		}
	}
	if len(c.PersonRef) > 40 {
		rep.add(row, "person_ref", "The person’s reference is longer than 40 characters")
	}
	if opt.Redact {
		c.Summary = lightbulb.Redact(c.Summary)
	}
	return c, rep.ErrorCount == bad
}

func caseType(s string) (lightbulb.CaseType, bool) {
	s = strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "complaint"):
		return lightbulb.CaseComplaint, true
	case strings.HasPrefix(s, "pals"), s == "concern":
		return lightbulb.CasePALS, true
	case strings.HasPrefix(s, "incident"):
		return lightbulb.CaseIncident, true
	case strings.HasPrefix(s, "safeguarding"):
		return lightbulb.CaseSafeguarding, true
	}
	return "", false
}

var caseDayLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "02/01/2006 15:04", "2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z07:00", "02/01/2006 15:04:05", "2 Jan 2006", "02-Jan-2006"}

// caseDay reads a date in the forms exports use, day first as in the UK.
func caseDay(s string) (string, bool) {
	for _, l := range caseDayLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 1990 && t.Year() <= 2100 {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

func caseHarm(s string) (string, bool) {
	switch s {
	case "none", "no harm", "no":
		return "none", true
	case "low", "low harm", "minor":
		return "low", true
	case "moderate", "moderate harm":
		return "moderate", true
	case "severe", "severe harm", "major":
		return "severe", true
	case "death", "catastrophic", "fatal":
		return "death", true
	}
	return "", false
}

func caseStatus(s string) (string, bool) {
	switch s {
	case "open", "new", "in progress", "under investigation", "awaiting review":
		return "open", true
	case "closed", "resolved", "complete", "completed", "finally approved":
		return "closed", true
	}
	return "", false
}

// Guess maps each field to the first heading that looks like it.
func Guess(header []string) Mapping {
	words := map[string][]string{
		"source_ref": {"ref", "reference", "id", "number", "datix"},
		"type":       {"type", "category", "record type"},
		"received":   {"received", "date", "reported", "opened"},
		"service":    {"service", "ward", "team", "location", "department", "home"},
		"summary":    {"summary", "description", "details", "what happened"},
		"harm":       {"harm", "severity", "level of harm"},
		"status":     {"status", "stage"},
		"person_ref": {"person", "patient ref", "subject"},
	}
	m := Mapping{}
	used := map[string]bool{}
	for _, f := range Fields {
		for _, h := range header {
			lh := strings.ToLower(h)
			if used[h] {
				continue
			}
			for _, w := range words[f] {
				if lh == w || strings.Contains(lh, w) {
					m[f], used[h] = h, true
					break
				}
			}
			if m[f] != "" {
				break
			}
		}
	}
	return m
}
