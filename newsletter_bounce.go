package lightbulb

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Bounce is one report from a mail provider about an address.
type Bounce struct {
	Email string
	Kind  string // BounceHard, BounceSoft or BounceComplaint
}

// ParseBounces reads one report a line, "address,kind" (a comma, a tab or
// spaces between), where kind is hard, soft or complaint; blank lines and
// lines starting with # are skipped. A bad line is an error naming it.
func ParseBounces(r io.Reader) ([]Bounce, error) {
	var out []Bounce
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '\t' || r == ' ' })
		if len(f) != 2 || !strings.Contains(f[0], "@") {
			return nil, fmt.Errorf("line %d: want \"address,kind\", got %q", n, line)
		}
		kind := strings.ToLower(f[1])
		if kind != BounceHard && kind != BounceSoft && kind != BounceComplaint {
			return nil, fmt.Errorf("line %d: kind %q is not hard, soft or complaint", n, f[1])
		}
		out = append(out, Bounce{Email: CleanEmail(f[0]), Kind: kind})
	}
	return out, sc.Err()
}
