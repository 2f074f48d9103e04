package web_test

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// englishLeaks returns the text of a page that is interface English with a
// Welsh translation, outside any element marked lang="en": text the page
// should have shown in Welsh.
func englishLeaks(page string) ([]string, error) {
	texts, err := textOutsideEnglish(page)
	var out []string
	for _, s := range texts {
		if cy := i18n.T("cy", s); i18n.Has("cy", s) && cy != s {
			out = append(out, s)
		}
	}
	return out, err
}

// textOutsideEnglish returns each run of a page's text (spaces squeezed)
// that is not inside an element marked lang="en", leaving out scripts and
// styles.
func textOutsideEnglish(page string) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	type open struct {
		name    string
		english bool
	}
	var stack []open
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			en := len(stack) > 0 && stack[len(stack)-1].english
			for _, a := range x.Attr {
				if a.Name.Local == "lang" {
					en = a.Value == "en"
				}
			}
			stack = append(stack, open{x.Name.Local, en})
		case xml.EndElement:
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == x.Name.Local {
					stack = stack[:i]
					break
				}
			}
		case xml.CharData:
			s := strings.Join(strings.Fields(string(x)), " ")
			if s == "" || len(stack) == 0 || stack[len(stack)-1].english {
				continue
			}
			if n := stack[len(stack)-1].name; n != "script" && n != "style" {
				out = append(out, s)
			}
		}
	}
}

// TestWelshCrawlFindsNoEnglish reads pages of every area in Welsh and fails
// for interface text left in English outside lang="en".
func TestWelshCrawlFindsNoEnglish(t *testing.T) {
	e := newCaseEnv(t)
	c := e.newCase(t, "V-1", "Visiting cut short")
	lead := e.client().signIn("leadA")
	d := startDecision(t, lead, e.decisionEnv, "Keep the door locked at night")
	pages := []string{"/", "/rights", "/rights/A8", "/rights/A8/easy-read", "/accessibility", "/privacy", "/cookies",
		"/dashboard", "/account", "/decisions", "/decisions/new", d, d + "/edit/voice", d + "/edit/outcome", d + "/discard",
		"/decisions/indicators", "/cases", "/cases/new", fmt.Sprintf("/cases/%d", c.ID), "/cases/indicators", "/cases/import", "/cases/assess?from=2026-03&type=complaint", "/cases/assessment-report?from=2026-03&type=complaint",
		"/reviews", "/reviews/new"}
	for _, p := range pages {
		expectWelsh(t, lead, p)
	}
	// The same check finds the English of an English page, so it can see.
	en := strings.Replace(lead.get("/decisions/new", "Accept-Language", "en").body, `lang="en"`, `lang="cy"`, 1)
	if leaks, err := englishLeaks(en); len(leaks) < 20 || err != nil {
		t.Errorf("the English page shows only %q (%v): the check cannot tell English", leaks, err)
	}
}
