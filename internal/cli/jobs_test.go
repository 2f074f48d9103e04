package cli

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

// TestJobLoop checks that serve's runner runs due jobs at once, again on
// every tick, keeps going after an error, and stops with its context.
func TestJobLoop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	done := make(chan struct{})
	run := func(context.Context) (int, error) {
		if calls.Add(1) == 2 {
			return 0, errors.New("database briefly away")
		}
		if calls.Load() == 4 {
			cancel()
		}
		return 1, nil
	}
	go func() {
		jobLoop(ctx, run, time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the job loop did not stop when its context ended")
	}
	if n := calls.Load(); n != 4 {
		t.Fatalf("the loop ran %d times, want 4 (it must go on after an error and stop when cancelled)", n)
	}
}
