package web

import (
	"net/http"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// partReadings reads each part of an indicator with parts over the
// period: each right, named in the page's language in the library's
// order, or each theme, by its English name in order.
func (s *Server) partReadings(r *http.Request, iq indicatorQuery, d lightbulb.IndicatorDef) ([]serviceReading, error) {
	vs, err := s.Indicators.IndicatorParts(r.Context(), d.Key, iq.From, iq.To)
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	if d.Parts == lightbulb.PartsRight {
		if titles, err = s.rightTitles(r); err != nil {
			return nil, err
		}
	}
	by := map[string][]lightbulb.IndicatorValue{}
	var codes []string
	for _, v := range vs {
		code := strings.TrimPrefix(v.Indicator, lightbulb.PartKey(d.Key, ""))
		if _, seen := by[code]; !seen {
			codes = append(codes, code)
		}
		by[code] = append(by[code], v)
	}
	if d.Parts == lightbulb.PartsRight {
		slices.SortFunc(codes, func(a, b string) int { return caseCodeOrder(a) - caseCodeOrder(b) })
	} else {
		slices.Sort(codes)
	}
	if d.Unit == lightbulb.UnitCount { // a month computed without a part counted none of it
		whole, err := s.Indicators.IndicatorValues(r.Context(), []string{d.Key}, iq.From, iq.To, false)
		if err != nil {
			return nil, err
		}
		for _, code := range codes {
			by[code] = zeroFilled(whole, by[code], lightbulb.PartKey(d.Key, code))
		}
	}
	org, err := s.orgReadings(r.Context())
	if err != nil {
		return nil, err
	}
	lang := langOf(r)
	var out []serviceReading
	for _, code := range codes {
		rd := org.read(lang, d, by[code], iq.Rules)
		sr := serviceReading{Name: code, Latest: rd.Latest, Month: rd.LatestMonth, Points: len(by[code]), Variation: rd.Variation}
		if t := titles[code]; t != "" {
			sr.Name = code + ": " + t
		} else if d.Parts == lightbulb.PartsTheme && lang != "en" {
			sr.Lang = "en" // a theme is named by its English name
		}
		out = append(out, sr)
	}
	return out, nil
}

// zeroFilled is a part's counts in every month the whole indicator has,
// 0 where the part has none.
func zeroFilled(whole, part []lightbulb.IndicatorValue, key string) []lightbulb.IndicatorValue {
	have := map[string]lightbulb.IndicatorValue{}
	for _, v := range part {
		have[v.Month] = v
	}
	out := make([]lightbulb.IndicatorValue, 0, len(whole))
	for _, w := range whole {
		v, ok := have[w.Month]
		if !ok {
			v = lightbulb.IndicatorValue{Indicator: key, Month: w.Month}
		}
		out = append(out, v)
	}
	return out
}

// partWords are the words of a breakdown's table: its caption, the heading
// of its first column and what it says when there are no rows.
func partWords(parts string) (caption, head, none string) {
	if parts == lightbulb.PartsTheme {
		return "By theme", "Theme", "No theme has a value in this period."
	}
	return "By right", "Right", "No right has a value in this period."
}
