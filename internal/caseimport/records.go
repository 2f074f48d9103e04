package caseimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// records reads a file's rows strictly: a quotation mark that opens a field
// must close it. A lenient reader lets an unclosed quote swallow every row
// after it into one field, silently; here that row is an error naming its
// line, and reading goes on from the line after it. A stray quote inside an
// unquoted field (5" bandage) is still accepted, as exports often have them.
type records struct {
	delim  rune
	tape   *tape
	cr     *csv.Reader
	lines  int // lines of the file before the current reader's first line
	resync int // how many times reading started again after a bad quote
}

// maxResync bounds how often reading starts again after an unclosed quote:
// each start reads on to the end of the file.
const maxResync = 20

// quoteError is a row whose quotation mark is never closed.
type quoteError struct{ line, upto int }

func (e *quoteError) Error() string {
	if e.upto > e.line {
		return fmt.Sprintf("Line %d: a quotation mark in this row is not closed, so lines %d to %d were read as part of it. "+
			"Close the quote in the file (or remove it) and import again", e.line, e.line, e.upto)
	}
	return fmt.Sprintf("Line %d: a quotation mark in this row is not closed. Close the quote in the file (or remove it) and import again", e.line)
}

func newRecords(r io.Reader, delim rune) *records {
	rs := &records{delim: delim}
	rs.restart(r)
	return rs
}

func (rs *records) restart(r io.Reader) {
	rs.tape = &tape{r: r}
	rs.cr = csv.NewReader(rs.tape)
	rs.cr.Comma, rs.cr.FieldsPerRecord, rs.cr.ReuseRecord = rs.delim, -1, true
}

// next returns the next row, io.EOF at the end, or an error for a row that
// cannot be read, after which the next call goes on.
func (rs *records) next() ([]string, error) {
	rec, err := rs.cr.Read()
	raw := rs.tape.cut(rs.cr.InputOffset())
	var pe *csv.ParseError
	if err == nil || !errors.As(err, &pe) {
		return rec, err
	}
	switch {
	case pe.Err == csv.ErrBareQuote && pe.StartLine == pe.Line:
		return lenient(raw, rs.delim)
	case pe.Err == csv.ErrQuote:
		qe := &quoteError{line: rs.lines + pe.StartLine, upto: rs.lines + pe.Line}
		// Read again from the line after the bad one: its own line is
		// reported, the lines it swallowed are rows again.
		if rs.resync < maxResync {
			rs.resync++
			_, rest, _ := bytes.Cut(bytes.TrimLeft(raw, "\r\n"), []byte("\n"))
			left := append([]byte(nil), rs.tape.buf...)
			rs.lines = qe.line
			rs.restart(io.MultiReader(bytes.NewReader(rest), bytes.NewReader(left), rs.tape.r))
		}
		return nil, qe
	}
	pe.StartLine += rs.lines
	pe.Line += rs.lines
	return nil, pe
}

// lenient reads one line that has a stray quote inside an unquoted field.
func lenient(raw []byte, delim rune) ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = delim, -1, true
	return cr.Read()
}

// rowReadError is the report's message for a row that cannot be read.
func rowReadError(err error) string {
	var qe *quoteError
	if errors.As(err, &qe) {
		return qe.Error()
	}
	return "This row cannot be read as CSV: " + err.Error()
}

// tape keeps the bytes a csv.Reader has taken from r and not yet finished
// with, so that a row can be read again another way.
type tape struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
}

func (t *tape) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// cut returns the bytes up to input offset off and forgets them.
func (t *tape) cut(off int64) []byte {
	k := int(off - t.base)
	b := t.buf[:k:k]
	t.buf = t.buf[k:]
	t.base = off
	return b
}
