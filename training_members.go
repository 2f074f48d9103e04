package lightbulb

import (
	"encoding/csv"
	"errors"
	"io"
	"net/mail"
	"strings"
	"time"
)

// CohortMember is one named person a client organisation sends on a
// cohort's programme. Once a cohort has members, only they can book its
// sessions; a cohort without members is open to everyone at its client.
type CohortMember struct {
	ID        int64
	CohortID  int64
	Email     string
	Name      string
	AddedBy   int64
	CreatedAt time.Time
}

// Validate tidies the address and name and checks the address.
func (m *CohortMember) Validate() error {
	m.Email, m.Name = strings.ToLower(strings.TrimSpace(m.Email)), strings.TrimSpace(m.Name)
	if m.Email == "" {
		return FieldError("email", "Enter an email address")
	}
	if a, err := mail.ParseAddress(m.Email); err != nil || a.Address != m.Email {
		return FieldError("email", "Enter an email address in the correct format, like name@example.org")
	}
	if len(m.Name) > 200 {
		return FieldError("name", "Enter a name of 200 characters or fewer")
	}
	return nil
}

// MaxMemberRows is the most rows a members file may have.
const MaxMemberRows = 2000

// RowProblem is what is wrong with one row of an uploaded file: Row counts
// from 1 as a spreadsheet does, Column is the column's heading.
type RowProblem struct {
	Row     int
	Column  string
	Message string
}

// ErrMembersFile is returned for a file that cannot be read as CSV at all.
var ErrMembersFile = errors.New("the file is not a CSV file")

// ParseMembersCSV reads a CSV file of email addresses, one a row, with an
// optional second column for the person's name and an optional first row of
// headings ("email", "name", or the Welsh "e-bost", "enw"). It returns the people, or every row's
// problems; a file with any problem adds nobody.
func ParseMembersCSV(r io.Reader) ([]CohortMember, []RowProblem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	records, err := cr.ReadAll()
	if err != nil {
		return nil, nil, ErrMembersFile
	}
	var out []CohortMember
	var probs []RowProblem
	seen := map[string]int{}
	for i, rec := range records {
		row := i + 1
		if i == 0 && len(rec) > 0 && emailHeading(rec[0]) {
			continue
		}
		if blank(rec) {
			continue
		}
		m := CohortMember{Email: strings.TrimPrefix(rec[0], "\ufeff")}
		if len(rec) > 1 {
			m.Name = rec[1]
		}
		if err := m.Validate(); err != nil {
			e := err.(*Error)
			probs = append(probs, RowProblem{Row: row, Column: e.Field, Message: e.Message})
			continue
		}
		if _, ok := seen[m.Email]; ok {
			probs = append(probs, RowProblem{Row: row, Column: "email", Message: "This email address is on an earlier row too"})
			continue
		}
		seen[m.Email] = row
		out = append(out, m)
	}
	switch {
	case len(records) > MaxMemberRows+1:
		return nil, []RowProblem{{Column: "file", Message: "The file has more than 2,000 rows. Split it into smaller files"}}, nil
	case len(probs) > 0:
		return nil, probs, nil
	case len(out) == 0:
		return nil, []RowProblem{{Column: "file", Message: "The file has no email addresses"}}, nil
	}
	return out, nil, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// emailHeading reports whether a first cell is the heading of the email
// column, in English or Welsh, rather than an address.
func emailHeading(cell string) bool {
	h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff")))
	return h == "email" || h == "e-bost" || h == "ebost"
}
