package lightbulb

import (
	"context"
	"strings"
	"time"
)

// The personal-data register: every capability declares, next to its code,
// each table column that can hold a person's id, email address, name or
// words about them, how a person's rows are found and what erasure does to
// each column. Subject access export, erasure and retention read the
// register, and a test fails when the schema has a column that looks
// personal and is not declared.

// Holds says what a column holds about a person.
type Holds string

// What a declared column can hold.
const (
	HoldsUserID  Holds = "account" // an account's id (users.id)
	HoldsEmail   Holds = "email"   // an email address
	HoldsName    Holds = "name"    // a person's name as text
	HoldsText    Holds = "text"    // free text that may mention a person's name or email address
	HoldsAddress Holds = "address" // a network (IP) address
	HoldsSecret  Holds = "secret"  // a credential such as a password hash
	HoldsNothing Holds = "nothing" // looks personal but is not; Why says why
)

// Erasure says what erasing a person does to a column.
type Erasure string

// What erasure can do to a column.
const (
	// EraseDelete deletes every row found by this column.
	EraseDelete Erasure = "delete row"
	// EraseAnonymise replaces the value in the person's rows with a stand-in.
	EraseAnonymise Erasure = "anonymise"
	// EraseNull clears the value in the person's rows.
	EraseNull Erasure = "null"
	// EraseScrub replaces the person's name and email address wherever they
	// appear in the text, in every row of the table.
	EraseScrub Erasure = "scrub"
	// EraseKeep leaves the value; Why says why that is safe (for example an
	// account id whose account is itself anonymised).
	EraseKeep Erasure = "keep"
)

// PersonalColumn declares one column of a PersonalTable.
type PersonalColumn struct {
	Column string
	Holds  Holds
	// Find marks the columns that find a person's rows: by account id, email
	// address or, where nothing better exists, name.
	Find  bool
	Erase Erasure
	// Stand is the SQL expression EraseAnonymise writes; empty uses a
	// stand-in for what the column holds ("Erased person", ...).
	Stand string
	// Why explains a keep or a "nothing personal".
	Why string
}

// PersonalLink says that a table's rows belong to whoever owns the parent
// row they point at: Column references Parent's id.
type PersonalLink struct {
	Column string
	Parent string
	// Delete deletes the rows when the parent's are deleted; otherwise they
	// are kept, because the parent is anonymised rather than deleted.
	Delete bool
}

// PersonalTable declares what one table holds about people.
type PersonalTable struct {
	Table string
	// Section names this table's part of a subject access export; About
	// says in plain English what it is (the web layer translates it).
	Section string
	About   string
	Columns []PersonalColumn
	// Export lists the columns an export shows; empty shows every column.
	// Leave out what belongs to someone else (a patient's case summary) and
	// secrets.
	Export []string
	// Link, when set, finds rows through a parent table instead of Find columns.
	Link *PersonalLink
	// Order sorts an export section's records, e.g. "id".
	Order string
	// OnePerson says each row's email address and name are one person's
	// (a booking, a request), so a person found by email is also known by
	// that name. An audit entry is not: its actor is not its target.
	OnePerson bool
}

// ErasedDomain is the domain of the stand-in address erasure and retention
// write in place of a person's email address. It is reserved (RFC 2606),
// so nothing can ever be delivered there, and Lightbulb never writes to it.
const ErasedDomain = "erased.invalid"

// IsErased reports whether an email address is an erasure's stand-in.
func IsErased(addr string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(addr)), "@"+ErasedDomain)
}

// Subject is the person a subject access or erasure request is about: an
// account, or an email address for someone without one (a public booking
// or a bespoke request).
type Subject struct {
	UserID int64
	Email  string
}

// PersonalExport is everything the register finds about a Subject.
type PersonalExport struct {
	Subject  Subject
	Names    []string // names the person is known by in the records
	Emails   []string
	Sections []PersonalSection
}

// PersonalSection is one table's records about a person.
type PersonalSection struct {
	Section string
	About   string
	Records []map[string]any
}

// ErasureReport says what an erasure changed.
type ErasureReport struct {
	// Rows counts the rows deleted or changed per table.
	Rows map[string]int
	// Checkpointed is true when the SQLite write-ahead log was emptied
	// afterwards, so no old copy of a page is left in it.
	Checkpointed bool
}

// PersonMatch is one place a search for a person found them.
type PersonMatch struct {
	Kind    string // account, booking, request, case or decision
	UserID  int64  // the account, when there is one
	Email   string
	Name    string
	Ref     string // a pseudonymous reference, for cases and decisions
	OrgName string
	Detail  string
	When    time.Time
}

// PrivacyService answers subject access, erasure and retention from the
// register. For platform administrators only; the caller checks.
type PrivacyService interface {
	// Register lists every declared table.
	Register() []PersonalTable
	// FindPeople searches accounts, bookings, bespoke requests, cases and
	// decisions by email address, name or pseudonymous reference.
	FindPeople(ctx context.Context, q string) ([]PersonMatch, error)
	// ExportPerson returns every record the register finds for s.
	ExportPerson(ctx context.Context, s Subject) (*PersonalExport, error)
	// ErasePerson removes or anonymises every record the register finds for
	// s, in one transaction, and leaves no old copy in a SQLite file.
	ErasePerson(ctx context.Context, s Subject) (*ErasureReport, error)
	// ApplyRetention anonymises public bookings whose session ended, and
	// bespoke requests made, before cutoff, keeping the rows for counting.
	ApplyRetention(ctx context.Context, cutoff time.Time) (int, error)
}
