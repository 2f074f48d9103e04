// Package caseimport reads CSV exports of incident and complaint systems
// (Datix-style exports differ by trust) into cases: it detects the
// delimiter, maps columns to fields, validates every row and reports errors
// by row and field, and can redact contact details and NHS numbers from
// free text. It streams, so a file of any size reads in constant memory.
package caseimport

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Fields are the case fields a column can map to, in form order.
var Fields = []string{"source_ref", "type", "received", "service", "summary", "harm", "status", "person_ref"}

// Required are the fields every import must map.
var Required = []string{"source_ref", "type", "received", "service", "summary"}

// Mapping maps a case field to a column heading of the file.
type Mapping map[string]string

// RowError is one problem in one row (Row counts the heading as row 1, as a
// spreadsheet does) and field.
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// MaxErrors is how many row errors a report lists; it still counts all.
const MaxErrors = 200

// Report is what reading a file found.
type Report struct {
	Delimiter  rune
	Header     []string
	Rows       int // data rows read
	Valid      int
	Errors     []RowError
	ErrorCount int
}

func (r *Report) add(row int, field, msg string) {
	r.ErrorCount++
	if len(r.Errors) < MaxErrors {
		r.Errors = append(r.Errors, RowError{row, field, msg})
	}
}

// Options say how to read a file.
type Options struct {
	Mapping  Mapping
	Services map[string]int64 // lower-case name -> id
	Redact   bool
}

// ErrFile is a problem with the whole file, not one row.
var ErrFile = errors.New("file")

func fileErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrFile}, args...)...)
}

// Open starts reading a CSV file: it skips a byte order mark, detects the
// delimiter from the heading row and returns a reader positioned after it.
// Its reader accepts stray quotes (for previews); Read is strict about them.
func Open(r io.Reader) (*csv.Reader, []string, rune, error) {
	br, delim, err := start(r)
	if err != nil {
		return nil, nil, 0, err
	}
	cr := csv.NewReader(br)
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = delim, -1, true
	cr.LazyQuotes = true
	header, err := heading(cr.Read())
	return cr, header, delim, err
}

// start skips a byte order mark, checks the heading row is UTF-8 text and
// detects the delimiter.
func start(r io.Reader) (*bufio.Reader, rune, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	first, _ := br.Peek(64 << 10)
	if len(bytes.TrimSpace(first)) == 0 {
		return nil, 0, fileErr("the file is empty")
	}
	line, _, _ := bytes.Cut(first, []byte("\n"))
	if !utf8.Valid(line) {
		return nil, 0, fileErr("the heading row is not UTF-8 text: save the export as CSV UTF-8 and try again")
	}
	return br, Detect(string(line)), nil
}

// heading checks and tidies the heading row.
func heading(rec []string, err error) ([]string, error) {
	if err != nil {
		return nil, fileErr("the heading row cannot be read: %v", err)
	}
	header := append([]string(nil), rec...)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if len(header) < 2 {
		return nil, fileErr("the file has only one column: check it is a CSV export with a heading row")
	}
	return header, nil
}

// Detect picks the delimiter that splits the heading row into the most
// columns: comma, semicolon, tab or vertical bar.
func Detect(line string) rune {
	best, n := ',', 0
	for _, d := range []rune{',', ';', '\t', '|'} {
		if c := strings.Count(line, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}

// Read validates every row of r with opt and calls fn with each valid case,
// in file order. Rows with errors are reported, not passed on. A problem
// with the whole file (no heading, missing columns) is an ErrFile error.
func Read(r io.Reader, opt Options, fn func(c *lightbulb.Case) error) (Report, error) {
	var rep Report
	err := scan(r, opt.Mapping, &rep, func(row int, rec []string, cols map[string]int, err error) error {
		rep.Rows++
		if err != nil {
			rep.add(row, "", rowReadError(err))
			return nil
		}
		c, ok := parseRow(&rep, row, rec, cols, opt)
		if !ok {
			return nil
		}
		rep.Valid++
		return fn(c)
	})
	return rep, err
}

// scan reads the heading of r, finds the mapped columns and calls fn with
// each row's number (the heading is row 1) and record, or its read error.
func scan(r io.Reader, m Mapping, rep *Report, fn func(row int, rec []string, cols map[string]int, err error) error) error {
	br, delim, err := start(r)
	if err != nil {
		return err
	}
	rs := newRecords(br, delim)
	header, err := heading(rs.next())
	if err != nil {
		return err
	}
	rep.Delimiter, rep.Header = delim, header
	cols, err := columns(header, m)
	if err != nil {
		return err
	}
	for row := 2; ; row++ {
		rec, err := rs.next()
		if err == io.EOF {
			return nil
		}
		if err := fn(row, rec, cols, err); err != nil {
			return err
		}
	}
}

// columns finds the column index of every mapped field.
func columns(header []string, m Mapping) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		at[strings.ToLower(h)] = i
	}
	cols := map[string]int{}
	var missing []string
	for _, f := range Fields {
		name := strings.TrimSpace(m[f])
		if name == "" {
			continue
		}
		i, ok := at[strings.ToLower(name)]
		if !ok {
			missing = append(missing, fmt.Sprintf("%q (for %s)", name, f))
			continue
		}
		cols[f] = i
	}
	if len(missing) > 0 {
		return nil, fileErr("the file has no column %s: check the mapping or the export", strings.Join(missing, ", "))
	}
	for _, f := range Required {
		if _, ok := cols[f]; !ok {
			return nil, fileErr("choose the column that holds %s", FieldName(f))
		}
	}
	return cols, nil
}

// FieldName is a field's name in words.
func FieldName(f string) string {
	return map[string]string{"source_ref": "the reference", "type": "the type of case", "received": "the date received",
		"service": "the ward, team or home", "summary": "the summary", "harm": "the level of harm", "status": "the status",
		"person_ref": "the person’s reference"}[f]
}
