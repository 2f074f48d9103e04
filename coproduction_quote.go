package lightbulb

import (
	"context"
	"strings"
	"time"
)

// Where a quote will be used, each needing its own consent.
const (
	QuoteInternal = "internal"
	QuotePublic   = "public"
)

// QuoteUses lists where a quote can be used.
var QuoteUses = []string{QuoteInternal, QuotePublic}

// States of a request to quote an expert.
const (
	QuoteAsked    = "asked"
	QuoteApproved = "approved"
	QuoteDeclined = "declined"
)

// Quote is an expert's words an organisation would like to use, waiting for
// them to approve exactly these words.
type Quote struct {
	ID         int64
	ExpertID   int64
	ExpertName string
	Words      string
	UseFor     string
	State      string
	AskedBy    int64
	AskedAt    time.Time
	AnsweredAt time.Time
}

// Validate checks a request to quote before it is sent.
func (q *Quote) Validate() error {
	var v ValidationErrors
	q.Words = strings.TrimSpace(q.Words)
	if q.ExpertID == 0 {
		v.Add("quote_expert", "Choose whose words these are")
	}
	switch {
	case q.Words == "":
		v.Add("words", "Enter the exact words you would like to use")
	case len([]rune(q.Words)) > 2000:
		v.Add("words", "The words must be 2,000 characters or fewer")
	}
	if q.UseFor != QuoteInternal && q.UseFor != QuotePublic {
		v.Add("use_for", "Choose where the words will be used")
	}
	return v.Err()
}

// RoomNote is a lead's note of who is not in the room.
type RoomNote struct {
	Note      string
	ByName    string
	UpdatedAt time.Time
}

// CoprodVoices keeps quotes awaiting experts' approval and the note of who
// is missing, for the organisation in ctx.
type CoprodVoices interface {
	// AskQuote sends exact words to an expert for approval; an expert who
	// has not consented to that use cannot be asked.
	AskQuote(ctx context.Context, q *Quote) error
	// Quotes lists every request to quote, newest first.
	Quotes(ctx context.Context) ([]*Quote, error)
	// MyQuotes lists requests to quote the expert.
	MyQuotes(ctx context.Context, userID int64) ([]*Quote, error)
	// AnswerQuote records the expert's answer to a request to quote them.
	AnswerQuote(ctx context.Context, id, userID int64, approve bool) error
	RoomNote(ctx context.Context) (*RoomNote, error)
	SaveRoomNote(ctx context.Context, note string, by int64) error
}
