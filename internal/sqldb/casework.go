package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CaseSuggester returns the rights to suggest for a case's summary.
type CaseSuggester func(text string) []lightbulb.CaseRight

// CaseService implements lightbulb.CaseService.
type CaseService struct {
	db      *DB
	suggest CaseSuggester
	// bulk is set while a large SQLite import has the list index aside.
	bulk atomic.Bool
	// indicators and pages keep what was worked out until the
	// organisation's cases change.
	indicators caseCache[lightbulb.CaseFilter, *lightbulb.CaseIndicators]
	pages      caseCache[lightbulb.CaseFilter, *lightbulb.CasePage]
}

// NewCaseService returns a CaseService on db; suggest may be nil, and then
// cases get no suggestions.
func NewCaseService(db *DB, suggest CaseSuggester) *CaseService {
	if suggest == nil {
		suggest = func(string) []lightbulb.CaseRight { return nil }
	}
	s := &CaseService{db: db, suggest: suggest}
	s.indicators.clone = cloneIndicators
	s.pages.keep, s.pages.clone = keepCasePage, cloneCasePage
	return s
}

// FindUnits lists the organisation's wards, teams and homes, for the
// import job (the one list is UnitService's).
func (s *CaseService) FindUnits(ctx context.Context) ([]*lightbulb.Unit, error) {
	return NewUnitService(s.db).FindUnits(ctx)
}

const caseCols = `SELECT c.id, c.org_id, c.type, c.source_ref, c.received, c.service_id, s.name, c.summary, c.harm,
	c.status, c.person_ref, c.reviewed, c.freda, c.notes, c.reviewed_by, c.created_at, c.updated_at
	FROM cases c JOIN services s ON s.id = c.service_id`

func scanCase(row scanner) (*lightbulb.Case, error) {
	var c lightbulb.Case
	var typ, freda string
	err := row.Scan(&c.ID, &c.OrgID, &typ, &c.SourceRef, &c.Received, &c.ServiceID, &c.ServiceName, &c.Summary, &c.Harm,
		&c.Status, &c.PersonRef, &c.Reviewed, &freda, &c.Notes, &c.ReviewedBy, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return nil, err
	}
	c.Type = lightbulb.CaseType(typ)
	c.Freda = splitList(freda)
	return &c, nil
}

// caseListCols are the columns a list of cases shows. The list's cases
// carry no FREDA, notes, reviewer or times (FindCase gives the whole case):
// 50 rows' two timestamps were the page's costliest values to read.
const caseListCols = `SELECT c.id, c.org_id, c.type, c.source_ref, c.received, c.service_id, s.name, c.summary, c.harm,
	c.status, c.person_ref, c.reviewed
	FROM cases c JOIN services s ON s.id = c.service_id`

func scanListCase(row scanner) (*lightbulb.Case, error) {
	var c lightbulb.Case
	var typ string
	err := row.Scan(&c.ID, &c.OrgID, &typ, &c.SourceRef, &c.Received, &c.ServiceID, &c.ServiceName, &c.Summary, &c.Harm,
		&c.Status, &c.PersonRef, &c.Reviewed)
	c.Type = lightbulb.CaseType(typ)
	return &c, err
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// caseService checks that a service belongs to the organisation.
func caseServiceOK(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, org, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM services WHERE org_id = $1 AND id = $2`, org, id).Scan(&n); err != nil {
		return fmt.Errorf("check service: %w", err)
	}
	if n == 0 {
		return lightbulb.FieldError("service", "Select a service of your organisation")
	}
	return nil
}

// CreateCase validates and stores a new case with its suggested rights.
func (s *CaseService) CreateCase(ctx context.Context, c *lightbulb.Case) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if err := caseServiceOK(ctx, s.db.read, org, c.ServiceID); err != nil {
		return err
	}
	now := lightbulb.Now()
	c.OrgID, c.CreatedAt, c.UpdatedAt = org, now, now
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, harm,
			status, person_ref, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
			org, string(c.Type), c.SourceRef, c.Received, c.ServiceID, c.Summary, c.Harm, c.Status, c.PersonRef, now).Scan(&c.ID)
		if isUnique(err) {
			return lightbulb.FieldError("source_ref", "A case with this reference already exists")
		} else if err != nil {
			return fmt.Errorf("create case: %w", err)
		}
		cc := caseCounts{}
		cc.add(c)
		if err := cc.store(ctx, tx, s.db.Dialect, org); err != nil {
			return err
		}
		c.Rights = s.suggest(c.Summary)
		return putSuggestions(ctx, tx, org, c.ID, c.Rights)
	})
}

// putSuggestions replaces a case's unreviewed suggestions, keeping any
// right a reviewer has already given a verdict on.
func putSuggestions(ctx context.Context, tx *sql.Tx, org, id int64, rs []lightbulb.CaseRight) error {
	st, err := prepareSuggestions(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	return st.put(ctx, org, id, rs)
}

// suggestionStmts are putSuggestions' statements, prepared once for a
// transaction that stores many cases' suggestions. Statements on
// case_rights carry its triggers (the counts of confirmed rights), and
// preparing them afresh for every case of an import made re-importing with
// suggestions about twice as slow.
type suggestionStmts struct{ clear, upsert *sql.Stmt }

func prepareSuggestions(ctx context.Context, tx *sql.Tx) (*suggestionStmts, error) {
	clear, err := tx.PrepareContext(ctx, `DELETE FROM case_rights WHERE case_id = $1 AND verdict = ''`)
	if err != nil {
		return nil, fmt.Errorf("clear suggestions: %w", err)
	}
	upsert, err := tx.PrepareContext(ctx, `INSERT INTO case_rights (org_id, case_id, code, suggested, score, because, strength)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id, code) DO UPDATE SET suggested = $4, score = $5, because = $6, strength = $7`)
	if err != nil {
		clear.Close()
		return nil, fmt.Errorf("store suggestion: %w", err)
	}
	return &suggestionStmts{clear: clear, upsert: upsert}, nil
}

func (st *suggestionStmts) close() {
	st.clear.Close()
	st.upsert.Close()
}

// put replaces one case's unreviewed suggestions.
func (st *suggestionStmts) put(ctx context.Context, org, id int64, rs []lightbulb.CaseRight) error {
	if _, err := st.clear.ExecContext(ctx, id); err != nil {
		return fmt.Errorf("clear suggestions: %w", err)
	}
	for _, r := range rs {
		if _, err := st.upsert.ExecContext(ctx, org, id, r.Code, true, r.Score, strings.Join(r.Because, "|"), r.Strength); err != nil {
			return fmt.Errorf("store suggestion: %w", err)
		}
	}
	return nil
}

// FindCase returns one case of the organisation with its rights.
func (s *CaseService) FindCase(ctx context.Context, id int64) (*lightbulb.Case, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	c, err := scanCase(s.db.readRow(ctx, caseCols+` WHERE c.org_id = $1 AND c.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such case.")
	}
	rows, err := s.db.readRows(ctx, `SELECT code, suggested, score, because, verdict, strength FROM case_rights
		WHERE org_id = $1 AND case_id = $2 ORDER BY suggested DESC, score DESC, code`, org, id)
	if err != nil {
		return nil, fmt.Errorf("case rights: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r lightbulb.CaseRight
		var because string
		if err := rows.Scan(&r.Code, &r.Suggested, &r.Score, &because, &r.Verdict, &r.Strength); err != nil {
			return nil, err
		}
		r.Because = splitWords(because)
		c.Rights = append(c.Rights, r)
	}
	return c, rows.Err()
}

func splitWords(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// caseWhere builds the WHERE clause of a filter, after org_id = $1.
func caseWhere(org int64, f lightbulb.CaseFilter) (string, []any) {
	args := []any{org}
	where := "c.org_id = $1"
	arg := func(cond string, v any) {
		args = append(args, v)
		where += " AND " + strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args)))
	}
	if f.Type != "" {
		arg("c.type = $?", string(f.Type))
	}
	if f.ServiceID > 0 {
		arg("c.service_id = $?", f.ServiceID)
	}
	if f.Status != "" {
		arg("c.status = $?", f.Status)
	}
	if f.From != "" {
		arg("c.received >= $?", f.From)
	}
	if f.To != "" {
		arg("c.received <= $?", f.To)
	}
	switch f.Reviewed {
	case "yes":
		where += " AND c.reviewed"
	case "no":
		where += " AND NOT c.reviewed"
	}
	if f.Right != "" {
		arg("EXISTS (SELECT 1 FROM case_rights r WHERE r.case_id = c.id AND r.code = $? AND r.verdict <> 'rejected')", f.Right)
	}
	return where, args
}

// FindCases lists a page of cases, newest received first. Pages follow a
// keyset cursor, so the hundredth page is as quick as the first. Its cases
// carry what the list shows (caseListCols); FindCase gives the whole case.
// Pages are kept in this process until the organisation's cases change
// (see caseCache), except those filtered by a right: suggestions, which
// that filter counts, move no number.
func (s *CaseService) FindCases(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CasePage, error) {
	return s.findCasesKept(ctx, f, f.Right == "" && !s.bulk.Load())
}

// findCasesKept is FindCases, from the kept pages when keep is true.
func (s *CaseService) findCasesKept(ctx context.Context, f lightbulb.CaseFilter, keep bool) (*lightbulb.CasePage, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	if !keep {
		return s.findCases(ctx, org, f)
	}
	return s.pages.get(ctx, s.db, org, f, func() (*lightbulb.CasePage, error) { return s.findCases(ctx, org, f) })
}

// findCases reads a page of cases from the database.
func (s *CaseService) findCases(ctx context.Context, org int64, f lightbulb.CaseFilter) (*lightbulb.CasePage, error) {
	n, from, before, ok, err := s.caseMonths(ctx, org, f)
	if err != nil || (ok && n == 0) {
		return &lightbulb.CasePage{}, err
	}
	where, args := caseWhere(org, f)
	if ok {
		args = append(args, from, before)
		where += fmt.Sprintf(" AND c.received >= $%d AND c.received < $%d", len(args)-1, len(args))
	}
	if day, id, ok := caseCursor(f.After); ok {
		args = append(args, day, id)
		where += fmt.Sprintf(" AND (c.received < $%d OR (c.received = $%d AND c.id < $%d))", len(args)-1, len(args)-1, len(args))
	}
	// The limit is an argument, so each filter's query text is one kept
	// statement whatever the page size.
	args = append(args, f.Limit+1)
	q := caseListCols + ` WHERE ` + where + fmt.Sprintf(` ORDER BY c.received DESC, c.id DESC LIMIT $%d`, len(args))
	rows, err := s.db.readRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find cases: %w", err)
	}
	defer rows.Close()
	page := &lightbulb.CasePage{}
	for rows.Next() {
		c, err := scanListCase(rows)
		if err != nil {
			return nil, err
		}
		page.Cases = append(page.Cases, c)
	}
	if len(page.Cases) > f.Limit {
		last := page.Cases[f.Limit-1]
		page.Cases, page.Next = page.Cases[:f.Limit], fmt.Sprintf("%s|%d", last.Received, last.ID)
	}
	return page, rows.Err()
}

// caseCursor reads a "YYYY-MM-DD|id" cursor.
func caseCursor(s string) (string, int64, bool) {
	day, idText, ok := strings.Cut(s, "|")
	if !ok || len(day) != 10 {
		return "", 0, false
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	return day, id, err == nil
}

// SetCaseStatus opens or closes a case of the organisation.
func (s *CaseService) SetCaseStatus(ctx context.Context, id int64, status string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if !slices.Contains(lightbulb.CaseStatuses, status) {
		return lightbulb.FieldError("status", "Select the status")
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE cases SET status = $1, updated_at = $2 WHERE org_id = $3 AND id = $4`,
		status, lightbulb.Now(), org, id)
	if err != nil {
		return fmt.Errorf("set case status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such case.")
	}
	return nil
}
