package lightbulb

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// JobFeedbackRequest emails an attendee, once their session has ended, a
// link to give feedback on it. Its payload is the booking id.
const JobFeedbackRequest = "feedback_request"

// Feedback is what one attendee said about a session. It holds no link to
// the booking or person it came from: a separate record says only that a
// booking has given feedback. Name is empty when the person chose to be
// anonymous.
type Feedback struct {
	ID        string // random, so the order of rows says nothing
	SessionID int64
	Rating    int
	Comment   string
	Name      string
	Consent   bool // the words may be quoted publicly
	Published bool
	GivenOn   string // the day only, YYYY-MM-DD

	CourseTitle  string
	CohortName   string
	SessionStart time.Time
}

// FirstName is the first word of the name, all a public quote shows.
func (f *Feedback) FirstName() string {
	if n := strings.Fields(f.Name); len(n) > 0 {
		return n[0]
	}
	return ""
}

// FeedbackMaxComment is the longest comment kept, in characters.
const FeedbackMaxComment = 2000

// FeedbackForm is what an attendee sends.
type FeedbackForm struct {
	Rating    int
	Comment   string
	Anonymous bool
	Consent   bool
}

// Validate checks a feedback form before it is saved.
func (f *FeedbackForm) Validate() error {
	var v ValidationErrors
	f.Comment = strings.TrimSpace(f.Comment)
	if f.Rating < 1 || f.Rating > 5 {
		v.Add("rating", "Choose a rating from 1 (poor) to 5 (excellent)")
	}
	if utf8.RuneCountInString(f.Comment) > FeedbackMaxComment {
		v.Add("comment", "Your comments must be 2,000 characters or fewer")
	}
	if f.Consent && f.Comment == "" {
		v.Add("comment", "Write a comment, or untick the box that lets us quote you")
	}
	return v.Err()
}

// FeedbackGroup sums up the ratings for a session, course or cohort.
type FeedbackGroup struct {
	Label string
	// Day, when set, is the day of the session the group is about; pages
	// show it after the label in their own language.
	Day   time.Time
	Count int
	Sum   int
	// Dist[i] counts the ratings of i+1.
	Dist [5]int
}

// Average is the mean rating, or 0 with no ratings.
func (g *FeedbackGroup) Average() float64 {
	if g.Count == 0 {
		return 0
	}
	return float64(g.Sum) / float64(g.Count)
}

// Add counts one rating.
func (g *FeedbackGroup) Add(rating int) {
	if rating < 1 || rating > 5 {
		return
	}
	g.Count++
	g.Sum += rating
	g.Dist[rating-1]++
}

// FeedbackResults is feedback summed up for trainers, with every comment.
type FeedbackResults struct {
	Sessions []*FeedbackGroup
	Courses  []*FeedbackGroup
	Cohorts  []*FeedbackGroup
	All      []*Feedback
}

// LearningService stores feedback. Every method is scoped to the training
// provider in ctx (lightbulb.OrgFrom).
type LearningService interface {
	// FeedbackBooking returns the booking a feedback link's token names and
	// whether it has given feedback already.
	FeedbackBooking(ctx context.Context, token string) (*Booking, bool, error)
	// GiveFeedback saves feedback for a booking whose session has ended and
	// who came; giving it twice is refused.
	GiveFeedback(ctx context.Context, token string, f *FeedbackForm) error
	// FeedbackDue lists a signed-in person's bookings on ended sessions they
	// came to and have not given feedback on.
	FeedbackDue(ctx context.Context, userID int64) ([]*Booking, error)
	FeedbackResults(ctx context.Context) (*FeedbackResults, error)
	// PublishFeedback shows or hides a quote on the testimonials page; a
	// quote without consent is refused.
	PublishFeedback(ctx context.Context, id string, publish bool) error
	Testimonials(ctx context.Context) ([]*Feedback, error)

	// CheckStatus returns the booking a link's token names and its
	// knowledge check attempts.
	CheckStatus(ctx context.Context, token string) (*Booking, *CheckChange, error)
	// SaveCheck records a scored attempt and the answers given: the before
	// check until the session starts, the after check once it has ended;
	// each once.
	SaveCheck(ctx context.Context, token, phase string, score, total int, answers map[string][]string) error
	CheckResults(ctx context.Context) (*CheckResults, error)
}

// FeedbackRequestMail asks an attendee for feedback on a session, in the
// booking's language.
func FeedbackRequestMail(b *Booking, baseURL string) *Mail {
	return bookingLetter("feedback_request", b, baseURL, func(d *sessionMail) { d.Token = b.Token })
}
