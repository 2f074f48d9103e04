package web

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

func scrolled(page, title string) string {
	var b bytes.Buffer
	scrollTables(&b, []byte(page), title)
	return b.String()
}

func TestScrollTables(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"no table", `<p>Hello</p>`, `<p>Hello</p>`},
		{"named by its caption",
			`<h1>X</h1><table class="govuk-table"><caption class="c">Cases <span class="govuk-visually-hidden">by month</span></caption><tr><td>1</td></tr></table><p>after</p>`,
			`<h1>X</h1><div class="lb-table-scroll" tabindex="0" role="region" aria-label="Cases by month"><table class="govuk-table"><caption class="c">Cases <span class="govuk-visually-hidden">by month</span></caption><tr><td>1</td></tr></table></div><p>after</p>`},
		{"no caption: the page's title",
			`<table><tr><td>1</td></tr></table>`,
			`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="Bob &amp; Ann&#39;s &#34;page&#34;"><table><tr><td>1</td></tr></table></div>`},
		{"already wrapped",
			`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="Mine">
  <table><tr><td>1</td></tr></table></div>`,
			`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="Mine">
  <table><tr><td>1</td></tr></table></div>`},
		{"two tables", `<table><caption>A</caption></table><table><caption>B</caption></table>`,
			`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="A"><table><caption>A</caption></table></div>` +
				`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="B"><table><caption>B</caption></table></div>`},
	} {
		if got := scrolled(c.in, `Bob & Ann's "page"`); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	if got := scrolled(`<table><caption>A`, "T"); got != `<table><caption>A` {
		t.Errorf("an unclosed table is left alone: %s", got)
	}
}

// The regular expressions the scanners in tables.go stand for.
var (
	tableOpen = regexp.MustCompile(`<table\b[^>]*>`)
	captionRe = regexp.MustCompile(`(?s)^\s*<caption\b[^>]*>(.*?)</caption>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
	regionRe  = regexp.MustCompile(`<div\b[^>]*\blb-table-scroll\b[^>]*>\s*$`)
)

// Each scanner finds what its regular expression finds.
func TestTableScannersAreTheRegexps(t *testing.T) {
	for _, s := range []string{"", "no tables", `<table class="a">x</table>`, `<p>a</p><table>`, `<tablex><table id="t">`,
		`<table`, `<table class="x"`, `<tables><p><table>`, `<tab<table>`, "<table\n class=\"y\">", `<table id="1"><table id="2">`,
		`<table-x>`, `<table_x><table>`} {
		want := tableOpen.FindIndex([]byte(s))
		if got := nextTable([]byte(s)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("table %q: %v, the regexp %v", s, got, want)
		}
	}
	for _, s := range []string{"", "<caption>A</caption>", " \n\t<caption class=\"c\">A <b>B</b></caption><tr>", "<captionx>A</caption>",
		"<caption>A", "<caption", "x<caption>A</caption>", "\v<caption>A</caption>", "<caption>\nA\n</caption></caption>",
		"<caption-x>A</caption>", "<caption a=\"<\">A</caption>", "<caption>A</captio>", "\u00a0<caption>A</caption>"} {
		m := captionRe.FindSubmatch([]byte(s))
		got, ok := captionAt([]byte(s))
		if (m != nil) != ok || m != nil && string(m[1]) != string(got) {
			t.Errorf("caption %q: %q %v, the regexp %q", s, got, ok, m)
		}
	}
	for _, s := range []string{"", "A <b>B</b>", "a<b", "a<b>c<d", "<>x<i\n>y", "a > b"} {
		if got, want := dropTags([]byte(s)), anyTag.ReplaceAllString(s, " "); got != want {
			t.Errorf("tags %q: %q, the regexp %q", s, got, want)
		}
	}
	for _, s := range []string{"", `<div class="lb-table-scroll">`, "<div class=\"lb-table-scroll\" tabindex=\"0\">\n  \t",
		`<div class="lb-table-scroll"><p>`, `<div class="lb-table-scroller">`, `<div class="x-lb-table-scroll-y">`,
		`<div class="xlb-table-scroll">`, `<divx class="lb-table-scroll">`, `<div<div class="lb-table-scroll">`,
		`<span class="lb-table-scroll">`, `<div class="a"> lb-table-scroll>`, `<divlb-table-scroll>`, `<div lb-table-scroll>`,
		`<div>lb-table-scroll>`, `<divx <div lb-table-scroll>`, `lb-table-scroll>`, `>`, `<div class="lb-table-scroll"> x`,
		"<div class=\"lb-table-scroll\">\v", `<div class="lb-table-scroll_x">`, `<div id="lb-table-scroll" class=lb-table-scroll>`} {
		if got, want := inRegion([]byte(s)), regionRe.MatchString(s); got != want {
			t.Errorf("region %q: %v, the regexp %v", s, got, want)
		}
	}
}

// The same on many strings made of the pieces the scanners look for.
func TestTableScannersOnMixedPieces(t *testing.T) {
	pieces := []string{"<table", "<caption", "</caption>", "<div", "lb-table-scroll", ">", "<", " ", "\n", "\v", "x", "-", "_", `"`, "</table>"}
	rnd := rand.New(rand.NewPCG(21, 50))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := nextTable([]byte(s)), tableOpen.FindIndex([]byte(s)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("table %q: %v, the regexp %v", s, got, want)
		}
		m := captionRe.FindSubmatch([]byte(s))
		if got, ok := captionAt([]byte(s)); (m != nil) != ok || m != nil && string(m[1]) != string(got) {
			t.Fatalf("caption %q: %q %v, the regexp %q", s, got, ok, m)
		}
		if got, want := dropTags([]byte(s)), anyTag.ReplaceAllString(s, " "); got != want {
			t.Fatalf("tags %q: %q, the regexp %q", s, got, want)
		}
		if got, want := inRegion([]byte(s)), regionRe.MatchString(s); got != want {
			t.Fatalf("region %q: %v, the regexp %v", s, got, want)
		}
	}
}

// BenchmarkScrollTables wraps the tables of a page shaped like the case
// list: a layout, a filter table and a 50-row table with a caption.
//
//	go test ./internal/web -run '^$' -bench ScrollTables
func BenchmarkScrollTables(b *testing.B) {
	var p strings.Builder
	p.WriteString(`<!DOCTYPE html><html lang="en"><head>` + strings.Repeat(`<meta name="x" content="y">`, 40) + `</head><body>`)
	p.WriteString(`<table class="govuk-table"><tr><td>filter</td></tr></table>`)
	p.WriteString(`<table class="govuk-table"><caption class="govuk-table__caption">Cases <span class="govuk-visually-hidden">1 to 50</span></caption>`)
	for i := range 50 {
		fmt.Fprintf(&p, `<tr class="govuk-table__row"><td class="govuk-table__cell"><a href="/cases/%d">C-%d</a></td>%s</tr>`, i, i,
			strings.Repeat(`<td class="govuk-table__cell">Ward 7 (older people&#39;s mental health)</td>`, 8))
	}
	p.WriteString(`</table>` + strings.Repeat(`<p>footer</p>`, 100) + `</body></html>`)
	page := []byte(p.String())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		scrollTables(io.Discard, page, "Cases")
	}
}
