package lightbulb

import (
	"context"
	"time"
)

// JobInfo is one background job as platform admins see it at /admin/jobs.
type JobInfo struct {
	ID          int64
	Org         int64 // 0 when the job belongs to no organisation
	Kind        string
	Payload     string
	State       string // queued, running, done or failed
	Attempts    int
	MaxAttempts int // the kind's limit; 0 when this process does not run the kind
	RunAt       time.Time
	DoneAt      *time.Time
	LastError   string
	CreatedAt   time.Time
}

// JobFilter narrows a job listing.
type JobFilter struct {
	State string // "" for every state
	Kind  string // "" for every kind
	Limit int    // 100 when 0
}

// JobService lets operators see the queue and try a failed job again.
type JobService interface {
	FindJobs(ctx context.Context, f JobFilter) ([]*JobInfo, error)
	JobCounts(ctx context.Context) (map[string]int, error)
	// RetryJob queues a failed job to run now with fresh attempts.
	RetryJob(ctx context.Context, id int64) error
}
