package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// AuditService implements lightbulb.AuditService.
type AuditService struct {
	db    *DB
	group *auditGroup
}

// NewAuditService returns an AuditService on db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db, group: &auditGroup{db: db}} }

// Record appends an entry and returns once it is committed. The actor and
// organisation come from ctx; a visitor or a sign-in attempt has no actor,
// and a platform action no organisation. Entries recorded at the same
// moment share one transaction (see auditGroup).
func (s *AuditService) Record(ctx context.Context, action, target, detail string) error {
	return s.group.record(ctx, newAuditEntry(ctx, action, target, detail))
}

// auditEntry is one audit_log row before it is written.
type auditEntry struct {
	org, actor                       *int64
	name, action, target, detail, ip string
	at                               time.Time
}

// newAuditEntry takes the organisation, actor and time from ctx.
func newAuditEntry(ctx context.Context, action, target, detail string) auditEntry {
	e := auditEntry{action: action, target: target, detail: detail, at: lightbulb.Now()}
	if id, err := lightbulb.OrgFrom(ctx); err == nil {
		e.org = &id
	}
	if a := lightbulb.ActorFrom(ctx); a != nil {
		if a.UserID > 0 {
			e.actor = &a.UserID
		}
		e.name, e.ip = a.Name, a.IP
	}
	return e
}

// execer is what an entry is written through: a pool, a transaction or a
// prepared statement's transaction.
type execer interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}

const auditInsert = `INSERT INTO audit_log (org_id, actor_id, actor_name, action, target, detail, ip, created_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`

func (e auditEntry) args() []any {
	return []any{e.org, e.actor, e.name, e.action, e.target, e.detail, e.ip, e.at}
}

// auditIn appends an entry through ex, so a store can record a change in
// the change's own transaction.
func auditIn(ctx context.Context, ex execer, action, target, detail string) error {
	if _, err := ex.ExecContext(ctx, auditInsert, newAuditEntry(ctx, action, target, detail).args()...); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// FindAudit lists entries newest first, scoped to the organisation in ctx
// unless f.AllOrgs is set.
func (s *AuditService) FindAudit(ctx context.Context, f lightbulb.AuditFilter) ([]*lightbulb.AuditEntry, int, error) {
	where, args := "1=1", []any{}
	// Columns are qualified: the listing joins organisations for their names.
	if !f.AllOrgs {
		org, err := lightbulb.OrgFrom(ctx)
		if err != nil {
			return nil, 0, err
		}
		args = append(args, org)
		where += fmt.Sprintf(" AND a.org_id = $%d", len(args))
	}
	if f.Person != nil {
		args = append(args, f.Person.ID, f.Person.Email)
		where += fmt.Sprintf(" AND (a.actor_id = $%d OR a.target = $%d)", len(args)-1, len(args))
	}
	if f.Record != "" {
		prefix := f.Record + ":"
		args = append(args, f.Record, prefix, utf8.RuneCountInString(prefix))
		where += fmt.Sprintf(" AND (a.target = $%d OR substr(a.target, 1, $%d) = $%d)", len(args)-2, len(args), len(args)-1)
	}
	if f.ActorID != 0 {
		args = append(args, f.ActorID)
		where += fmt.Sprintf(" AND a.actor_id = $%d", len(args))
	}
	if f.Action != "" {
		args = append(args, f.Action)
		where += fmt.Sprintf(" AND a.action = $%d", len(args))
	}
	var total int
	if err := s.db.readRow(ctx, `SELECT count(*) FROM audit_log a WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count audit: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.readRows(ctx, fmt.Sprintf(`SELECT a.id, coalesce(a.org_id, 0), coalesce(o.name, ''), coalesce(a.actor_id, 0), a.actor_name,
		a.action, a.target, a.detail, a.ip, a.created_at FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
		WHERE %s ORDER BY a.id DESC LIMIT $%d OFFSET $%d`,
		where, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find audit: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.AuditEntry
	for rows.Next() {
		var e lightbulb.AuditEntry
		if err := rows.Scan(&e.ID, &e.OrgID, &e.OrgName, &e.ActorID, &e.ActorName, &e.Action, &e.Target, &e.Detail, &e.IP, &e.CreatedAt); err != nil {
			return nil, 0, err
		}
		out = append(out, &e)
	}
	return out, total, rows.Err()
}
