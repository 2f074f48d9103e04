package web

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.opt.Ready != nil {
		if err := s.opt.Ready(r.Context()); err != nil {
			s.log.Warn("not ready", "error", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("database unavailable\n"))
			return
		}
	}
	_, _ = w.Write([]byte("ready\n"))
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", s.newPage(r, "Human rights in everyday practice", nil))
}

func (s *Server) staticPage(name, title string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, name, s.newPage(r, title, nil))
	}
}

// The accessibility statement was prepared and last reviewed on these days.
var (
	statementPrepared = lightbulb.Date{Year: 2026, Month: time.December, Day: 6}
	statementReviewed = lightbulb.Date{Year: 2026, Month: time.December, Day: 6}
)

// accessibilityView is what the accessibility statement shows besides its text.
type accessibilityView struct {
	Contact            string // may be empty: then people ask whoever gave them access
	Prepared, Reviewed lightbulb.Date
}

// accessibility serves the accessibility statement the Public Sector Bodies
// Accessibility Regulations 2018 require.
func (s *Server) accessibility(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "accessibility", s.newPage(r, "Accessibility statement",
		accessibilityView{Contact: s.opt.Contact, Prepared: statementPrepared, Reviewed: statementReviewed}))
}

// setLanguage remembers a language choice in a cookie and goes back to the
// page the person was reading. It is a plain link, so it works without JS.
func (s *Server) setLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if !i18n.Valid(lang) {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	s.rememberLang(w, lang)
	http.Redirect(w, r, localPath(r.URL.Query().Get("next"), "/"), http.StatusSeeOther)
}

type rightGroup struct {
	Category lightbulb.Category
	Heading  string
	Explain  string
	Rights   []*lightbulb.Right
	List     template.HTML // Rights as the page lists them (rightsListHTML)
}

var categoryHeading = map[lightbulb.Category]string{
	lightbulb.Absolute: "Absolute rights", lightbulb.Limited: "Limited rights", lightbulb.Qualified: "Qualified rights",
	lightbulb.NonDiscrimination: "Freedom from discrimination",
}

var categoryExplain = map[lightbulb.Category]string{
	lightbulb.Absolute:          "These rights can never be restricted or balanced against anything else.",
	lightbulb.Limited:           "These rights can be restricted only in the situations the article itself sets out.",
	lightbulb.Qualified:         "These rights can be restricted when it is lawful, for a legitimate aim, necessary and proportionate.",
	lightbulb.NonDiscrimination: "This right works together with the others: everyone must enjoy their rights without discrimination.",
}

func (s *Server) rightsIndex(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "The 16 rights", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var groups []rightGroup
	for _, c := range lightbulb.Categories {
		g := rightGroup{Category: c, Heading: categoryHeading[c], Explain: categoryExplain[c]}
		for _, x := range rights {
			if x.Category == c {
				g.Rights = append(g.Rights, x)
			}
		}
		if len(g.Rights) > 0 {
			g.List = rightsListHTML(p, g.Rights)
			groups = append(groups, g)
		}
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	p.Form.Set("q", q)
	data := map[string]any{"Groups": groups, "Query": q}
	if q != "" {
		results, keyed := lightbulb.MatchRightsKeyed(rights, q)
		if !keyed {
			// No right is named for these words; at most some mention
			// one of them in passing. What the words describe says more.
			if sg := s.suggestRights(q, p.Lang, rights); len(sg) > 0 {
				data["Suggested"], results = sg, nil
			} else {
				// Say so rather than call a mention a match: "nurse
				// shouted at me" is not about forced labour because that
				// right's text mentions nurses.
				data["OnlyMentioned"] = len(results) > 0
			}
		}
		data["Results"], data["ResultsHTML"] = results, rightsListHTML(p, results)
		p.Title = p.T("Search results") + ": " + q
	}
	p.Data = data
	s.render(w, r, http.StatusOK, "rights_index", p)
}

func (s *Server) findRight(w http.ResponseWriter, r *http.Request, p *Page) (*lightbulb.Right, bool) {
	right, err := s.Rights.FindRight(r.Context(), r.PathValue("code"), p.Lang)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	p.Title = right.Text.Title
	p.Stale = right.Stale
	p.Data = map[string]any{"Right": right, "Languages": s.otherLanguages(r, right.Code)}
	return right, true
}

func (s *Server) rightPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "", nil)
	if _, ok := s.findRight(w, r, p); ok {
		s.render(w, r, http.StatusOK, "right", p)
	}
}

func (s *Server) rightEasyRead(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "", nil)
	right, ok := s.findRight(w, r, p)
	if !ok {
		return
	}
	v := easyReadOf(p, right)
	p.Title = v.Heading + " – " + p.T("Easy Read")
	p.Data = v
	s.render(w, r, http.StatusOK, "right_easy_read", p)
}

func (s *Server) rightsCard(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Pocket card of your human rights", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Data = map[string]any{"Rights": rights}
	s.render(w, r, http.StatusOK, "rights_card", p)
}

func (s *Server) rightsCardPDF(w http.ResponseWriter, r *http.Request) {
	s.cardPDF(w, r, "human-rights-pocket-card", func(buf *bytes.Buffer, text report.CardText, cards []report.CardRight, _ *Page) error {
		return report.PocketCard(buf, text, cards)
	})
}

// rightsFoldingPDF is the pocket card as ten bank-card-sized panels to cut
// out and fold.
func (s *Server) rightsFoldingPDF(w http.ResponseWriter, r *http.Request) {
	s.cardPDF(w, r, "human-rights-folding-card", func(buf *bytes.Buffer, text report.CardText, cards []report.CardRight, p *Page) error {
		var back []string
		for _, c := range lightbulb.Categories {
			back = append(back, p.T(categoryHeading[c])+": "+p.T(categoryExplain[c]))
		}
		return report.FoldingCard(buf, report.FoldText{CardText: text, Back: back,
			Instructions: p.T("Cut along the solid line. Fold in half down the middle, then back and forth along the dashed lines, like a fan: each panel is the size of a bank card.")}, cards)
	})
}

// cardPDF serves a card of the rights in the reader's language, drawn by
// draw, as the download name-LANG.pdf.
func (s *Server) cardPDF(w http.ResponseWriter, r *http.Request, name string,
	draw func(*bytes.Buffer, report.CardText, []report.CardRight, *Page) error) {
	p := s.newPage(r, "", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cards := make([]report.CardRight, len(rights))
	for i, x := range rights {
		cards[i] = report.CardRight{Code: x.Code, Article: p.ArticleLabel(x.Article), Title: x.Text.Title, Summary: x.Text.Summary,
			Category: p.Label("category", x.Category), Kind: string(x.Category)}
	}
	var buf bytes.Buffer
	text := report.CardText{Heading: p.T("Your human rights"), Intro: p.T("The 16 rights protected by the Human Rights Act 1998."),
		Footer: p.T("Lightbulb · human rights in everyday practice"), Lang: p.Lang, Created: time.Now()}
	if err := draw(&buf, text, cards, p); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`-`+p.Lang+`.pdf"`)
	_, _ = buf.WriteTo(w)
}

// otherLanguages are the languages beyond English and Welsh that a right
// has a text in, for the links on its page.
func (s *Server) otherLanguages(r *http.Request, code string) []lightbulb.ContentLanguage {
	ls, _ := s.Rights.ContentLanguages(r.Context())
	var out []lightbulb.ContentLanguage
	for _, l := range ls {
		if l.Code == lightbulb.LangEN || l.Code == lightbulb.LangCY {
			continue
		}
		if x, err := s.Rights.FindRight(r.Context(), code, l.Code); err == nil && x.Text.Lang == l.Code {
			out = append(out, l)
		}
	}
	return out
}

// rightInLanguage shows a right in a language beyond English and Welsh:
// the page around it stays in the reader's language, the right's words are
// marked with their own language and direction, a signed language gives its
// video, and a translation older than the English says so, as Welsh does.
func (s *Server) rightInLanguage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "", nil)
	l := s.rightLang(r)
	right, err := s.Rights.FindRight(r.Context(), r.PathValue("code"), l.Code)
	if err == nil && (l.Code != r.PathValue("lang") || right.Text.Lang != l.Code) {
		err = lightbulb.Errorf(lightbulb.ENOTFOUND, "This right is not in that language.")
	}
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p.Title = right.Text.Title
	p.Data = struct {
		Right    *lightbulb.Right
		Language lightbulb.ContentLanguage
		Easy     easyReadView
	}{right, l, easyReadOf(p, right)}
	s.render(w, r, http.StatusOK, "right_in_language", p)
}
