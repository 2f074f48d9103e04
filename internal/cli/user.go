package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const userUsage = `Usage:
  lightbulb user add --email E --name N [--org SLUG --roles staff,lead] [--password P]
  lightbulb user list
  lightbulb user set-role --email E --org SLUG --roles admin,lead   (empty --roles removes them)
  lightbulb user set-password --email E [--password P]   (or LIGHTBULB_PASSWORD)`

func runUser(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(errw, userUsage)
		return errors.New("user: say add, list, set-role or set-password")
	}
	var email, name, org, roles, pw string
	db, _, err := setup(ctx, "user "+args[0], args[1:], errw, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the person's email address")
		fs.StringVar(&name, "name", "", "the person's full name")
		fs.StringVar(&org, "org", "", "organisation short name")
		fs.StringVar(&roles, "roles", "", "comma-separated roles: "+rolesHelp())
		fs.StringVar(&pw, "password", os.Getenv("LIGHTBULB_PASSWORD"), "password (LIGHTBULB_PASSWORD)")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	u := userCmd{users: sqldb.NewUserService(db), orgs: sqldb.NewOrgService(db), audit: sqldb.NewAuditService(db), out: out}
	ctx = lightbulb.WithActor(ctx, &lightbulb.Actor{Name: "command line"})
	switch args[0] {
	case "add":
		return u.add(ctx, email, name, org, roles, pw)
	case "list":
		return u.list(ctx)
	case "set-role":
		return u.setRole(ctx, email, org, roles)
	case "set-password":
		return u.setPassword(ctx, email, pw)
	}
	fmt.Fprintln(errw, userUsage)
	return fmt.Errorf("user: unknown action %q", args[0])
}

func rolesHelp() string {
	s := make([]string, len(lightbulb.Roles))
	for i, r := range lightbulb.Roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

type userCmd struct {
	users *sqldb.UserService
	orgs  *sqldb.OrgService
	audit *sqldb.AuditService
	out   io.Writer
}

func parseRoles(s string) ([]lightbulb.Role, error) {
	var out []lightbulb.Role
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !lightbulb.ValidRole(lightbulb.Role(p)) {
			return nil, fmt.Errorf("--roles: %q is not a role; use %s", p, rolesHelp())
		}
		out = append(out, lightbulb.Role(p))
	}
	return out, nil
}

func (u userCmd) add(ctx context.Context, email, name, org, roles, pw string) error {
	if email == "" || name == "" {
		return errors.New("user add: --email and --name are required")
	}
	rs, err := parseRoles(roles)
	if err != nil {
		return err
	}
	if pw != "" {
		if msg := password.Validate(pw, name, email); msg != "" {
			return fmt.Errorf("--password: %s", msg)
		}
	}
	var o *lightbulb.Organisation
	if org != "" {
		if o, err = u.orgs.FindOrgBySlug(ctx, org); err != nil {
			return fmt.Errorf("--org %s: %s", org, lightbulb.ErrorMessage(err))
		}
	}
	user := &lightbulb.User{Email: email, Name: name}
	if pw != "" {
		if user.PasswordHash, err = password.Hash(pw, password.Default); err != nil {
			return err
		}
	}
	if err := u.users.CreateUser(ctx, user); err != nil {
		return fmt.Errorf("user add: %s", describe(err))
	}
	if o != nil && len(rs) > 0 {
		if err := u.users.SetRoles(lightbulb.WithOrg(ctx, o.ID), user.ID, rs); err != nil {
			return fmt.Errorf("user add: %s", describe(err))
		}
		_ = u.audit.Record(lightbulb.WithOrg(ctx, o.ID), "person.add", user.Email, "roles: "+roles)
	}
	fmt.Fprintf(u.out, "Added %s <%s>.\n", user.Name, user.Email)
	return nil
}

// describe turns a domain error into one line naming the field at fault.
func describe(err error) string {
	var v *lightbulb.ValidationErrors
	if errors.As(err, &v) {
		parts := make([]string, len(v.List))
		for i, e := range v.List {
			parts[i] = "--" + e.Field + ": " + e.Message
		}
		return strings.Join(parts, "; ")
	}
	var e *lightbulb.Error
	if errors.As(err, &e) && e.Field != "" {
		return "--" + e.Field + ": " + e.Message
	}
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func (u userCmd) list(ctx context.Context) error {
	all, err := u.users.FindUsers(ctx)
	if err != nil {
		return err
	}
	for _, x := range all {
		ms, err := u.users.Memberships(ctx, x.ID)
		if err != nil {
			return err
		}
		var parts []string
		for _, m := range ms {
			rs := make([]string, len(m.Roles))
			for i, r := range m.Roles {
				rs[i] = string(r)
			}
			parts = append(parts, m.Org.Slug+":"+strings.Join(rs, "+"))
		}
		fmt.Fprintf(u.out, "%-36s %-28s %s\n", x.Email, x.Name, strings.Join(parts, " "))
	}
	return nil
}

func (u userCmd) setRole(ctx context.Context, email, org, roles string) error {
	if email == "" || org == "" {
		return errors.New("user set-role: --email and --org are required")
	}
	rs, err := parseRoles(roles)
	if err != nil {
		return err
	}
	user, err := u.users.FindUserByEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("--email %s: %s", email, lightbulb.ErrorMessage(err))
	}
	o, err := u.orgs.FindOrgBySlug(ctx, org)
	if err != nil {
		return fmt.Errorf("--org %s: %s", org, lightbulb.ErrorMessage(err))
	}
	octx := lightbulb.WithOrg(ctx, o.ID)
	if err := u.users.SetRoles(octx, user.ID, rs); err != nil {
		return fmt.Errorf("user set-role: %s", describe(err))
	}
	_ = u.audit.Record(octx, "roles.change", user.Email, "command line → "+roles)
	fmt.Fprintf(u.out, "%s now has roles [%s] in %s.\n", user.Email, roles, o.Slug)
	return nil
}

func (u userCmd) setPassword(ctx context.Context, email, pw string) error {
	if email == "" || pw == "" {
		return errors.New("user set-password: --email and --password (or LIGHTBULB_PASSWORD) are required")
	}
	user, err := u.users.FindUserByEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("--email %s: %s", email, lightbulb.ErrorMessage(err))
	}
	if msg := password.Validate(pw, user.Name, user.Email); msg != "" {
		return fmt.Errorf("--password: %s", msg)
	}
	hash, err := password.Hash(pw, password.Default)
	if err != nil {
		return err
	}
	if err := u.users.SetPassword(ctx, user.ID, hash); err != nil {
		return err
	}
	_ = u.audit.Record(ctx, "password.set", user.Email, "command line")
	fmt.Fprintf(u.out, "Password set for %s.\n", user.Email)
	return nil
}
