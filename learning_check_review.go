package lightbulb

import (
	"slices"
	"sort"
)

// checkWhy is the line on why for each built-in question, in English (pages
// translate it). A restrict question's line depends on the right's category
// in the library, so it stays right if an admin changes it.
var checkWhy = map[string]string{
	"q1": "The Human Rights Act protects rights such as private and family life, liberty and freedom of expression. It gives no right to a job, a single room or a GP of your choice, although how those things are decided can still engage the rights it does protect.",
	"q2": "Stopping a daughter's visits interferes with family life (Article 8). It is lawful only when needed for a good reason and proportionate; one argument rarely justifies a ban, so look for a less restrictive step first.",
	"q3": "Locking in someone who wants to leave can deprive them of their liberty (Article 5) unless the law allows it, for example the Mental Health Act or a deprivation of liberty authorisation. It also limits their choice and private life (Article 8).",
	"q4": "Leaving someone in soiled sheets all night can be degrading treatment (Article 3), which is absolute: short staffing never excuses it. It also fails to respect their dignity and private life (Article 8).",
}

// checkWhyCategory explains a restrict question's answer by the right's category.
var checkWhyCategory = map[Category]string{
	Absolute:  "This right is absolute: nothing, not even safety or a lack of staff, can justify breaking it.",
	Limited:   "This right is limited: it can be restricted only in the cases the Act lists, such as a lawful detention, and only by following the law.",
	Qualified: "This right is qualified: it can be restricted when the law allows it, for a legitimate aim such as protecting others, and when the restriction is proportionate.",
}

// Why is the line on why the right answer is right, in English.
func (q *CheckQuestion) Why() string {
	if q.Kind == CheckRestrict {
		return checkWhyCategory[q.Right.Category]
	}
	return checkWhy[q.ID]
}

// CheckReview is one question after the check: what the person chose, the
// right answer, and why.
type CheckReview struct {
	Question *CheckQuestion
	// Given is what the person chose; empty when their answers were not kept
	// (checks taken before answers were stored).
	Given   []CheckOption
	Right   []CheckOption
	Correct bool
	Kept    bool // the person's answers are known
}

// ReviewCheck sets each question beside the answers given (question id to
// values chosen, nil when not kept) and the right answer.
func ReviewCheck(qs []*CheckQuestion, answers map[string][]string) []*CheckReview {
	out := make([]*CheckReview, 0, len(qs))
	for _, q := range qs {
		right := q.correct()
		rv := &CheckReview{Question: q, Kept: answers != nil}
		for _, o := range q.Options {
			if slices.Contains(right, o.Value) {
				rv.Right = append(rv.Right, o)
			}
			if slices.Contains(answers[q.ID], o.Value) {
				rv.Given = append(rv.Given, o)
			}
		}
		got := slices.Clone(answers[q.ID])
		sort.Strings(got)
		rv.Correct = rv.Kept && slices.Equal(got, right)
		out = append(out, rv)
	}
	return out
}

// CheckAnswers keeps only the answers that belong to the questions, so that
// what is stored is the check and nothing else a form carried.
func CheckAnswers(qs []*CheckQuestion, form map[string][]string) map[string][]string {
	out := make(map[string][]string, len(qs))
	for _, q := range qs {
		var keep []string
		for _, o := range q.Options {
			if slices.Contains(form[q.ID], o.Value) {
				keep = append(keep, o.Value)
			}
		}
		out[q.ID] = keep
	}
	return out
}
