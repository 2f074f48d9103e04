package web

import (
	"math"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// indicatorReading is one indicator read over a period, in one language:
// what the indicator pages, the board report, its PDF and its CSV show.
type indicatorReading struct {
	Def lightbulb.IndicatorDef
	// Name and the definition's parts, translated.
	Name, Definition, Numerator, Denominator, Source string
	Months                                           []string // YYYY-MM with a value, oldest first
	Values                                           []lightbulb.IndicatorValue
	SPC                                              lightbulb.SPC
	Rules                                            lightbulb.SPCRules
	Target                                           float64
	HasTarget                                        bool
	OwnTarget                                        bool // the organisation set it
	// Words: the latest value and its month, the target, the centre line
	// and the limits ("" where there are none), the labels and the rules.
	Latest, LatestMonth, TargetText, Centre, Lower, Upper string
	Kind, Variation, Assurance                            string
	RulesUsed                                             []string
	// History, for a State indicator, says how it is counted and from when.
	History string
	// Changes are those marked on the indicator; Segments, when there are
	// several, each part of the chart with its own centre line and limits.
	Changes  []lightbulb.IndicatorChange
	Segments []segmentWords
}

// segmentWords is one part of a chart after a change, in words.
type segmentWords struct {
	From, To, Kind, Centre, Lower, Upper string
}

// fmtValue shows a value in its unit: "82.5%", "12", "+7.5".
func fmtValue(unit string, v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	switch unit {
	case lightbulb.UnitPercent:
		return s + "%"
	case lightbulb.UnitPoints:
		if v > 0 {
			return "+" + s
		}
	}
	return s
}

// readIndicator reads def's values (the whole organisation's, oldest
// first) with the rules and the organisation's target, if any.
func readIndicator(lang string, def lightbulb.IndicatorDef, vs []lightbulb.IndicatorValue, rules lightbulb.SPCRules, target *lightbulb.IndicatorTarget, changes []lightbulb.IndicatorChange) indicatorReading {
	rd := indicatorReading{Def: def, Name: i18n.T(lang, def.Name), Definition: i18n.T(lang, def.Definition),
		Numerator: i18n.T(lang, def.Numerator), Source: i18n.T(lang, def.Source), Values: vs, Rules: rules,
		Target: def.Target, HasTarget: def.HasTarget, Changes: changes}
	if def.Denominator != "" {
		rd.Denominator = i18n.T(lang, def.Denominator)
	}
	if target != nil {
		rd.Target, rd.HasTarget, rd.OwnTarget = target.Target, true, true
	}
	in := lightbulb.SPCInput{Rules: rules, Better: def.Better, Target: rd.Target, HasTarget: rd.HasTarget}
	in.Lo, in.Hi, in.Bounded = def.Bounds()
	for _, v := range vs {
		rd.Months = append(rd.Months, v.Month)
		in.Values = append(in.Values, v.Value)
	}
	in.Breaks = lightbulb.Breaks(rd.Months, changes)
	rd.SPC = lightbulb.ReadSPC(in)
	d := dates{i18n.Dates{Lang: lang}}
	rd.Segments = segmentsInWords(lang, def.Unit, rd.Months, rd.SPC)
	if n := len(vs); n > 0 {
		rd.Latest, rd.LatestMonth = fmtValue(def.Unit, vs[n-1].Value), d.Month(vs[n-1].Month)
	}
	if rd.HasTarget {
		rd.TargetText = fmtValue(def.Unit, rd.Target)
	}
	if rd.SPC.Kind != lightbulb.ChartNone {
		rd.Centre = fmtValue(def.Unit, rd.SPC.Centre)
	}
	if rd.SPC.Kind == lightbulb.ChartXmR {
		rd.Lower, rd.Upper = fmtValue(def.Unit, rd.SPC.Lower), fmtValue(def.Unit, rd.SPC.Upper)
	}
	rd.Kind = label(lang, "spc", rd.SPC.Kind)
	rd.Variation = label(lang, "spc", rd.SPC.Variation)
	if rd.SPC.Kind == lightbulb.ChartNone {
		rd.Variation = ""
	}
	if rd.SPC.Assurance != "" {
		rd.Assurance = label(lang, "spc", rd.SPC.Assurance)
	}
	rd.RulesUsed = rulesInWords(lang, rd.SPC.Rules, rules)
	return rd
}

// segmentsInWords describes each part of a chart split by changes; nothing
// for a chart in one part.
func segmentsInWords(lang, unit string, months []string, spc lightbulb.SPC) []segmentWords {
	if len(spc.Segments) < 2 {
		return nil
	}
	d := dates{i18n.Dates{Lang: lang}}
	var out []segmentWords
	for i, seg := range spc.Segments {
		end := len(months) - 1
		if i+1 < len(spc.Segments) {
			end = spc.Segments[i+1].Start - 1
		}
		w := segmentWords{From: d.Month(months[seg.Start]), To: d.Month(months[end]), Kind: label(lang, "spc", seg.Kind),
			Centre: fmtValue(unit, seg.Centre)}
		if seg.Kind == lightbulb.ChartXmR {
			w.Lower, w.Upper = fmtValue(unit, seg.Lower), fmtValue(unit, seg.Upper)
		}
		out = append(out, w)
	}
	return out
}

// ChangesWords lists the changes the chart's limits are recalculated
// after: "February 2025: a weekly huddle began"; "" when there are none.
func (rd indicatorReading) ChangesWords(lang string) string {
	d := dates{i18n.Dates{Lang: lang}}
	var ws []string
	for _, c := range rd.Changes {
		ws = append(ws, d.Month(c.Month)+": "+c.Reason)
	}
	return strings.Join(ws, "; ")
}

// AssuranceWords is the assurance label, or why there is none.
func (rd indicatorReading) AssuranceWords(lang string) string {
	switch {
	case rd.Assurance != "":
		return rd.Assurance
	case rd.HasTarget:
		return i18n.T(lang, "Needs 13 months for an assurance label")
	}
	return i18n.T(lang, "No target")
}

// VariationWords is the variation label, or says there is no data yet.
func (rd indicatorReading) VariationWords(lang string) string {
	if rd.Variation == "" {
		return i18n.T(lang, "No data yet")
	}
	return rd.Variation
}

// LatestWords is the latest value with its month: "60% (November 2026)".
func (rd indicatorReading) LatestWords() string {
	if rd.Latest == "" {
		return ""
	}
	return rd.Latest + " (" + rd.LatestMonth + ")"
}

// rulesInWords names each rule a chart used, with its point count.
func rulesInWords(lang string, used []string, r lightbulb.SPCRules) []string {
	var out []string
	for _, u := range used {
		switch u {
		case lightbulb.RuleOutside:
			out = append(out, i18n.T(lang, "A point outside the process limits (the mean plus or minus 2.66 times the average moving range)"))
		case lightbulb.RuleShift:
			out = append(out, i18n.T(lang, "%d points in a row on the same side of the centre line", r.Shift))
		case lightbulb.RuleTrend:
			out = append(out, i18n.T(lang, "%d points in a row all rising or all falling", r.Trend))
		case lightbulb.RuleTwoOfThree:
			out = append(out, i18n.T(lang, "2 of 3 points in a row beyond two-thirds of the way to a limit, on the same side"))
		}
	}
	return out
}

// pointWords says which rules a point takes part in, or "No".
func pointWords(lang string, p lightbulb.SPCPoint) string {
	if !p.Special() {
		return i18n.T(lang, "No")
	}
	var ws []string
	for _, r := range p.Rules {
		ws = append(ws, label(lang, "spc", r))
	}
	return i18n.T(lang, "Yes") + ": " + strings.Join(ws, "; ")
}

// runChart draws a reading with the accessible chart model: the values as
// a line with special-cause points marked as squares, the centre line and
// (on an XmR chart) the process limits dashed, and a table twin that also
// says in words which points are special causes.
func runChart(lang, id string, rd indicatorReading) report.Chart {
	unit := ""
	if rd.Def.Unit == lightbulb.UnitPercent {
		unit = "%"
	}
	centre := i18n.T(lang, "Mean")
	if rd.SPC.Kind == lightbulb.ChartRun {
		centre = i18n.T(lang, "Median")
	}
	ch := report.Chart{ID: id, Kind: report.Line, Title: rd.Name, Unit: unit, Axis: i18n.T(lang, "Month"),
		MarkedLabel: i18n.T(lang, "Special cause"),
		Desc:        i18n.T(lang, "%s of the monthly values, oldest first, with the centre line dashed. Special-cause points are drawn as squares. The same numbers are in the table below.", rd.Kind)}
	val := report.Series{Name: i18n.T(lang, "Value"), Fill: "#1d70b8"}
	mid := report.Series{Name: centre, Fill: "#505a5f", Dashed: true}
	up := report.Series{Name: i18n.T(lang, "Upper limit"), Fill: "#d4351c", Dashed: true}
	lo := report.Series{Name: i18n.T(lang, "Lower limit"), Fill: "#d4351c", Dashed: true}
	special := report.Series{Name: i18n.T(lang, "Special cause"), TableOnly: true}
	d := dates{i18n.Dates{Lang: lang}}
	limits := false
	for _, seg := range rd.SPC.Segments {
		limits = limits || seg.Kind == lightbulb.ChartXmR
		if seg.Start > 0 { // limits recalculated after a change
			mid.Breaks, up.Breaks, lo.Breaks = append(mid.Breaks, seg.Start), append(up.Breaks, seg.Start), append(lo.Breaks, seg.Start)
		}
	}
	for i, p := range rd.SPC.Points {
		seg := rd.SPC.SegmentOf(i)
		ch.Categories = append(ch.Categories, d.ShortMonth(rd.Months[i]))
		val.Values = append(val.Values, p.Value)
		val.Texts = append(val.Texts, fmtValue(rd.Def.Unit, p.Value))
		val.Marked = append(val.Marked, p.Special())
		mid.Values = append(mid.Values, seg.Centre)
		if seg.Kind == lightbulb.ChartXmR {
			up.Values, lo.Values = append(up.Values, seg.Upper), append(lo.Values, seg.Lower)
		} else { // a run chart part has no limits: a gap
			up.Values, lo.Values = append(up.Values, math.NaN()), append(lo.Values, math.NaN())
		}
		special.Texts = append(special.Texts, pointWords(lang, p))
		special.Values = append(special.Values, 0)
	}
	ch.Series = []report.Series{val, mid}
	if limits {
		ch.Series = append(ch.Series, up, lo)
	}
	ch.Series = append(ch.Series, special)
	return ch
}
