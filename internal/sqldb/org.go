package sqldb

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// OrgService implements lightbulb.OrgService.
type OrgService struct {
	db  *DB
	all *contentCache[struct{}, []lightbulb.Organisation] // FindOrgs; organisations move the 'people' version
}

// NewOrgService returns an OrgService on db.
func NewOrgService(db *DB) *OrgService {
	return &OrgService{db: db, all: newContentCache[struct{}, []lightbulb.Organisation](db, "people")}
}

const orgCols = `id, slug, name, kind, operator, created_at`

func scanOrg(row scanner) (*lightbulb.Organisation, error) {
	var o lightbulb.Organisation
	var kind string
	err := row.Scan(&o.ID, &o.Slug, &o.Name, &kind, &o.Operator, &o.CreatedAt)
	o.Kind = lightbulb.OrgKind(kind)
	return &o, err
}

// FindOrgs lists every organisation by name.
//
// Training pages look for the operator among them on every request, so they
// are kept in memory until the 'people' content version moves (any change to
// organisations moves it, from any process); each caller gets its own copies.
func (s *OrgService) FindOrgs(ctx context.Context) ([]*lightbulb.Organisation, error) {
	all, err := s.all.get(ctx, struct{}{}, func(ctx context.Context) ([]lightbulb.Organisation, error) {
		rows, err := s.db.readRows(ctx, `SELECT `+orgCols+` FROM organisations ORDER BY name`)
		if err != nil {
			return nil, fmt.Errorf("find orgs: %w", err)
		}
		os, err := collect(rows, scanOrg)
		out := make([]lightbulb.Organisation, len(os))
		for i, o := range os {
			out[i] = *o
		}
		return out, err
	})
	if err != nil {
		return nil, err
	}
	out := make([]*lightbulb.Organisation, len(all))
	for i := range all {
		o := all[i]
		out[i] = &o
	}
	return out, nil
}

// FindOrgByID returns one organisation.
func (s *OrgService) FindOrgByID(ctx context.Context, id int64) (*lightbulb.Organisation, error) {
	o, err := scanOrg(s.db.readRow(ctx, `SELECT `+orgCols+` FROM organisations WHERE id = $1`, id))
	return o, notFound(err, "There is no such organisation.")
}

// FindOrgBySlug returns one organisation by its short name.
func (s *OrgService) FindOrgBySlug(ctx context.Context, slug string) (*lightbulb.Organisation, error) {
	o, err := scanOrg(s.db.readRow(ctx, `SELECT `+orgCols+` FROM organisations WHERE slug = $1`, slug))
	return o, notFound(err, "There is no such organisation.")
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

func validateOrg(o *lightbulb.Organisation) error {
	var v lightbulb.ValidationErrors
	o.Name = strings.TrimSpace(o.Name)
	o.Slug = strings.ToLower(strings.TrimSpace(o.Slug))
	if o.Name == "" {
		v.Add("name", "Enter the organisation’s name")
	} else if len(o.Name) > 200 {
		v.Add("name", "Organisation name must be 200 characters or fewer")
	}
	if !slugRE.MatchString(o.Slug) {
		v.Add("slug", "Short name must be 2 to 63 lowercase letters, numbers or hyphens")
	}
	ok := false
	for _, k := range lightbulb.OrgKinds {
		ok = ok || k == o.Kind
	}
	if !ok {
		v.Add("kind", "Select the kind of organisation")
	}
	return v.Err()
}

// CreateOrg adds an organisation and sets o.ID.
func (s *OrgService) CreateOrg(ctx context.Context, o *lightbulb.Organisation) error {
	if err := validateOrg(o); err != nil {
		return err
	}
	o.CreatedAt = lightbulb.Now()
	err := s.db.write.QueryRowContext(ctx, `INSERT INTO organisations (slug, name, kind, operator, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, o.Slug, o.Name, string(o.Kind), o.Operator, o.CreatedAt).Scan(&o.ID)
	if isUnique(err) {
		return lightbulb.FieldError("slug", "An organisation with this short name already exists")
	}
	if err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	return nil
}

// UpdateOrg changes an organisation's name and kind.
func (s *OrgService) UpdateOrg(ctx context.Context, o *lightbulb.Organisation) error {
	if err := validateOrg(o); err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE organisations SET name = $1, kind = $2 WHERE id = $3`, o.Name, string(o.Kind), o.ID)
	if err != nil {
		return fmt.Errorf("update org: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such organisation.")
	}
	return nil
}
