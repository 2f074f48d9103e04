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
