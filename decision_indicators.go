package lightbulb

import "sort"

// Count is a label with a number, one row of an indicators table.
type Count struct {
	Key   string
	Label string
	N     int
}

// Indicators summarise an organisation's decisions for a lead.
type Indicators struct {
	InForce      int
	Restrictions int
	ByRight      []Count
	ByService    []Count
	// Open counts the decisions that act on people: those in force, and
	// those reopened for change at a review (a draft that was decided
	// before). Complete counts how many of those have complete reasoning.
	// Drafts never decided are not counted: a try abandoned is not a gap.
	Complete int
	Open     int
	Blanket  int
	Overdue  int
	// ByMonth counts the decisions recorded each month (YYYY-MM), oldest first.
	ByMonth []Count
}

// CompletePercent is the share of open decisions with complete reasoning.
func (in *Indicators) CompletePercent() int {
	if in.Open == 0 {
		return 0
	}
	return in.Complete * 100 / in.Open
}

// SummariseDecisions computes the indicators from every decision of an organisation.
func SummariseDecisions(ds []*Decision, today string) *Indicators {
	in := &Indicators{}
	byRight, bySvc, byMonth := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range ds {
		byMonth[d.CreatedAt.Format("2006-01")]++
		if !d.Acting() {
			continue
		}
		in.Open++
		if d.Complete {
			in.Complete++
		}
		if d.Status != StatusInForce {
			continue
		}
		in.InForce++
		if d.Overdue(today) {
			in.Overdue++
		}
		rs := d.Reasoning.Restricted()
		if len(rs) == 0 {
			continue
		}
		in.Restrictions++
		bySvc[d.ServiceName]++
		if d.Reasoning.Blanket() {
			in.Blanket++
		}
		for _, c := range rs {
			byRight[c]++
		}
	}
	in.ByRight, in.ByService, in.ByMonth = counts(byRight, false), counts(bySvc, false), counts(byMonth, true)
	return in
}

// counts sorts a tally by number (largest first) or by key.
func counts(m map[string]int, byKey bool) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Label: k, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if byKey || out[i].N == out[j].N {
			return out[i].Key < out[j].Key
		}
		return out[i].N > out[j].N
	})
	return out
}
