package tagger

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
)

// Metrics are one right's figures over a set of labelled texts.
type Metrics struct {
	Code      string  `json:"code"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Support is how many texts a reviewer labelled with the right.
	Support int `json:"support"`
	TP      int `json:"tp"`
	FP      int `json:"fp"`
	FN      int `json:"fn"`
}

// Report is an evaluation of a model against labelled texts.
type Report struct {
	Texts  int       `json:"texts"`
	Rights []Metrics `json:"rights"`
	// MicroF1 pools every decision; MacroF1 averages the rights that have
	// support or were suggested.
	MicroF1 float64 `json:"micro_f1"`
	MacroF1 float64 `json:"macro_f1"`
	// NoneCorrect counts texts labelled with no right that got no suggestion,
	// out of NoneTexts.
	NoneCorrect int `json:"none_correct"`
	NoneTexts   int `json:"none_texts"`
}

// Evaluate compares m's suggestions with the labels of examples.
func (m *Model) Evaluate(examples []Example) Report {
	rep := Report{Texts: len(examples)}
	byCode := map[string]*Metrics{}
	for _, c := range Codes {
		rep.Rights = append(rep.Rights, Metrics{Code: c})
	}
	for i := range rep.Rights {
		byCode[rep.Rights[i].Code] = &rep.Rights[i]
	}
	for _, ex := range examples {
		got := m.Suggest(ex.Text)
		if len(ex.Rights) == 0 {
			rep.NoneTexts++
			if len(got) == 0 {
				rep.NoneCorrect++
			}
		}
		for _, c := range Codes {
			want := slices.Contains(ex.Rights, c)
			has := slices.ContainsFunc(got, func(s Suggestion) bool { return s.Code == c })
			byCode[c].count(has, want)
		}
	}
	rep.summarise()
	return rep
}

// count adds one decision to the tally: whether the right was suggested
// (got) and whether a reviewer labelled it (want).
func (mt *Metrics) count(got, want bool) {
	switch {
	case got && want:
		mt.TP++
	case got:
		mt.FP++
	case want:
		mt.FN++
	}
}

// fBeta is the F-score of the counts, with recall counting beta times as
// much as precision.
func (mt Metrics) fBeta(beta float64) float64 {
	tp, fp, fn := float64(mt.TP), float64(mt.FP), float64(mt.FN)
	b2 := beta * beta
	return (1 + b2) * tp / ((1+b2)*tp + b2*fn + fp + 1e-9)
}

// summarise fills in every right's figures and the averages from the
// counts.
func (rep *Report) summarise() {
	var tp, fp, fn, macro float64
	var counted int
	for i := range rep.Rights {
		mt := &rep.Rights[i]
		mt.Support = mt.TP + mt.FN
		mt.Precision = ratio(mt.TP, mt.TP+mt.FP)
		mt.Recall = ratio(mt.TP, mt.TP+mt.FN)
		mt.F1 = ratio(2*mt.TP, 2*mt.TP+mt.FP+mt.FN)
		tp, fp, fn = tp+float64(mt.TP), fp+float64(mt.FP), fn+float64(mt.FN)
		if mt.Support > 0 || mt.FP > 0 {
			macro += mt.F1
			counted++
		}
	}
	rep.MicroF1 = round3(2 * tp / max(2*tp+fp+fn, 1))
	rep.MacroF1 = round3(macro / float64(max(counted, 1)))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return round3(float64(a) / float64(b))
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// Right returns the figures for code.
func (r Report) Right(code string) Metrics {
	for _, m := range r.Rights {
		if m.Code == code {
			return m
		}
	}
	return Metrics{Code: code}
}

// WriteTable prints the report as an aligned table.
func (r Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "right\tprecision\trecall\tF1\tsupport\t")
	for _, m := range r.Rights {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", m.Code, m.Precision, m.Recall, m.F1, m.Support)
	}
	fmt.Fprintf(tw, "micro F1\t\t\t%.3f\t\t\n", r.MicroF1)
	fmt.Fprintf(tw, "macro F1\t\t\t%.3f\t\t\n", r.MacroF1)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d texts; %d of %d that engage no right got no suggestion.\n", r.Texts, r.NoneCorrect, r.NoneTexts)
	return err
}

// CrossValidate estimates how a model trained on examples would do on texts
// it has not seen: it trains on all folds but one, evaluates on that one,
// and pools the counts. Use it to compare changes without touching the
// held-out test split.
func CrossValidate(examples []Example, opt Options, folds int) (Report, error) {
	return CrossValidateFirst(examples, len(examples), opt, folds)
}

// CrossValidateFirst is CrossValidate with only the first n examples held
// out in turn: the others are in every fold's training texts. With the
// corpus's established texts first, it asks how texts written later help
// the model on texts like the established ones, which is how the test split
// was written.
func CrossValidateFirst(examples []Example, n int, opt Options, folds int) (Report, error) {
	n = min(n, len(examples))
	pooled := Report{}
	for fold := 0; fold < folds; fold++ {
		var train, held []Example
		for i, ex := range examples {
			if i < n && i%folds == fold {
				held = append(held, ex)
			} else {
				train = append(train, ex)
			}
		}
		m, err := Train(train, opt)
		if err != nil {
			return Report{}, err
		}
		r := m.Evaluate(held)
		if pooled.Rights == nil {
			pooled.Rights = make([]Metrics, len(r.Rights))
		}
		for i, mt := range r.Rights {
			p := &pooled.Rights[i]
			p.Code, p.TP, p.FP, p.FN = mt.Code, p.TP+mt.TP, p.FP+mt.FP, p.FN+mt.FN
		}
		pooled.Texts += r.Texts
		pooled.NoneCorrect += r.NoneCorrect
		pooled.NoneTexts += r.NoneTexts
	}
	pooled.summarise()
	return pooled, nil
}
