package lightbulb

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Board report statuses: a draft is still being written; an issued report
// is kept as it was, so last quarter's paper can be found again.
const (
	ReportDraft  = "draft"
	ReportIssued = "issued"
)

// MaxKeyIssues is how many points the cover sheet's summary of key issues
// may have.
const MaxKeyIssues = 5

// BoardReport is a lead's report of indicators to the organisation's board:
// a period, the indicators chosen in order, and the cover sheet.
type BoardReport struct {
	ID        int64
	OrgID     int64
	Title     string
	From, To  string // months, YYYY-MM
	Lang      string // the language of its PDF and CSV
	Purpose   string
	KeyIssues []string // at most MaxKeyIssues
	Status    string
	CreatedBy string
	CreatedAt time.Time
	IssuedAt  *time.Time
	Items     []BoardReportItem
	Build     BoardReportBuild // of an issued report's files
}

// The states of an issued report's files, built by a job: queued, then
// building (with progress), then ready to download, or failed with the
// reason (the lead tries again). An empty state is a draft's, or a report
// issued before files were built.
const (
	BuildQueued   = "queued"
	BuildBuilding = "building"
	BuildReady    = "ready"
	BuildFailed   = "failed"
)

// BoardReportBuild is how far the job building a report's files has got:
// Done of Total indicators read, and why it failed, if it did.
type BoardReportBuild struct {
	State       string
	Done, Total int
	Error       string
}

// BoardReportFiles are a report's PDF and CSV as built.
type BoardReportFiles struct {
	PDF, CSV []byte
	BuiltAt  time.Time
}

// BoardReportBuilder builds a report's files in the report's language for
// the organisation named orgName, calling progress after each indicator is
// read (done of total). The organisation is the one in ctx.
type BoardReportBuilder func(ctx context.Context, orgName string, r *BoardReport, progress func(done, total int) error) (*BoardReportFiles, error)

// BoardReportItem is one indicator of a report with what it tells us and
// the actions being taken, in the lead's words.
type BoardReportItem struct {
	Indicator string
	TellsUs   string
	Actions   string
}

// Keys are the report's indicators in order.
func (r *BoardReport) Keys() []string {
	out := make([]string, 0, len(r.Items))
	for _, it := range r.Items {
		out = append(out, it.Indicator)
	}
	return out
}

// Validate checks a report before it is saved, naming each field at fault.
func (r *BoardReport) Validate(now time.Time) error {
	var v ValidationErrors
	r.Title = strings.TrimSpace(r.Title)
	switch {
	case r.Title == "":
		v.Add("title", "Enter a title for the report")
	case utf8.RuneCountInString(r.Title) > 120:
		v.Add("title", "The title must be 120 characters or fewer")
	}
	if err := CheckPeriod(r.From, r.To, now); err != nil {
		v.List = append(v.List, err.(*ValidationErrors).List...)
	}
	if r.Lang != "en" && r.Lang != "cy" {
		v.Add("lang", "Choose English or Welsh")
	}
	if len(r.Items) == 0 {
		v.Add("indicators", "Choose at least one indicator")
	}
	for _, it := range r.Items {
		if _, ok := FindIndicator(it.Indicator); !ok {
			v.Add("indicators", "Choose only from the indicators listed")
			break
		}
	}
	var issues []string
	for _, s := range r.KeyIssues {
		if s = strings.TrimSpace(s); s != "" {
			issues = append(issues, s)
		}
	}
	r.KeyIssues = issues
	if len(issues) > MaxKeyIssues {
		v.Add("issue-1", "Write at most 5 key issues")
	}
	for i, s := range issues {
		if utf8.RuneCountInString(s) > 400 {
			v.Add("issue-"+itoa(i+1), "Each key issue must be 400 characters or fewer")
		}
	}
	for _, it := range r.Items {
		if utf8.RuneCountInString(it.TellsUs) > 4000 || utf8.RuneCountInString(it.Actions) > 4000 {
			v.Add("indicators", "What each indicator tells us, and its actions, must be 4,000 characters or fewer")
			break
		}
	}
	if utf8.RuneCountInString(r.Purpose) > 2000 {
		v.Add("purpose", "The purpose must be 2,000 characters or fewer")
	}
	return v.Err()
}

func itoa(n int) string { return string(rune('0' + n%10)) }

// BoardReportService keeps an organisation's board reports. Every call is
// scoped to the organisation in the context.
type BoardReportService interface {
	CreateBoardReport(ctx context.Context, r *BoardReport) error
	// UpdateBoardReport saves a draft's cover sheet and its indicators' words.
	UpdateBoardReport(ctx context.Context, r *BoardReport) error
	// IssueBoardReport marks a draft issued; it cannot change after. Its
	// files are queued to be built by a job in the same transaction.
	IssueBoardReport(ctx context.Context, id int64) error
	// BuildBoardReportAgain queues the building of an issued report's files
	// again after it failed (or for a report issued before files were built).
	BuildBoardReportAgain(ctx context.Context, id int64) error
	// BoardReportFiles returns an issued report's files as built; not found
	// until they are ready.
	BoardReportFiles(ctx context.Context, id int64) (*BoardReportFiles, error)
	FindBoardReport(ctx context.Context, id int64) (*BoardReport, error)
	// FindBoardReports lists the reports, newest first, without their items.
	FindBoardReports(ctx context.Context) ([]*BoardReport, error)
}

// Reading is the indicator being read now, counted from 1 (for "indicator
// 4 of 12"); Writing says every indicator is read and the files are being
// written.
func (b BoardReportBuild) Reading() int { return min(b.Done+1, b.Total) }

// Writing says every indicator is read and the files are being written.
func (b BoardReportBuild) Writing() bool { return b.Done >= b.Total }

// Pending says the files are queued or being built.
func (b BoardReportBuild) Pending() bool { return b.State == BuildQueued || b.State == BuildBuilding }
