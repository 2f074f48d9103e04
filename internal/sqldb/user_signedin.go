package sqldb

import (
	"context"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// signedIn is what a signed-in request reads of its person.
type signedIn struct {
	user *lightbulb.User
	ms   []lightbulb.Membership
}

// FindSignedIn returns the account and its memberships, as FindUserByID and
// Memberships do, from this process's memory while the 'people' content
// version stands still: triggers move it on any change to users,
// memberships or organisations (a role given or taken away, an account
// disabled, a password changed, an erasure), from any process, so the next
// request sees it. Every signed-in request read both; now it reads one
// number. What is returned is a copy the caller may change.
func (s *UserService) FindSignedIn(ctx context.Context, id int64) (*lightbulb.User, []lightbulb.Membership, error) {
	got, err := s.signIn.get(ctx, id, func(ctx context.Context) (signedIn, error) {
		u, err := s.FindUserByID(ctx, id)
		if err != nil {
			return signedIn{}, err
		}
		ms, err := s.Memberships(ctx, id)
		return signedIn{user: u, ms: ms}, err
	})
	if err != nil {
		return nil, nil, err
	}
	u := *got.user
	ms := slices.Clone(got.ms)
	for i := range ms {
		ms[i].Roles = slices.Clone(ms[i].Roles)
	}
	return &u, ms, nil
}
