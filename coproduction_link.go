package lightbulb

import "context"

// A training session's lived experience facilitators and a Traffic Light
// review's expert contributors are involvements linked to that record (a
// link, never a copy), so pay, wellbeing follow-up and credit apply to them
// as to any involvement.

// The records an involvement can be linked to.
const (
	LinkSession = "session"
	LinkReview  = "review"
)

// LinkService finds involvements by the record they are linked to.
type LinkService interface {
	// LinkDraft starts an involvement for a training session or review of
	// the organisation: its title, activity, day and length taken from the
	// record, and the link set.
	LinkDraft(ctx context.Context, kind string, id int64) (*Involvement, error)
	// Linked lists the involvements linked to a training session or
	// review, each with the experts who said yes.
	Linked(ctx context.Context, kind string, id int64) ([]*Involvement, error)
}

// Link is the kind of record the involvement is linked to, or "".
func (i *Involvement) Link() string {
	switch {
	case i.TrainingSessionID != 0:
		return LinkSession
	case i.ReviewID != 0:
		return LinkReview
	}
	return ""
}

// Taking lists the experts who said yes.
func (i *Involvement) Taking() []*Invite {
	var out []*Invite
	for _, in := range i.Invites {
		if in.State == InviteAccepted {
			out = append(out, in)
		}
	}
	return out
}
