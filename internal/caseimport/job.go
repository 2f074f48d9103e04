package caseimport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobImport is the kind of the job that stores a browser upload's cases.
// Its payload is the upload's token; the job belongs to the organisation.
const JobImport = "cases.import"

// UploadStore is what the import job reads its upload from and reports its
// progress to: lightbulb.CaseService satisfies it.
type UploadStore interface {
	Store
	CaseUpload(ctx context.Context, token string) (name string, body []byte, err error)
	CaseImportState(ctx context.Context, token string) (lightbulb.CaseUploadState, error)
	SetCaseImport(ctx context.Context, token string, st lightbulb.CaseUploadState) error
	FindUnits(ctx context.Context) ([]*lightbulb.Unit, error)
}

// RegisterJobs adds the browser import to q. The job resumes where a run cut
// off by a restart left it: rows are stored in batches keyed on their source
// reference, and the rows behind the last committed batch are not stored
// again, so the import ends with exactly the rows of the file.
func RegisterJobs(q *jobs.Queue, st UploadStore, audit lightbulb.AuditService) {
	r := &importer{st: st, audit: audit}
	q.RegisterLong(JobImport, r.run, jobs.MaxAttempts(3), jobs.Backoff(10*time.Second, time.Minute), jobs.Lease(time.Minute))
}

type importer struct {
	st    UploadStore
	audit lightbulb.AuditService
}

func (r *importer) run(ctx context.Context, j *jobs.Job) error {
	token := j.Payload
	st, err := r.st.CaseImportState(ctx, token)
	if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND || st.State == "done" || st.State == "failed" {
		return nil // the upload has gone, or its import has ended
	} else if err != nil {
		return err
	}
	ctx = lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: st.Options.ByID, Name: st.Options.ByName})
	name, body, err := r.st.CaseUpload(ctx, token)
	if err != nil {
		return err
	}
	ss, err := r.st.FindUnits(ctx)
	if err != nil {
		return err
	}
	services := ServiceIndex(ss)
	done := st // what earlier runs stored
	job := Job{Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil },
		Options: Options{Mapping: Mapping(st.Options.Mapping), Services: services, Redact: st.Options.Redact},
		Suggest: st.Options.Suggest, Batch: 2000, Skip: st.Done,
		Stored: func(rows int, res lightbulb.CaseImportResult) error {
			return r.st.SetCaseImport(ctx, token, lightbulb.CaseUploadState{State: "running", Done: rows,
				Created: done.Created + res.Created, Updated: done.Updated + res.Updated})
		}}
	if err := r.st.SetCaseImport(ctx, token, lightbulb.CaseUploadState{State: "running", Done: st.Done, Created: st.Created, Updated: st.Updated}); err != nil {
		return err
	}
	_, res, err := Run(ctx, r.st, job)
	if err != nil {
		if ctx.Err() == nil && j.Attempt >= 3 {
			r.fail(ctx, token, name, err)
		}
		return err
	}
	end := lightbulb.CaseUploadState{State: "done", Done: st.Total, Created: done.Created + res.Created, Updated: done.Updated + res.Updated}
	if err := r.st.SetCaseImport(ctx, token, end); err != nil {
		return err
	}
	_ = r.audit.Record(ctx, "case.import", name, fmt.Sprintf("done: %d added, %d updated", end.Created, end.Updated))
	return nil
}

// fail records that the import gave up, keeping what it stored.
func (r *importer) fail(ctx context.Context, token, name string, cause error) {
	ctx = context.WithoutCancel(ctx)
	st, _ := r.st.CaseImportState(ctx, token)
	st.State = "failed"
	st.Message = "The import stopped part way. The cases stored so far are kept: import the file again to complete it."
	_ = r.st.SetCaseImport(ctx, token, st)
	_ = r.audit.Record(ctx, "case.import", name, "failed: "+cause.Error())
}

// ServiceIndex maps ward, team and home names, as names compare
// (lightbulb.UnitKey: case, quotes and spaces aside), to their ids.
func ServiceIndex(ss []*lightbulb.Unit) map[string]int64 {
	out := make(map[string]int64, len(ss))
	for _, sv := range ss {
		out[lightbulb.UnitKey(sv.Name)] = sv.ID
	}
	return out
}
