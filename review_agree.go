package lightbulb

import (
	"slices"
	"strings"
)

// What the contributors to a review said about one statement, for the lead
// agreeing the final ratings.
const (
	AgreeNone   = "none"   // nobody rated it
	AgreeAll    = "agree"  // everyone who rated it gave the same rating
	AgreeDiffer = "differ" // contributors gave different ratings
)

// Agreement is where the contributors stand on one statement. Where they
// agree, Rating is their rating and Evidence everything they wrote.
type Agreement struct {
	State    string
	Rating   Rating
	Evidence string
}

// Agreements reads the contributions (any order) statement by statement.
// A contribution without a rating does not count.
func Agreements(cs []Rated) map[string]Agreement {
	by := map[string][]Rated{}
	for _, c := range cs {
		if c.Rating != "" {
			by[c.Code] = append(by[c.Code], c)
		}
	}
	out := make(map[string]Agreement, len(by))
	for code, rs := range by {
		a := Agreement{State: AgreeAll, Rating: rs[0].Rating}
		var ev []string
		for _, r := range rs {
			if r.Rating != a.Rating {
				a = Agreement{State: AgreeDiffer}
				break
			}
			if e := strings.TrimSpace(r.Evidence); e != "" && !slices.Contains(ev, e) {
				ev = append(ev, e)
			}
		}
		if a.State == AgreeAll {
			a.Evidence = strings.Join(ev, "\n\n")
			if len(a.Evidence) > 4000 {
				a.Evidence = strings.ToValidUTF8(a.Evidence[:4000], "")
			}
		}
		out[code] = a
	}
	return out
}
