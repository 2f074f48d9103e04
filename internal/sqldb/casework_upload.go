package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// PutCaseUpload keeps an uploaded file for the organisation and returns its
// token. Uploads older than a day are cleared at the same time.
func (s *CaseService) PutCaseUpload(ctx context.Context, name string, body []byte) (string, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return "", err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	now := lightbulb.Now()
	if _, err := s.db.write.ExecContext(ctx, `DELETE FROM case_uploads WHERE created_at < $1 AND state NOT IN ('queued', 'running')`, now.Add(-24*time.Hour)); err != nil {
		return "", fmt.Errorf("clear uploads: %w", err)
	}
	_, err = s.db.write.ExecContext(ctx, `INSERT INTO case_uploads (org_id, token, name, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
		org, token, name, body, now)
	if err != nil {
		return "", fmt.Errorf("keep upload: %w", err)
	}
	return token, nil
}

// CaseUpload returns an upload of the organisation.
func (s *CaseService) CaseUpload(ctx context.Context, token string) (string, []byte, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return "", nil, err
	}
	var name string
	var body []byte
	err = s.db.readRow(ctx, `SELECT name, body FROM case_uploads WHERE org_id = $1 AND token = $2`, org, token).Scan(&name, &body)
	return name, body, notFound(err, "This upload has expired or does not exist: upload the file again.")
}

// SaveCaseMapping keeps a column mapping under a name for next time.
func (s *CaseService) SaveCaseMapping(ctx context.Context, name string, m map[string]string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(m)
	_, err = s.db.write.ExecContext(ctx, `INSERT INTO case_mappings (org_id, name, mapping, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (org_id, name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
		org, name, string(body), lightbulb.Now())
	if err != nil {
		return fmt.Errorf("save mapping: %w", err)
	}
	return nil
}

// CaseMappings returns the organisation's saved mappings by name.
func (s *CaseService) CaseMappings(ctx context.Context) (map[string]map[string]string, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT name, mapping FROM case_mappings WHERE org_id = $1 ORDER BY name`, org)
	if err != nil {
		return nil, fmt.Errorf("mappings: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]string{}
	for rows.Next() {
		var name, body string
		if err := rows.Scan(&name, &body); err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			return nil, fmt.Errorf("mapping %s: %w", name, err)
		}
		out[name] = m
	}
	return out, rows.Err()
}

// JobCaseImport stores a checked upload's cases; its payload is the token.
const JobCaseImport = "cases.import"

// StartCaseImport queues the upload's import as a job, in one transaction
// with the options it will run with. The organisation may have one import
// queued or running at a time.
func (s *CaseService) StartCaseImport(ctx context.Context, token string, total int, opts lightbulb.CaseImportOptions) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(opts)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE case_uploads SET state = 'queued', done = 0, total = $1, created = 0, updated = 0,
			message = '', options = $2 WHERE org_id = $3 AND token = $4 AND state NOT IN ('queued', 'running')`, total, string(raw), org, token)
		if isUnique(err) {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "Another import for this organisation is still running. Wait for it to finish, then import this file.")
		} else if err != nil {
			return fmt.Errorf("start import: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This file is already being imported.")
		}
		_, err = jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: JobCaseImport, Payload: token})
		return err
	})
}

// SetCaseImport records an import's progress or end.
func (s *CaseService) SetCaseImport(ctx context.Context, token string, st lightbulb.CaseUploadState) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	_, err = s.db.write.ExecContext(ctx, `UPDATE case_uploads SET state = $1, done = $2, created = $3, updated = $4, message = $5
		WHERE org_id = $6 AND token = $7`, st.State, st.Done, st.Created, st.Updated, st.Message, org, token)
	if err != nil {
		return fmt.Errorf("import progress: %w", err)
	}
	return nil
}

// CaseImportState reads how far the upload's import has got.
func (s *CaseService) CaseImportState(ctx context.Context, token string) (lightbulb.CaseUploadState, error) {
	var st lightbulb.CaseUploadState
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return st, err
	}
	var raw string
	err = s.db.readRow(ctx, `SELECT state, done, total, created, updated, message, options FROM case_uploads WHERE org_id = $1 AND token = $2`,
		org, token).Scan(&st.State, &st.Done, &st.Total, &st.Created, &st.Updated, &st.Message, &raw)
	if err != nil {
		return st, notFound(err, "This upload has expired or does not exist: upload the file again.")
	}
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &st.Options); err != nil {
			return st, fmt.Errorf("import options: %w", err)
		}
	}
	return st, nil
}
