package web

import (
	"net/http"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// partReadings reads each part of an indicator with parts (each right)
// over the period, named in the page's language, in the library's order.
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
	slices.SortFunc(codes, func(a, b string) int { return caseCodeOrder(a) - caseCodeOrder(b) })
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
		name := code
		if t := titles[code]; t != "" {
			name = code + ": " + t
		}
		out = append(out, serviceReading{Name: name, Latest: rd.Latest, Month: rd.LatestMonth, Points: len(by[code]), Variation: rd.Variation})
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
