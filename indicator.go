package lightbulb

import (
	"context"
	"sort"
	"time"
)

// Which way an indicator gets better.
const (
	BetterHigher = "higher"
	BetterLower  = "lower"
	// BetterNeither is for a count that is watched rather than pushed one
	// way, such as the rights cases engage: a signal is a special cause
	// that is neither improvement nor concern.
	BetterNeither = "neither"
)

// The breakdowns an indicator's value may have beside its services.
const (
	PartsRight = "right" // a part for each right, by its code
	PartsTheme = "theme" // a part for each theme of the review framework, by its English name
)

// PartKey is the key a part of indicator key is stored under.
func PartKey(key, part string) string { return key + "/" + part }

// What an indicator's value is.
const (
	UnitPercent = "percent" // a share from 0 to 100
	UnitCount   = "count"   // how many, never below 0
	UnitPoints  = "points"  // a change in percentage points, may be below 0
)

// IndicatorDef is one indicator of the catalogue: what it measures, in
// plain words, and how to read it. Each capability defines its own
// indicators, in its own file, with DefineIndicator; the store registers
// how each is computed under the same key.
type IndicatorDef struct {
	Key  string // "cases.reviewed": the capability, a dot, the measure
	Name string
	// Definition says what the indicator tells, Numerator and Denominator
	// what counts (Denominator is empty for a count).
	Definition  string
	Numerator   string
	Denominator string
	Source      string // where the records come from, in words
	SourceURL   string // the page of those records
	Better      string // BetterHigher or BetterLower
	Unit        string
	// Target is the default target when HasTarget; an organisation may set its own.
	Target    float64
	HasTarget bool
	// ByService is set when the value is also computed for each service.
	ByService bool
	// Operator is set for indicators only the operator organisation has
	// (the public Action Plan belongs to no tenant).
	Operator bool
	// Parts names a breakdown of the value into parts kept beside it, such
	// as PartsRight (a value for each right): each part is stored under
	// the key "Key/part" and read on the indicator's page.
	Parts string
	// State is set for a count of how things stand (decisions in force,
	// reviews overdue) rather than of a month's events. Records keep only
	// their present state, so a daily job counts it and keeps the count;
	// the month's value is the count of the last day counted in the month,
	// and there is no value for months before counting began.
	State bool
}

var indicatorDefs = map[string]IndicatorDef{}

// DefineIndicator adds an indicator to the catalogue; a capability calls it
// from an init function in its own file. A key defined twice panics.
func DefineIndicator(d IndicatorDef) {
	if _, dup := indicatorDefs[d.Key]; dup {
		panic("indicator defined twice: " + d.Key)
	}
	indicatorDefs[d.Key] = d
}

// IndicatorCatalogue is every defined indicator, ordered by key.
func IndicatorCatalogue() []IndicatorDef {
	out := make([]IndicatorDef, 0, len(indicatorDefs))
	for _, d := range indicatorDefs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// FindIndicator returns the indicator with key.
func FindIndicator(key string) (IndicatorDef, bool) {
	d, ok := indicatorDefs[key]
	return d, ok
}

// Bounds are the least and greatest values the indicator can take, for
// process limits that would otherwise fall outside them.
func (d IndicatorDef) Bounds() (lo, hi float64, bounded bool) {
	switch d.Unit {
	case UnitPercent:
		return 0, 100, true
	case UnitCount:
		return 0, 0, true
	}
	return 0, 0, false
}

// IndicatorValue is one stored value: an indicator of an organisation for a
// month (YYYY-MM), for the whole organisation (ServiceID 0) or one service.
type IndicatorValue struct {
	Indicator   string
	ServiceID   int64
	ServiceName string
	Month       string
	Numerator   float64
	Denominator float64
	Value       float64
}

// IndicatorMonth is a month an organisation has computed.
type IndicatorMonth struct {
	Month        string
	ComputedAt   time.Time
	ComputedBy   string // "" for the monthly job
	Computations int
}

// IndicatorTarget is an organisation's own target for an indicator.
type IndicatorTarget struct {
	Indicator string
	Target    float64
	SetBy     string
	UpdatedAt time.Time
}

// IndicatorService computes and keeps an organisation's monthly indicators.
// Every call is scoped to the organisation in the context.
type IndicatorService interface {
	IndicatorSharing
	// IndicatorMonths lists the months computed, newest first.
	IndicatorMonths(ctx context.Context) ([]IndicatorMonth, error)
	// IndicatorValues returns the stored values from month from to month to
	// (YYYY-MM, both included) of the indicators keys (all when empty), for
	// the whole organisation and, with services, for each service too;
	// oldest first.
	IndicatorValues(ctx context.Context, keys []string, from, to string, services bool) ([]IndicatorValue, error)
	// FromIndicators returns what build makes of the organisation's stored
	// indicators, kept in the process under key (a comparable value naming
	// everything else build reads) until any organisation's indicators,
	// targets, changes, count days or units change, in any process. What
	// it returns is shared: callers must not change it.
	FromIndicators(ctx context.Context, key any, build func(context.Context) (any, error)) (any, error)
	// IndicatorParts returns the stored values of each part of indicator
	// key (see IndicatorDef.Parts) from month from to month to, by part
	// and then oldest first.
	IndicatorParts(ctx context.Context, key, from, to string) ([]IndicatorValue, error)
	// RecomputeIndicators computes month again from the records as they are
	// now, replacing what was stored; by names who asked.
	RecomputeIndicators(ctx context.Context, month, by string) error
	// IndicatorTargets returns the organisation's own targets.
	IndicatorTargets(ctx context.Context) (map[string]IndicatorTarget, error)
	// RecomputedSince lists the months of a period computed again after t.
	RecomputedSince(ctx context.Context, from, to string, t time.Time) ([]string, error)
	// StateCountedSince returns, for each State indicator the organisation
	// has counted, the first day (YYYY-MM-DD) its daily count was kept:
	// the start of its history.
	StateCountedSince(ctx context.Context) (map[string]string, error)
	// IndicatorChanges lists the changes marked on the organisation's
	// indicators, by indicator and month.
	IndicatorChanges(ctx context.Context) ([]IndicatorChange, error)
	// MarkIndicatorChange marks (or, for a month already marked, rewords)
	// a change in an indicator's process.
	MarkIndicatorChange(ctx context.Context, c IndicatorChange) error
	// RemoveIndicatorChange removes a change; ENOTFOUND when there is none.
	RemoveIndicatorChange(ctx context.Context, key, month string) error
	// Impact sums each of keys over every organisation from month from to
	// month to: the public impact page's figures. It is the one call not
	// scoped to an organisation, and returns totals only.
	Impact(ctx context.Context, keys []string, from, to string) (map[string]float64, error)
	// SetIndicatorTarget sets (or, with clear, removes) an organisation's target.
	SetIndicatorTarget(ctx context.Context, key string, target float64, clear bool, by string) error
}

// ImpactIndicators are the figures of the operator's public impact page.
var ImpactIndicators = []string{"training.attended", "actionplan.signatories", "actionplan.actions", "coprod.hours"}

// SuppressBelow is the smallest number the public impact page shows;
// anything smaller is shown as "fewer than 5", so no one is identified.
const SuppressBelow = 5
