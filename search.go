package lightbulb

import (
	"sort"
	"strings"
	"unicode"
)

// MatchRights ranks rights against everyday words: a keyword match counts
// most, then the title, then the rest of the text. Rights that match nothing
// are left out, and so are rights that only mention a word in passing when
// others match it by keyword or title; ties keep the library order.
func MatchRights(rights []*Right, query string) []*Right {
	words := searchWords(query)
	if len(words) == 0 {
		return nil
	}
	type scored struct {
		r     *Right
		score int
	}
	var hits []scored
	for _, r := range rights {
		t := r.Text
		kw := strings.ToLower(strings.Join(t.Keywords, " | "))
		title := strings.ToLower(t.Title + " " + r.Code + " " + r.Article)
		body := strings.ToLower(strings.Join(append([]string{t.Summary, t.Protects, t.HealthCare, t.Restrictions},
			append(t.Examples, t.EasyRead...)...), " "))
		score := 0
		for _, w := range words {
			switch {
			case strings.Contains(kw, w):
				score += 10
			case strings.Contains(title, w):
				score += 6
			case strings.Contains(body, w):
				score += 1
			}
		}
		if score > 0 {
			hits = append(hits, scored{r, score})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	// When some rights match by keyword or title, passing mentions elsewhere
	// are noise: keep only the strong matches.
	min := 0
	if len(hits) > 0 && hits[0].score >= 6 {
		min = 6
	}
	var out []*Right
	for _, h := range hits {
		if h.score >= min {
			out = append(out, h.r)
		}
	}
	return out
}

// stopWords are common words that say nothing about which right is meant.
var stopWords = map[string]bool{"the": true, "and": true, "a": true, "an": true, "of": true, "to": true,
	"in": true, "my": true, "is": true, "for": true, "on": true, "i": true, "me": true, "y": true, "yr": true, "a'r": true}

func searchWords(q string) []string {
	f := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\''
	})
	var out []string
	for _, w := range f {
		if len(w) < 2 || stopWords[w] {
			continue
		}
		// Fold simple English plurals and -ing forms so "visits" finds "visiting".
		for _, suf := range []string{"ing", "s"} {
			if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		out = append(out, w)
	}
	return out
}
