package lightbulb

import "testing"

func TestRedactAndContactIn(t *testing.T) {
	for in, want := range map[string][2]string{
		"Call 07700 900123 now":         {"Call [phone removed] now", ContactPhone},
		"Ring +44 7700 900123":          {"Ring [phone removed]", ContactPhone},
		"mail jo.bloggs@nhs.net please": {"mail [email removed] please", ContactEmail},
		"NHS 943 476 5919 seen":         {"NHS [NHS number removed] seen", ContactNHS},
		"NHS 9434765919 seen":           {"NHS [NHS number removed] seen", ContactNHS},
		"NHS 9434765918 wrong check":    {"NHS 9434765918 wrong check", ""},
		"Bed 12 at 14:30":               {"Bed 12 at 14:30", ""},
	} {
		if got := Redact(in); got != want[0] {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want[0])
		}
		if got := ContactIn(in); got != want[1] {
			t.Errorf("ContactIn(%q) = %q, want %q", in, got, want[1])
		}
	}
}
