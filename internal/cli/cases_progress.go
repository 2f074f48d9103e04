package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/config"
)

func caseConfig(db string) *config.Config {
	c := config.Default()
	c.DB = db
	return &c
}

// caseProgress shows an import's progress: a bar redrawn in place on a
// terminal, plain lines at most every two seconds otherwise.
type caseProgress struct {
	w       io.Writer
	tty     bool
	checked int
	last    time.Time
	drawn   bool
}

func newCaseProgress(w io.Writer) *caseProgress {
	p := &caseProgress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// update hears that n rows are checked or stored.
func (p *caseProgress) update(stage string, n int) {
	if stage == "checked" {
		p.checked = n
	}
	if !p.tty {
		if time.Since(p.last) >= 2*time.Second {
			fmt.Fprintf(p.w, "%s %d rows\n", stage, n)
			p.last = time.Now()
		}
		return
	}
	if stage == "checked" {
		fmt.Fprintf(p.w, "\rChecking  %d rows", n)
	} else {
		total := max(p.checked, n, 1)
		done := n * 30 / total
		fmt.Fprintf(p.w, "\rImporting [%s%s] %3d%% %d of %d rows", strings.Repeat("#", done), strings.Repeat("-", 30-done), n*100/total, n, total)
	}
	p.drawn = true
}

// done ends the bar's line.
func (p *caseProgress) done() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}
