package web

import (
	"maps"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
)

// A session of strings and int64s round-trips in the short format, one
// with any other value round-trips through gob, and sessions stored with
// gob before this codec are still read.
func TestSessionCodecRoundTrips(t *testing.T) {
	deadline := time.Date(2026, 12, 6, 14, 5, 7, 123456789, time.UTC)
	var c sessionCodec
	for _, tc := range []struct {
		name   string
		values map[string]any
		short  bool
	}{
		{"signed in", map[string]any{sessUser: int64(42), sessOrg: int64(-7), sessStamp: "ab=c", sessSeen: int64(1796565907), sessMsg: "Your language has been saved. \x00✓"}, true},
		{"empty", map[string]any{}, true},
		{"another type", map[string]any{sessUser: int64(42), "flag": true}, false},
	} {
		b, err := c.Encode(deadline, tc.values)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(b) > 0 && b[0] == 0; got != tc.short {
			t.Errorf("%s: short format %v, want %v", tc.name, got, tc.short)
		}
		for _, data := range [][]byte{b, mustGob(t, deadline, tc.values)} {
			d, v, err := c.Decode(data)
			if err != nil || !d.Equal(deadline) || !maps.Equal(v, tc.values) {
				t.Errorf("%s: got %v %v %v, want %v %v", tc.name, d, v, err, deadline, tc.values)
			}
		}
	}
}

func mustGob(t *testing.T, deadline time.Time, values map[string]any) []byte {
	t.Helper()
	b, err := scs.GobCodec{}.Encode(deadline, values)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Damaged data in the short format is refused: a value cut short or an
// unknown type tag.
func TestSessionCodecRefusesDamage(t *testing.T) {
	var c sessionCodec
	b, err := c.Encode(time.Now(), map[string]any{sessStamp: "stamp"})
	if err != nil {
		t.Fatal(err)
	}
	entry := 1 + len(sessStamp) + 1 + 1 + len("stamp") // key length, key, tag, value length, value
	for n := len(b) - entry + 1; n < len(b); n++ {
		if _, _, err := c.Decode(b[:n]); err == nil {
			t.Errorf("cut at %d of %d: accepted", n, len(b))
		}
	}
	bad := append([]byte{}, b...)
	bad[len(bad)-len("stamp")-2] = 'x' // the value's type tag
	if _, _, err := c.Decode(bad); err == nil {
		t.Error("an unknown type tag was accepted")
	}
}

func BenchmarkSessionDecode(b *testing.B) {
	values := map[string]any{sessUser: int64(42), sessOrg: int64(3), sessStamp: "0123456789abcdef", sessSeen: time.Now().Unix()}
	deadline := time.Now().Add(time.Hour)
	for _, codec := range []scs.Codec{scs.GobCodec{}, sessionCodec{}} {
		data, _ := codec.Encode(deadline, values)
		b.Run(map[bool]string{true: "gob", false: "short"}[data[0] != 0], func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, _, err := codec.Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
