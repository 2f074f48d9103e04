package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CommissioningService keeps commissioning; see lightbulb.CommissioningService.
type CommissioningService struct {
	db      *DB
	baseURL string
}

// NewCommissioningService returns a CommissioningService over db whose
// emails link to baseURL.
func NewCommissioningService(db *DB, baseURL string) *CommissioningService {
	return &CommissioningService{db: db, baseURL: baseURL}
}

var _ lightbulb.CommissioningService = (*CommissioningService)(nil)

// actorRef is the signed-in person's account for a column, or NULL for the
// system.
func actorRef(ctx context.Context) any { return nullID(actorID(lightbulb.ActorFrom(ctx))) }

const principlesColumns = `p.version, o.slug, o.name, p.body_en, p.body_cy, COALESCE(u.name, ''), p.published_at
	FROM comm_principles p JOIN organisations o ON o.id = p.org_id LEFT JOIN users u ON u.id = p.published_by`

func scanPrinciples(row scanner) (*lightbulb.PrinciplesStatement, error) {
	p := &lightbulb.PrinciplesStatement{}
	return p, row.Scan(&p.Version, &p.OrgSlug, &p.OrgName, &p.BodyEN, &p.BodyCY, &p.PublishedBy, &p.PublishedAt)
}

// PublishPrinciples publishes a new version of the organisation's principles.
func (s *CommissioningService) PublishPrinciples(ctx context.Context, p *lightbulb.PrinciplesStatement) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	p.PublishedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM comm_principles WHERE org_id = $1`, org).Scan(&p.Version); err != nil {
			return fmt.Errorf("principles version: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO comm_principles (org_id, version, body_en, body_cy, published_by, published_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, org, p.Version, p.BodyEN, p.BodyCY, actorRef(ctx), p.PublishedAt)
		if err != nil {
			return fmt.Errorf("publish principles: %w", err)
		}
		return nil
	})
}

// PrinciplesHistory lists the organisation's versions, newest first.
func (s *CommissioningService) PrinciplesHistory(ctx context.Context) ([]*lightbulb.PrinciplesStatement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.principles(ctx, `p.org_id = $1`, org)
}

func (s *CommissioningService) principles(ctx context.Context, where string, arg any) ([]*lightbulb.PrinciplesStatement, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+principlesColumns+` WHERE `+where+` ORDER BY p.version DESC`, arg)
	if err != nil {
		return nil, fmt.Errorf("principles: %w", err)
	}
	return collect(rows, scanPrinciples)
}

// PublicPrinciples returns an organisation's principles by its slug: the
// version asked for (0 for the current one) and every version.
func (s *CommissioningService) PublicPrinciples(ctx context.Context, slug string, version int) (*lightbulb.PrinciplesStatement, []*lightbulb.PrinciplesStatement, error) {
	all, err := s.principles(ctx, `o.slug = $1`, slug)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range all {
		if version == 0 || p.Version == version {
			return p, all, nil
		}
	}
	return nil, nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such statement of principles.")
}

const requirementColumns = `id, code, version, text, rights, principles, tags, evidence, measure, frequency, target, created_at, COALESCE(contract_id, 0)`

func scanRequirement(row scanner) (*lightbulb.Requirement, error) {
	r := &lightbulb.Requirement{}
	var rights, principles, tags string
	if err := row.Scan(&r.ID, &r.Code, &r.Version, &r.Text, &rights, &principles, &tags, &r.Evidence, &r.Measure,
		&r.Frequency, &r.Target, &r.CreatedAt, &r.ContractID); err != nil {
		return nil, err
	}
	r.Rights, r.Principles = splitList(rights), splitList(principles)
	if tags != "" {
		r.Tags = strings.Split(tags, "\n")
	}
	return r, nil
}

// Requirements lists the current version of each requirement in the library.
func (s *CommissioningService) Requirements(ctx context.Context) ([]*lightbulb.Requirement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+requirementColumns+` FROM comm_requirements r WHERE org_id = $1 AND contract_id IS NULL
		AND version = (SELECT MAX(version) FROM comm_requirements x WHERE x.org_id = r.org_id AND x.code = r.code) ORDER BY code`, org)
	if err != nil {
		return nil, fmt.Errorf("requirements: %w", err)
	}
	return collect(rows, scanRequirement)
}

// RequirementHistory lists every version of one requirement, newest first.
func (s *CommissioningService) RequirementHistory(ctx context.Context, code string) ([]*lightbulb.Requirement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+requirementColumns+` FROM comm_requirements WHERE org_id = $1 AND code = $2
		AND contract_id IS NULL ORDER BY version DESC`, org, code)
	if err != nil {
		return nil, fmt.Errorf("requirement history: %w", err)
	}
	out, err := collect(rows, scanRequirement)
	if err == nil && len(out) == 0 {
		err = lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such requirement.")
	}
	return out, err
}

// rightCodes lists the rights that exist, for checking requirements.
func rightCodes(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT code FROM rights ORDER BY sort`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (string, error) {
		var c string
		return c, r.Scan(&c)
	})
}

// SaveRequirement adds a requirement (Code blank) or a new version of one.
func (s *CommissioningService) SaveRequirement(ctx context.Context, r *lightbulb.Requirement) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	codes, err := rightCodes(ctx, s.db.read)
	if err != nil {
		return err
	}
	if err := r.Validate(codes); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error { return saveRequirement(ctx, tx, org, r) })
}

func saveRequirement(ctx context.Context, tx *sql.Tx, org int64, r *lightbulb.Requirement) error {
	if r.Code == "" {
		prefix := "R"
		if r.ContractID != 0 {
			prefix = "L" // a local requirement, written for one contract
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(DISTINCT code) FROM comm_requirements WHERE org_id = $1 AND code LIKE $2`,
			org, prefix+"%").Scan(&n); err != nil {
			return err
		}
		for taken := true; taken; n++ {
			r.Code = fmt.Sprintf("%s%02d", prefix, n+1)
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) > 0 FROM comm_requirements WHERE org_id = $1 AND code = $2`, org, r.Code).Scan(&taken); err != nil {
				return err
			}
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM comm_requirements WHERE org_id = $1 AND code = $2`,
		org, r.Code).Scan(&r.Version); err != nil {
		return err
	}
	r.CreatedAt = lightbulb.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO comm_requirements (org_id, code, version, text, rights, principles, tags, evidence,
		measure, frequency, target, created_by, created_at, contract_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		org, r.Code, r.Version, r.Text, strings.Join(r.Rights, ","), strings.Join(r.Principles, ","), strings.Join(r.Tags, "\n"),
		r.Evidence, r.Measure, r.Frequency, r.Target, actorRef(ctx), r.CreatedAt, nullID(r.ContractID)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("save requirement: %w", err)
	}
	return nil
}

// LoadStarter adds the starter library's requirements whose wording the
// library does not hold yet, and says how many it added.
func (s *CommissioningService) LoadStarter(ctx context.Context, rs []*lightbulb.Requirement) (int, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, err
	}
	codes, err := rightCodes(ctx, s.db.read)
	if err != nil {
		return 0, err
	}
	added := 0
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, r := range rs {
			var have bool
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) > 0 FROM comm_requirements WHERE org_id = $1 AND text = $2 AND contract_id IS NULL`,
				org, r.Text).Scan(&have); err != nil {
				return err
			}
			if have {
				continue
			}
			if err := r.Validate(codes); err != nil {
				return fmt.Errorf("starter requirement %q: %w", r.Text, err)
			}
			if err := saveRequirement(ctx, tx, org, r); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, err
}
