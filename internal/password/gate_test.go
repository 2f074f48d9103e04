package password

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// A full gate makes callers wait; once the wait is over they hear ErrBusy,
// and a caller whose request was given up on hears why.
func TestGateBoundsHashes(t *testing.T) {
	g := NewGate(2, 0)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := g.Acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.Check(ctx, "pw", "x"); !errors.Is(err, ErrBusy) {
		t.Fatalf("third hash with both slots taken: %v, want ErrBusy", err)
	}
	if _, err := g.Hash(ctx, "pw", Minimum); !errors.Is(err, ErrBusy) {
		t.Fatalf("third hash with both slots taken: %v, want ErrBusy", err)
	}
	g.Release()
	h, err := g.Hash(ctx, "a long password", Minimum)
	if err != nil || !Check("a long password", h) {
		t.Fatalf("hash after a slot came free: %q %v", h, err)
	}
	if g.Peak() != 2 || g.Done() != 3 {
		t.Fatalf("peak %d done %d, want 2 and 3", g.Peak(), g.Done())
	}

	waiting := NewGate(1, time.Hour)
	_ = waiting.Acquire(ctx)
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := waiting.Check(gone, "pw", h); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled wait: %v, want context.Canceled", err)
	}
}

// However many ask at once, no more than the gate's slots hash together.
func TestGateConcurrent(t *testing.T) {
	g := NewGate(3, time.Minute)
	p := Params{Memory: 256, Time: 1, Threads: 1}
	h, _ := Hash("right password", p)
	var wg sync.WaitGroup
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, err := g.Check(context.Background(), "wrong password", h); ok || err != nil {
				t.Errorf("check: %v %v", ok, err)
			}
		}()
	}
	wg.Wait()
	if g.Peak() < 1 || g.Peak() > 3 || g.Done() != 64 {
		t.Fatalf("peak %d (want 1 to 3), done %d (want 64)", g.Peak(), g.Done())
	}
}

// The dummy hash has the cost it names and matches no password.
func TestDummy(t *testing.T) {
	d, err := Dummy(Default)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d, "$argon2id$v=19$m=65536,t=1,p=2$") {
		t.Fatalf("dummy %q does not carry the default cost", d)
	}
	d2, _ := Dummy(Minimum)
	if Check("", d2) || Check("lightbulb-demo", d2) {
		t.Fatal("a dummy hash matched")
	}
}

func TestSlots(t *testing.T) {
	if n := Slots(Params{Memory: 1 << 30}); n != 1 {
		t.Fatalf("a 1 TiB cost gets %d slots, want 1", n)
	}
	if n := Slots(Default); n < 1 || n > hashMemoryBudget/(64<<20) {
		t.Fatalf("default cost gets %d slots", n)
	}
}
