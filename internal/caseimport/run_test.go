package caseimport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// runBulkStore fails its second batch and records the bulk calls.
type runBulkStore struct {
	batches, begun, finished int
	beganWith                int
}

func (s *runBulkStore) ImportCases(_ context.Context, cs []*lightbulb.Case, _ bool) (lightbulb.CaseImportResult, error) {
	s.batches++
	if s.batches == 2 {
		return lightbulb.CaseImportResult{}, errors.New("disk full")
	}
	return lightbulb.CaseImportResult{Created: len(cs)}, nil
}

func (s *runBulkStore) BeginCaseBulk(ctx context.Context, rows int) (func(context.Context) error, error) {
	s.begun, s.beganWith = s.begun+1, rows
	return func(ctx context.Context) error {
		s.finished++
		return ctx.Err()
	}, nil
}

func TestRunFinishesABulkImportThatFails(t *testing.T) {
	var b strings.Builder
	b.WriteString("Ref,Type,Date,Ward,What,Harm\n")
	for i := range 5 {
		fmt.Fprintf(&b, "R%d,Incident,27/03/2026,Willow Ward,Fell at night,Low harm\n", i)
	}
	st := &runBulkStore{}
	job := Job{Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil },
		Options: testOpts, Batch: 2}
	_, _, err := Run(context.Background(), st, job)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store's error", err)
	}
	if st.begun != 1 || st.beganWith != 5 || st.finished != 1 {
		t.Fatalf("begun %d with %d rows, finished %d; want 1, 5, 1", st.begun, st.beganWith, st.finished)
	}
}
