package web

import (
	"context"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// orgReadings is what reading an organisation's indicators needs beside
// their values: its own targets and the day each State indicator's daily
// count began. The indicator pages and board reports read through it.
type orgReadings struct {
	targets map[string]lightbulb.IndicatorTarget
	since   map[string]string
	changes map[string][]lightbulb.IndicatorChange
}

func (s *Server) orgReadings(ctx context.Context) (orgReadings, error) {
	var o orgReadings
	var err error
	if o.targets, err = s.Indicators.IndicatorTargets(ctx); err != nil {
		return o, err
	}
	if o.since, err = s.Indicators.StateCountedSince(ctx); err != nil {
		return o, err
	}
	cs, err := s.Indicators.IndicatorChanges(ctx)
	o.changes = map[string][]lightbulb.IndicatorChange{}
	for _, c := range cs {
		o.changes[c.Indicator] = append(o.changes[c.Indicator], c)
	}
	return o, err
}

// read reads d's values (the whole organisation's, oldest first) as the
// organisation set it up.
func (o orgReadings) read(lang string, d lightbulb.IndicatorDef, vs []lightbulb.IndicatorValue, rules lightbulb.SPCRules) indicatorReading {
	var t *lightbulb.IndicatorTarget
	if x, ok := o.targets[d.Key]; ok {
		t = &x
	}
	rd := readIndicator(lang, d, vs, rules, t, o.changes[d.Key])
	if d.State {
		rd.History = i18n.T(lang, "Records keep only how things stand now, so this is counted every night and the month's value is the count of its last day counted.")
		if day := o.since[d.Key]; day != "" {
			rd.History += " " + i18n.T(lang, "Counting began on %s: months before then have no value.", dates{i18n.Dates{Lang: lang}}.Full(day))
		} else {
			rd.History += " " + i18n.T(lang, "Counting has not begun yet: the first count is made tonight.")
		}
	}
	return rd
}
