package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
)

// sendCSV writes rows (the first is the heading) as a CSV download named
// filename. Callers pass cells people typed through csvSafe.
func sendCSV(w http.ResponseWriter, filename string, rows [][]string) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.WriteAll(rows)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	_, _ = buf.WriteTo(w)
}
