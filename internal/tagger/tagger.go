// Package tagger suggests which Human Rights Act rights a complaint,
// concern or incident may engage, so that a reviewer can confirm or reject
// each one. It is a linear model over words and pairs of words, trained from
// a labelled corpus (testdata/rights/corpus.jsonl) and shipped inside the
// binary. It uses only the standard library and never the network.
package tagger

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

// Codes lists the rights the tagger knows, in Schedule 1 order.
var Codes = []string{"A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A14", "P1A1", "P1A2", "P1A3", "P13A1"}

// Discrimination is the code of Article 14, which is only ever suggested
// together with another right.
const Discrimination = "A14"

// Gate is the model's extra column: whether a text engages any right at
// all. Below its threshold, Suggest returns nothing.
const Gate = "ANY"

// maxBecause is how many words or phrases a suggestion explains itself with.
const maxBecause = 4

// A Suggestion is one right the tagger would put to a reviewer.
type Suggestion struct {
	Code string `json:"code"`
	// Score is the model's probability that a reviewer would list the right.
	Score float64 `json:"score"`
	// Strength says in plain words how sure the model is: "strong" when
	// the score is at least halfway from the right's threshold to 1,
	// otherwise "possible". Reviewers see this; the score stays for
	// programs.
	Strength string `json:"strength"`
	// Because lists the words and phrases of the text that counted most.
	Because []string `json:"because"`
}

// Strengths of a suggestion, as a reviewer sees them.
const (
	Strong   = "strong"
	Possible = "possible"
)

// Suggest returns the rights the shipped model would put to a reviewer for
// text, most likely first. It returns none for text that engages no right.
func Suggest(text string) []Suggestion {
	return Default().Suggest(text)
}

//go:embed model.txt
var shipped string

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default returns the model embedded in the binary. It panics if the
// embedded file is corrupt, which a test rules out.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := ReadModel(strings.NewReader(shipped))
		if err != nil {
			panic(fmt.Sprintf("tagger: embedded model: %v", err))
		}
		defaultModel = m
	})
	return defaultModel
}

// Suggest returns the rights m would put to a reviewer for text, most
// likely first: those the model's scores pass, changed by the cues of real
// feedback (cues.go). A right a cue added is always "possible", and its
// first reason is the cue's phrase as written.
func (m *Model) Suggest(text string) []Suggestion {
	toks := Tokenise(text)
	feats := m.features(toks)
	scores := m.scores(feats, len(toks))
	decided, cued := m.applyCues(toks, m.decide(scores))
	var out []Suggestion
	for _, r := range decided {
		strength := Possible
		if _, byCue := cued[r]; !byCue && scores[r] >= (m.Threshold[r]+1)/2 {
			strength = Strong
		}
		out = append(out, Suggestion{Code: m.Codes[r], Score: round(scores[r]), Strength: strength})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	for i := range out {
		r := m.index(out[i].Code)
		out[i].Because = m.because(text, toks, feats, r)
		if span, byCue := cued[r]; byCue {
			// The phrase is the reason; the model's own words follow it.
			said := strings.ToLower(text[toks[span[0]].Start:toks[span[1]].End])
			because := []string{said}
			for _, b := range out[i].Because {
				if len(because) < maxBecause && !containsPart(because, b) {
					because = append(because, b)
				}
			}
			out[i].Because = because
		}
	}
	return out
}

// decide returns the indices of the rights to suggest for a text with the
// given scores. Below the ANY gate's threshold nothing is suggested, unless
// a right is at least as sure as the model's rescue score (a text can say
// "vote" plainly and still read, word for word, like the everyday
// complaints the gate has learnt to leave alone). A14 is only ever
// suggested with another right.
func (m *Model) decide(scores []float64) []int {
	gated := false
	if g := m.index(Gate); g >= 0 && scores[g] < m.Threshold[g] {
		gated = true
	}
	var out []int
	for r, code := range m.Codes {
		bar := m.Threshold[r]
		if gated {
			bar = max(bar, m.Rescue)
		}
		if scores[r] >= bar && code != Discrimination && code != Gate {
			out = append(out, r)
		}
	}
	if gated && len(out) == 0 {
		return nil
	}
	if d := m.index(Discrimination); d >= 0 && scores[d] >= m.Threshold[d] {
		if len(out) == 0 {
			out = m.partnerFor(scores)
		}
		if len(out) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// partnerFor returns the right A14 most likely goes with when no other right
// passed its own threshold: the strongest other right if it reached half its
// threshold, otherwise none (and A14 is then dropped).
func (m *Model) partnerFor(scores []float64) []int {
	best, bestRatio := -1, 0.5
	for r, code := range m.Codes {
		if code == Discrimination || code == Gate || m.Threshold[r] <= 0 {
			continue
		}
		if ratio := scores[r] / m.Threshold[r]; ratio >= bestRatio {
			best, bestRatio = r, ratio
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

func (m *Model) index(code string) int {
	for i, c := range m.Codes {
		if c == code {
			return i
		}
	}
	return -1
}

func round(x float64) float64 { return math.Round(x*100) / 100 }

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
