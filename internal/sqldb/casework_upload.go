package sqldb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
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
	if _, err := s.db.write.ExecContext(ctx, `DELETE FROM case_uploads WHERE created_at < $1`, now.Add(-24*time.Hour)); err != nil {
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
	err = s.db.read.QueryRowContext(ctx, `SELECT name, body FROM case_uploads WHERE org_id = $1 AND token = $2`, org, token).Scan(&name, &body)
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
	rows, err := s.db.read.QueryContext(ctx, `SELECT name, mapping FROM case_mappings WHERE org_id = $1 ORDER BY name`, org)
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

// StartCaseImport marks the upload's import as running, unless it already is.
func (s *CaseService) StartCaseImport(ctx context.Context, token string, total int) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE case_uploads SET state = 'running', done = 0, total = $1, message = ''
		WHERE org_id = $2 AND token = $3 AND state <> 'running'`, total, org, token)
	if err != nil {
		return fmt.Errorf("start import: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This file is already being imported.")
	}
	return nil
}

// SetCaseImport records an import's progress; a finished one keeps what it
// did in its message as "created updated".
func (s *CaseService) SetCaseImport(ctx context.Context, token string, st lightbulb.CaseUploadState) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	msg := st.Message
	if st.State == "done" {
		msg = fmt.Sprintf("%d %d", st.Created, st.Updated)
	}
	_, err = s.db.write.ExecContext(ctx, `UPDATE case_uploads SET state = $1, done = $2, message = $3 WHERE org_id = $4 AND token = $5`,
		st.State, st.Done, msg, org, token)
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
	err = s.db.read.QueryRowContext(ctx, `SELECT state, done, total, message FROM case_uploads WHERE org_id = $1 AND token = $2`,
		org, token).Scan(&st.State, &st.Done, &st.Total, &st.Message)
	if err != nil {
		return st, notFound(err, "This upload has expired or does not exist: upload the file again.")
	}
	if st.State == "done" {
		fmt.Sscanf(st.Message, "%d %d", &st.Created, &st.Updated)
		st.Message = ""
	}
	return st, nil
}
