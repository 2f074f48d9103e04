package web

import "strings"

// diffOp says whether a run of words is in both texts, only the old one or
// only the new one.
type diffOp int

const (
	diffSame diffOp = iota
	diffDel
	diffIns
)

// diffRun is a run of words with one op, ready to show.
type diffRun struct {
	Op   diffOp
	Text string
}

// Same, Del and Ins let a template test a run's op.
func (d diffRun) Same() bool { return d.Op == diffSame }
func (d diffRun) Del() bool  { return d.Op == diffDel }
func (d diffRun) Ins() bool  { return d.Op == diffIns }

// wordDiff compares two texts word by word (a longest common subsequence)
// and returns runs of words kept, removed from old and added in cur, in
// reading order, removals before additions where both happen at one place.
func wordDiff(old, cur string) []diffRun {
	a, b := strings.Fields(old), strings.Fields(cur)
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffRun
	add := func(op diffOp, w string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + w
			return
		}
		out = append(out, diffRun{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add(diffSame, a[i])
			i, j = i+1, j+1
		case j == len(b) || i < len(a) && lcs[i+1][j] >= lcs[i][j+1]:
			add(diffDel, a[i])
			i++
		default:
			add(diffIns, b[j])
			j++
		}
	}
	return out
}
