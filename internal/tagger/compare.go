package tagger

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
)

// Named is a report with the name of the texts it measured.
type Named struct {
	Name   string `json:"name"`
	Report Report `json:"report"`
}

// WriteSideBySide prints several reports as one table, a column group per
// report: precision, recall, F1 and support for each right, then the
// averages, and then how many texts that engage no right were left alone.
func WriteSideBySide(w io.Writer, reps []Named) error {
	if len(reps) == 0 {
		return errors.New("no reports to print")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head, sub := "\t", "right\t"
	for _, r := range reps {
		head += r.Name + "\t\t\t\t"
		sub += "precision\trecall\tF1\tsupport\t"
	}
	fmt.Fprintln(tw, head)
	fmt.Fprintln(tw, sub)
	for i, code := range Codes {
		row := code + "\t"
		for _, r := range reps {
			m := r.Report.Rights[i]
			row += fmt.Sprintf("%.3f\t%.3f\t%.3f\t%d\t", m.Precision, m.Recall, m.F1, m.Support)
		}
		fmt.Fprintln(tw, row)
	}
	micro, macro := "micro F1\t", "macro F1\t"
	for _, r := range reps {
		micro += fmt.Sprintf("\t\t%.3f\t\t", r.Report.MicroF1)
		macro += fmt.Sprintf("\t\t%.3f\t\t", r.Report.MacroF1)
	}
	fmt.Fprintln(tw, micro)
	fmt.Fprintln(tw, macro)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range reps {
		if _, err := fmt.Fprintf(w, "%s: %d texts; %s of those that engage no right got no suggestion.\n", r.Name, r.Report.Texts, noneShare(r.Report)); err != nil {
			return err
		}
	}
	return nil
}

// noneShare says how many texts that engage no right got no suggestion,
// as "n of m (p%)".
func noneShare(r Report) string {
	if r.NoneTexts == 0 {
		return "-"
	}
	return fmt.Sprintf("%d of %d (%.1f%%)", r.NoneCorrect, r.NoneTexts, 100*float64(r.NoneCorrect)/float64(r.NoneTexts))
}
