package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// auditGroup commits the audit entries of requests that arrive together in
// one transaction ("group commit"). SQLite has one writer connection, and
// pages that record each view (the case list records which cases it showed)
// queued on it one INSERT and one commit at a time: under 64 connections
// /cases spent 89% of its waiting there. Now the first caller writes every
// entry waiting at that moment in one transaction, while later callers
// wait for theirs; when it is done it hands the next batch to the first of
// them. Each caller still returns only when its own entry is committed (or
// with its own error), so nothing is recorded later than before, and
// nothing is lost if the process stops.
type auditGroup struct {
	db *DB

	mu      sync.Mutex
	queue   []*auditWait
	writing bool // a caller is writing a batch, and will hand on the next
}

// auditWait is an entry waiting to be written, and how its caller is told.
type auditWait struct {
	entry auditEntry
	done  chan auditTurn
}

// auditTurn tells a waiting caller that its entry is written (with err) or
// that it is to write the next batch, its own entry in it.
type auditTurn struct {
	err  error
	lead bool
}

// auditBatchMax bounds a batch, so one caller does not write for long.
const auditBatchMax = 256

func (g *auditGroup) record(ctx context.Context, e auditEntry) error {
	w := &auditWait{entry: e, done: make(chan auditTurn, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, w)
	if g.writing {
		g.mu.Unlock()
		if t := <-w.done; !t.lead {
			return t.err
		}
	} else {
		g.writing = true
		g.mu.Unlock()
	}
	return g.lead(ctx, w)
}

// lead writes the waiting entries (own among them), tells their callers,
// and hands on to the next waiting caller, if any.
func (g *auditGroup) lead(ctx context.Context, own *auditWait) error {
	g.mu.Lock()
	n := min(len(g.queue), auditBatchMax)
	batch := g.queue[:n:n]
	g.queue = g.queue[n:]
	g.mu.Unlock()
	// The batch is written whether or not this caller's client is still
	// there: the other entries are not its own.
	errs := g.write(context.WithoutCancel(ctx), batch)
	var mine error
	for i, w := range batch {
		if w == own {
			mine = errs[i]
		} else {
			w.done <- auditTurn{err: errs[i]}
		}
	}
	g.mu.Lock()
	if len(g.queue) > 0 {
		next := g.queue[0]
		g.mu.Unlock()
		next.done <- auditTurn{lead: true}
	} else {
		g.writing = false
		g.mu.Unlock()
	}
	return mine
}

// write stores a batch in one transaction and returns each entry's error.
// If the transaction fails, each entry is written alone, so one bad entry
// costs no other its record.
func (g *auditGroup) write(ctx context.Context, batch []*auditWait) []error {
	errs := make([]error, len(batch))
	err := g.db.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, auditInsert)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, w := range batch {
			if _, err := st.ExecContext(ctx, w.entry.args()...); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		return errs
	}
	if len(batch) == 1 {
		errs[0] = fmt.Errorf("audit: %w", err)
		return errs
	}
	for i, w := range batch {
		if _, err := g.db.write.ExecContext(ctx, auditInsert, w.entry.args()...); err != nil {
			errs[i] = fmt.Errorf("audit: %w", err)
		}
	}
	return errs
}
