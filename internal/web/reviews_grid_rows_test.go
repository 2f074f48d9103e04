package web

import (
	"html/template"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// gridRowsTemplate is the roll-up's body as the templates wrote it before it
// was written in Go (gridRowsHTML).
const gridRowsTemplate = `{{define "rows"}}{{$p := .P}}{{$links := .Links}}{{range .Grid}}<tr class="govuk-table__row">
    <th scope="row" class="govuk-table__header">{{if $links}}<a class="govuk-link" href="/reviews/{{.ReviewID}}">{{.Subject}}</a>{{else}}{{.Subject}}{{end}}<br><span class="govuk-body-s">{{$p.T "Period ending"}} {{$p.Dates.Short .PeriodEnd}}</span></th>
    {{range .Cells}}<td class="govuk-table__cell">{{if .}}
      {{template "traffic-light" (dict "P" $p "Light" .Light)}}
      <p class="govuk-body-s govuk-!-margin-bottom-1">{{$p.T "%d green, %d amber, %d red" .Green .Amber .Red}}{{if .NA}}{{$p.T ", %d not applicable" .NA}}{{end}}</p>
      {{if .Trend}}<p class="govuk-body-s govuk-!-margin-bottom-1">{{template "trend" (dict "P" $p "Trend" .Trend)}}</p>{{end}}
      {{if .Earlier}}<p class="govuk-body-s govuk-!-margin-bottom-0 lb-earlier">{{$p.T "Earlier:"}} {{range $i, $e := .Earlier}}{{if $i}}, {{end}}{{$p.Dates.Short $e.PeriodEnd}} {{template "traffic-light" (dict "P" $p "Light" $e.Light "Small" true)}}{{end}}</p>{{end}}
    {{else}}–{{end}}</td>{{end}}
  </tr>{{else}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="{{add (len .Themes) 1}}">{{$p.T "No review has been submitted yet."}}</td></tr>{{end}}{{end}}
{{define "traffic-light"}}{{$l := print .Light}}<span class="lb-light lb-light--{{or $l "none"}}{{if .Small}} lb-light--small{{end}}"><span class="lb-light__lamp" aria-hidden="true"></span>{{if $l}}{{.P.Label "review" $l}}{{else}}{{.P.T "Not rated"}}{{end}}</span>{{end}}
{{define "trend"}}{{if eq .Trend "improved"}}<span aria-hidden="true">↑ </span>{{.P.T "Better than the round before"}}{{else if eq .Trend "worse"}}<span aria-hidden="true">↓ </span>{{.P.T "Worse than the round before"}}{{else if eq .Trend "same"}}<span aria-hidden="true">→ </span>{{.P.T "The same as the round before"}}{{else}}{{.P.T "Not compared with the round before"}}{{end}}{{end}}`

func TestGridRowsHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"dict": funcs["dict"], "add": funcs["add"]}).Parse(gridRowsTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	cell := func(light lightbulb.Rating, trend string, na int, earlier ...gridLight) *gridCell {
		return &gridCell{ThemeCount: &lightbulb.ThemeCount{Theme: "Dignity", Green: 3, Amber: 1, Red: 2, NA: na},
			Light: light, Trend: trend, Earlier: earlier}
	}
	rows := []gridRow{
		{GridRow: lightbulb.GridRow{ReviewID: 7, Subject: "Ward 7 (older people’s)", PeriodEnd: day(31)},
			Cells: []*gridCell{cell(lightbulb.Green, "improved", 0, gridLight{day(1), lightbulb.Amber}, gridLight{day(2), lightbulb.Red}),
				cell(lightbulb.Amber, "worse", 2), nil, cell(lightbulb.Red, "same", 0, gridLight{day(3), ""}), cell("", "", 1)}},
		{GridRow: lightbulb.GridRow{ReviewID: 9223372036854775807, Subject: nasty, PeriodEnd: day(1)},
			Cells: []*gridCell{cell(lightbulb.NotApplicable, "unknown", 0), cell(lightbulb.Rating(nasty), "", 0, gridLight{day(4), lightbulb.Rating(nasty)})}},
		{GridRow: lightbulb.GridRow{ReviewID: 3, Subject: "", PeriodEnd: day(2)}},
	}
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang}
		p.Dates.Lang = lang
		for _, n := range []int{0, 1, len(rows)} {
			for _, links := range []bool{true, false} {
				var want strings.Builder
				themes := []lightbulb.Theme{{Name: "Dignity"}, {Name: "Respect"}, {Name: "Safety"}}
				if err := tmpl.ExecuteTemplate(&want, "rows", map[string]any{"P": p, "Grid": rows[:n], "Themes": themes, "Links": links}); err != nil {
					t.Fatal(err)
				}
				if got := string(gridRowsHTML(p, rows[:n], len(themes), links)); got != want.String() {
					t.Errorf("%s, %d rows, links %v:\n got %q\nwant %q", lang, n, links, got, want.String())
				}
			}
		}
	}
}

// gridHeadTemplate is the roll-up's theme headings as the templates wrote
// them before they were written in Go (gridHeadHTML).
const gridHeadTemplate = `{{define "head"}}{{$p := .P}}{{range .Themes}}<th scope="col" class="govuk-table__header">{{template "bi" (dict "P" $p "EN" .Name "CY" .NameCy)}}</th>{{end}}{{end}}` +
	`{{define "bi"}}{{if ne .P.Lang "cy"}}{{.EN}}{{else if .CY}}{{.CY}}{{else}}<span lang="en">{{.EN}}</span>{{end}}{{end}}`

func TestGridHeadHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"dict": funcs["dict"]}).Parse(gridHeadTemplate))
	themes := []lightbulb.Theme{{Name: "Dignity", NameCy: "Urddas"}, {Name: "Safety & <care>"}, {Name: "", NameCy: "Diogelwch \"'+"}}
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang}
		for _, n := range []int{0, 1, len(themes)} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, "head", map[string]any{"P": p, "Themes": themes[:n]}); err != nil {
				t.Fatal(err)
			}
			if got := string(gridHeadHTML(p, themes[:n])); got != want.String() {
				t.Errorf("%s, %d themes:\n got %q\nwant %q", lang, n, got, want.String())
			}
		}
	}
}
