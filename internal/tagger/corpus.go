package tagger

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// An Example is a text with the rights a reviewer listed for it.
type Example struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Rights []string `json:"rights"`
	// Split is "train" or "test" in the shipped corpus, empty elsewhere.
	Split string `json:"split,omitempty"`
}

// MaxLine is the longest JSON line the tagger reads, in bytes.
const MaxLine = 1 << 20

// LineError is a problem with one line of JSON-lines input.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// Lines calls fn with each non-blank line of r and its number, counting from
// 1. A line longer than MaxLine is passed as nil with tooLong set; reading
// continues after it. Lines stops at fn's first error or a read error.
func Lines(r io.Reader, fn func(n int, line []byte, tooLong bool) error) error {
	br := bufio.NewReaderSize(r, 64*1024)
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong, eof := false, false
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				buf = append(buf, chunk...)
				if len(buf) > MaxLine+2 {
					tooLong, buf = true, buf[:0]
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
			break
		}
		line := bytes.TrimSpace(buf)
		if tooLong || len(line) > 0 {
			if tooLong {
				line = nil
			}
			if err := fn(n, line, tooLong); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
	}
}

// ParseExample reads one JSON line holding an id, a text and, when labelled
// is true, the rights a reviewer listed. Unknown codes and A14 on its own
// are errors.
func ParseExample(line []byte, labelled bool) (Example, error) {
	var raw struct {
		ID     *string   `json:"id"`
		Text   *string   `json:"text"`
		Rights *[]string `json:"rights"`
		Split  string    `json:"split"`
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&raw); err != nil {
		return Example{}, fmt.Errorf("not a JSON object with \"id\" and \"text\": %w", err)
	}
	if dec.More() {
		return Example{}, errors.New("more than one JSON value on the line")
	}
	switch {
	case raw.ID == nil || *raw.ID == "":
		return Example{}, errors.New(`missing "id"`)
	case raw.Text == nil:
		return Example{}, errors.New(`missing "text"`)
	case labelled && raw.Rights == nil:
		return Example{}, errors.New(`missing "rights" (use [] for none)`)
	}
	ex := Example{ID: *raw.ID, Text: *raw.Text, Split: raw.Split}
	if raw.Rights != nil {
		ex.Rights = *raw.Rights
		if err := CheckRights(ex.Rights); err != nil {
			return Example{}, err
		}
	}
	return ex, nil
}

// CheckRights reports an unknown or repeated code, or A14 without another
// right.
func CheckRights(codes []string) error {
	for i, c := range codes {
		if !slices.Contains(Codes, c) {
			return fmt.Errorf("unknown right %q (use codes such as A8 or P1A1)", c)
		}
		if slices.Contains(codes[:i], c) {
			return fmt.Errorf("right %s listed twice", c)
		}
	}
	if slices.Contains(codes, Discrimination) && len(codes) == 1 {
		return errors.New("A14 must go with another right")
	}
	return nil
}

// ReadExamples reads labelled JSON lines, stopping at the first bad line
// with a *LineError naming it.
func ReadExamples(r io.Reader) ([]Example, error) {
	var out []Example
	err := Lines(r, func(n int, line []byte, tooLong bool) error {
		if tooLong {
			return &LineError{n, fmt.Errorf("longer than %d bytes", MaxLine)}
		}
		ex, err := ParseExample(line, true)
		if err != nil {
			return &LineError{n, err}
		}
		out = append(out, ex)
		return nil
	})
	return out, err
}

// Split returns the examples whose Split is name.
func Split(all []Example, name string) []Example {
	var out []Example
	for _, ex := range all {
		if ex.Split == name {
			out = append(out, ex)
		}
	}
	return out
}
