package tagger

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A Model holds, for every right, a weight per known word or pair of words,
// a bias and the score from which the right is put to a reviewer.
type Model struct {
	// Codes are the rights, in the order of Bias, Threshold and the weights.
	Codes []string
	// Bias is each right's intercept.
	Bias []float64
	// Threshold is the score from which each right is suggested, tuned by
	// cross-validation on the training split.
	Threshold []float64
	// Rescue is the score from which a right is suggested even when the
	// ANY gate is closed; above 1, never.
	Rescue float64

	hasRescue bool             // the file gave a rescue line
	terms     []string         // feature index -> term or "term term"
	vocab     map[string]int32 // term -> feature index
	weights   []float32        // feature*len(Codes) + right
}

// feature is one known word, pair or concept present in a text.
type feature struct {
	index int32
	first int // token the feature starts at
	last  int // token it ends at
}

// features finds the known features of toks, once each.
func (m *Model) features(toks []Token) []feature {
	feats := make([]feature, 0, min(3*len(toks), 256))
	var seen map[int32]bool // used once a long text has many features
	eachFeature(toks, func(key []byte, first, last int) {
		idx, ok := m.vocab[string(key)]
		if !ok {
			return
		}
		if seen != nil {
			if seen[idx] {
				return
			}
			seen[idx] = true
		} else {
			for _, f := range feats {
				if f.index == idx {
					return
				}
			}
			if len(feats) == 64 {
				seen = make(map[int32]bool, 256)
				for _, f := range feats {
					seen[f.index] = true
				}
				seen[idx] = true
			}
		}
		feats = append(feats, feature{idx, first, last})
	})
	return feats
}

// eachFeature calls fn with every candidate feature of toks: each term,
// the four-letter pieces of longer terms, each pair of neighbouring terms,
// each pair with one term between them (both "left soaked bed" and "left
// wet bed" give "left~bed") and the concepts they belong to (see
// lexicon.go). The key is only valid during the call.
func eachFeature(toks []Token, fn func(key []byte, first, last int)) {
	var buf []byte
	concepts := func(key string, first, last int) {
		for _, c := range lexicon[key] {
			fn(append(buf[:0], c...), first, last)
		}
	}
	for i, t := range toks {
		buf = append(buf[:0], t.Term...)
		fn(buf, i, i)
		concepts(t.Term, i, i)
		if len(t.Term) > charGram && isASCII(t.Term) {
			for j := 0; j+charGram <= len(t.Term); j++ {
				fn(append(append(buf[:0], '%'), t.Term[j:j+charGram]...), i, i)
			}
		}
		if i+1 < len(toks) {
			buf = append(append(append(buf[:0], t.Term...), ' '), toks[i+1].Term...)
			fn(buf, i, i+1)
			if cs := lexicon[string(buf)]; len(cs) > 0 {
				concepts(string(buf), i, i+1)
			}
		}
		if i+2 < len(toks) {
			buf = append(append(append(buf[:0], t.Term...), '~'), toks[i+2].Term...)
			fn(buf, i, i+2)
		}
	}
}

// charGram is the length of the pieces of longer words that are also
// features ("%rest", "%estr", "%stra"...), so that a misspelt or unusual
// form ("restrayned", "humiliatingly") still meets the words the model knows.
// Only ASCII terms are cut into pieces, so a piece never splits a letter.
const charGram = 4

// scale is the value of each present feature: a long text's features each
// count a little less, so that length alone does not raise every score.
func scale(ntoks int) float64 {
	if ntoks == 0 {
		return 0
	}
	return 1 / math.Pow(float64(2*ntoks-1), 0.25)
}

// scores returns each right's probability for the features of a text of
// ntoks tokens.
func (m *Model) scores(feats []feature, ntoks int) []float64 {
	k := len(m.Codes)
	z := make([]float64, k)
	copy(z, m.Bias)
	x := scale(ntoks)
	for _, f := range feats {
		w := m.weights[int(f.index)*k : int(f.index)*k+k]
		for r := range z {
			z[r] += float64(w[r]) * x
		}
	}
	for r := range z {
		z[r] = sigmoid(z[r])
	}
	return z
}

// because names the features that added most to right r's score, as they
// were written in text.
func (m *Model) because(text string, toks []Token, feats []feature, r int) []string {
	k := len(m.Codes)
	type contrib struct {
		w float32
		f feature
	}
	var cs []contrib
	for _, f := range feats {
		if w := m.weights[int(f.index)*k+r]; w > 0 {
			cs = append(cs, contrib{w, f})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].w > cs[j].w })
	pick := func(contentOnly bool) []string {
		out := []string{}
		for _, c := range cs {
			if len(out) == maxBecause {
				break
			}
			if contentOnly && !hasContentWord(toks[c.f.first:c.f.last+1]) {
				continue
			}
			s := strings.ToLower(text[toks[c.f.first].Start:toks[c.f.last].End])
			if !containsPart(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	// Reasons are content words: never only "not", "no", "patient" or a
	// number, unless nothing else led to the suggestion.
	if out := pick(true); len(out) > 0 {
		return out
	}
	return pick(false)
}

// notReasons are terms that say nothing on their own about why a right is
// engaged, however much weight they carry.
var notReasons = map[string]bool{"not": true, "no": true, "never": true, "without": true, "#": true,
	"patient": true, "staff": true, "nurse": true, "people": true, "person": true}

// hasContentWord reports whether any of toks is a word that can explain a
// suggestion.
func hasContentWord(toks []Token) bool {
	for _, t := range toks {
		if !notReasons[t.Term] && strings.Trim(t.Term, "0123456789#") != "" {
			return true
		}
	}
	return false
}

// containsPart reports whether s is already said by, or says, one of have.
func containsPart(have []string, s string) bool {
	for _, h := range have {
		if strings.Contains(h, s) || strings.Contains(s, h) {
			return true
		}
	}
	return false
}

const modelHeader = "lightbulb-rights-model 1"

// WriteTo writes m in the text format ReadModel reads: a header, the codes,
// biases and thresholds, then one line per feature with its non-zero
// weights as "right:weight".
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	bw := bufio.NewWriter(cw)
	fmt.Fprintf(bw, "%s\n# Generated by `lightbulb rights train`; do not edit by hand.\n", modelHeader)
	fmt.Fprintf(bw, "codes\t%s\n", strings.Join(m.Codes, " "))
	fmt.Fprintf(bw, "bias\t%s\n", floats(m.Bias))
	fmt.Fprintf(bw, "threshold\t%s\n", floats(m.Threshold))
	fmt.Fprintf(bw, "rescue\t%s\n", floats([]float64{m.Rescue}))
	k := len(m.Codes)
	for i, t := range m.terms {
		var parts []string
		for r := 0; r < k; r++ {
			if w := m.weights[i*k+r]; w != 0 {
				parts = append(parts, strconv.Itoa(r)+":"+strconv.FormatFloat(float64(w), 'g', 4, 32))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(bw, "f\t%s\t%s\n", t, strings.Join(parts, " "))
		}
	}
	err := bw.Flush()
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func floats(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatFloat(x, 'g', 5, 64)
	}
	return strings.Join(s, " ")
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	m := &Model{vocab: map[string]int32{}}
	line := 0
	for sc.Scan() {
		line++
		if err := m.readLine(line, sc.Text()); err != nil {
			return nil, fmt.Errorf("model line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if len(m.Codes) == 0 || len(m.Bias) != len(m.Codes) || len(m.Threshold) != len(m.Codes) || !m.hasRescue {
		return nil, errors.New("read model: missing codes, bias, threshold or rescue")
	}
	return m, nil
}

func (m *Model) readLine(n int, s string) error {
	if n == 1 {
		if s != modelHeader {
			return fmt.Errorf("not a rights model (want %q)", modelHeader)
		}
		return nil
	}
	if s == "" || s[0] == '#' {
		return nil
	}
	fields := strings.Split(s, "\t")
	var err error
	switch {
	case fields[0] == "codes" && len(fields) == 2:
		m.Codes = strings.Fields(fields[1])
		for _, c := range m.Codes {
			if !slices.Contains(Codes, c) && c != Gate {
				return fmt.Errorf("unknown right %q", c)
			}
		}
	case fields[0] == "bias" && len(fields) == 2:
		m.Bias, err = parseFloats(fields[1], len(m.Codes))
	case fields[0] == "threshold" && len(fields) == 2:
		m.Threshold, err = parseFloats(fields[1], len(m.Codes))
	case fields[0] == "rescue" && len(fields) == 2:
		var r []float64
		r, err = parseFloats(fields[1], 1)
		if err == nil {
			m.Rescue = r[0]
			m.hasRescue = true
		}
	case fields[0] == "f" && len(fields) == 3 && len(m.Codes) > 0:
		err = m.addFeature(fields[1], fields[2])
	default:
		err = fmt.Errorf("unexpected %q", fields[0])
	}
	return err
}

func parseFloats(s string, want int) ([]float64, error) {
	parts := strings.Fields(s)
	if len(parts) != want {
		return nil, fmt.Errorf("%d numbers, want %d", len(parts), want)
	}
	out := make([]float64, want)
	for i, p := range parts {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func (m *Model) addFeature(term, ws string) error {
	if _, dup := m.vocab[term]; dup {
		return fmt.Errorf("feature %q twice", term)
	}
	k := len(m.Codes)
	idx := int32(len(m.terms))
	m.vocab[term] = idx
	m.terms = append(m.terms, term)
	m.weights = append(m.weights, make([]float32, k)...)
	for _, p := range strings.Fields(ws) {
		rs, wv, ok := strings.Cut(p, ":")
		r, err1 := strconv.Atoi(rs)
		w, err2 := strconv.ParseFloat(wv, 32)
		if !ok || err1 != nil || err2 != nil || r < 0 || r >= k {
			return fmt.Errorf("bad weight %q", p)
		}
		m.weights[int(idx)*k+r] = float32(w)
	}
	return nil
}
