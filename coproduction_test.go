package lightbulb

import "testing"

func TestPounds(t *testing.T) {
	for in, want := range map[string]int64{"12": 1200, "12.5": 1250, "£1,012.50": 101250, ".75": 75, "0": 0} {
		if got, ok := ParsePounds(in); !ok || got != want {
			t.Errorf("ParsePounds(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "ten", "-5", "1.234", "1.-5", "£", "1e3"} {
		if got, ok := ParsePounds(bad); ok {
			t.Errorf("ParsePounds(%q) = %d, want refused", bad, got)
		}
	}
	if got := Pounds(123456); got != "£1,234.56" {
		t.Errorf("Pounds: %q", got)
	}
}

func TestFeeFollowsPreference(t *testing.T) {
	for pref, want := range map[string]int64{PayFull: 5000, PayCharity: 5000, PayVouchers: 5000, PayReduced: 3000, PayNone: 0} {
		p := &ExpertProfile{PayPref: pref, ReducedPence: 3000}
		if got := Fee(p, 2000, 150); got != want {
			t.Errorf("%s: fee %d, want %d", pref, got, want)
		}
	}
}
