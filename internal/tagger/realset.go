package tagger

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// RowLabel is the rights a reviewer listed for one row of a file of real
// feedback that the project may not copy: the labels are committed, the
// texts are read at run time.
type RowLabel struct {
	Row    string
	Rights []string
}

// ReadRowLabels reads lines of `row,rights` (rights space-separated, empty
// for none) after a `row,rights` header. Blank lines and lines starting
// with # are skipped. A repeated row, an unknown code or A14 alone is an
// error naming its line.
func ReadRowLabels(r io.Reader) ([]RowLabel, error) {
	var out []RowLabel
	seen := map[string]bool{}
	header := false
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != "row,rights" {
				return nil, &LineError{n, errors.New(`want the header "row,rights"`)}
			}
			header = true
			continue
		}
		row, rights, ok := strings.Cut(line, ",")
		if !ok || row == "" || strings.Contains(rights, ",") {
			return nil, &LineError{n, errors.New(`want "row,rights", e.g. "123,A5 A8" or "124,"`)}
		}
		codes := strings.Fields(rights)
		if err := CheckRights(codes); err != nil {
			return nil, &LineError{n, err}
		}
		if seen[row] {
			return nil, &LineError{n, fmt.Errorf("row %s labelled twice", row)}
		}
		seen[row] = true
		out = append(out, RowLabel{Row: row, Rights: codes})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !header {
		return nil, errors.New(`no "row,rights" header`)
	}
	return out, nil
}

// ReadFeedbackTexts reads a CSV file with a header naming a `row` and a
// `text` column (as ../shared/data/nhs-feedback-dev/comments.csv does) and
// returns each row's text.
func ReadFeedbackTexts(r io.Reader) (map[string]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	rowCol, textCol := -1, -1
	for i, h := range head {
		switch strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) {
		case "row":
			rowCol = i
		case "text":
			textCol = i
		}
	}
	if rowCol < 0 || textCol < 0 {
		return nil, errors.New(`the header has no "row" or no "text" column`)
	}
	texts := map[string]string{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		if len(rec) <= max(rowCol, textCol) {
			line, _ := cr.FieldPos(0)
			return nil, &LineError{line, errors.New("too few columns")}
		}
		texts[rec[rowCol]] = rec[textCol]
	}
}

// JoinRows pairs each label with its row's text, as examples whose ID is
// the row. A labelled row missing from texts is an error: the labels were
// made for another file.
func JoinRows(labels []RowLabel, texts map[string]string) ([]Example, error) {
	out := make([]Example, 0, len(labels))
	for _, l := range labels {
		text, ok := texts[l.Row]
		if !ok {
			return nil, fmt.Errorf("row %s is labelled but not in the texts", l.Row)
		}
		out = append(out, Example{ID: l.Row, Text: text, Rights: l.Rights})
	}
	return out, nil
}
