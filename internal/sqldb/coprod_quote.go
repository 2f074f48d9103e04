package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// AskQuote asks an expert to approve exact words, if they consented to that
// use of their words.
func (s *CoprodService) AskQuote(ctx context.Context, q *lightbulb.Quote) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := q.Validate(); err != nil {
		return err
	}
	p, err := profile(ctx, s.db.read, org, q.ExpertID)
	if err != nil {
		return lightbulb.FieldError("quote_expert", "Choose whose words these are")
	}
	if (q.UseFor == lightbulb.QuotePublic && !p.QuotePublic) || (q.UseFor == lightbulb.QuoteInternal && !p.QuoteInternal) {
		return lightbulb.FieldError("use_for", "This expert has not agreed to be quoted there. Only they can change that, on their profile")
	}
	q.State, q.AskedAt = lightbulb.QuoteAsked, lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO coprod_quotes (org_id, expert_id, words, use_for, state, asked_by, asked_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, q.ExpertID, q.Words, q.UseFor, q.State, q.AskedBy, q.AskedAt).Scan(&q.ID)
	})
}

func (s *CoprodService) quotes(ctx context.Context, where string, args ...any) ([]*lightbulb.Quote, error) {
	rows, err := s.db.readRows(ctx, `SELECT q.id, q.expert_id, COALESCE(p.preferred_name, u.name), q.words, q.use_for, q.state,
		q.asked_by, q.asked_at, q.answered_at FROM coprod_quotes q JOIN users u ON u.id = q.expert_id
		LEFT JOIN coprod_profiles p ON p.org_id = q.org_id AND p.user_id = q.expert_id WHERE `+where+` ORDER BY q.asked_at DESC, q.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.Quote, error) {
		q := &lightbulb.Quote{}
		var at sql.NullTime
		err := row.Scan(&q.ID, &q.ExpertID, &q.ExpertName, &q.Words, &q.UseFor, &q.State, &q.AskedBy, &q.AskedAt, &at)
		q.AnsweredAt = at.Time
		return q, err
	})
}

// Quotes lists the organisation's requests to quote experts.
func (s *CoprodService) Quotes(ctx context.Context) ([]*lightbulb.Quote, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.quotes(ctx, `q.org_id = $1`, org)
}

// MyQuotes lists the requests to quote one expert.
func (s *CoprodService) MyQuotes(ctx context.Context, userID int64) ([]*lightbulb.Quote, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.quotes(ctx, `q.org_id = $1 AND q.expert_id = $2`, org, userID)
}

// AnswerQuote records the expert's own answer, once.
func (s *CoprodService) AnswerQuote(ctx context.Context, id, userID int64, approve bool) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	state := lightbulb.QuoteDeclined
	if approve {
		state = lightbulb.QuoteApproved
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE coprod_quotes SET state = $1, answered_at = $2
			WHERE id = $3 AND org_id = $4 AND expert_id = $5 AND state = 'asked'`, state, lightbulb.Now(), id, org, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such request to quote you.")
		}
		return nil
	})
}

// RoomNote returns the lead's note of who is not in the room, blank if none.
func (s *CoprodService) RoomNote(ctx context.Context) (*lightbulb.RoomNote, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	n := &lightbulb.RoomNote{}
	err = s.db.readRow(ctx, `SELECT n.note, COALESCE(u.name, ''), n.updated_at FROM coprod_room_notes n
		LEFT JOIN users u ON u.id = n.updated_by WHERE n.org_id = $1`, org).Scan(&n.Note, &n.ByName, &n.UpdatedAt)
	if err == sql.ErrNoRows {
		return n, nil
	}
	return n, err
}

// SaveRoomNote keeps the lead's note of who is not in the room.
func (s *CoprodService) SaveRoomNote(ctx context.Context, note string, by int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	if len([]rune(note)) > 4000 {
		return lightbulb.FieldError("room_note", "The note must be 4,000 characters or fewer")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO coprod_room_notes (org_id, note, updated_by, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (org_id) DO UPDATE SET note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			org, note, nullID(by), lightbulb.Now())
		return err
	})
}
