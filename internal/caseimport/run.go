package caseimport

import (
	"context"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Store is where imported cases go: lightbulb.CaseService satisfies it.
type Store interface {
	ImportCases(ctx context.Context, cs []*lightbulb.Case, suggest bool) (lightbulb.CaseImportResult, error)
}

// Job is one import.
type Job struct {
	// Open opens the file; Run reads it twice (check, then store).
	Open func() (io.ReadCloser, error)
	Options
	DryRun  bool
	Suggest bool
	// Batch is how many rows one transaction stores (default 10,000).
	Batch int
	// Progress, when set, hears how many rows are checked or stored.
	Progress func(stage string, rows int)
	// Skip is how many valid rows an earlier, cut-off run already stored;
	// they are checked again but not stored again.
	Skip int
	// Stored, when set, hears after each batch is committed how many valid
	// rows are behind it (skipped ones included) and what this run did.
	Stored func(rows int, res lightbulb.CaseImportResult) error
}

// Run checks every row of the file first; if any row is wrong, or for a dry
// run, it stores nothing and returns the report. Otherwise it stores the
// rows in batches, each its own transaction keyed on the source reference,
// so a run cut off half way can simply be run again.
func Run(ctx context.Context, st Store, job Job) (Report, lightbulb.CaseImportResult, error) {
	var res lightbulb.CaseImportResult
	if job.Batch <= 0 {
		job.Batch = 10000
	}
	rep, err := readFile(job, func(n int, _ *lightbulb.Case) error { return progress(ctx, job, "checked", n) })
	if err != nil || rep.ErrorCount > 0 || job.DryRun {
		return rep, res, err
	}
	if job.Progress != nil {
		job.Progress("checked", rep.Valid)
	}
	finish, err := beginBulk(ctx, st, rep.Valid)
	if err != nil {
		return rep, res, err
	}
	var batch []*lightbulb.Case
	seen := 0
	flush := func() error {
		r, err := st.ImportCases(ctx, batch, job.Suggest)
		if err != nil {
			return err
		}
		res.Created, res.Updated = res.Created+r.Created, res.Updated+r.Updated
		batch = batch[:0]
		if job.Stored != nil {
			if err := job.Stored(seen, res); err != nil {
				return err
			}
		}
		return progress(ctx, job, "stored", res.Created+res.Updated)
	}
	_, err = readFile(job, func(_ int, c *lightbulb.Case) error {
		if seen++; seen <= job.Skip {
			return ctx.Err()
		}
		batch = append(batch, c)
		if len(batch) < job.Batch {
			return nil
		}
		return flush()
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	if ferr := finish(context.WithoutCancel(ctx)); err == nil {
		err = ferr
	}
	if a, ok := st.(analyzer); ok && err == nil {
		err = a.AnalyzeCases(ctx)
	}
	return rep, res, err
}

// bulkStore is a Store that stores a large import faster when told how
// many rows are coming; what it returns must be called when storing ends,
// however it ends.
type bulkStore interface {
	BeginCaseBulk(ctx context.Context, rows int) (func(context.Context) error, error)
}

func beginBulk(ctx context.Context, st Store, rows int) (func(context.Context) error, error) {
	if b, ok := st.(bulkStore); ok {
		return b.BeginCaseBulk(ctx, rows)
	}
	return func(context.Context) error { return nil }, nil
}

// analyzer is a Store that can refresh its planner's statistics after a
// bulk load.
type analyzer interface {
	AnalyzeCases(ctx context.Context) error
}

func progress(ctx context.Context, job Job, stage string, n int) error {
	if job.Progress != nil && (n%job.Batch == 0 || stage == "stored") {
		job.Progress(stage, n)
	}
	return ctx.Err()
}

func readFile(job Job, fn func(n int, c *lightbulb.Case) error) (Report, error) {
	f, err := job.Open()
	if err != nil {
		return Report{}, err
	}
	defer f.Close()
	n := 0
	return Read(f, job.Options, func(c *lightbulb.Case) error {
		n++
		return fn(n, c)
	})
}
