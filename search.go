package lightbulb

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// MatchRights ranks rights against everyday words. Words match whole (after
// folding endings, so "visits" finds "visiting"), never inside another word.
// A word of the everyday vocabulary of care (careWords) or a keyword counts
// most, then the title, then the rest of the text. Rights that match nothing
// are left out, and so are rights that only mention a word in passing when
// others match it by keyword, vocabulary or title; ties keep the library
// order.
func MatchRights(rights []*Right, query string) []*Right {
	out, _ := MatchRightsKeyed(rights, query)
	return out
}

// MatchRightsKeyed is MatchRights that also says whether any right matched
// by keyword, everyday vocabulary or title, rather than only by mentioning
// a word somewhere in its text: when none did, the words describe
// something no right is named for, and the rights suggester may say more.
func MatchRightsKeyed(rights []*Right, query string) (matches []*Right, keyed bool) {
	words := articleNumbers(searchWords(query))
	if len(words) == 0 {
		return nil, false
	}
	vocab := careMatches(words)
	type scored struct {
		r     *Right
		score int
	}
	var hits []scored
	for _, r := range rights {
		t := r.Text
		kw := wordSet(strings.Join(t.Keywords, " "))
		title := wordSet(t.Title + " " + r.Code + " " + r.Article)
		body := wordSet(strings.Join(append([]string{t.Summary, t.Protects, t.HealthCare, t.Restrictions},
			append(t.Examples, t.EasyRead...)...), " "))
		score := 10 * vocab[r.Code]
		for _, w := range words {
			switch {
			case kw[w]:
				score += 10
			case title[w]:
				score += 6
			case body[w]:
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
	return out, min > 0
}

// articleWords name a part of the Convention rather than say what happened;
// they are in every right's title.
var articleWords = wordsOf("articl art erthygl protocol")

// articleNumbers drops the words that only name an article, and keeps a
// number only as an article's number: "8", "article 8" and "erthygl 8"
// find Article 8, but the 12 of "12 hours on a trolley" is not Article 12.
func articleNumbers(words []string) []string {
	var out, numbers []string
	for _, w := range words {
		switch {
		case articleWords[w]:
		case strings.Trim(w, "0123456789") == "":
			numbers = append(numbers, w)
		default:
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return numbers
	}
	return out
}

// stopWords say nothing about which right is meant, in English and Welsh.
// "Not" and "no" are among them: "do not resuscitate" is about
// resuscitation, and "no visits" about visits.
var stopWords = wordsOf(`the and a an of to in my is for on i me at by or be am are was were
	it its this that with from as do does did done not no nor but if so can cant could would should
	will wont dont didnt doesnt isnt wasnt have has had he she his her him they them their we our you
	your what when where why how who which about into than then there been being get got any all
	y yr a'r ac ar o yn mae nid ddim na fy dy ei eu gyda ond neu wedi heb roedd oedd sut pam beth`)

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// splitWords lowers s and cuts it into words of letters and digits (an
// apostrophe stays inside a word).
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\'' && r != '’'
	})
}

// searchWords returns the folded words of a query that say something.
func searchWords(q string) []string {
	var out []string
	for _, w := range splitWords(q) {
		w = strings.ReplaceAll(w, "’", "'")
		digits := strings.Trim(w, "0123456789") == ""
		if (len(w) < 2 && !digits) || stopWords[w] || stopWords[strings.ReplaceAll(w, "'", "")] {
			continue
		}
		out = append(out, fold(w))
	}
	return out
}

// wordSet is the set of folded words of s.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range splitWords(s) {
		set[fold(strings.ReplaceAll(w, "’", "'"))] = true
	}
	return set
}

// fold drops one common English ending so that forms of a word meet:
// visit, visits, visited and visiting; vote, votes and voting; sore and
// sores. A word keeps at least three letters.
func fold(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ing", "es", "ed", "s", "e"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// careMatches counts, for each right, the words and phrases of the everyday
// vocabulary of care in the query's folded words.
func careMatches(words []string) map[string]int {
	out := map[string]int{}
	for i := range words {
		for n := 1; n <= 3 && i+n <= len(words); n++ {
			for _, code := range careIndex[strings.Join(words[i:i+n], " ")] {
				out[code]++
			}
		}
	}
	return out
}

// careIndex is careWords with every word of every phrase folded as a query
// is.
var careIndex = func() map[string][]string {
	idx := map[string][]string{}
	for _, entry := range careWords {
		for _, phrase := range strings.Split(entry.words, ",") {
			key := strings.Join(searchWords(phrase), " ")
			if key == "" {
				continue
			}
			for _, code := range entry.codes {
				if !slices.Contains(idx[key], code) {
					idx[key] = append(idx[key], code)
				}
			}
		}
	}
	return idx
}()
