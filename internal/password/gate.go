package password

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// ErrBusy is returned when every hashing slot stayed taken for the whole
// wait: the caller should ask the person to try again in a few seconds.
var ErrBusy = errors.New("password: too many passwords are being checked at once")

// hashMemoryBudget is the most memory that hashes running at once may hold
// between them, whatever the number of cores.
const hashMemoryBudget = 256 << 20

// Gate bounds how many hashes run at once. Each argon2id hash holds its
// whole memory cost (64 MiB by default) while it runs, so without a bound a
// burst of sign-ins (or a flood of wrong ones) takes the process to
// gigabytes; with one, memory stays near slots × cost and throughput stays
// at what the cores can do, because extra hashes would only share them.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
	inUse atomic.Int32
	peak  atomic.Int32
	done  atomic.Int64
}

// Slots is the default size of a gate for hashes of cost p: enough to keep
// every core the Go scheduler uses (GOMAXPROCS) busy, each hash running
// p.Threads lanes in parallel, but no more than hashMemoryBudget holds. More
// would not check passwords any faster, only hold more memory.
func Slots(p Params) int {
	n := runtime.GOMAXPROCS(0) / max(int(p.Threads), 1)
	if p.Memory > 0 {
		n = min(n, int(hashMemoryBudget/(int64(p.Memory)<<10)))
	}
	return max(n, 1)
}

// NewGate returns a gate that lets n hashes run at once; the others wait up
// to wait for a slot and then fail with ErrBusy.
func NewGate(n int, wait time.Duration) *Gate {
	return &Gate{slots: make(chan struct{}, max(n, 1)), wait: wait}
}

// Peak is the most hashes that have run at once through g.
func (g *Gate) Peak() int { return int(g.peak.Load()) }

// Cap is how many hashes g lets run at once.
func (g *Gate) Cap() int { return cap(g.slots) }

// Done is how many slots have been taken through g.
func (g *Gate) Done() int64 { return g.done.Load() }

// Acquire takes a slot, waiting up to the gate's wait, or fails with ErrBusy
// (or ctx's error); Release gives it back. Check and Hash do both.
func (g *Gate) Acquire(ctx context.Context) error {
	select {
	case g.slots <- struct{}{}:
	default:
		t := time.NewTimer(g.wait)
		defer t.Stop()
		select {
		case g.slots <- struct{}{}:
		case <-t.C:
			return ErrBusy
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	g.done.Add(1)
	n := g.inUse.Add(1)
	for {
		p := g.peak.Load()
		if n <= p || g.peak.CompareAndSwap(p, n) {
			break
		}
	}
	return nil
}

// Release gives back a slot taken by Acquire.
func (g *Gate) Release() {
	g.inUse.Add(-1)
	<-g.slots
}

// Check is Check run in one of g's slots.
func (g *Gate) Check(ctx context.Context, pw, encoded string) (bool, error) {
	if err := g.Acquire(ctx); err != nil {
		return false, err
	}
	defer g.Release()
	return Check(pw, encoded), nil
}

// Hash is Hash run in one of g's slots.
func (g *Gate) Hash(ctx context.Context, pw string, p Params) (string, error) {
	if err := g.Acquire(ctx); err != nil {
		return "", err
	}
	defer g.Release()
	return Hash(pw, p)
}

// Dummy returns an encoded hash of cost p that no password matches (its
// key is random): checking a password against it costs what checking a real
// one does, without computing a hash (and holding its memory) to make it.
func Dummy(p Params) (string, error) {
	b := make([]byte, 16+32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("password dummy: %w", err)
	}
	return encode(p, b[:16], b[16:]), nil
}
