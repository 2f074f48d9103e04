package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ExportPerson returns, section by section, every record the register finds
// for the subject: what a subject access request is answered with.
func (s *PrivacyService) ExportPerson(ctx context.Context, sub lightbulb.Subject) (*lightbulb.PersonalExport, error) {
	p, err := s.resolve(ctx, sub)
	if err != nil {
		return nil, err
	}
	out := &lightbulb.PersonalExport{Subject: lightbulb.Subject{UserID: p.userID}, Names: p.names, Emails: p.emails}
	if len(p.emails) > 0 {
		out.Subject.Email = p.emails[0]
	}
	for i := range register {
		t := &register[i]
		if t.Section == "" {
			continue
		}
		recs, err := s.records(ctx, t, p)
		if err != nil {
			return nil, err
		}
		out.Sections = append(out.Sections, lightbulb.PersonalSection{Section: t.Section, About: t.About, Records: recs})
	}
	// The account first, then every section that holds something, then
	// the kinds of record Lightbulb holds nothing of about them.
	rank := func(x lightbulb.PersonalSection) int {
		switch {
		case x.Section == "account":
			return 0
		case len(x.Records) > 0:
			return 1
		}
		return 2
	}
	sort.SliceStable(out.Sections, func(i, j int) bool { return rank(out.Sections[i]) < rank(out.Sections[j]) })
	return out, nil
}

// records reads the person's rows of one table as column-to-value maps.
func (s *PrivacyService) records(ctx context.Context, t *lightbulb.PersonalTable, p *person) ([]map[string]any, error) {
	cols := "*"
	if len(t.Export) > 0 {
		cols = strings.Join(t.Export, ", ")
	}
	w, args := p.where(t, 0)
	q := "SELECT " + cols + " FROM " + t.Table + " WHERE " + w
	if t.Order != "" {
		q += " ORDER BY " + t.Order
	}
	rows, err := s.db.readRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", t.Table, err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("export %s: %w", t.Table, err)
		}
		rec := make(map[string]any, len(types))
		for i, ct := range types {
			rec[ct.Name()] = readable(vals[i], ct.DatabaseTypeName())
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

// readable turns a database value into one that reads well as JSON: text
// rather than bytes, true and false rather than 1 and 0, and JSON kept in a
// column (a decision's reasoning) as JSON rather than an escaped string.
func readable(v any, dbType string) any {
	switch x := v.(type) {
	case []byte:
		return readable(string(x), dbType)
	case string:
		if t := strings.TrimSpace(x); (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)) {
			return json.RawMessage(t)
		}
		return x
	case int64:
		if strings.EqualFold(dbType, "BOOLEAN") || strings.EqualFold(dbType, "BOOL") {
			return x != 0
		}
	case time.Time:
		return x.UTC()
	}
	return v
}
