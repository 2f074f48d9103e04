package web

import (
	"context"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// rightLang is the content language named by the request's lang (English
// when it names none the library has), with its name and direction.
func (s *Server) rightLang(r *http.Request) lightbulb.ContentLanguage {
	want := r.FormValue("lang")
	if want == "" {
		want = r.PathValue("lang")
	}
	ls, _ := s.Rights.ContentLanguages(r.Context())
	for _, l := range ls {
		if l.Code == want {
			return l
		}
	}
	return lightbulb.ContentLanguage{Code: lightbulb.LangEN, Name: "English", NativeName: "English", Dir: "ltr"}
}

// langName is a content language's name in itself ("Cymraeg"), or its code
// when the library does not know it.
func (s *Server) langName(ctx context.Context, lang string) string {
	ls, _ := s.Rights.ContentLanguages(ctx)
	for _, l := range ls {
		if l.Code == lang {
			return l.NativeName
		}
	}
	return lang
}

// languagesView lists the library's languages, each with how many rights
// have a text in it and how many of those are older than the English.
type languagesView struct {
	Languages []languageRow
}

type languageRow struct {
	lightbulb.ContentLanguage
	Translated, Stale, Total int
}

// adminLanguages lists the languages and offers a form to add one.
func (s *Server) adminLanguages(w http.ResponseWriter, r *http.Request) {
	v, err := s.languagesOf(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_languages", s.newPage(r, "Languages of the rights library", v))
}

func (s *Server) languagesOf(ctx context.Context) (languagesView, error) {
	var v languagesView
	ls, err := s.Rights.ContentLanguages(ctx)
	if err != nil {
		return v, err
	}
	for _, l := range ls {
		row := languageRow{ContentLanguage: l}
		rights, err := s.Rights.FindRights(ctx, l.Code)
		if err != nil {
			return v, err
		}
		for _, x := range rights {
			row.Total++
			if x.Text.Lang == l.Code {
				row.Translated++
				if x.Stale {
					row.Stale++
				}
			}
		}
		v.Languages = append(v.Languages, row)
	}
	return v, nil
}

// adminLanguageAdd adds a language; a refused one comes back with what was
// typed.
func (s *Server) adminLanguageAdd(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	l := lightbulb.ContentLanguage{Code: f.Text("code"), Name: f.Text("name"), NativeName: f.Text("native_name"),
		Dir: f.Choice("dir", "Which way is it written?", "ltr", "rtl"), Signed: f.Values.Get("signed") == "yes"}
	if err := f.Err(s.Rights.AddLanguage(r.Context(), l)); err != nil {
		v, verr := s.languagesOf(r.Context())
		if verr != nil {
			s.serverError(w, r, verr)
			return
		}
		p := s.newPage(r, "Languages of the rights library", v)
		p.Form = r.PostForm
		s.formError(w, r, "admin_languages", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "right.language.add", l.Code, l.Name)
	s.flash(r, "%s has been added. Translate each right from the language's page.", l.Name)
	http.Redirect(w, r, "/admin/languages/"+l.Code, http.StatusSeeOther)
}

// adminLanguage lists the rights in one language, each with its state.
func (s *Server) adminLanguage(w http.ResponseWriter, r *http.Request) {
	l := s.rightLang(r)
	if l.Code != r.PathValue("lang") {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	rights, err := s.Rights.FindRights(r.Context(), l.Code)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "", struct {
		Language lightbulb.ContentLanguage
		Rights   []*lightbulb.Right
	}{l, rights})
	p.Title = l.Label()
	s.render(w, r, http.StatusOK, "admin_language", p)
}
