package web

import (
	"fmt"
	"strings"
	"testing"
)

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
		if got := string(scrollTables([]byte(c.in), `Bob & Ann's "page"`)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	if got := string(scrollTables([]byte(`<table><caption>A`), "T")); !strings.HasPrefix(got, "<table>") {
		t.Errorf("an unclosed table is left alone: %s", got)
	}
}

// nextTable finds what the table regexp finds, only faster.
func TestNextTableIsTheRegexp(t *testing.T) {
	for _, s := range []string{"", "no tables", `<table class="a">x</table>`, `<p>a</p><table>`, `<tablex><table id="t">`,
		`<table`, `<table class="x"`, `<tables><p><table>`, `<tab<table>`, "<table\n class=\"y\">", `<table id="1"><table id="2">`} {
		want := tableOpen.FindIndex([]byte(s))
		got := nextTable([]byte(s))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: %v, the regexp %v", s, got, want)
		}
	}
}
