package lightbulb

import (
	"context"
	"strings"
	"unicode"
)

// Unit is a ward, team or home of an organisation: the one list that
// decisions, cases, Traffic Light reviews, training coverage and
// commissioning contracts all point at. (It is stored in the table
// `services`, and records that belong to one keep a `service_id` column.)
type Unit struct {
	ID    int64
	OrgID int64
	Name  string
	// Members is how many people belong to the unit; filled by FindUnits.
	Members int
}

// UnitMember is a person who belongs to a unit.
type UnitMember struct {
	UnitID   int64
	UnitName string
	UserID   int64
	Name     string
	Email    string
	// AddedBy is the name of the person who added them ("" when they
	// chose the unit themselves).
	AddedBy string
}

// UnmatchedSubject is a service named in Traffic Light reviews written
// before the list existed, which matched no unit by name: a lead matches it.
type UnmatchedSubject struct {
	Subject string
	Reviews int
}

// UnitService keeps the organisation's units and who belongs to them.
// Every method is scoped to the organisation in ctx.
type UnitService interface {
	// FindUnits lists the units by name, with how many people belong to each.
	FindUnits(ctx context.Context) ([]*Unit, error)
	// FindUnit returns one unit, or ENOTFOUND.
	FindUnit(ctx context.Context, id int64) (*Unit, error)
	// CreateUnit adds a unit; the name must be new to the organisation
	// once quotes, case and spaces are set aside. Reviews whose service
	// matches the new name are matched to it.
	CreateUnit(ctx context.Context, u *Unit) error

	// Members lists the people who belong to a unit, by name.
	Members(ctx context.Context, unitID int64) ([]UnitMember, error)
	// AddMember puts a member of the organisation in a unit.
	AddMember(ctx context.Context, unitID, userID int64) error
	// RemoveMember takes a person out of a unit.
	RemoveMember(ctx context.Context, unitID, userID int64) error
	// UnitsOf lists the units a person belongs to, by name.
	UnitsOf(ctx context.Context, userID int64) ([]*Unit, error)
	// SetOwnUnits replaces the actor's own units with ids.
	SetOwnUnits(ctx context.Context, ids []int64) error

	// UnmatchedSubjects lists the services named in reviews that match no
	// unit, for a lead to match.
	UnmatchedSubjects(ctx context.Context) ([]UnmatchedSubject, error)
	// MatchSubject points every review of subject at a unit.
	MatchSubject(ctx context.Context, subject string, unitID int64) (int, error)
}

// UnitKey is how unit names are compared: curly quotes made straight, case
// folded, spaces trimmed and runs of space made one, so "Ward 7 (older
// people’s mental health)" and "ward 7  (Older people's mental health)"
// name the same unit.
func UnitKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(name) {
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u2032', '`', '\u00B4':
			r = '\''
		case '\u201C', '\u201D', '\u201F', '\u2033':
			r = '"'
		case '\u2013', '\u2014', '\u2012', '\u2212':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
