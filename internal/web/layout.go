package web

import (
	"bytes"
	"strings"
)

// The layout around every page (head, header, account bar, footer) is
// written here in Go rather than by a template: it made some thirty
// reflective calls on every request (method calls, the range of languages,
// and an escaper for each value), about a third of a light page's CPU.
// The page's own content, its error summary and any scripts it adds are
// still templates. Every value is escaped as html/template escapes it in
// its place (html_go.go), and TestLayoutMatchesTemplate renders pages with
// the layout template this replaced and compares them byte for byte.

// layoutLogo is the header's logo: the lightbulb drawn inline and the name.
const layoutLogo = `          <span class="lb-logo"><svg class="lb-logo__icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 30" height="30" width="30" fill="currentColor" aria-hidden="true" focusable="false"><path fill-rule="evenodd" d="M10.82 18.48A6.5 6.5 0 1 1 19.18 18.48L18 21.5H12ZM11.85 17.25A4.9 4.9 0 1 1 18.15 17.25L16.7 20H13.3Z"/><path d="M13.2 17.6 14 14.6 15 16.2 16 14.6 16.8 17.6" fill="none" stroke="currentColor" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/><rect x="12" y="22.3" width="6" height="1.5" rx=".75"/><rect x="12.5" y="24.4" width="5" height="1.5" rx=".75"/><rect x="13.6" y="26.5" width="2.8" height="1.4" rx=".7"/><g transform="translate(15 13.5)"><rect x="-.75" y="-11.5" width="1.5" height="3.2" rx=".75"/><rect x="-.75" y="-11.5" width="1.5" height="3.2" rx=".75" transform="rotate(-45)"/><rect x="-.75" y="-11.5" width="1.5" height="3.2" rx=".75" transform="rotate(45)"/><rect x="-.75" y="-11.5" width="1.5" height="3.2" rx=".75" transform="rotate(-90)"/><rect x="-.75" y="-11.5" width="1.5" height="3.2" rx=".75" transform="rotate(90)"/></g></svg><span class="lb-logo__text">Lightbulb</span></span>`

// writeLayout writes the whole page around content (the page's "content"
// template), errors (its error summary, when it has errors) and scripts
// (what its "scripts" template adds, if it has one).
func writeLayout(b *bytes.Buffer, p *Page, errors, content, scripts []byte) {
	var s strings.Builder
	s.Grow(8192)
	layoutHead(&s, p)
	layoutHeader(&s, p)
	layoutAccount(&s, p)
	b.WriteString(s.String())
	s.Reset()
	b.Write(errors)
	b.WriteString("\n      ")
	b.Write(content)
	layoutFooter(&s, p)
	b.WriteString(s.String())
	b.Write(scripts)
	b.WriteString("\n</body>\n</html>")
}

// headLinks are the head's links to built assets: the icons and the
// stylesheet, each with what follows its address.
var headLinks = []struct{ rel, asset, rest string }{
	{"icon", "images/favicon.ico", ` sizes="32x32"`},
	{"icon", "images/favicon.svg", ` type="image/svg+xml"`},
	{"apple-touch-icon", "images/apple-touch-icon.png", ""},
	{"stylesheet", "app.css", ""},
}

// layoutHead writes the page's head and the start of its body.
func layoutHead(s *strings.Builder, p *Page) {
	s.WriteString("<!DOCTYPE html>\n<html lang=\"")
	escapeHTML(s, p.Lang)
	s.WriteString("\" class=\"govuk-template\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>")
	if len(p.Errors) > 0 {
		escapeHTML(s, p.T("Error"))
		s.WriteString(": ")
	}
	escapeHTML(s, p.Title)
	s.WriteString(" – Lightbulb</title>\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n" +
		"  <meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>\n")
	for _, l := range headLinks {
		s.WriteString(`  <link rel="` + l.rel + `" href="`)
		escapeURLPath(s, p.Asset(l.asset))
		s.WriteString(`"` + l.rest + ">\n")
	}
	s.WriteString("</head>\n<body class=\"govuk-template__body\">\n  <script nonce=\"")
	escapeHTML(s, p.Nonce)
	s.WriteString("\">document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>\n" +
		"  <a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">")
	escapeHTML(s, p.T("Skip to main content"))
	s.WriteString("</a>\n")
}

// layoutHeader writes the header: the logo, the menu and the other languages.
func layoutHeader(s *strings.Builder, p *Page) {
	s.WriteString("  <header class=\"govuk-header\" data-module=\"govuk-header\">\n    <div class=\"govuk-header__container govuk-width-container\">\n" +
		"      <div class=\"govuk-header__logo\">\n        <a href=\"/\" class=\"govuk-header__link govuk-header__link--homepage\">\n")
	s.WriteString(layoutLogo)
	s.WriteString("\n        </a>\n      </div>\n      <div class=\"govuk-header__content\">\n        <nav aria-label=\"")
	escapeHTML(s, p.T("Menu"))
	s.WriteString("\" class=\"govuk-header__navigation\">\n          <button type=\"button\" class=\"govuk-header__menu-button govuk-js-header-toggle\" aria-controls=\"navigation\" hidden>")
	escapeHTML(s, p.T("Menu"))
	s.WriteString("</button>\n          <ul id=\"navigation\" class=\"govuk-header__navigation-list\">\n")
	const indent = "\n            "
	s.WriteString(indent[1:])
	navItem(s, "/rights", p.T("Rights"))
	s.WriteString(indent)
	navItem(s, "/training", p.T("Training"))
	s.WriteString(indent)
	if p.Actor != nil {
		s.WriteString(indent)
		navItem(s, "/dashboard", p.T("Your dashboard"))
		s.WriteString(indent)
		if p.Actor.Has("admin") || p.Actor.PlatformAdmin {
			navItem(s, "/admin", p.T("Admin"))
		}
		s.WriteString(indent)
	} else {
		s.WriteString(indent)
		navItem(s, "/sign-in", p.T("Sign in"))
		s.WriteString(indent)
	}
	s.WriteString(indent)
	for _, l := range p.OtherLangs() {
		s.WriteString(`<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/language/`)
		escapeURLPath(s, l)
		s.WriteString("?next=")
		escapeURLQuery(s, p.Path)
		s.WriteString(`" hreflang="`)
		escapeHTML(s, l)
		s.WriteString(`" lang="`)
		escapeHTML(s, l)
		s.WriteString(`">`)
		escapeHTML(s, p.LangName(l))
		s.WriteString("</a></li>")
	}
	s.WriteString("\n          </ul>\n        </nav>\n      </div>\n    </div>\n  </header>\n")
}

// layoutAccount writes who is signed in, and the start of main with the
// page's message.
func layoutAccount(s *strings.Builder, p *Page) {
	s.WriteString("  <div class=\"govuk-width-container\">\n    ")
	if p.Actor != nil {
		s.WriteString("\n    <nav class=\"lb-account-bar govuk-!-margin-top-3\" aria-label=\"")
		escapeHTML(s, p.T("Your account"))
		s.WriteString("\">\n      <p class=\"govuk-body-s govuk-!-margin-bottom-0\">")
		escapeHTML(s, p.T("Signed in as"))
		s.WriteString(" <strong>")
		escapeHTML(s, p.Actor.Name)
		s.WriteString("</strong>")
		if p.Org != nil {
			s.WriteString(" · ")
			escapeHTML(s, p.Org.Name)
		}
		s.WriteString(" · <a class=\"govuk-link\" href=\"/account\">")
		escapeHTML(s, p.T("Your account"))
		s.WriteString("</a></p>\n      <form method=\"post\" action=\"/sign-out\" class=\"lb-inline-form\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0 lb-button--small\">")
		escapeHTML(s, p.T("Sign out"))
		s.WriteString("</button></form>\n    </nav>\n    ")
	}
	s.WriteString("\n    <main class=\"govuk-main-wrapper\" id=\"main-content\" role=\"main\">\n      ")
	if p.Flash != "" {
		s.WriteString("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" aria-labelledby=\"flash-title\" data-module=\"govuk-notification-banner\">\n" +
			"        <div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"flash-title\">")
		escapeHTML(s, p.T("Success"))
		s.WriteString("</h2></div>\n        <div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">")
		escapeHTML(s, p.Flash)
		s.WriteString("</p></div>\n      </div>")
	}
	s.WriteString("\n      ")
}

// layoutFooter writes the end of main, the footer and the page's script.
func layoutFooter(s *strings.Builder, p *Page) {
	s.WriteString("\n    </main>\n  </div>\n  <footer class=\"govuk-footer\">\n    <div class=\"govuk-width-container\">\n      <div class=\"govuk-footer__meta\">\n" +
		"        <div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n          <h2 class=\"govuk-visually-hidden\">")
	escapeHTML(s, p.T("Support links"))
	s.WriteString("</h2>\n          <ul class=\"govuk-footer__inline-list\">\n")
	footerItem(s, "/accessibility", p.T("Accessibility statement"))
	footerItem(s, "/privacy", p.T("Privacy notice"))
	footerItem(s, "/cookies", p.T("Cookies"))
	footerItem(s, "/impact", p.T("Our impact"))
	s.WriteString("          </ul>\n          <p class=\"govuk-body-s\">")
	escapeHTML(s, p.T("Lightbulb is open-source software for putting human rights into everyday practice."))
	s.WriteString("</p>\n        </div>\n      </div>\n    </div>\n  </footer>\n  <script type=\"module\" src=\"")
	escapeURLPath(s, p.Asset("app.js"))
	s.WriteString("\"></script>\n  ")
}

// navItem writes one link of the header's navigation.
func navItem(s *strings.Builder, href, text string) {
	listLink(s, "govuk-header__navigation-item", "govuk-header__link", href, text)
}

// footerItem writes one link of the footer, on its own line.
func footerItem(s *strings.Builder, href, text string) {
	s.WriteString("            ")
	listLink(s, "govuk-footer__inline-list-item", "govuk-footer__link", href, text)
	s.WriteString("\n")
}

// listLink writes a list item holding a link.
func listLink(s *strings.Builder, item, link, href, text string) {
	s.WriteString(`<li class="` + item + `"><a class="` + link + `" href="`)
	s.WriteString(href)
	s.WriteString(`">`)
	escapeHTML(s, text)
	s.WriteString("</a></li>")
}
