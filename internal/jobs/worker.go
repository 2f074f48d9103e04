package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Workers says how Run works: how many jobs at once, how often idle workers
// look for work, and how long a shutdown waits for long jobs to finish
// before handing them back.
type Workers struct {
	Count int           // jobs run at once; 2 when 0
	Poll  time.Duration // 1s when 0
	Grace time.Duration // 10s when 0
	Log   *slog.Logger
}

// Run works the queue until ctx ends, with a bounded pool of workers, and
// enqueues scheduled runs as they fall due. On shutdown no new job is
// claimed; a job in its transaction finishes, and a long job has Grace to
// finish before it is handed back for another worker. Run returns when every
// worker has stopped.
func (q *Queue) Run(ctx context.Context, w Workers) {
	if w.Count <= 0 {
		w.Count = 2
	}
	if w.Poll <= 0 {
		w.Poll = time.Second
	}
	if w.Grace <= 0 {
		w.Grace = 10 * time.Second
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	// Handlers get a context that outlives ctx by Grace.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(w.Grace, cancel) })
	defer stop()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		q.scheduleLoop(ctx, w)
	}()
	for i := 0; i < w.Count; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.workLoop(ctx, work, w)
		}()
	}
	wg.Wait()
}

func (q *Queue) workLoop(ctx, work context.Context, w Workers) {
	for ctx.Err() == nil {
		ran, err := q.RunOne(work)
		if err != nil {
			w.Log.Warn("job queue", "error", err)
		}
		if ran && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-q.wake:
		case <-time.After(w.Poll):
		}
	}
}

func (q *Queue) scheduleLoop(ctx context.Context, w Workers) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		if err := q.EnqueueScheduled(ctx); err != nil && ctx.Err() == nil {
			w.Log.Warn("job schedules", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
