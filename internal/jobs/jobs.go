// Package jobs is Lightbulb's one background queue, on SQLite and
// PostgreSQL. A capability registers the kinds of job it owns and their
// handlers; anything scheduled, slow or that talks to another system is
// enqueued inside the transaction of the change that causes it, so the change
// and its work commit together. Nothing here knows what any job does.
//
// Two ways to run a kind:
//   - Register: the job is claimed, run and finished in one transaction with
//     everything its handler writes. A crash before the commit leaves the job
//     to run again; a commit means it never runs again.
//   - RegisterLong: for work that talks to another system or takes long
//     (email delivery, imports). The job is claimed with a lease in its own
//     transaction, run outside any transaction, then finished. A process that
//     dies mid-run leaves a lease that expires, and another worker takes the
//     job over; the handler must therefore be safe to run again.
//
// A failing job is retried with exponential backoff until its kind's attempt
// limit, then stays "failed" with its last error for a person to look at.
package jobs

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The states a job moves through.
const (
	Queued  = "queued"
	Running = "running"
	Done    = "done"
	Failed  = "failed"
)

// Job is one claimed job, as its handler sees it.
type Job struct {
	ID      int64
	Org     int64 // 0 when the job belongs to no organisation
	Kind    string
	Payload string
	Attempt int // 1 on the first run
	RunAt   time.Time
}

// Handler runs a job inside the transaction that claims and finishes it.
type Handler func(ctx context.Context, tx *sql.Tx, j *Job) error

// LongHandler runs a job outside any transaction. It must be safe to run
// again after a crash: the queue cannot know how far a dead process got.
type LongHandler func(ctx context.Context, j *Job) error

// Option changes how a kind is run.
type Option func(*kind)

// MaxAttempts sets how many times a kind is tried before it is left failed.
func MaxAttempts(n int) Option { return func(k *kind) { k.max = max(n, 1) } }

// Backoff sets the wait after the first failure (doubled after each next
// one) and the longest wait.
func Backoff(first, most time.Duration) Option {
	return func(k *kind) { k.first, k.most = first, most }
}

// Lease sets how long a long job may run before another worker may take it
// over; a running worker renews it, so it only lapses when the worker dies.
func Lease(d time.Duration) Option { return func(k *kind) { k.lease = d } }

type kind struct {
	name        string
	tx          Handler
	long        LongHandler
	max         int
	first, most time.Duration
	lease       time.Duration
}

// wait is how long to wait before attempt n+1 after n failed attempts.
func (k *kind) wait(n int) time.Duration {
	d := k.first
	for i := 1; i < n && d < k.most; i++ {
		d *= 2
	}
	return min(d, k.most)
}

// Queue runs the registered kinds of job from one database.
type Queue struct {
	db        *sql.DB
	read      *sql.DB
	postgres  bool
	worker    string
	mu        sync.RWMutex
	kinds     map[string]*kind
	schedules []schedule
	wake      chan struct{}
	// Lease, when set, replaces every kind's lease: how long a job held by a
	// process that died waits before another process takes it over.
	Lease time.Duration
	// Fault, when set, is called after a handler succeeds and before its
	// job is finished; an error stands for a crash at that point. Tests use
	// it to show that such a job is neither lost nor done twice.
	Fault func(kind string) error
}

// NewQueue returns a queue on db; dialect is "sqlite" or "postgres". On SQLite db
// should be the single writer connection.
func NewQueue(db *sql.DB, dialect string) *Queue {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	return &Queue{db: db, postgres: dialect == "postgres", kinds: map[string]*kind{},
		worker: fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b)), wake: make(chan struct{}, 1)}
}

// Register adds a kind whose handler runs in the claiming transaction.
func (q *Queue) Register(name string, h Handler, opts ...Option) {
	q.add(&kind{name: name, tx: h}, opts)
}

// RegisterLong adds a kind whose handler runs outside any transaction.
func (q *Queue) RegisterLong(name string, h LongHandler, opts ...Option) {
	q.add(&kind{name: name, long: h}, opts)
}

func (q *Queue) add(k *kind, opts []Option) {
	k.max, k.first, k.most, k.lease = 5, 30*time.Second, time.Hour, 2*time.Minute
	for _, o := range opts {
		o(k)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if _, dup := q.kinds[k.name]; dup {
		panic("jobs: kind " + k.name + " registered twice")
	}
	q.kinds[k.name] = k
}

// Kinds lists the registered kinds, sorted.
func (q *Queue) Kinds() []string {
	q.mu.RLock()
	defer q.mu.RUnlock()
	out := make([]string, 0, len(q.kinds))
	for n := range q.kinds {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (q *Queue) kind(name string) *kind {
	q.mu.RLock()
	defer q.mu.RUnlock()
	return q.kinds[name]
}

// MaxAttempts is the attempt limit of a registered kind (0 when unknown).
func (q *Queue) MaxAttempts(name string) int {
	if k := q.kind(name); k != nil {
		return k.max
	}
	return 0
}

// Wake tells idle workers in this process to look for work now rather than
// at their next poll; it never blocks.
func (q *Queue) Wake() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Execer is what Enqueue writes with: a *sql.Tx (usually) or a *sql.DB.
type Execer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// New describes a job to enqueue.
type New struct {
	Org     int64     // 0 for none
	Kind    string    // a registered kind
	Payload string    // what the handler needs, usually an id
	At      time.Time // when it is due; zero means now
	// Key, when set, makes the enqueue happen once: a second job with the
	// same key is not added (Enqueue then returns id 0).
	Key string
}

// Enqueue adds a job inside ex, usually the transaction of the change that
// causes it, and returns its id (0 when Key was already taken).
func Enqueue(ctx context.Context, ex Execer, n New) (int64, error) {
	now := lightbulb.Now()
	at := n.At
	if at.IsZero() {
		at = now
	}
	var org, key any
	if n.Org != 0 {
		org = n.Org
	}
	if n.Key != "" {
		key = n.Key
	}
	var id int64
	err := ex.QueryRowContext(ctx, `INSERT INTO jobs (org_id, kind, payload, state, run_at, unique_key, created_at)
		VALUES ($1, $2, $3, 'queued', $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
		org, n.Kind, n.Payload, at.UTC(), key, now).Scan(&id)
	if err == sql.ErrNoRows && n.Key != "" {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("enqueue %s: %w", n.Kind, err)
	}
	return id, nil
}
