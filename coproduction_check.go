package lightbulb

import (
	"context"
	"slices"
)

// Checks with an expiry that some co-production work needs, such as a DBS
// check before working with children, or safeguarding training. A renewal
// is recorded as a new check of the same kind: the latest expiry counts.

// CheckKinds are the checks an organisation can record for an expert.
var CheckKinds = []string{"dbs", "safeguarding", "confidentiality"}

// JobCoprodCheckDue reminds an expert and the co-production leads that a
// check is about to end (payload: the check's id).
const JobCoprodCheckDue = "coproduction.check_due"

// CheckReminderDays is how long before a check ends the reminder is sent.
const CheckReminderDays = 30

// Defaults for an organisation that has not chosen.
const (
	DefaultPayTargetDays = 20
	DefaultRenewalDays   = 30
	MaxRenewalDays       = 180
	MaxPayTargetDays     = 120
)

// The states of an expert's check on a given day.
const (
	CheckNone     = "none"     // never recorded
	CheckValid    = "valid"    // in date
	CheckEnding   = "ending"   // ends within CheckReminderDays
	CheckRenewing = "renewing" // ended, but inside the renewal window
	CheckLapsed   = "lapsed"   // ended, and the renewal window has passed
)

// ExpertCheck is one check an expert holds.
type ExpertCheck struct {
	ID         int64
	ExpertID   int64
	ExpertName string
	Kind       string
	CheckedOn  string // YYYY-MM-DD
	ExpiresOn  string // YYYY-MM-DD, the last day it is in date
	RecordedBy int64
}

// Validate checks a check before it is recorded.
func (c *ExpertCheck) Validate() error {
	var v ValidationErrors
	if c.ExpertID == 0 {
		v.Add("expert", "Choose whose check this is")
	}
	if !slices.Contains(CheckKinds, c.Kind) {
		v.Add("kind", "Choose the kind of check")
	}
	_, e1 := ParseDate(c.CheckedOn)
	_, e2 := ParseDate(c.ExpiresOn)
	switch {
	case e1 != nil:
		v.Add("checked_on", "Enter the day the check was done")
	case Today(Now()) < c.CheckedOn:
		v.Add("checked_on", "The day the check was done must be today or in the past")
	}
	if e2 != nil {
		v.Add("expires_on", "Enter the day the check ends")
	} else if e1 == nil && c.ExpiresOn <= c.CheckedOn {
		v.Add("expires_on", "The day the check ends must be after the day it was done")
	} else if e1 == nil && c.ExpiresOn > AddDays(c.CheckedOn, 10*366) {
		v.Add("expires_on", "The day the check ends must be within ten years of the day it was done")
	}
	return v.Err()
}

// StateOn is the check's state on day (YYYY-MM-DD), given the
// organisation's renewal window in days. A nil check is CheckNone.
func (c *ExpertCheck) StateOn(day string, renewalDays int) string {
	switch {
	case c == nil:
		return CheckNone
	case day <= AddDays(c.ExpiresOn, -CheckReminderDays):
		return CheckValid
	case day <= c.ExpiresOn:
		return CheckEnding
	case day <= AddDays(c.ExpiresOn, renewalDays):
		return CheckRenewing
	}
	return CheckLapsed
}

// Usable reports whether a check in this state lets an expert take part in
// work that needs it: in date, or ended but inside the renewal window.
func CheckUsable(state string) bool { return state != CheckNone && state != CheckLapsed }

// ReminderOn is the day the reminder that the check is ending is sent.
func (c *ExpertCheck) ReminderOn() string { return AddDays(c.ExpiresOn, -CheckReminderDays) }

// ExpertChecks is one expert's latest check of each kind.
type ExpertChecks struct {
	Expert *ExpertProfile
	Latest map[string]*ExpertCheck // by kind
}

// CheckService keeps experts' checks for the organisation in ctx.
type CheckService interface {
	// RecordCheck records a check (or its renewal) and queues the reminder
	// before it ends.
	RecordCheck(ctx context.Context, c *ExpertCheck) error
	// Checks lists every expert with their latest check of each kind.
	Checks(ctx context.Context) ([]*ExpertChecks, error)
	// MyChecks lists one expert's checks, newest first.
	MyChecks(ctx context.Context, userID int64) ([]*ExpertCheck, error)
}
