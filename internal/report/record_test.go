package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func TestWriteRecord(t *testing.T) {
	long := strings.Repeat("Staff walk with her when the alarm sounds. ", 40)
	tests := []struct {
		name  string
		rows  int
		value string
		pages int // at least
	}{
		{"short record", 3, "Door alarm on at night", 1},
		{"long record runs on to more pages", 40, long, 3},
		{"emoji and control characters are dropped, not fatal", 2, "Happy 😀\x07 with it’s ‘quotes’ and Welsh ŵ ŷ", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows []Row
			for i := 0; i < tt.rows; i++ {
				rows = append(rows, Row{Label: "What was decided?", Value: tt.value})
			}
			var buf bytes.Buffer
			err := WriteRecord(&buf, Record{Title: "Decision 7", Subtitle: "Willow Ward", Footer: "Lightbulb", Lang: "en-GB",
				Created: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Sections: []Section{{Heading: "Outcome", Rows: rows}}})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			if n := len(pdfPage.FindAll(buf.Bytes(), -1)); n < tt.pages || (tt.pages == 1 && n != 1) {
				t.Fatalf("%d pages, want %d", n, tt.pages)
			}
		})
	}
}
