package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
)

// validateEasyRead checks each Easy Read sentence's length and the picture
// beside it. Errors name the sentence's own fields (easy-N, picture-N).
func validateEasyRead(v *lightbulb.ValidationErrors, t *lightbulb.RightText) {
	t.EasyTitle = strings.TrimSpace(t.EasyTitle)
	if len(t.EasyTitle) > 200 {
		v.Add("easy_title", "Easy Read heading must be 200 characters or fewer")
	}
	for i, s := range t.EasyRead {
		if n := lightbulb.EasyReadWords(s); n > lightbulb.EasyReadMaxWords {
			v.Add(fmt.Sprintf("easy-%d", i+1), fmt.Sprintf(lightbulb.EasyReadTooLong, i+1, n, lightbulb.EasyReadMaxWords))
		}
	}
	if len(t.EasyPictures) > len(t.EasyRead) {
		t.EasyPictures = t.EasyPictures[:len(t.EasyRead)]
	}
	for i, ref := range t.EasyPictures {
		if icon, id := lightbulb.ParsePictureRef(ref); ref != "" && id == 0 && !content.IsPicture(icon) {
			v.Add(fmt.Sprintf("picture-%d", i+1), fmt.Sprintf(lightbulb.PictureNotOffered, i+1))
		}
	}
}

// checkUploads makes sure every uploaded picture t refers to exists.
func checkUploads(ctx context.Context, tx *sql.Tx, t *lightbulb.RightText) error {
	var v lightbulb.ValidationErrors
	for i, ref := range t.EasyPictures {
		if _, id := lightbulb.ParsePictureRef(ref); id != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM right_pictures WHERE id = $1`, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				v.Add(fmt.Sprintf("picture-%d", i+1), fmt.Sprintf("Picture for sentence %d: that uploaded picture no longer exists, upload it again", i+1))
			}
		}
	}
	return v.Err()
}

// AddPicture stores an uploaded Easy Read picture after checking its kind
// (read from its bytes by the caller) and size.
func (s *RightService) AddPicture(ctx context.Context, typ string, data []byte) (int64, error) {
	if err := lightbulb.ValidatePicture(typ, data); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO right_pictures (content_type, size, body, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, typ, len(data), data, lightbulb.Now()).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("add picture: %w", err)
	}
	return id, nil
}

// FindPicture returns an uploaded picture.
func (s *RightService) FindPicture(ctx context.Context, id int64) (*lightbulb.Picture, error) {
	p := lightbulb.Picture{ID: id}
	err := s.db.readRow(ctx, `SELECT content_type, body FROM right_pictures WHERE id = $1`, id).Scan(&p.Type, &p.Data)
	if err == sql.ErrNoRows {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such picture.")
	}
	if err != nil {
		return nil, fmt.Errorf("find picture: %w", err)
	}
	return &p, nil
}
