package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const caseUpsert = `INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, harm, status, person_ref,
	created_at, updated_at) VALUES %s
	ON CONFLICT (org_id, source_ref) DO UPDATE SET type = excluded.type, received = excluded.received,
	service_id = excluded.service_id, summary = excluded.summary, harm = excluded.harm, status = excluded.status,
	person_ref = excluded.person_ref, updated_at = excluded.updated_at
	RETURNING id, source_ref, created_at = updated_at`

// casePGBatch is how many rows one PostgreSQL statement carries.
const casePGBatch = 500

// ImportCases inserts or updates a batch of already validated cases, keyed
// on the organisation and the source reference, in one transaction: a
// batch is stored whole or not at all, and running it again changes
// nothing more. Services must belong to the organisation. On SQLite it uses
// a prepared single-row statement, on PostgreSQL multi-row statements.
func (s *CaseService) ImportCases(ctx context.Context, cs []*lightbulb.Case, suggest bool) (lightbulb.CaseImportResult, error) {
	var res lightbulb.CaseImportResult
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return res, err
	}
	if err := s.checkServices(ctx, org, cs); err != nil {
		return res, err
	}
	cs = caseLastByRef(cs)
	now := lightbulb.Now()
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		res = lightbulb.CaseImportResult{}
		ids := make(map[string]int64, len(cs))
		var err error
		if s.db.Dialect == SQLite {
			err = caseUpsertSQLite(ctx, tx, org, now, cs, ids, &res)
		} else {
			err = caseUpsertPG(ctx, tx, org, now, cs, ids, &res)
		}
		if err != nil || !suggest {
			return err
		}
		for _, c := range cs {
			c.ID = ids[c.SourceRef]
			if err := putSuggestions(ctx, tx, org, c.ID, s.suggest(c.Summary)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return lightbulb.CaseImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	return res, nil
}

// caseLastByRef keeps the last of several rows with the same reference.
func caseLastByRef(cs []*lightbulb.Case) []*lightbulb.Case {
	seen := make(map[string]int, len(cs))
	out := cs[:0:0]
	for _, c := range cs {
		if i, ok := seen[c.SourceRef]; ok {
			out[i] = c
			continue
		}
		seen[c.SourceRef] = len(out)
		out = append(out, c)
	}
	return out
}

func (s *CaseService) checkServices(ctx context.Context, org int64, cs []*lightbulb.Case) error {
	ss, err := s.FindServices(ctx)
	if err != nil {
		return err
	}
	ok := map[int64]bool{}
	for _, sv := range ss {
		ok[sv.ID] = true
	}
	for _, c := range cs {
		if !ok[c.ServiceID] {
			return lightbulb.Errorf(lightbulb.EINVALID, "Case %s names a service that is not your organisation’s.", c.SourceRef)
		}
	}
	return nil
}

func caseUpsertSQLite(ctx context.Context, tx *sql.Tx, org int64, now any, cs []*lightbulb.Case, ids map[string]int64, res *lightbulb.CaseImportResult) error {
	st, err := tx.PrepareContext(ctx, fmt.Sprintf(caseUpsert, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
	if err != nil {
		return err
	}
	defer st.Close()
	for _, c := range cs {
		var id int64
		var ref string
		var created bool
		err := st.QueryRowContext(ctx, org, string(c.Type), c.SourceRef, c.Received, c.ServiceID, c.Summary, c.Harm,
			c.Status, c.PersonRef, now, now).Scan(&id, &ref, &created)
		if err != nil {
			return fmt.Errorf("case %s: %w", c.SourceRef, err)
		}
		ids[ref] = id
		caseCount(res, created)
	}
	return nil
}

func caseUpsertPG(ctx context.Context, tx *sql.Tx, org int64, now any, cs []*lightbulb.Case, ids map[string]int64, res *lightbulb.CaseImportResult) error {
	for len(cs) > 0 {
		n := min(len(cs), casePGBatch)
		var vals []string
		args := make([]any, 0, n*11)
		for _, c := range cs[:n] {
			p := make([]string, 11)
			for i := range p {
				p[i] = fmt.Sprintf("$%d", len(args)+i+1)
			}
			vals = append(vals, "("+strings.Join(p, ", ")+")")
			args = append(args, org, string(c.Type), c.SourceRef, c.Received, c.ServiceID, c.Summary, c.Harm,
				c.Status, c.PersonRef, now, now)
		}
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(caseUpsert, strings.Join(vals, ", ")), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var ref string
			var created bool
			if err := rows.Scan(&id, &ref, &created); err != nil {
				rows.Close()
				return err
			}
			ids[ref] = id
			caseCount(res, created)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		if err := rows.Close(); err != nil {
			return err
		}
		cs = cs[n:]
	}
	return nil
}

func caseCount(res *lightbulb.CaseImportResult, created bool) {
	if created {
		res.Created++
	} else {
		res.Updated++
	}
}
