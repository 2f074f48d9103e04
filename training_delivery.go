package lightbulb

import (
	"strconv"
	"strings"
)

// DeliveryPart is what one part of a cohort's programme has delivered so
// far. Counts of places, bookings and attendance are over the workshops
// delivered (ended and not cancelled); feedback and knowledge checks are
// over everyone booked on them.
type DeliveryPart struct {
	Part      int
	Title     string
	TitleCy   string
	Planned   int // workshops scheduled and not cancelled
	Delivered int // of those, workshops that have ended
	Places    int
	Booked    int
	Attended  int
	NoShow    int
	Feedback  int
	RatingSum int
	// Knowledge checks: how many were taken before and after, and the sum
	// of their scores as percentages.
	Pre, PreSum   int
	Post, PostSum int
	// NotCompleted counts the people who have not attended this part.
	NotCompleted int
}

// Rating is the average feedback rating, 0 with no feedback.
func (p *DeliveryPart) Rating() float64 {
	if p.Feedback == 0 {
		return 0
	}
	return float64(p.RatingSum) / float64(p.Feedback)
}

// PreAverage is the average score before, as a percentage (-1 with none).
func (p *DeliveryPart) PreAverage() int { return avgPercent(p.PreSum, p.Pre) }

// PostAverage is the average score after, as a percentage (-1 with none).
func (p *DeliveryPart) PostAverage() int { return avgPercent(p.PostSum, p.Post) }

// KnowledgeChange is the change in the average score in percentage points;
// ok is false unless checks were taken both before and after.
func (p *DeliveryPart) KnowledgeChange() (change int, ok bool) {
	if p.Pre == 0 || p.Post == 0 {
		return 0, false
	}
	return p.PostAverage() - p.PreAverage(), true
}

// AttendanceRate is the share of people booked on delivered workshops who
// came, as a whole percentage.
func (p *DeliveryPart) AttendanceRate() int {
	if p.Booked == 0 {
		return 0
	}
	return (p.Attended*100 + p.Booked/2) / p.Booked
}

func avgPercent(sum, n int) int {
	if n == 0 {
		return -1
	}
	return (sum + n/2) / n
}

// Add counts q into p (for a total).
func (p *DeliveryPart) Add(q *DeliveryPart) {
	p.Planned += q.Planned
	p.Delivered += q.Delivered
	p.Places += q.Places
	p.Booked += q.Booked
	p.Attended += q.Attended
	p.NoShow += q.NoShow
	p.Feedback += q.Feedback
	p.RatingSum += q.RatingSum
	p.Pre += q.Pre
	p.PreSum += q.PreSum
	p.Post += q.Post
	p.PostSum += q.PostSum
}

// DeliveryGap is one person who has not yet completed every part: Parts
// lists the parts (from 1) they have not attended.
type DeliveryGap struct {
	Name  string
	Email string
	Parts []int
}

// PartList is the parts not attended, as "1, 3, 4".
func (g DeliveryGap) PartList() string {
	s := make([]string, len(g.Parts))
	for i, n := range g.Parts {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// DeliveryReport is what a cohort's programme has delivered for its client.
// People are the cohort's members, or everyone who booked when it has none.
type DeliveryReport struct {
	Cohort  *Cohort
	Parts   []*DeliveryPart
	Total   DeliveryPart
	People  int
	Members bool // People are named members
	Gaps    []DeliveryGap
}
