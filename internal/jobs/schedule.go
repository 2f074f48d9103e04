package jobs

import (
	"context"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// schedule runs a kind once a day at a time of day in Europe/London.
type schedule struct {
	name, kind string
	hour, min  int
}

// Daily runs kind once a day at hh:mm Europe/London time (so 07:00 stays
// 07:00 across the clock changes). The job's payload is the day it is for,
// YYYY-MM-DD. Each day's run is enqueued once however many processes share
// the database; a process that was down at that time runs it when it starts.
func (q *Queue) Daily(name, kind, hhmm string) error {
	var h, m int
	if _, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return fmt.Errorf("schedule %s: time of day %q is not HH:MM", name, hhmm)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.schedules = append(q.schedules, schedule{name: name, kind: kind, hour: h, min: m})
	return nil
}

// EnqueueScheduled adds today's run of each schedule whose time has come.
func (q *Queue) EnqueueScheduled(ctx context.Context) error {
	q.mu.RLock()
	sched := append([]schedule(nil), q.schedules...)
	q.mu.RUnlock()
	now := lightbulb.Now()
	for _, s := range sched {
		day, at := s.occurrence(now)
		if now.Before(at) {
			continue
		}
		_, err := Enqueue(ctx, q.db, New{Kind: s.kind, Payload: day, At: at, Key: "daily:" + s.name + ":" + day})
		if err != nil {
			return err
		}
	}
	return nil
}

// occurrence is the day (in London) of now and the instant of that day's run.
func (s schedule) occurrence(now time.Time) (string, time.Time) {
	l := now.In(lightbulb.London)
	at := time.Date(l.Year(), l.Month(), l.Day(), s.hour, s.min, 0, 0, lightbulb.London)
	return l.Format(time.DateOnly), at.UTC()
}
