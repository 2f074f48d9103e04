package web

import (
	"html/template"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// readingRowsTemplate is a readings table's rows as the templates wrote
// them before they were written in Go (readingRows).
const readingRowsTemplate = `{{define "rows"}}{{$p := .P}}{{$q := .Q}}{{$links := .Links}}{{range .Readings}}<tr class="govuk-table__row">
    <th scope="row" class="govuk-table__header">{{if $links}}<a class="govuk-link" href="/indicators/{{.Def.Key}}?from={{$q.From}}&amp;to={{$q.To}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</th>
    <td class="govuk-table__cell govuk-table__cell--numeric">{{if .Latest}}{{.Latest}}<br><span class="govuk-body-s">{{.LatestMonth}}</span>{{else}}–{{end}}</td>
    <td class="govuk-table__cell govuk-table__cell--numeric">{{or .TargetText "–"}}</td>
    <td class="govuk-table__cell govuk-table__cell--numeric">{{or .Centre "–"}}</td>
    <td class="govuk-table__cell govuk-table__cell--numeric">{{if .Upper}}{{.Lower}} {{$p.T "to"}} {{.Upper}}{{else}}–{{end}}</td>
    <td class="govuk-table__cell">{{template "spc-tags" (dict "P" $p "R" .)}}</td>
    <td class="govuk-table__cell">{{template "spc-assurance" (dict "P" $p "R" .)}}</td>
  </tr>{{end}}{{end}}
{{define "spc-tags"}}{{$v := .R.SPC.Variation}}{{if .R.Variation}}<strong class="govuk-tag {{if eq $v "improvement"}}govuk-tag--blue{{else if eq $v "concern"}}govuk-tag--orange{{else if eq $v "special_neither"}}govuk-tag--purple{{else}}govuk-tag--grey{{end}}">{{.R.Variation}}</strong>{{else}}<span class="govuk-body-s">{{.P.T "No data yet"}}</span>{{end}}{{end}}
{{define "spc-assurance"}}{{$a := .R.SPC.Assurance}}{{if .R.Assurance}}<strong class="govuk-tag {{if eq $a "pass"}}govuk-tag--blue{{else if eq $a "fail"}}govuk-tag--orange{{else}}govuk-tag--grey{{end}}">{{.R.Assurance}}</strong>{{else if .R.HasTarget}}<span class="govuk-body-s">{{.P.T "Needs 13 months for an assurance label"}}</span>{{else}}<span class="govuk-body-s">{{.P.T "No target"}}</span>{{end}}{{end}}`

func TestReadingRowsMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"dict": funcs["dict"]}).Parse(readingRowsTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	reading := func(key, variation, assurance string, hasTarget bool, words ...string) indicatorReading {
		r := indicatorReading{Def: lightbulb.IndicatorDef{Key: key}, HasTarget: hasTarget,
			SPC: lightbulb.SPC{Variation: variation, Assurance: assurance}}
		for i, w := range words {
			*[]*string{&r.Name, &r.Latest, &r.LatestMonth, &r.TargetText, &r.Centre, &r.Lower, &r.Upper, &r.Variation, &r.Assurance}[i] = w
		}
		return r
	}
	rs := []indicatorReading{
		reading("cases.reviewed", "improvement", "pass", true, "Cases reviewed", "82.5%", "Oct 2026", "80%", "75%", "60%", "90%", "Improvement", "Passes the target"),
		reading("decisions.overdue", "concern", "fail", true, "Reviews overdue", "3", "Oct 2026", "0", "2", "", "", "Concern", "Fails the target"),
		reading("training.attended", "special_neither", "hit_and_miss", false, "Attended", "12", "Sep 2026", "", "", "", "", "Unusual", "Hit and miss"),
		reading("x", "common_cause", "", true, "Common", "", "", "", "", "1", "2", "Common cause"),
		reading("y", "", "", false, "Nothing yet"),
		reading(nasty+"/a b?c=d&e#f%41", nasty, nasty, false, nasty, nasty, nasty, nasty, nasty, nasty, nasty, nasty, nasty),
	}
	qs := []indicatorQuery{{From: "2024-11", To: "2026-10"}, {From: nasty + " !#$&*+,/:;=?@[]%41", To: "é"}}
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang}
		for _, q := range qs {
			for _, links := range []any{true, false, nil} {
				for _, n := range []int{0, 1, len(rs)} {
					var want strings.Builder
					if err := tmpl.ExecuteTemplate(&want, "rows", map[string]any{"P": p, "Q": q, "Readings": rs[:n], "Links": links}); err != nil {
						t.Fatal(err)
					}
					if got := string(readingRows(p, rs[:n], q, links)); got != want.String() {
						t.Errorf("%s, links %v, %d readings:\n got %q\nwant %q", lang, links, n, got, want.String())
					}
				}
			}
		}
	}
}
