package web

import (
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) adminRights(w http.ResponseWriter, r *http.Request) {
	en, err := s.Rights.FindRights(r.Context(), lightbulb.LangEN)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cy, err := s.Rights.FindRights(r.Context(), lightbulb.LangCY)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	stale := map[string]bool{}
	for _, x := range cy {
		stale[x.Code] = x.Stale
	}
	s.render(w, r, http.StatusOK, "admin_rights", s.newPage(r, "Rights library", map[string]any{"Rights": en, "Stale": stale}))
}

func editLang(r *http.Request) string {
	if l := r.FormValue("lang"); l == lightbulb.LangCY {
		return l
	}
	return lightbulb.LangEN
}

func (s *Server) adminRightEdit(w http.ResponseWriter, r *http.Request) {
	lang := s.rightLang(r).Code
	right, err := s.Rights.FindRight(r.Context(), r.PathValue("code"), lang)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	p.Title = p.T("Edit %s", right.Code)
	t := right.Text
	for k, v := range map[string]string{"title": t.Title, "summary": t.Summary, "protects": t.Protects,
		"health_care": t.HealthCare, "restrictions": t.Restrictions, "examples": strings.Join(t.Examples, "\n"),
		"easy_title": t.EasyTitle, "keywords": strings.Join(t.Keywords, ", "), "video_url": t.VideoURL,
		"category": string(right.Category), "lang": lang} {
		p.Form.Set(k, v)
	}
	for i, sentence := range t.EasyRead {
		p.Form.Set(fmt.Sprintf("easy-%d", i+1), sentence)
		p.Form.Set(fmt.Sprintf("picture-%d", i+1), t.EasyPicture(i))
	}
	p.Data = rightEditOf(p, right, s.rightLang(r), len(t.EasyRead))
	s.render(w, r, http.StatusOK, "admin_right_edit", p)
}

func lines(s string, sep string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", ""), sep) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// adminRightUpdate stores a new version of a right's text. Nothing is
// overwritten: every earlier version stays in the history.
func (s *Server) adminRightUpdate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if !s.readForm(w, r) {
		return
	}
	lang := s.rightLang(r).Code
	right, err := s.Rights.FindRight(ctx, r.PathValue("code"), lang)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	p.Title = p.T("Edit %s", right.Code)
	p.Form = r.PostForm
	f := formOf(r)
	easy, pics, uploaded := s.readEasyRows(r, f)
	t := lightbulb.RightText{Lang: lang, Title: f.Text("title"), Summary: f.Text("summary"), Protects: f.Text("protects"),
		HealthCare: f.Text("health_care"), Restrictions: f.Text("restrictions"), Examples: lines(f.Values.Get("examples"), "\n"),
		EasyTitle: f.Text("easy_title"), EasyRead: easy, EasyPictures: pics, Keywords: lines(f.Values.Get("keywords"), ","),
		VideoURL: f.Text("video_url")}
	cat := lightbulb.Category(f.Values.Get("category"))
	p.Data = rightEditOf(p, right, s.rightLang(r), len(easy))
	if err := f.Err(); err != nil {
		s.formError(w, r, "admin_right_edit", p, err)
		return
	}
	if err := s.Rights.UpdateRight(ctx, right.Code, cat, t); err != nil {
		s.formError(w, r, "admin_right_edit", p, err)
		return
	}
	detail := "text (" + lang + ")"
	if cat != right.Category {
		detail += fmt.Sprintf("; category %s → %s", right.Category, cat)
	}
	if uploaded > 0 {
		detail += fmt.Sprintf("; %d Easy Read picture(s) uploaded", uploaded)
	}
	_ = s.Audit.Record(ctx, "right.edit", right.Code, detail)
	s.flash(r, "A new version of %s has been saved.", right.Code)
	http.Redirect(w, r, "/admin/rights/"+right.Code+"/history?lang="+lang, http.StatusSeeOther)
}

func (s *Server) adminRightHistory(w http.ResponseWriter, r *http.Request) {
	lang := s.rightLang(r).Code
	right, err := s.Rights.FindRight(r.Context(), r.PathValue("code"), lang)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	hist, err := s.Rights.RightHistory(r.Context(), right.Code, lang)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	rows := make([]historyRow, len(hist))
	for i, t := range hist {
		rows[i].Text = t
		if i+1 < len(hist) {
			for _, f := range changedFields(hist[i+1], t) {
				rows[i].Changed = append(rows[i].Changed, p.T(f))
			}
		}
	}
	p.Data = map[string]any{"Right": right, "History": rows, "Lang": lang, "LangName": s.langName(r.Context(), lang)}
	p.Title = p.T("History of %s", right.Code)
	s.render(w, r, http.StatusOK, "admin_right_history", p)
}

// historyRow is one version of a right's text and what it changed.
type historyRow struct {
	Text    *lightbulb.RightText
	Changed []string
}

// changedFields names the parts of a right's text that differ between two
// versions, in the order the edit form shows them.
func changedFields(old, cur *lightbulb.RightText) []string {
	var out []string
	a, b := rightFields(old), rightFields(cur)
	for i := range a {
		if a[i].Text != b[i].Text {
			out = append(out, a[i].Name)
		}
	}
	return out
}

// namedText is one part of a right's text, named as the edit form names it.
type namedText struct {
	Name, Text string
}

// rightFields lists the parts of a right's text in the edit form's order;
// lists are joined into one text.
func rightFields(t *lightbulb.RightText) []namedText {
	return []namedText{
		{"Title", t.Title}, {"Summary", t.Summary}, {"Category", string(t.Category)},
		{"What the right protects", t.Protects},
		{"What it means in health and social care", t.HealthCare},
		{"Whether and how it may be restricted", t.Restrictions},
		{"Examples", strings.Join(t.Examples, "\n")},
		{"Easy Read heading", t.EasyTitle},
		{"Easy Read", strings.Join(t.EasyRead, "\n")},
		{"Easy Read pictures", strings.Join(t.EasyPictures, ", ")},
		{"Search words", strings.Join(t.Keywords, ", ")},
	}
}
