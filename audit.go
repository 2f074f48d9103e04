package lightbulb

import (
	"context"
	"time"
)

// AuditEntry records a sensitive action: who did what, to what, and when.
type AuditEntry struct {
	ID        int64
	OrgID     int64 // 0 for platform-wide actions
	OrgName   string
	ActorID   int64 // 0 for a visitor or the system
	ActorName string
	Action    string
	Target    string
	Detail    string
	IP        string
	CreatedAt time.Time
}

// AuditFilter narrows an audit log listing.
type AuditFilter struct {
	Action string
	// AllOrgs lists every organisation's entries; for platform admins only.
	AllOrgs bool
	// Person, when set, keeps entries by this person or about their email
	// address: for a subject access request.
	Person *User
	// Record keeps entries about one record: its target is Record (such as
	// "case 12") or starts with Record and a colon ("review 3: Ward 9").
	Record string
	// ActorID keeps entries made by one person.
	ActorID int64
	Limit   int
	Offset  int
}

// AuditService writes and reads the audit log.
type AuditService interface {
	// Record appends an entry; the organisation comes from ctx when present.
	Record(ctx context.Context, action, target, detail string) error
	// FindAudit lists entries, newest first, for the organisation in ctx
	// unless f.AllOrgs is set.
	FindAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
}
