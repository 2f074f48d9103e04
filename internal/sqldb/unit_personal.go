package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// Who belongs to which ward, team or home, and who put them there.
var _ = declare(
	lightbulb.PersonalTable{Table: "unit_members", Section: "unit_memberships", Order: "org_id, unit_id",
		About: "The wards, teams or homes you belong to, and whether you chose them or someone added you.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "added_by", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the membership belongs to the person added; it points at the adder's account, which is anonymised"},
		},
		Export: []string{"org_id", "unit_id", "created_at"}},
)
