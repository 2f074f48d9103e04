package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var _ lightbulb.ResourceService = (*CoprodService)(nil)

// resourceSelect reads resources with their newest version, the version of
// the original that one follows, and the original's newest version.
const resourceSelect = `SELECT r.id, r.title, r.kind, r.lang, COALESCE(r.source_id, 0), COALESCE(s.title, ''), r.created_at,
	COALESCE((SELECT MAX(version) FROM coprod_resource_versions WHERE resource_id = r.id), 0),
	COALESCE((SELECT follows FROM coprod_resource_versions WHERE resource_id = r.id ORDER BY version DESC LIMIT 1), 0),
	COALESCE((SELECT MAX(version) FROM coprod_resource_versions WHERE resource_id = r.source_id), 0)
	FROM coprod_resources r LEFT JOIN coprod_resources s ON s.id = r.source_id`

func scanResource(row scanner) (*lightbulb.Resource, error) {
	r := &lightbulb.Resource{}
	return r, row.Scan(&r.ID, &r.Title, &r.Kind, &r.Lang, &r.SourceID, &r.SourceTitle, &r.CreatedAt, &r.Latest, &r.Follows, &r.SourceLatest)
}

// Resources lists the organisation's resources by title.
func (s *CoprodService) Resources(ctx context.Context) ([]*lightbulb.Resource, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, resourceSelect+` WHERE r.org_id = $1 ORDER BY COALESCE(s.title, r.title), r.source_id IS NOT NULL, r.title, r.id`, org)
	if err != nil {
		return nil, fmt.Errorf("resources: %w", err)
	}
	return collect(rows, scanResource)
}

// Resource returns one of the organisation's resources in full.
func (s *CoprodService) Resource(ctx context.Context, id int64) (*lightbulb.Resource, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	r, err := scanResource(s.db.readRow(ctx, resourceSelect+` WHERE r.org_id = $1 AND r.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such resource.")
	}
	rows, err := s.db.readRows(ctx, `SELECT v.id, v.resource_id, v.version, v.follows, v.note, v.filename, v.content_type, v.size,
		COALESCE(u.name, ''), v.created_at FROM coprod_resource_versions v LEFT JOIN users u ON u.id = v.created_by
		WHERE v.org_id = $1 AND v.resource_id = $2 ORDER BY v.version DESC`, org, id)
	if err != nil {
		return nil, fmt.Errorf("resource versions: %w", err)
	}
	if r.Versions, err = collect(rows, func(row scanner) (*lightbulb.ResourceVersion, error) {
		x := &lightbulb.ResourceVersion{}
		return x, row.Scan(&x.ID, &x.ResourceID, &x.Version, &x.Follows, &x.Note, &x.FileName, &x.FileType, &x.FileSize, &x.ByName, &x.CreatedAt)
	}); err != nil {
		return nil, err
	}
	rows, err = s.db.readRows(ctx, resourceSelect+` WHERE r.org_id = $1 AND r.source_id = $2 ORDER BY r.title, r.id`, org, id)
	if err != nil {
		return nil, fmt.Errorf("derived resources: %w", err)
	}
	if r.Derived, err = collect(rows, scanResource); err != nil {
		return nil, err
	}
	// Only experts who agree, now, to be credited by name are shown.
	rows, err = s.db.readRows(ctx, `SELECT c.expert_id, p.preferred_name FROM coprod_resource_credits c
		JOIN coprod_profiles p ON p.org_id = c.org_id AND p.user_id = c.expert_id AND p.consent_credit IS TRUE
		WHERE c.org_id = $1 AND c.resource_id = $2 ORDER BY p.preferred_name`, org, id)
	if err != nil {
		return nil, fmt.Errorf("credits: %w", err)
	}
	r.Credits, err = collect(rows, func(row scanner) (*lightbulb.Credit, error) {
		c := &lightbulb.Credit{}
		return c, row.Scan(&c.ExpertID, &c.ExpertName)
	})
	return r, err
}

// CreateResource saves a resource and its first version in one transaction.
func (s *CoprodService) CreateResource(ctx context.Context, r *lightbulb.Resource, first *lightbulb.ResourceVersion) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if err := first.Validate(); err != nil {
		return err
	}
	r.CreatedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if r.SourceID != 0 {
			src, err := scanResource(tx.QueryRowContext(ctx, resourceSelect+` WHERE r.org_id = $1 AND r.id = $2`, org, r.SourceID))
			if err != nil || src.Kind == lightbulb.ResourceTranslation {
				return lightbulb.FieldError("source", "Choose the original from the list: a guide or an Easy Read version")
			}
			if r.Kind == lightbulb.ResourceTranslation && src.Lang == r.Lang {
				return lightbulb.FieldError("lang", "A translation must be in a different language from its original")
			}
			first.Follows = src.Latest
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO coprod_resources (org_id, title, kind, lang, source_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, r.Title, r.Kind, r.Lang, nullID(r.SourceID),
			nullID(actorID(lightbulb.ActorFrom(ctx))), r.CreatedAt).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("create resource: %w", err)
		}
		first.ResourceID, first.Version = r.ID, 1
		return insertVersion(ctx, tx, org, first)
	})
}

// AddVersion adds the next version of one of the organisation's resources.
func (s *CoprodService) AddVersion(ctx context.Context, x *lightbulb.ResourceVersion) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := x.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := scanResource(tx.QueryRowContext(ctx, resourceSelect+` WHERE r.org_id = $1 AND r.id = $2`, org, x.ResourceID))
		if err != nil {
			return notFound(err, "There is no such resource.")
		}
		switch {
		case r.SourceID == 0:
			x.Follows = 0
		case x.Follows == 0:
			x.Follows = r.SourceLatest
		case x.Follows < 0 || x.Follows > r.SourceLatest:
			return lightbulb.FieldError("follows", "Choose a version of the original from the list")
		}
		x.Version = r.Latest + 1
		return insertVersion(ctx, tx, org, x)
	})
}

func insertVersion(ctx context.Context, tx *sql.Tx, org int64, x *lightbulb.ResourceVersion) error {
	x.CreatedAt = lightbulb.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO coprod_resource_versions (org_id, resource_id, version, follows, note, filename,
		content_type, size, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		org, x.ResourceID, x.Version, x.Follows, x.Note, x.File.Name, x.File.Type, len(x.File.Data), x.File.Data,
		nullID(actorID(lightbulb.ActorFrom(ctx))), x.CreatedAt).Scan(&x.ID)
	if err != nil {
		return fmt.Errorf("resource version: %w", err)
	}
	return nil
}

// ResourceFile returns the file kept with one version of a resource.
func (s *CoprodService) ResourceFile(ctx context.Context, resourceID int64, version int) (*lightbulb.FileUpload, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f := &lightbulb.FileUpload{}
	err = s.db.readRow(ctx, `SELECT filename, content_type, body FROM coprod_resource_versions
		WHERE org_id = $1 AND resource_id = $2 AND version = $3`, org, resourceID, version).Scan(&f.Name, &f.Type, &f.Data)
	return f, notFound(err, "There is no such version.")
}

// Credit credits an expert who agrees to be credited by name; crediting
// twice changes nothing.
func (s *CoprodService) Credit(ctx context.Context, resourceID, expertID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	p, err := profile(ctx, s.db.read, org, expertID)
	if err != nil {
		return lightbulb.FieldError("expert", "Choose an expert from the list")
	}
	if !p.CreditByName {
		return lightbulb.FieldError("expert", "This expert has not agreed to be credited by name. Ask them; they can turn it on in their profile")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM coprod_resources WHERE org_id = $1 AND id = $2`, org, resourceID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such resource.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO coprod_resource_credits (org_id, resource_id, expert_id, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, org, resourceID, expertID, lightbulb.Now())
		return err
	})
}

// MyCredits lists the resources an expert is credited on; others see their
// name there only while they agree to be credited by name.
func (s *CoprodService) MyCredits(ctx context.Context, userID int64) ([]*lightbulb.Resource, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, resourceSelect+` JOIN coprod_resource_credits c ON c.resource_id = r.id AND c.expert_id = $2
		WHERE r.org_id = $1 ORDER BY r.title, r.id`, org, userID)
	if err != nil {
		return nil, fmt.Errorf("credits: %w", err)
	}
	return collect(rows, scanResource)
}
