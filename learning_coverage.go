package lightbulb

import "context"

// CoverageRole is how many of an organisation's people in one role have
// attended at least one training session.
type CoverageRole struct {
	Role    Role
	People  int
	Trained int
}

// Percent is the share trained, as a whole percentage.
func (c *CoverageRole) Percent() int {
	if c.People == 0 {
		return 0
	}
	return (c.Trained*100 + c.People/2) / c.People
}

// CoverageMandatory is one course a role must take, and how many in the
// role have not yet attended it.
type CoverageMandatory struct {
	CourseID    int64
	CourseTitle string
	Role        Role
	People      int
	Outstanding int
}

// Coverage is an organisation's training coverage.
type Coverage struct {
	All       CoverageRole // everyone, whatever their role
	Roles     []*CoverageRole
	Mandatory []*CoverageMandatory
	// Units is coverage in each ward, team or home, by name, with its
	// dignity champions; NoUnit counts the people who belong to none.
	Units  []*CoverageUnit
	NoUnit CoverageUnit
	// Champions counts the organisation's dignity champions (a person
	// who champions two units counts once).
	Champions int
}

// UnitsWithoutChampion lists the units that have no dignity champion.
func (c *Coverage) UnitsWithoutChampion() []*CoverageUnit {
	var out []*CoverageUnit
	for _, u := range c.Units {
		if u.Champions == 0 {
			out = append(out, u)
		}
	}
	return out
}

// CoverageService reports training coverage for the organisation in ctx.
// Training counts when its booking was made as a member of the organisation
// and the register marks the person attended.
type CoverageService interface {
	Coverage(ctx context.Context, courses []*Course) (*Coverage, error)
	// Mandatory lists the (course, role) pairs marked mandatory.
	Mandatory(ctx context.Context) (map[int64][]Role, error)
	// SetMandatory replaces the mandatory pairs: course id to roles.
	SetMandatory(ctx context.Context, m map[int64][]Role) error
}
