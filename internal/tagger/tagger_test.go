package tagger

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const corpusPath = "../../testdata/rights/corpus.jsonl"

// mustCorpus reads the shipped labelled corpus.
func mustCorpus(tb testing.TB) []Example {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	all, err := ReadExamples(f)
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

func TestCorpusShape(t *testing.T) {
	all := mustCorpus(t)
	if len(all) < 1800 {
		t.Errorf("corpus has %d texts, want at least 1800", len(all))
	}
	test := Split(all, "test")
	if n := len(Split(all, "train")) + len(test); n != len(all) {
		t.Errorf("%d texts are in neither split", len(all)-n)
	}
	// The test split was fixed at 341 texts when the first figures were
	// published; texts added since then are training texts, so figures stay
	// comparable from one model to the next.
	if len(test) != 341 {
		t.Errorf("test split has %d texts, want the 341 it was fixed with", len(test))
	}
	ids, texts := map[string]bool{}, map[string]bool{}
	total, inTest := map[string]int{}, map[string]int{}
	none := 0
	for _, ex := range all {
		key := strings.ToLower(ex.Text)
		if ids[ex.ID] || texts[key] {
			t.Errorf("repeated id or text: %s %q", ex.ID, ex.Text)
		}
		ids[ex.ID], texts[key] = true, true
		if len(ex.Rights) == 0 {
			none++
		}
		for _, c := range ex.Rights {
			total[c]++
			if ex.Split == "test" {
				inTest[c]++
			}
		}
	}
	if float64(none) < 0.25*float64(len(all)) {
		t.Errorf("%d of %d texts engage no right, want at least a quarter", none, len(all))
	}
	for _, c := range Codes {
		if total[c] < 10 || inTest[c] < 2 {
			t.Errorf("%s: %d texts, %d in test; want at least 10 and 2", c, total[c], inTest[c])
		}
	}
}

// TestNoNearCopyAcrossSplits fails when a training text shares more than
// half of its words with a test text (Jaccard similarity of the sets of
// terms), which would let the test split measure memory rather than
// understanding.
func TestNoNearCopyAcrossSplits(t *testing.T) {
	all := mustCorpus(t)
	var test []Example
	for _, ex := range Split(all, "test") {
		test = append(test, ex)
	}
	for _, p := range nearCopies(Split(all, "train"), test) {
		t.Errorf("train %s and test %s share %d of %d words", p.train, p.other, p.shared, p.union)
	}
}

// TestNoNearCopyOfRealComments fails when a training text shares more than
// half of its words with a comment of the real development set, so the
// corpus never learns, and the set never measures, a copy of a real
// comment. The comments are read from ../shared at run time; the test
// skips without them.
func TestNoNearCopyOfRealComments(t *testing.T) {
	real := realDevSet(t)
	for _, p := range nearCopies(Split(mustCorpus(t), "train"), real) {
		t.Errorf("train %s and real row %s share %d of %d words", p.train, p.other, p.shared, p.union)
	}
}

type nearCopy struct {
	train, other  string
	shared, union int
}

// nearCopies lists the pairs of a training text and an other text whose
// sets of terms overlap by more than half of their union. An index from
// term to training texts keeps it quick for thousands of others.
func nearCopies(train, others []Example) []nearCopy {
	terms := func(s string) []string {
		set := map[string]bool{}
		var out []string
		for _, tok := range Tokenise(s) {
			if !set[tok.Term] {
				set[tok.Term] = true
				out = append(out, tok.Term)
			}
		}
		return out
	}
	index := map[string][]int32{}
	size := make([]int, len(train))
	for i, ex := range train {
		ts := terms(ex.Text)
		size[i] = len(ts)
		for _, term := range ts {
			index[term] = append(index[term], int32(i))
		}
	}
	var out []nearCopy
	shared := make([]int, len(train))
	for _, o := range others {
		ts := terms(o.Text)
		var touched []int32
		for _, term := range ts {
			for _, i := range index[term] {
				if shared[i] == 0 {
					touched = append(touched, i)
				}
				shared[i]++
			}
		}
		for _, i := range touched {
			if union := size[i] + len(ts) - shared[i]; union > 0 && 2*shared[i] > union {
				out = append(out, nearCopy{train[i].ID, o.ID, shared[i], union})
			}
			shared[i] = 0
		}
	}
	return out
}

// TestShippedModelIsCurrent fails when the corpus or the training code
// changed without `lightbulb rights train` being run. Training takes
// minutes, so it retrains only when the seal written by that command no
// longer matches the corpus, the package's sources and the model; with
// LIGHTBULB_RETRAIN=1 it retrains whatever the seal says.
func TestShippedModelIsCurrent(t *testing.T) {
	corpus, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	seal, err := Seal(corpus, ".", []byte(shipped))
	if err != nil {
		t.Fatal(err)
	}
	recorded := ReadSeal(".")
	if recorded == seal && os.Getenv("LIGHTBULB_RETRAIN") != "1" {
		t.Logf("seal %s matches the corpus, the tagger sources and model.txt; not retraining", seal[:12])
		return
	}
	if testing.Short() {
		t.Skip("the seal differs and retraining takes minutes; run without -short")
	}
	if got := trainedText(t, Split(mustCorpus(t), "train")); got != shipped {
		t.Fatal("internal/tagger/model.txt is out of date: run `go run ./cmd/lightbulb rights train` from the repository root")
	}
	if recorded != seal {
		t.Fatal("model.txt is what the corpus gives, but model.seal is stale, so every run retrains: run `go run ./cmd/lightbulb rights train` from the repository root to rewrite both")
	}
}

// TestTrainingIsDeterministic trains twice on a slice of the corpus and
// wants the same model text, byte for byte: the seal relies on it.
func TestTrainingIsDeterministic(t *testing.T) {
	some := Split(mustCorpus(t), "train")
	some = some[:min(len(some), 400)]
	first, second := trainedText(t, some), trainedText(t, some)
	if first != second {
		t.Fatal("two trainings on the same texts wrote different models")
	}
	if !strings.HasPrefix(first, modelHeader) || strings.Count(first, "\nf\t") < 50 {
		t.Fatalf("trained model looks empty:\n%.300s", first)
	}
}

func TestSealChangesWithEachInput(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "train.go")
	if err := os.WriteFile(src, []byte("package tagger\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base, err := Seal([]byte("corpus"), dir, []byte("model"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package tagger\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if again, _ := Seal([]byte("corpus"), dir, []byte("model")); again != base {
		t.Error("a test file changed the seal; only the trainer's sources should")
	}
	changedCorpus, _ := Seal([]byte("corpus."), dir, []byte("model"))
	changedModel, _ := Seal([]byte("corpus"), dir, []byte("model."))
	if err := os.WriteFile(src, []byte("package tagger // edited\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	changedSource, _ := Seal([]byte("corpus"), dir, []byte("model"))
	for name, s := range map[string]string{"corpus": changedCorpus, "model": changedModel, "source": changedSource} {
		if s == base {
			t.Errorf("changing the %s left the seal as it was", name)
		}
	}
	if _, err := Seal(nil, t.TempDir(), nil); err == nil {
		t.Error("a folder with no sources was sealed")
	}
}

func trainedText(t *testing.T, examples []Example) string {
	t.Helper()
	m, err := Train(examples, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestHeldOutAccuracy measures the shipped model on the test split, which
// training never sees, against the targets: micro-F1 at least 0.80,
// recall at least 0.85 on A2, A3 and A5, and nothing suggested for
// everyday complaints (at least 95% of them, where the model stands now;
// docs/tagger.md lists the ones it still gets wrong).
func TestHeldOutAccuracy(t *testing.T) {
	rep := Default().Evaluate(Split(mustCorpus(t), "test"))
	var table bytes.Buffer
	_ = rep.WriteTable(&table)
	t.Logf("held-out test split:\n%s", table.String())
	if rep.MicroF1 < 0.80 {
		t.Errorf("micro-F1 %.3f, want at least 0.80", rep.MicroF1)
	}
	for _, tc := range []struct {
		code  string
		floor float64
	}{{"A2", 0.85}, {"A3", 0.85}, {"A5", 0.85}} {
		if r := rep.Right(tc.code).Recall; r < tc.floor {
			t.Errorf("%s recall %.3f, want at least %.2f", tc.code, r, tc.floor)
		}
	}
	if share := float64(rep.NoneCorrect) / float64(rep.NoneTexts); share < 0.95 {
		t.Errorf("%d of %d texts that engage no right got no suggestion, want at least 95%%", rep.NoneCorrect, rep.NoneTexts)
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		text    string
		want    []string // codes that must be suggested
		because []string // one of them must appear among the reasons
	}{
		{"He told the crisis team he was suicidal and they discharged him the same evening; he died two days later.", []string{"A2"}, []string{"suicidal", "died"}},
		{"Mum was left in soiled sheets all night and nobody came when she rang.", []string{"A3"}, []string{"soiled"}},
		{"The ward keeps the door locked and will not let my father go home, though he is not sectioned.", []string{"A5"}, []string{"locked", "sectioned", "door"}},
		{"Nobody helped my brother apply for a postal vote while he was on the ward.", []string{"P1A3"}, []string{"vote"}},
	} {
		got := Suggest(tc.text)
		codes := make([]string, len(got))
		var reasons []string
		for i, s := range got {
			codes[i] = s.Code
			reasons = append(reasons, s.Because...)
		}
		for _, c := range tc.want {
			if !slices.Contains(codes, c) {
				t.Errorf("%q: got %v, want %s", tc.text, got, c)
			}
		}
		if !slices.ContainsFunc(reasons, func(r string) bool {
			return slices.ContainsFunc(tc.because, func(w string) bool { return strings.Contains(r, w) })
		}) {
			t.Errorf("%q: reasons %q do not mention %q", tc.text, reasons, tc.because)
		}
	}
}

func TestNothingForEverydayComplaints(t *testing.T) {
	for _, text := range []string{
		"The car park pay machine only takes coins.",
		"My lunch was cold again today.",
		"The wifi on the ward is very slow.",
		"There is a typo in my surname on the clinic letter.",
		"I waited twenty minutes past my appointment time.",
		"There was no paper towel in the disabled toilet.",
		"Noise from the building works kept me awake.",
		"",
		"   ",
	} {
		if got := Suggest(text); len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, want nothing", text, got)
		}
	}
}

// checkSuggestions holds for any text.
func checkSuggestions(t *testing.T, text string, got []Suggestion) {
	t.Helper()
	codes := map[string]bool{}
	for i, s := range got {
		if !slices.Contains(Codes, s.Code) || codes[s.Code] {
			t.Fatalf("%q: unknown or repeated code %q", text, s.Code)
		}
		codes[s.Code] = true
		if s.Score < 0 || s.Score > 1 || (i > 0 && s.Score > got[i-1].Score) {
			t.Fatalf("%q: scores out of range or order: %v", text, got)
		}
		if len(s.Because) == 0 || len(s.Because) > maxBecause {
			t.Fatalf("%q: %s explained by %q", text, s.Code, s.Because)
		}
		if s.Strength != Strong && s.Strength != Possible {
			t.Fatalf("%q: %s has strength %q", text, s.Code, s.Strength)
		}
	}
	if codes[Discrimination] && len(codes) == 1 {
		t.Fatalf("%q: A14 suggested alone", text)
	}
}

func TestSuggestionsAreWellFormedForTheCorpus(t *testing.T) {
	for _, ex := range mustCorpus(t) {
		checkSuggestions(t, ex.Text, Suggest(ex.Text))
	}
}

func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"", "Pt left in soiled pad", "deaf \xff interpreter refused", strings.Repeat("locked ", 500)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSuggestions(t, text, Suggest(text))
	})
}

// TestLongTextCountsEachFeatureOnce covers the switch from a list to a map
// when a text has many features: the scores must not depend on it.
func TestLongTextCountsEachFeatureOnce(t *testing.T) {
	var b strings.Builder
	for _, ex := range mustCorpus(t)[:300] {
		b.WriteString(ex.Text + " ")
	}
	text := b.String()
	toks := Tokenise(text)
	feats := Default().features(toks)
	seen := map[int32]bool{}
	for _, f := range feats {
		if seen[f.index] {
			t.Fatalf("feature %q counted twice", Default().terms[f.index])
		}
		seen[f.index] = true
	}
	if len(feats) < 200 {
		t.Fatalf("only %d features in a long text", len(feats))
	}
	checkSuggestions(t, text, Suggest(text))
}

func TestModelRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	n, err := Default().WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) || buf.String() != shipped {
		t.Fatalf("WriteTo wrote %d bytes (buffer %d), same as shipped: %v, err %v", n, buf.Len(), buf.String() == shipped, err)
	}
	m, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range Split(mustCorpus(t), "test")[:40] {
		a, b := Default().Suggest(ex.Text), m.Suggest(ex.Text)
		if len(a) != len(b) {
			t.Fatalf("%q: %v after a round trip, %v before", ex.Text, b, a)
		}
	}
}

func TestReadModelRejectsDamage(t *testing.T) {
	for name, text := range map[string]string{
		"empty":          "",
		"wrong header":   "something else\n",
		"no threshold":   modelHeader + "\ncodes\tA2\nbias\t0\n",
		"no rescue":      modelHeader + "\ncodes\tA2\nbias\t0\nthreshold\t0.5\n",
		"two rescues":    modelHeader + "\ncodes\tA2\nbias\t0\nthreshold\t0.5\nrescue\t0.9 0.8\n",
		"bad number":     modelHeader + "\ncodes\tA2\nbias\tx\nthreshold\t0.5\n",
		"bad weight":     modelHeader + "\ncodes\tA2\nbias\t0\nthreshold\t0.5\nf\tvisit\t7:1\n",
		"repeated term":  modelHeader + "\ncodes\tA2\nbias\t0\nthreshold\t0.5\nf\tvisit\t0:1\nf\tvisit\t0:2\n",
		"unknown record": modelHeader + "\ncodes\tA2\nbias\t0\nthreshold\t0.5\nzzz\n",
		"unknown right":  modelHeader + "\ncodes\tA99\nbias\t0\nthreshold\t0.5\n",
	} {
		if _, err := ReadModel(strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestRescueOverrulesTheGate: below the ANY gate only a right at least as
// sure as the rescue score is suggested.
func TestRescueOverrulesTheGate(t *testing.T) {
	m, err := ReadModel(strings.NewReader(modelHeader + `
codes	A8 ANY
bias	-3 0
threshold	0.5 0.5
rescue	0.9
f	visit	0:10
f	seen	0:4
f	park	1:-20
`))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]int{
		"visit park": 1, // A8 at 0.99, gate closed: rescued
		"seen park":  0, // A8 just over its threshold, gate closed: nothing
		"seen":       1, // gate open: A8 over its threshold is enough
	} {
		if got := m.Suggest(text); len(got) != want {
			t.Errorf("Suggest(%q) = %v, want %d suggestions", text, got, want)
		}
	}
}

func TestParseExample(t *testing.T) {
	for _, tc := range []struct {
		line     string
		labelled bool
		wantErr  string
	}{
		{`{"id":"1","text":"hi"}`, false, ""},
		{`{"id":"1","text":"hi","rights":["A8","A14"]}`, true, ""},
		{`{"id":"1","text":"hi"}`, true, `missing "rights"`},
		{`{"text":"hi"}`, false, `missing "id"`},
		{`{"id":"1"}`, false, `missing "text"`},
		{`{"id":"1","text":"hi","rights":["A99"]}`, true, "unknown right"},
		{`{"id":"1","text":"hi","rights":["A14"]}`, true, "A14 must go with another right"},
		{`{"id":"1","text":"hi","rights":["A8","A8"]}`, true, "twice"},
		{`{"id":"1","text":"hi"} {}`, false, "more than one"},
		{`not json`, false, "not a JSON object"},
		{`{"id":1,"text":"hi"}`, false, "not a JSON object"},
	} {
		_, err := ParseExample([]byte(tc.line), tc.labelled)
		if (err == nil) != (tc.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("ParseExample(%s) = %v, want error %q", tc.line, err, tc.wantErr)
		}
	}
}

func TestLinesNamesLineNumbersAndSkipsLongLines(t *testing.T) {
	in := "a\n\n" + strings.Repeat("x", MaxLine+10) + "\nb"
	var got []string
	err := Lines(strings.NewReader(in), func(n int, line []byte, tooLong bool) error {
		got = append(got, string(rune('0'+n))+map[bool]string{true: "long", false: string(line)}[tooLong])
		return nil
	})
	if err != nil || !slices.Equal(got, []string{"1a", "3long", "4b"}) {
		t.Fatalf("Lines = %q, %v", got, err)
	}
}

func BenchmarkSuggest(b *testing.B) {
	var texts []string
	for _, ex := range mustCorpus(b) {
		texts = append(texts, ex.Text)
	}
	m := Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Suggest(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "texts/s")
}

// tinyModel is a hand-written model with A8, A14 and the gate: "deaf"
// pushes A14, "visit" and "visiting" push A8, "parking" pulls the gate down.
func tinyModel(t *testing.T) *Model {
	t.Helper()
	m, err := ReadModel(strings.NewReader(modelHeader + `
codes	A8 A14 ANY
bias	-3 -3 0
threshold	0.5 0.5 0.5
rescue	2
f	deaf	1:9
f	visit	0:3.2
f	#	0:-20
f	park	2:-20
`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestA14OnlyWithAnotherRight(t *testing.T) {
	m := tinyModel(t)
	codes := func(text string) []string {
		var out []string
		for _, s := range m.Suggest(text) {
			out = append(out, s.Code)
		}
		return out
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		// A14 passes and A8 reaches half its threshold: both are put.
		{"deaf visit", []string{"A14", "A8"}},
		// A14 passes but A8 is far below: A14 alone is never put.
		{"deaf 12", nil},
		// The gate says no right at all.
		{"deaf visit parking", nil},
		{"nothing here", nil},
	} {
		if got := codes(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Suggest(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReasonsAreContentWords checks that a suggestion is explained by words
// that say something (never "not", "no", "patient" or a number alone), and
// that its strength is put in plain words.
func TestReasonsAreContentWords(t *testing.T) {
	for _, text := range []string{
		"Patient not allowed to see her 2 children for 6 weeks, no reason given.",
		"No visits, no phone, not allowed out, 3 months.",
		"pt not given pain relief for 12 hours",
	} {
		got := Suggest(text)
		if len(got) == 0 {
			t.Fatalf("%q: nothing suggested", text)
		}
		checkSuggestions(t, text, got)
		for _, s := range got {
			for _, r := range s.Because {
				if !hasContentWord(Tokenise(r)) {
					t.Errorf("%q: %s explained by %q", text, s.Code, r)
				}
			}
		}
	}
	// In the tiny model "deaf" makes A14 sure (0.98 against a threshold of
	// 0.5) and "visit" brings A8 in at 0.36, as A14's partner.
	got := tinyModel(t).Suggest("deaf visit")
	want := map[string]string{"A14": Strong, "A8": Possible}
	if len(got) != len(want) {
		t.Fatalf("tiny model suggests %+v", got)
	}
	for _, s := range got {
		if s.Strength != want[s.Code] {
			t.Errorf("%s at %.2f: strength %q, want %q", s.Code, s.Score, s.Strength, want[s.Code])
		}
	}
}
