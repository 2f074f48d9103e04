package cli

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the heap size at which the garbage collector starts
// working harder, unless GOMEMLIMIT says otherwise. Each password check
// leaves its 64 MiB behind as garbage; without a limit the collector lets
// that pile up to twice the live heap between collections, so a burst of
// sign-ins would reach 400 MB even with one hash at a time. A live heap
// above the limit only costs collector time (at most half the CPU): it is
// soft, never a crash.
const softMemoryLimit = 256 << 20

// gcPercent is how far the heap may grow past what is live before a
// collection, unless GOGC says otherwise. Go's default, 100, spent 9% of a
// signed-in page's CPU under load collecting a live heap of a few tens of
// megabytes; at 200 BenchmarkDemoPages used 12-18% less CPU a page, idle
// RSS stays under 40 MB, and the soft limit still bounds a burst of
// sign-ins (docs/operating.md, Performance).
const gcPercent = 200

// tuneMemory sets the soft memory limit and the collector's pace, and hands
// the memory that starting up used (migrations, parsing templates, loading
// content) back to the operating system, so an idle process stays small.
// It returns what puts both back, for when serve returns (tests run serve
// in-process).
func tuneMemory() (restore func()) {
	restore = func() {}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(softMemoryLimit)
		restore = func() { debug.SetMemoryLimit(old) }
	}
	if os.Getenv("GOGC") == "" {
		old, limit := debug.SetGCPercent(gcPercent), restore
		restore = func() { debug.SetGCPercent(old); limit() }
	}
	debug.FreeOSMemory()
	return restore
}
