package web

import (
	"context"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// linkedView is what a training session's or a review's page shows of the
// involvements linked to it: the lived experience experts taking part, and
// for a co-production lead the way to involve more.
type linkedView struct {
	Kind         string // lightbulb.LinkSession or LinkReview
	ID           int64
	Involvements []*lightbulb.Involvement
	CanPost      bool // the viewer is a co-production lead
}

// linked loads the involvements linked to a session or review of the
// organisation in ctx.
func (s *Server) linked(r *http.Request, ctx context.Context, kind string, id int64) (*linkedView, error) {
	v := &linkedView{Kind: kind, ID: id, CanPost: lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleCoproduction)}
	var err error
	v.Involvements, err = s.Coprod.Linked(ctx, kind, id)
	return v, err
}

// creditedExperts lists, for a public page, the names of experts taking
// part in involvements who agree to be credited by name, and how many more
// take part without being named.
func creditedExperts(invs []*lightbulb.Involvement) (names []string, others int) {
	for _, v := range invs {
		for _, in := range v.Taking() {
			if in.CreditByName {
				names = append(names, in.ExpertName)
			} else {
				others++
			}
		}
	}
	return names, others
}
