package lightbulb

import (
	"context"
	"time"
)

// IndicatorShare is an organisation's recorded agreement that another
// organisation (the charity, or a commissioner) may read its monthly
// indicators until it stops sharing: the one sanctioned read of another
// organisation's indicators.
type IndicatorShare struct {
	ID         int64
	ViewerID   int64
	ViewerName string
	ViewerKind OrgKind
	CreatedBy  string
	CreatedAt  time.Time
	RevokedBy  string
	RevokedAt  *time.Time
}

// CanViewIndicators reports whether an organisation of kind may be shared
// indicators with: the charity, for its reach, and commissioners, for the
// providers they commission.
func CanViewIndicators(kind OrgKind) bool { return kind == KindCharity || kind == KindCommissioner }

// SharedValue is a stored value of an organisation sharing with the reader.
type SharedValue struct {
	OrgID   int64
	OrgName string
	IndicatorValue
}

// IndicatorSharing is how organisations share indicators. Every call is
// scoped to the organisation in the context: as the one sharing, or as
// the one shared with.
type IndicatorSharing interface {
	// IndicatorShares lists the organisation's shares, newest first,
	// stopped ones too.
	IndicatorShares(ctx context.Context) ([]IndicatorShare, error)
	// IndicatorViewers lists the organisations it may share with.
	IndicatorViewers(ctx context.Context) ([]*Organisation, error)
	// ShareIndicators shares the organisation's indicators with viewer.
	ShareIndicators(ctx context.Context, viewer int64, by string) error
	// StopSharingIndicators stops an active share; ENOTFOUND without one.
	StopSharingIndicators(ctx context.Context, viewer int64, by string) error
	// SharedIndicatorValues returns the whole-organisation values of keys
	// from month from to month to of every organisation sharing with the
	// organisation in ctx now, by organisation name, then oldest first.
	SharedIndicatorValues(ctx context.Context, keys []string, from, to string) ([]SharedValue, error)
}

// SumShared adds up shared values month by month into one series per key
// (numerators and denominators summed, the value worked out again), with
// how many organisations gave each month.
func SumShared(vs []SharedValue, def IndicatorDef) (out []IndicatorValue, orgs []int) {
	idx := map[string]int{}
	for _, v := range vs {
		if v.Indicator != def.Key {
			continue
		}
		i, ok := idx[v.Month]
		if !ok {
			i = len(out)
			idx[v.Month] = i
			out = append(out, IndicatorValue{Indicator: def.Key, Month: v.Month})
			orgs = append(orgs, 0)
		}
		out[i].Numerator += v.Numerator
		out[i].Denominator += v.Denominator
		orgs[i]++
	}
	for i := range out {
		out[i].Value = out[i].Numerator
		switch {
		case def.Unit == UnitPercent && out[i].Denominator > 0:
			out[i].Value = 100 * out[i].Numerator / out[i].Denominator
		case def.Unit == UnitPoints && out[i].Denominator > 0:
			out[i].Value = out[i].Numerator / out[i].Denominator
		}
	}
	sortByMonth(out, orgs)
	return out, orgs
}

func sortByMonth(vs []IndicatorValue, orgs []int) {
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && vs[j].Month < vs[j-1].Month; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
			orgs[j], orgs[j-1] = orgs[j-1], orgs[j]
		}
	}
}

// Suppressed reports whether a summed value is too small to show: a count
// under SuppressBelow, a share or average of fewer than SuppressBelow, or
// a share whose part counted is 1 to SuppressBelow-1.
func Suppressed(def IndicatorDef, v IndicatorValue) bool {
	switch def.Unit {
	case UnitCount:
		return v.Numerator < SuppressBelow
	case UnitPercent:
		return v.Denominator < SuppressBelow || (v.Numerator > 0 && v.Numerator < SuppressBelow)
	}
	return v.Denominator < SuppressBelow
}
