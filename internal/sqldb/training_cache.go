package sqldb

import (
	"context"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// sessionRead names one FindSessions read kept per process.
type sessionRead struct {
	org int64
	f   lightbulb.SessionFilter
}

// keptSessions is a kept read: for an upcoming read, the sessions that
// ended after since, the time it was read.
type keptSessions struct {
	since time.Time
	list  []*lightbulb.Session
}

// FindSessions lists sessions by start time, from the process's memory until
// the 'training' version moves (any change to sessions, courses, cohorts or
// bookings, from any process: migration 0049). The training listing read
// every upcoming session, its course, cohort and places taken on each view,
// half of its CPU. An upcoming read kept since an earlier time is filtered
// again by the time now; the caller gets its own copies.
func (s *TrainingService) FindSessions(ctx context.Context, f lightbulb.SessionFilter) ([]*lightbulb.Session, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	now := lightbulb.Now()
	kept, err := s.sessions.get(ctx, sessionRead{org: org, f: f}, func(ctx context.Context) (keptSessions, error) {
		list, err := s.findSessions(ctx, org, f, now)
		return keptSessions{since: now, list: list}, err
	})
	if err != nil {
		return nil, err
	}
	if f.Upcoming && now.Before(kept.since) {
		// The clock was set back (the demo's, a test's): what was kept may
		// leave out sessions that end in between.
		return s.findSessions(ctx, org, f, now)
	}
	var out []*lightbulb.Session
	for _, x := range kept.list {
		if f.Upcoming && !x.EndsAt.After(now) {
			continue
		}
		c := *x
		out = append(out, &c)
	}
	return out, nil
}
