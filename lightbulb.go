// Package lightbulb holds Lightbulb's domain types, the service interfaces the
// storage layer implements, its error type and the request context helpers.
// It imports only the standard library.
package lightbulb

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Error codes shared by every layer. The web layer maps each to an HTTP status.
const (
	EINVALID   = "invalid"
	ENOTFOUND  = "not_found"
	EFORBIDDEN = "forbidden"
	ECONFLICT  = "conflict"
	EINTERNAL  = "internal"
	EUNAUTH    = "unauthorised"
)

// Error is a domain error with a code and a message that is safe to show to
// the person using the service. Field names the form field at fault, if any.
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("lightbulb error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error about one form field.
func FieldError(field, message string) *Error {
	return &Error{Code: EINVALID, Message: message, Field: field}
}

// ErrorCode returns the code of an application error, or EINTERNAL for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	var v *ValidationErrors
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	} else if errors.As(err, &v) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the safe message of an application error, or a
// generic message for any other error.
func ErrorMessage(err error) string {
	var e *Error
	var v *ValidationErrors
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	} else if errors.As(err, &v) && len(v.List) > 0 {
		return v.List[0].Message
	}
	return "Sorry, there is a problem with the service."
}

// ValidationErrors collects field errors so a form can show them all at once
// in a GOV.UK error summary. The zero value is ready to use.
type ValidationErrors struct {
	List []*Error
}

// Add records a message about a field.
func (v *ValidationErrors) Add(field, message string) {
	v.List = append(v.List, FieldError(field, message))
}

// Err returns v as an error when it holds any message, and nil otherwise.
func (v *ValidationErrors) Err() error {
	if v == nil || len(v.List) == 0 {
		return nil
	}
	return v
}

// Error implements the error interface by joining the messages.
func (v *ValidationErrors) Error() string {
	s := "lightbulb validation:"
	for _, e := range v.List {
		s += " " + e.Field + ": " + e.Message + ";"
	}
	return s
}

// Now is the clock used by the domain; tests may replace it.
var Now = func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

type ctxKey int

const (
	actorKey ctxKey = iota
	orgKey
)

// Actor is the person making a request, as known to the request context.
type Actor struct {
	UserID int64
	Name   string
	Email  string
	// Roles the actor holds in the current organisation.
	Roles []Role
	// PlatformAdmin is true when the actor is an admin of the operator organisation.
	PlatformAdmin bool
	IP            string
}

// Has reports whether the actor holds role in the current organisation.
func (a *Actor) Has(role Role) bool {
	if a == nil {
		return false
	}
	for _, r := range a.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// WithActor returns a copy of ctx carrying the actor.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey, a)
}

// ActorFrom returns the actor in ctx, or nil for a visitor.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey).(*Actor)
	return a
}

// WithOrg returns a copy of ctx scoped to one organisation. Every store call
// on tenant data reads the organisation from here.
func WithOrg(ctx context.Context, orgID int64) context.Context {
	return context.WithValue(ctx, orgKey, orgID)
}

// OrgFrom returns the organisation id in ctx, or an EFORBIDDEN error when the
// context is not scoped to an organisation.
func OrgFrom(ctx context.Context) (int64, error) {
	id, ok := ctx.Value(orgKey).(int64)
	if !ok || id <= 0 {
		return 0, Errorf(EFORBIDDEN, "No organisation is selected for this request.")
	}
	return id, nil
}
