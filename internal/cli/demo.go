package cli

import (
	"context"
	"flag"
	"fmt"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// DemoPassword is every demo account's password. Demo data is for trying
// Lightbulb out, never for a live site.
const DemoPassword = "lightbulb-demo"

type demoOrg struct {
	slug, name string
	kind       lightbulb.OrgKind
	operator   bool
}

var demoOrgs = []demoOrg{
	{"lightbulb-charity", "Lightbulb Human Rights Charity", lightbulb.KindCharity, true},
	{"northbridge-nhs", "Northbridge NHS Foundation Trust", lightbulb.KindNHSTrust, false},
	{"riverside-council", "Riverside Borough Council", lightbulb.KindCouncil, false},
	{"westshire-icb", "Westshire Integrated Care Board", lightbulb.KindCommissioner, false},
	{"brightwell-care", "Brightwell Care Homes", lightbulb.KindCareProvider, false},
}

type demoUser struct {
	email, name string
	roles       map[string][]lightbulb.Role
}

var demoUsers = []demoUser{
	{"admin@lightbulb.test", "Ada Adeyemi", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleAdmin, lightbulb.RoleTrainer}}},
	{"trainer@lightbulb.test", "Tomos Pritchard", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleTrainer}}},
	{"expert@lightbulb.test", "Esther Okafor", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleExpert}}},
	{"coproduction@lightbulb.test", "Carys Bevan", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleCoproduction}}},
	{"finance@lightbulb.test", "Femi Adebayo", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleCoproduction}}},
	{"ifan@lightbulb.test", "Ifan Rowlands", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleExpert}}},
	{"lowri@lightbulb.test", "Lowri Jenkins", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleExpert}}},
	{"comms@lightbulb.test", "Ceri Lloyd", map[string][]lightbulb.Role{"lightbulb-charity": {lightbulb.RoleComms}}},
	{"nurse@northbridge.test", "Niamh Kelly", map[string][]lightbulb.Role{"northbridge-nhs": {lightbulb.RoleStaff}}},
	{"lead@northbridge.test", "Leon Marsh", map[string][]lightbulb.Role{"northbridge-nhs": {lightbulb.RoleStaff, lightbulb.RoleLead}}},
	{"admin@northbridge.test", "Priya Shah", map[string][]lightbulb.Role{"northbridge-nhs": {lightbulb.RoleAdmin, lightbulb.RoleLead}}},
	{"socialworker@riverside.test", "Sam Osei", map[string][]lightbulb.Role{"riverside-council": {lightbulb.RoleStaff}}},
	{"admin@riverside.test", "Rhiannon Evans", map[string][]lightbulb.Role{"riverside-council": {lightbulb.RoleAdmin, lightbulb.RoleLead}}},
	{"commissioner@westshire.test", "Colin Burke", map[string][]lightbulb.Role{"westshire-icb": {lightbulb.RoleCommissioner}}},
	{"manager@brightwell.test", "Grace Mensah", map[string][]lightbulb.Role{"brightwell-care": {lightbulb.RoleLead, lightbulb.RoleAdmin}}},
	{"practicelead@lightbulb.test", "Morgan Hughes", map[string][]lightbulb.Role{
		"northbridge-nhs": {lightbulb.RoleLead}, "riverside-council": {lightbulb.RoleStaff}}},
}

func runDemo(ctx context.Context, args []string, out, errw io.Writer) error {
	var fast bool
	db, _, err := setup(ctx, "demo", args, errw, func(fs *flag.FlagSet) {
		fs.BoolVar(&fast, "insecure-fast-passwords", false, "cheapest password hashing; for tests only")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	params := password.Default
	if fast {
		params = password.Minimum
	}
	if err := LoadDemo(ctx, db, params, out); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nDemo accounts (password %q):\n", DemoPassword)
	for _, u := range demoUsers {
		fmt.Fprintf(out, "  %-30s %s\n", u.email, u.name)
	}
	return nil
}

// SeedContent loads the shipped rights library; rights already present keep
// their edits.
func SeedContent(ctx context.Context, db *sqldb.DB) (int, error) {
	rights, err := content.Rights()
	if err != nil {
		return 0, err
	}
	seeds := make([]sqldb.SeedRight, len(rights))
	for i, r := range rights {
		seeds[i] = sqldb.SeedRight{Code: r.Code, Article: r.Article, Category: lightbulb.Category(r.Category),
			Texts: []lightbulb.RightText{rightText(lightbulb.LangEN, r.EN), rightText(lightbulb.LangCY, r.CY)}}
	}
	n, err := sqldb.NewRightService(db).SeedRights(ctx, seeds)
	if err != nil {
		return n, err
	}
	if _, err := SeedFramework(ctx, db); err != nil {
		return n, fmt.Errorf("load review framework: %w", err)
	}
	return n, nil
}

func rightText(lang string, t content.RightText) lightbulb.RightText {
	return lightbulb.RightText{Lang: lang, Title: t.Title, Summary: t.Summary, Protects: t.Protects,
		HealthCare: t.HealthCare, Restrictions: t.Restrictions, Examples: t.Examples, EasyTitle: t.EasyTitle, EasyRead: t.EasyRead,
		EasyPictures: t.EasyPictures, Keywords: t.Keywords}
}

// LoadDemo adds the demo organisations and people, skipping any that exist,
// so running it twice changes nothing.
func LoadDemo(ctx context.Context, db *sqldb.DB, params password.Params, out io.Writer) error {
	n, err := SeedContent(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Rights library ready (%d rights added now).\n", n)
	orgs, users := sqldb.NewOrgService(db), sqldb.NewUserService(db)
	ids := map[string]int64{}
	added := 0
	for _, d := range demoOrgs {
		o, err := orgs.FindOrgBySlug(ctx, d.slug)
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			o = &lightbulb.Organisation{Slug: d.slug, Name: d.name, Kind: d.kind, Operator: d.operator}
			err = orgs.CreateOrg(ctx, o)
			added++
		}
		if err != nil {
			return fmt.Errorf("demo organisation %s: %w", d.slug, err)
		}
		ids[d.slug] = o.ID
	}
	hash, err := password.Hash(DemoPassword, params)
	if err != nil {
		return err
	}
	people := 0
	for _, d := range demoUsers {
		if _, err := users.FindUserByEmail(ctx, d.email); err == nil {
			continue
		}
		u := &lightbulb.User{Email: d.email, Name: d.name, PasswordHash: hash}
		if err := users.CreateUser(ctx, u); err != nil {
			return fmt.Errorf("demo person %s: %w", d.email, err)
		}
		for slug, roles := range d.roles {
			if err := users.SetRoles(lightbulb.WithOrg(ctx, ids[slug]), u.ID, roles); err != nil {
				return fmt.Errorf("demo roles for %s: %w", d.email, err)
			}
		}
		people++
	}
	fmt.Fprintf(out, "Demo data: %d organisations and %d people added.\n", added, people)
	if err := loadDemoDecisions(ctx, db, ids, out); err != nil {
		return err
	}
	if err := loadDemoReviews(ctx, db, out); err != nil {
		return err
	}
	if err := loadDemoUnits(ctx, db, out); err != nil {
		return err
	}
	if err := loadTrainingDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadLearningDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadActionPlanDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadCoprodDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadCommissioningDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadDemoCases(ctx, db, ids, out); err != nil {
		return err
	}
	if err := loadDemoAssessments(ctx, db, ids, out); err != nil {
		return err
	}
	if err := loadDemoRightVersions(ctx, db, out); err != nil {
		return err
	}
	return loadDemoHistory(ctx, db, ids, out)
}
