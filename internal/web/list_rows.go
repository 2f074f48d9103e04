package web

import (
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The two longest lists staff open (the decisions register and the case
// list) are rendered from rows worked out here, once per row, in Go. A
// template reaches a method or function through reflection, and these rows
// made some twenty such calls each (titles, labels, dates, translations,
// sub-templates given a dict): 30 rows spent more time there than in the
// database. A row holds the finished words, and the register's rows are then
// written in Go (decisionRowsHTML) escaped as html/template escapes them.
// The HTML is the same as before (see docs/operating.md, Performance).

// decisionRow is one line of the decisions register.
type decisionRow struct {
	ID          int64
	Title       string // what was decided, or "Decision 12" before there is an outcome
	Proposed    string // "Proposed: …" once there is an outcome, else ""
	Number      string // "Decision 12"
	ServiceName string
	Blanket     string // the "Blanket rule" tag for a rule for everyone, else ""
	Who         string
	Restricted  string // the rights restricted, or "None"
	Status      string
	StatusTag   string // the tag's colour
	Incomplete  string // "Reasoning incomplete" for a draft or review with gaps, else ""
	Review      string // the review date, or "–"
	Overdue     string // the "Overdue" tag, else ""
}

func decisionRows(p *Page, ds []*lightbulb.Decision, today string) []decisionRow {
	rows := make([]decisionRow, len(ds))
	for i, d := range ds {
		r := &d.Reasoning
		row := decisionRow{ID: d.ID, Title: d.Title(), Number: p.T("Decision %d", d.ID), ServiceName: d.ServiceName,
			Who: decisionWho(p, r), Restricted: strings.Join(r.Restricted(), ", "), Status: p.Label("decision", d.Status),
			StatusTag: decisionStatusTag(d.Status), Review: "–"}
		if row.Title == "" {
			row.Title = row.Number
		}
		if r.Outcome != "" {
			row.Proposed = p.T("Proposed") + ": " + r.Proposal
		}
		if r.Scope == lightbulb.ScopeEveryone {
			row.Blanket = p.T("Blanket rule")
		}
		if row.Restricted == "" {
			row.Restricted = p.T("None")
		}
		if !d.Complete && d.Status != lightbulb.StatusEnded {
			row.Incomplete = p.T("Reasoning incomplete")
		}
		if r.ReviewDate != "" {
			row.Review = p.Dates.Short(r.ReviewDate)
		}
		if d.Overdue(today) {
			row.Overdue = p.T("Overdue")
		}
		rows[i] = row
	}
	return rows
}

// decisionWho is the "decision-who" template's words, for a row.
func decisionWho(p *Page, r *lightbulb.Reasoning) string {
	switch r.Scope {
	case lightbulb.ScopePerson:
		return p.T("Person") + " " + r.PersonRef
	case lightbulb.ScopeGroup:
		return r.Group
	case lightbulb.ScopeEveryone:
		return p.T("Everyone in the service")
	}
	return p.T("Not given yet")
}

// decisionStatusTag is the "decision-status" template's colour.
func decisionStatusTag(s lightbulb.Status) string {
	switch s {
	case lightbulb.StatusInForce:
		return "green"
	case lightbulb.StatusEnded:
		return "grey"
	}
	return "blue"
}
