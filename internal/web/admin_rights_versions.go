package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
)

// rightVersionView is one earlier version of a right's text in one
// language, compared word by word with the current version.
type rightVersionView struct {
	Right     *lightbulb.Right
	Lang      string
	LangName  string
	Old       *lightbulb.RightText
	IsCurrent bool
	Changes   []fieldDiff
	Unchanged []string
}

// fieldDiff is one part of the text that changed, as runs of words.
type fieldDiff struct {
	Name string
	Runs []diffRun
}

// findVersionOf reads the right and the version named in the address.
func (s *Server) findVersionOf(w http.ResponseWriter, r *http.Request, lang string) (*lightbulb.Right, *lightbulb.RightText, bool) {
	right, err := s.Rights.FindRight(r.Context(), r.PathValue("code"), lang)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	version, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || version < 1 {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	old, err := s.Rights.FindRightVersion(r.Context(), right.Code, lang, version)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	return right, old, true
}

// adminRightVersion shows an earlier version in full and what has changed
// since, with a button to restore it.
func (s *Server) adminRightVersion(w http.ResponseWriter, r *http.Request) {
	lang := s.rightLang(r).Code
	right, old, ok := s.findVersionOf(w, r, lang)
	if !ok {
		return
	}
	p := s.newPage(r, "", nil)
	p.Title = p.T("Version %d of %s", old.Version, right.Code)
	v := rightVersionView{Right: right, Lang: lang, LangName: s.langName(r.Context(), lang), Old: old,
		IsCurrent: old.Version == right.Text.Version}
	if right.Text.Lang != lang { // no text in lang at all: nothing to compare
		v.IsCurrent = true
	}
	a, b := rightFields(old), rightFields(&right.Text)
	for i := range a {
		name := p.T(a[i].Name)
		if a[i].Text == b[i].Text {
			v.Unchanged = append(v.Unchanged, name)
			continue
		}
		switch a[i].Name {
		case "Category":
			a[i].Text, b[i].Text = p.Label("category", old.Category), p.Label("category", right.Text.Category)
		case "Easy Read pictures":
			a[i].Text, b[i].Text = pictureNames(p, old.EasyPictures), pictureNames(p, right.Text.EasyPictures)
		}
		v.Changes = append(v.Changes, fieldDiff{Name: name, Runs: wordDiff(a[i].Text, b[i].Text)})
	}
	p.Data = v
	s.render(w, r, http.StatusOK, "admin_right_version", p)
}

// adminRightRestore stores a copy of an earlier version as the newest one.
func (s *Server) adminRightRestore(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	lang := s.rightLang(r).Code
	right, old, ok := s.findVersionOf(w, r, lang)
	if !ok {
		return
	}
	next, err := s.Rights.RestoreRight(r.Context(), right.Code, lang, old.Version)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "right.restore", right.Code,
		fmt.Sprintf("text (%s): version %d restored as version %d", lang, old.Version, next))
	s.flash(r, "Version %d of %s has been restored as version %d.", old.Version, right.Code, next)
	http.Redirect(w, r, "/admin/rights/"+right.Code+"/history?lang="+lang, http.StatusSeeOther)
}

// pictureNames names a text's Easy Read pictures in the page's language,
// one per sentence, for the comparison ("Heart; Home; an uploaded picture").
func pictureNames(p *Page, refs []string) string {
	labels := map[string]string{}
	for _, pic := range content.Pictures() {
		labels[pic.Name] = lightbulb.Pick(p.Lang, pic.EN, pic.CY).S
	}
	out := make([]string, len(refs))
	for i, ref := range refs {
		icon, id := lightbulb.ParsePictureRef(ref)
		switch {
		case id != 0:
			out[i] = p.T("an uploaded picture")
		case labels[icon] != "":
			out[i] = labels[icon]
		default:
			out[i] = p.T("no picture")
		}
	}
	return strings.Join(out, "; ")
}
