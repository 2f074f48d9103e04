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
	raw := articleNumbers(queryWords(query))
	if len(raw) == 0 {
		return nil, false
	}
	type sets struct{ kw, title, body map[string]bool }
	type scored struct {
		r     *Right
		score int
	}
	// known holds every word a right is named for (keywords, titles and
	// the vocabulary of care); mentioned, the words rights only mention.
	known, mentioned := map[string]bool{}, map[string]bool{}
	per := make([]sets, len(rights))
	phrases := make([][][]string, len(rights))
	for i, r := range rights {
		t := r.Text
		kw := map[string]bool{}
		for _, k := range t.Keywords {
			// A keyword of several words ("speak out", "locked door")
			// counts only as the whole phrase; its words alone are only
			// mentions ("out" is not freedom of expression).
			if ws := searchWords(k); len(ws) > 1 {
				phrases[i] = append(phrases[i], ws)
				continue
			}
			for w := range wordSet(k) {
				kw[w] = true
			}
		}
		title := wordSet(t.Title + " " + r.Code + " " + r.Article)
		// A fresh slice: appending to t.Examples could write into the
		// spare room of a right that other requests share.
		body := wordSet(strings.Join(slices.Concat([]string{t.Summary, t.Protects, t.HealthCare, t.Restrictions},
			t.Examples, t.EasyRead, t.Keywords), " "))
		per[i] = sets{kw, title, body}
		for _, set := range []map[string]bool{kw, title} {
			for w := range set {
				known[w] = true
			}
		}
		for w := range body {
			mentioned[w] = true
		}
	}
	for w := range careKnown {
		known[w] = true
	}
	words := make([]string, len(raw))
	forms := make([][]string, len(raw))
	for i, w := range raw {
		words[i], forms[i] = radical(w, known, mentioned)
	}
	vocab, _ := careMatches(words)
	var hits []scored
	for i, r := range rights {
		kw, title, body := per[i].kw, per[i].title, per[i].body
		score := 10 * vocab[r.Code]
		for _, ph := range phrases[i] {
			if containsRun(forms, ph) {
				score += 10
			}
		}
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

// containsRun reports whether run appears as consecutive words, each word
// given by the forms it may take.
func containsRun(forms [][]string, run []string) bool {
	for i := 0; i+len(run) <= len(forms); i++ {
		all := true
		for j, w := range run {
			if !slices.Contains(forms[i+j], w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// articleWords name a part of the Convention, or rights as such, rather
// than say what happened; they are in most rights' titles ("Right to
// life"), so "my rights" would otherwise match every right.
var articleWords = wordsOf("articl art erthygl protocol right hawl hawliau human dynol")

// articleNumbers drops the words that only name an article, and keeps a
// number only as an article's number: "8", "article 8" and "erthygl 8"
// find Article 8, but the 12 of "12 hours on a trolley" is not Article 12.
func articleNumbers(words []string) []string {
	var out, numbers []string
	for _, w := range words {
		switch {
		case articleWords[fold(w)]:
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
	it its this that with without from as do does did done not no nor but if so can cant could would should
	will wont dont didnt doesnt isnt wasnt have has had he she his her him they them their we our you
	your what when where why how who which about into than then there been being get got any all
	y yr a'r ac ar o yn mae nid ddim dim na fy dy ei eu gyda ond neu wedi heb roedd oedd sut pam beth`)

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

// queryWords returns the words of a query that say something, as typed
// (lower case), so that a Welsh word can still be read for its mutation.
func queryWords(q string) []string {
	var out []string
	for _, w := range splitWords(q) {
		w = strings.ReplaceAll(w, "’", "'")
		digits := strings.Trim(w, "0123456789") == ""
		if (len(w) < 2 && !digits) || stopWords[w] || stopWords[strings.ReplaceAll(w, "'", "")] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// searchWords returns the folded words of a query that say something.
func searchWords(q string) []string {
	out := queryWords(q)
	for i, w := range out {
		out[i] = fold(w)
	}
	return out
}

// radical folds a query word and, when the rights are not named for it,
// tries the forms it may have had before a Welsh initial mutation ("fy
// nghloi" is "cloi", "ei ryddid" is "rhyddid", "fy mhreifatrwydd" is
// "preifatrwydd"). A form some right is named for (known) wins over one a
// right only mentions, which wins over the word as typed. It also returns
// every form, the word as typed first, for matching keywords of several
// words.
func radical(w string, known, mentioned map[string]bool) (string, []string) {
	forms := append([]string{w}, unmutated(w)...)
	for i, m := range forms {
		forms[i] = fold(m)
	}
	for _, set := range []map[string]bool{known, mentioned} {
		for _, f := range forms {
			if set[f] {
				return f, forms
			}
		}
	}
	return forms[0], forms
}

// unmutated lists the forms a Welsh word may have had before a soft, nasal
// or aspirate mutation, or before the "h" put in front of a vowel, most
// telling first. Most are not words; the caller keeps only a known one.
func unmutated(w string) []string {
	var out []string
	for _, m := range mutations {
		if rest, ok := strings.CutPrefix(w, m.mutated); ok && rest != "" {
			for _, r := range m.radicals {
				out = append(out, r+rest)
			}
		}
	}
	// Soft mutation drops a "g": "wely" is "gwely", "ardd" is "gardd".
	if strings.ContainsRune("aeiouwyâêîôûŵŷlr", []rune(w)[0]) {
		out = append(out, "g"+w)
	}
	return out
}

// mutations are the initial consonants a Welsh mutation leaves, and the
// consonants they can come from. Longer ones come first, so "ngh" is read
// before "ng" and "n".
var mutations = []struct {
	mutated  string
	radicals []string
}{
	{"ngh", []string{"c"}}, {"mh", []string{"p"}}, {"nh", []string{"t"}},
	{"ch", []string{"c"}}, {"ph", []string{"p"}}, {"th", []string{"t"}},
	{"dd", []string{"d"}}, {"ng", []string{"g"}},
	{"f", []string{"b", "m"}}, {"g", []string{"c"}}, {"b", []string{"p"}},
	{"d", []string{"t"}}, {"l", []string{"ll"}}, {"r", []string{"rh"}},
	{"m", []string{"b"}}, {"n", []string{"d"}}, {"h", []string{""}},
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
// vocabulary of care in the query's folded words, and lists the rights in
// the order the text first names them.
func careMatches(words []string) (counts map[string]int, order []string) {
	counts = map[string]int{}
	for i := range words {
		for n := 1; n <= 3 && i+n <= len(words); n++ {
			for _, code := range careIndex[strings.Join(words[i:i+n], " ")] {
				if counts[code] == 0 {
					order = append(order, code)
				}
				counts[code]++
			}
		}
	}
	return counts, order
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

// VocabularyRights returns the rights whose everyday vocabulary of care
// (careWords, English and Welsh) is in text, most words first, ties in the
// order the text first names them. Welsh words are read through their
// mutations, as a search is. It is what can be said of Welsh text, which
// the rights suggester's model, trained on English, cannot read.
func VocabularyRights(text string) []string {
	raw := queryWords(text)
	words := make([]string, len(raw))
	for i, w := range raw {
		words[i], _ = radical(w, careKnown, nil)
	}
	counts, out := careMatches(words)
	sort.SliceStable(out, func(i, j int) bool { return counts[out[i]] > counts[out[j]] })
	return out
}

// careKnown is every word of the vocabulary of care, folded.
var careKnown = func() map[string]bool {
	known := map[string]bool{}
	for key := range careIndex {
		for _, w := range strings.Fields(key) {
			known[w] = true
		}
	}
	return known
}()
