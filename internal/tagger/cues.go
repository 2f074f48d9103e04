package tagger

import (
	"slices"
	"strings"
)

// Cues are short phrases in the plain words of real feedback that engage a
// right by themselves, however the rest of the comment reads: "more leave",
// "fresh air", "waiting for the toilet", "pressure sores". The model, a bag
// of words learnt from the project's own tidier texts, scores many of them
// low, because the same words ("leave", "toilet", "air") fill everyday
// comments too; the phrase, not the word, is the signal. A cue adds its
// right, as a possible suggestion, to whatever the model decided. A quieting
// phrase does the opposite: "didn't want to leave" is praise, not a wish
// for liberty.
//
// Each phrase is written in the tokeniser's terms (lower case, stop words
// gone, light suffix stripped: "leave" is "leav", "locked" is "lock").
// Words are separated by spaces; "|" gives alternatives for one word; an
// alternative ending in "-" matches any term that starts with the rest. The
// words must come in order, with at most cueGap other terms between
// neighbours. The phrases were written from the labelling convention as
// candidates (docs/tagger.md lists them all), and a candidate was kept only
// if, on the real development set, at least half the comments it matched
// engage its right (a quieting phrase: if it removed more wrong suggestions
// than right ones). docs/tagger.md gives what that rule does on comments it
// did not see, by choosing on one half of the set and reading the other.
var cueTable = []struct{ code, phrase string }{
	// Life: a stated wish or plan to die, or a suicide attempt or threat
	// met with no help.
	{"A2", "kill myself|themselv|himself|herself"},
	{"A2", "end life"},
	{"A2", "suicid-|overdos- no|not|refus-|turn-|ignor-|discharg-|hung|sent|away"},
	// Severe suffering: pressure sores, hours on a trolley, pain left
	// without relief, a fall or a broken bone, handcuffs, assault, public
	// humiliation.
	{"A3", "pressur sore"},
	{"A3", "trolley|trolly hour|11hr|12hr|#"},
	{"A3", "no|not|without pain relief"},
	{"A3", "pain relief not|no|never"},
	{"A3", "left pain"},
	{"A3", "handcuf-"},
	{"A3", "assault-"},
	{"A3", "fell|fall out bed"},
	{"A3", "broke|broken|fractur- hip|bone|arm|leg|wrist"},
	{"A3", "humiliat- public|front"},
	// Liberty: asking for leave, time off the ward or out of a room, being
	// locked up, held, threatened with a section or feeling in prison, a
	// release sooner.
	{"A5", "more|extra|escort|ground|unescort|communit|home|section leav"},
	{"A5", "time out|off room|ward"},
	{"A5", "lock|locked up|in"},
	{"A5", "not|never allow- out|outsid|home|leav-"},
	{"A5", "keep|kept|held lock-|detain-|against"},
	{"A5", "discharg- quicker|sooner|faster|earli"},
	{"A5", "section- not|without|wrong-|threat-"},
	{"A5", "releas-"},
	{"A5", "feel- prison|prisoner|jail"},
	// Private life: breaks for air or a smoke on a ward, confidentiality,
	// knocking, a discreet ward round, the internet, involvement and choice
	// in one's own care, the toilet, a wash, a male carer for intimate care,
	// pressure or threats to agree, being laughed at, sworn at, humiliated
	// or treated like a child, the hour one must sleep or wake.
	{"A8", "air break"},
	{"A8", "cigarett-|smok- break"},
	{"A8", "confidential-"},
	{"A8", "knock-"},
	{"A8", "discreet|discret-"},
	{"A8", "internet|wifi access|time"},
	{"A8", "involv- care|decision|treatment|plan"},
	{"A8", "choic- medication|med|treatment|care"},
	{"A8", "toilet|commod-|bedpan call|bell|buzzer|wait-|led|help|accident"},
	{"A8", "call|bell|buzzer toilet|commod-|bedpan"},
	{"A8", "no|not|few|never|chanc-|opportunity shower|wash-|bath-"},
	{"A8", "male nurs-|staff|carer|doctor"},
	{"A8", "blackmail-"},
	{"A8", "threat-|threaten- section|med-|script|treatment|inject-"},
	{"A8", "laugh-|mock- at|distress|patient"},
	{"A8", "f off"},
	{"A8", "humiliat-"},
	{"A8", "treat- child|animal|prisoner|criminal"},
	{"A8", "sleep beyond|later|lie"},
	// Discrimination, kept only beside another right: autism without an
	// adjustment, gender identity, assumptions about age.
	{"A14", "autis- no|not|meal|food|adjust-|need-"},
	{"A14", "misgender-"},
	{"A14", "transgender|trans"},
	{"A14", "older|elderly|old assum-|stupid|patronis-"},
	// Possessions.
	{"P1A1", "possession"},
}

// quietTable holds phrases after which a right is not suggested: they read
// like the right's words but say the opposite.
var quietTable = []struct{ code, phrase string }{
	{"A2", "quality life"},
	{"A2", "improv- life"},
	{"A2", "life hospital"},
	{"A3", "pain free"},
	{"A3", "pain relief quick-|prompt-|time-|straight|given|offer-"},
	{"A5", "not|never want leav-|go"},
}

// cueGap is how many other terms may come between two words of a phrase.
const cueGap = 3

// A phrase is a sequence of word slots; each slot lists its alternatives.
type phrase [][]string

type codedPhrase struct {
	code string
	p    phrase
}

// A phraseSet holds phrases with an index of their first words, so that a
// text is read once to find which phrases may start in it; only those are
// then matched in full.
type phraseSet struct {
	phrases  []codedPhrase
	exact    map[string][]int // a first word -> the phrases it starts
	prefixes []prefixStart    // first words given as a prefix ("suicid-")
}

type prefixStart struct {
	stem   string
	phrase int
}

var cues, quiets = compilePhrases(cueTable), compilePhrases(quietTable)

func compilePhrases(table []struct{ code, phrase string }) *phraseSet {
	s := &phraseSet{exact: map[string][]int{}}
	for i, c := range table {
		var p phrase
		for _, slot := range strings.Fields(c.phrase) {
			p = append(p, strings.Split(slot, "|"))
		}
		s.phrases = append(s.phrases, codedPhrase{c.code, p})
		for _, a := range p[0] {
			if stem, ok := strings.CutSuffix(a, "-"); ok {
				s.prefixes = append(s.prefixes, prefixStart{stem, i})
			} else {
				s.exact[a] = append(s.exact[a], i)
			}
		}
	}
	return s
}

// each calls fn, in table order, with each phrase whose first word is in
// toks.
func (s *phraseSet) each(toks []Token, fn func(codedPhrase)) {
	var may []bool
	mark := func(i int) {
		if may == nil {
			may = make([]bool, len(s.phrases))
		}
		may[i] = true
	}
	for _, t := range toks {
		for _, i := range s.exact[t.Term] {
			mark(i)
		}
		for _, ps := range s.prefixes {
			if strings.HasPrefix(t.Term, ps.stem) {
				mark(ps.phrase)
			}
		}
	}
	for i, ok := range may {
		if ok {
			fn(s.phrases[i])
		}
	}
}

// fits reports whether term is one of a slot's alternatives.
func fits(term string, slot []string) bool {
	for _, a := range slot {
		if stem, ok := strings.CutSuffix(a, "-"); ok {
			if strings.HasPrefix(term, stem) {
				return true
			}
		} else if term == a {
			return true
		}
	}
	return false
}

// find returns the first and last token of the first place p occurs in
// toks.
func (p phrase) find(toks []Token) (first, last int, ok bool) {
	var from func(i, k int) (int, bool)
	from = func(i, k int) (int, bool) {
		if k == len(p) {
			return i - 1, true
		}
		for j := i; j < len(toks) && j <= i+cueGap; j++ {
			if fits(toks[j].Term, p[k]) {
				if end, ok := from(j+1, k+1); ok {
					return end, true
				}
			}
		}
		return 0, false
	}
	for i := range toks {
		if fits(toks[i].Term, p[0]) {
			if end, ok := from(i+1, 1); ok {
				return i, end, true
			}
		}
	}
	return 0, 0, false
}

// applyCues changes the rights decided for a text by its cues and quieting
// phrases: a quieted right is dropped, a cued right is added, and A14 is
// kept only beside another right. It returns the decided rights and, for
// each right a cue added, the cue's span of tokens.
func (m *Model) applyCues(toks []Token, decided []int) ([]int, map[int][2]int) {
	if len(decided) > 0 {
		quiets.each(toks, func(q codedPhrase) {
			if r := m.index(q.code); r >= 0 && slices.Contains(decided, r) {
				if _, _, ok := q.p.find(toks); ok {
					decided = slices.DeleteFunc(decided, func(d int) bool { return d == r })
				}
			}
		})
	}
	var spans map[int][2]int
	cues.each(toks, func(c codedPhrase) {
		r := m.index(c.code)
		if r < 0 || slices.Contains(decided, r) {
			return
		}
		if first, last, ok := c.p.find(toks); ok {
			decided = append(decided, r)
			if spans == nil {
				spans = map[int][2]int{}
			}
			spans[r] = [2]int{first, last}
		}
	})
	if d := m.index(Discrimination); len(decided) == 1 && decided[0] == d {
		return nil, nil
	}
	return decided, spans
}
