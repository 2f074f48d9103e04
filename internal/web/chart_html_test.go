package web

import (
	"html/template"
	"math"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/report"
)

func TestChartHTMLMatchesThePartial(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"add": funcs["add"], "dict": funcs["dict"]}).
		ParseFS(templateFS, "templates/layout/charts.html"))
	nasty := `<b>"Ward" & 'co' +1</b>`
	charts := []report.Chart{
		{ID: "top-rights-chart", Kind: report.Bars, Title: "Most engaged rights", Desc: "Bar chart " + nasty, Axis: "Right",
			Categories: []string{"A8 Respect for private and family life", "A3 " + nasty}, Series: []report.Series{{Name: "Cases", Fill: "#1d70b8", Values: []float64{12, 3}}}},
		{ID: "stack", Kind: report.Stacked, Title: nasty, Axis: "Ward", Categories: []string{"Oak", "Willow"}, CategoryLang: "en", Total: true, TotalLabel: "All",
			Series: []report.Series{{Name: "Green", Fill: "#00703c", Values: []float64{1, 2}}, {Name: "Red", Fill: "#d4351c", Hatch: true, Values: []float64{3, 0}}}},
		{ID: "run", Kind: report.Line, Title: "By month", Axis: "Month", Unit: "%", MarkedLabel: "Special cause",
			Categories: []string{"Jan", "Feb", "Mar", "Apr"},
			Series: []report.Series{{Name: "Share", Fill: "#1d70b8", Values: []float64{10, math.NaN(), 30, 25}, Marked: []bool{false, false, true, false}},
				{Name: "Median", Fill: "#505a5f", Dashed: true, Values: []float64{20, 20, 20, 20}}}},
	}
	for _, c := range charts {
		var want strings.Builder
		if err := tmpl.ExecuteTemplate(&want, "chart", map[string]any{"P": nil, "C": c}); err != nil {
			t.Fatal(err)
		}
		if got := string(chartHTML(c)); got != want.String() {
			t.Errorf("chart %s:\n got %q\nwant %q", c.ID, got, want.String())
		}
	}
}
