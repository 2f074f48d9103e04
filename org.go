package lightbulb

import (
	"context"
	"time"
)

// Role is what a person may do within one organisation.
type Role string

// The roles of PRODUCT.md. A person may hold several in each organisation.
const (
	RoleStaff        Role = "staff"
	RoleLead         Role = "lead"
	RoleCommissioner Role = "commissioner"
	RoleTrainer      Role = "trainer"
	RoleExpert       Role = "expert"
	RoleAdmin        Role = "admin"
	// RoleComms is the charity's communications role: it runs the Action
	// Plan and the newsletter.
	RoleComms Role = "comms"
	// RoleCoproduction is an organisation's co-production lead: they post
	// involvements, invite lived experience experts, approve their claims
	// and follow up their wellbeing.
	RoleCoproduction Role = "coproduction"
)

// Roles lists every role in display order.
var Roles = []Role{RoleStaff, RoleLead, RoleCommissioner, RoleTrainer, RoleExpert, RoleCoproduction, RoleComms, RoleAdmin}

// ValidRole reports whether r is one of Roles.
func ValidRole(r Role) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// OrgKind is the kind of organisation a tenant is.
type OrgKind string

// The kinds of organisation Lightbulb serves.
const (
	KindNHSTrust     OrgKind = "nhs_trust"
	KindCouncil      OrgKind = "council"
	KindCareProvider OrgKind = "care_provider"
	KindCommissioner OrgKind = "commissioner"
	KindCommunity    OrgKind = "community"
	KindCharity      OrgKind = "charity"
)

// OrgKinds lists every kind in display order.
var OrgKinds = []OrgKind{KindNHSTrust, KindCouncil, KindCareProvider, KindCommissioner, KindCommunity, KindCharity}

// Organisation is a tenant. Operator marks the organisation that runs the
// platform: its admins are platform administrators.
type Organisation struct {
	ID        int64
	Slug      string
	Name      string
	Kind      OrgKind
	Operator  bool
	CreatedAt time.Time
}

// User is a person with an account.
type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash string
	Disabled     bool
	// Lang is the language the person reads Lightbulb and its email in
	// ("en", "cy"); empty until they first sign in or choose one.
	Lang      string
	CreatedAt time.Time
}

// Membership is a person's roles in one organisation.
type Membership struct {
	Org   Organisation
	Roles []Role
}

// Member is a person as seen from one organisation's admin pages.
type Member struct {
	User  User
	Roles []Role
}

// OrgService manages organisations. Listing and creating organisations is a
// platform administrator's job; the caller checks that before calling.
type OrgService interface {
	FindOrgs(ctx context.Context) ([]*Organisation, error)
	FindOrgByID(ctx context.Context, id int64) (*Organisation, error)
	FindOrgBySlug(ctx context.Context, slug string) (*Organisation, error)
	CreateOrg(ctx context.Context, o *Organisation) error
	UpdateOrg(ctx context.Context, o *Organisation) error
}

// UserService manages accounts and memberships. Member methods are scoped to
// the organisation in ctx.
type UserService interface {
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	FindUsers(ctx context.Context) ([]*User, error)
	// EraseUser removes what identifies a person: their name, email address,
	// password, roles and pending reset links, and their name in the audit
	// log. The account stays as an empty, disabled shell so that records
	// pointing at it keep their shape. For platform administrators only.
	EraseUser(ctx context.Context, id int64) error
	CreateUser(ctx context.Context, u *User) error
	SetPassword(ctx context.Context, userID int64, hash string) error
	// SetLang records the language a person chose for pages and email.
	SetLang(ctx context.Context, userID int64, lang string) error
	// NoteLang records lang as a person's language unless they have one.
	NoteLang(ctx context.Context, userID int64, lang string) error
	Memberships(ctx context.Context, userID int64) ([]Membership, error)
	// FindSignedIn returns the account and memberships every signed-in
	// request needs, as FindUserByID and Memberships would; implementations
	// may keep them in memory but must see any change to an account, a
	// membership or an organisation, made by any process, on the next call.
	FindSignedIn(ctx context.Context, id int64) (*User, []Membership, error)

	// FindMembers lists the people in the organisation in ctx.
	FindMembers(ctx context.Context) ([]*Member, error)
	// FindMember returns one person of the organisation in ctx.
	FindMember(ctx context.Context, userID int64) (*Member, error)
	// SetRoles replaces a person's roles in the organisation in ctx; no roles
	// removes them from it.
	SetRoles(ctx context.Context, userID int64, roles []Role) error
}
