package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
)

// caseUploadPath is where the browser uploads a CSV export.
const caseUploadPath = "/cases/import"

// caseMaxUpload is the largest file the browser may upload (50 MB, about
// 200,000 cases); larger exports go through `lightbulb import cases`.
const caseMaxUpload = 50 << 20

func (s *Server) caseImportForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "cases_import", s.newPage(r, "Import cases", nil))
}

// caseUpload keeps the uploaded file and goes on to map its columns.
func (s *Server) caseUpload(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Import cases", nil)
	fail := func(msg string) {
		s.formError(w, r, "cases_import", p, lightbulb.FieldError("file", msg))
	}
	f, hdr, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		fail("The file must be smaller than 50 MB: import larger files with the command line")
		return
	case err != nil:
		fail("Select a CSV file")
		return
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, caseMaxUpload+1))
	if err != nil {
		fail("The file could not be read: try again")
		return
	} else if len(body) > caseMaxUpload {
		fail("The file must be smaller than 50 MB: import larger files with the command line")
		return
	}
	if _, _, _, err := caseimport.Open(bytes.NewReader(body)); err != nil {
		fail("The file cannot be used: " + strings.TrimPrefix(err.Error(), "file: "))
		return
	}
	token, err := s.Cases.PutCaseUpload(r.Context(), hdr.Filename, body)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.upload", hdr.Filename, fmt.Sprintf("%d bytes", len(body)))
	http.Redirect(w, r, "/cases/import/columns?upload="+token, http.StatusSeeOther)
}

// caseImportView is what the page that matches a file's columns shows.
type caseImportView struct {
	Name     string                       // the file's name
	Header   []string                     // its columns
	Preview  [][]string                   // its first rows
	Delim    string                       // what separates its columns, in words
	Fields   []string                     // what Lightbulb reads
	Mappings map[string]map[string]string // saved column matches, by name
	Token    string                       // the upload
	Report   *caseimport.Report           // a check's result, once checked
	Units    []*lightbulb.Unit            // the organisation's wards, teams and homes
	Values   []importValueField           // the file's values to match to Lightbulb's
}

// IsRequired reports whether an import must map a field.
func (v *caseImportView) IsRequired(field string) bool {
	return slices.Contains(caseimport.Required, field)
}

// caseImportData reads the upload's heading and first rows for the mapping page.
func (s *Server) caseImportData(r *http.Request) (*caseImportView, []byte, error) {
	ctx := r.Context()
	name, body, err := s.Cases.CaseUpload(ctx, r.URL.Query().Get("upload"))
	if err != nil {
		return nil, nil, err
	}
	cr, header, delim, err := caseimport.Open(bytes.NewReader(body))
	if err != nil {
		return nil, nil, lightbulb.Errorf(lightbulb.EINVALID, "%s", err.Error())
	}
	var preview [][]string
	for len(preview) < 5 {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		preview = append(preview, append([]string(nil), rec...))
	}
	maps, err := s.Cases.CaseMappings(ctx)
	if err != nil {
		return nil, nil, err
	}
	return &caseImportView{Name: name, Header: header, Preview: preview, Delim: caseDelimName(delim),
		Fields: caseimport.Fields, Mappings: maps, Token: r.URL.Query().Get("upload")}, body, nil
}

func caseDelimName(d rune) string {
	return map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs", '|': "vertical bars"}[d]
}

func (s *Server) caseImportMap(w http.ResponseWriter, r *http.Request) {
	data, body, err := s.caseImportData(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Match the columns", data)
	m := caseimport.Guess(data.Header)
	if saved, ok := data.Mappings[r.URL.Query().Get("mapping")]; ok {
		m = caseimport.Mapping(saved)
		p.Form.Set("save_as", r.URL.Query().Get("mapping"))
	}
	for _, f := range caseimport.Fields {
		p.Form.Set("map-"+f, m[f])
	}
	p.Form.Set("redact", "1")
	services, err := s.caseServiceIndex(r.Context(), data)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	// The file's own values are listed once its columns are known; a guess
	// that misses a column lists none until the person chooses it.
	data.Values, _ = importValues(body, caseimport.Options{Mapping: m, Services: services}, data.Units, p.Form)
	s.render(w, r, http.StatusOK, "cases_import_map", p)
}

// caseImportRun checks the file with the chosen mapping and, when asked
// and every row is right, imports it.
func (s *Server) caseImportRun(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	data, body, err := s.caseImportData(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	m := caseimport.Mapping{}
	for _, f := range caseimport.Fields {
		m[f] = r.PostFormValue("map-" + f)
	}
	postedValues(r, m)
	p := s.newPage(r, "Match the columns", data)
	p.Form = r.PostForm
	services, err := s.caseServiceIndex(ctx, data)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	data.Values, _ = importValues(body, caseimport.Options{Mapping: m, Services: services}, data.Units, p.Form)
	job := caseimport.Job{Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }, DryRun: true,
		Suggest: true, Options: caseimport.Options{Mapping: m, Services: services, Redact: r.PostFormValue("redact") == "1"}}
	rep, _, err := caseimport.Run(ctx, s.Cases, job)
	if errors.Is(err, caseimport.ErrFile) {
		s.formError(w, r, "cases_import_map", p, lightbulb.FieldError("map-source_ref", "The file cannot be imported: "+strings.TrimPrefix(err.Error(), "file: ")))
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	if name := strings.TrimSpace(r.PostFormValue("save_as")); name != "" {
		if err := s.Cases.SaveCaseMapping(ctx, name, m); err != nil {
			s.appError(w, r, err)
			return
		}
	}
	data.Report = &rep
	if r.PostFormValue("action") != "import" || rep.ErrorCount > 0 {
		p.Errors = caseReportErrors(p, &rep)
		s.render(w, r, http.StatusOK, "cases_import_map", p)
		return
	}
	token := r.URL.Query().Get("upload")
	opts := lightbulb.CaseImportOptions{Mapping: m, Redact: job.Redact, Suggest: job.Suggest}
	if a := lightbulb.ActorFrom(ctx); a != nil {
		opts.ByID, opts.ByName = a.UserID, a.Name
	}
	err = s.Cases.StartCaseImport(ctx, token, rep.Valid, opts)
	if lightbulb.ErrorCode(err) == lightbulb.ECONFLICT {
		if st, serr := s.Cases.CaseImportState(ctx, token); serr == nil && (st.State == "queued" || st.State == "running") {
			http.Redirect(w, r, "/cases/import/progress?upload="+token, http.StatusSeeOther)
			return // a second click on this file: show its progress
		}
		s.formError(w, r, "cases_import_map", p, lightbulb.FieldError("map-source_ref", lightbulb.ErrorMessage(err)))
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(ctx, "case.import.start", data.Name, fmt.Sprintf("%d rows queued", rep.Valid))
	s.wakeJobs()
	http.Redirect(w, r, "/cases/import/progress?upload="+token, http.StatusSeeOther)
}

// caseImportProgress shows how far an import has got; with JavaScript on
// it refreshes itself every two seconds until the import ends.
func (s *Server) caseImportProgress(w http.ResponseWriter, r *http.Request) {
	st, err := s.Cases.CaseImportState(r.Context(), r.URL.Query().Get("upload"))
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Importing cases", map[string]any{"S": st, "Token": r.URL.Query().Get("upload")})
	s.render(w, r, http.StatusOK, "cases_import_progress", p)
}

// caseReportErrors puts a short line at the top of the page when rows are wrong.
func caseReportErrors(p *Page, rep *caseimport.Report) []*lightbulb.Error {
	if rep.ErrorCount == 0 {
		return nil
	}
	return []*lightbulb.Error{{Code: lightbulb.EINVALID, Field: "report",
		Message: p.T("%d problems in the file: nothing was imported. Correct the file or the columns and check again.", rep.ErrorCount)}}
}

// caseServiceIndex maps ward, team and home names to ids for the importer,
// and keeps the list on the page for matching the file's own names.
func (s *Server) caseServiceIndex(ctx context.Context, v *caseImportView) (map[string]int64, error) {
	ss, err := s.Units.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	v.Units = ss
	return caseimport.ServiceIndex(ss), nil
}
