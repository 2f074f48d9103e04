package sqldb

import (
	"context"
	"maps"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// indicatorRead names one read of an organisation's stored indicators: what
// the indicator cache keeps its answer under.
type indicatorRead struct {
	org      int64
	what     string // "values", "targets", "changes", "since" or "made"
	keys     string // the indicators asked for, joined
	from, to string
	services bool
	made     any // a key of FromIndicators
}

// cachedRead answers read from the process's indicator cache, loading it
// with load when it is not there or the indicators have changed since (the
// 'indicators' content version: any change to values, targets, changes,
// count days or units, from any process).
func cachedRead[V any](ctx context.Context, s *IndicatorService, read indicatorRead, load func(context.Context) (V, error)) (V, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		var zero V
		return zero, err
	}
	read.org = org
	got, err := s.cache.get(ctx, read, func(ctx context.Context) (any, error) { return load(ctx) })
	if err != nil {
		var zero V
		return zero, err
	}
	return got.(V), nil
}

// IndicatorValues returns the stored values of keys (every indicator when
// none) from month from to month to, oldest first, the whole organisation's
// before each unit's (by name) within a month, and each unit's only when
// services: from the cache, as a copy the caller may change.
func (s *IndicatorService) IndicatorValues(ctx context.Context, keys []string, from, to string, services bool) ([]lightbulb.IndicatorValue, error) {
	vs, err := cachedRead(ctx, s, indicatorRead{what: "values", keys: strings.Join(keys, "\x00"), from: from, to: to, services: services},
		func(ctx context.Context) ([]lightbulb.IndicatorValue, error) {
			return s.indicatorValues(ctx, keys, from, to, services)
		})
	return slices.Clone(vs), err
}

// IndicatorTargets returns the organisation's targets by indicator, from the
// cache, as a copy the caller may change.
func (s *IndicatorService) IndicatorTargets(ctx context.Context) (map[string]lightbulb.IndicatorTarget, error) {
	ts, err := cachedRead(ctx, s, indicatorRead{what: "targets"}, s.indicatorTargets)
	return maps.Clone(ts), err
}

// IndicatorChanges lists the changes the organisation marked, by indicator
// and month, from the cache, as a copy the caller may change.
func (s *IndicatorService) IndicatorChanges(ctx context.Context) ([]lightbulb.IndicatorChange, error) {
	cs, err := cachedRead(ctx, s, indicatorRead{what: "changes"}, s.indicatorChanges)
	return slices.Clone(cs), err
}

// StateCountedSince returns the first day each State indicator was counted
// for the organisation in ctx, from the cache, as a copy the caller may
// change.
func (s *IndicatorService) StateCountedSince(ctx context.Context) (map[string]string, error) {
	since, err := cachedRead(ctx, s, indicatorRead{what: "since"}, s.stateCountedSince)
	return maps.Clone(since), err
}

// FromIndicators returns what build makes of the organisation's stored
// indicators, kept in the indicator cache under key until the 'indicators'
// version moves (see cachedRead). key must be comparable.
func (s *IndicatorService) FromIndicators(ctx context.Context, key any, build func(context.Context) (any, error)) (any, error) {
	return cachedRead(ctx, s, indicatorRead{what: "made", made: key}, build)
}
