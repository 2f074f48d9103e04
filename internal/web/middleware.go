package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

type ctxKey int

const (
	nonceKey ctxKey = iota
	requestIDKey
)

// maxBody is the largest request body a form may send.
const maxBody = 1 << 20

func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// securityHeaders sets a nonce-based Content Security Policy and the usual
// protective headers.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		nonce := randomString(16)
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-"+nonce+"'; style-src 'self'; "+
			"img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		// Pages, PDFs and CSV exports can hold personal data: no copy is
		// kept by the browser or a proxy. /static/ sets its own caching.
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.secure {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), nonceKey, nonce)))
	})
}

func nonceFrom(ctx context.Context) string {
	n, _ := ctx.Value(nonceKey).(string)
	return n
}

const (
	sessUser = "user_id"
	sessOrg  = "org_id"
	sessMsg  = "flash"
	// sessStamp is passwordStamp of the password the session signed in with.
	sessStamp = "pw"
)

// withActor loads the signed-in person and their current organisation into
// the request context. A session whose person has gone, been disabled or
// changed their password since is treated as signed out.
func (s *Server) withActor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), sessionReadyKey, true)
		r = r.WithContext(ctx)
		s.touchSession(ctx, s.opt.SessionTouch)
		uid := s.sessions.GetInt64(ctx, sessUser)
		if uid == 0 {
			next.ServeHTTP(w, r)
			return
		}
		u, ms, err := s.Users.FindSignedIn(ctx, uid)
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND || err == nil && (u.Disabled || s.sessions.GetString(ctx, sessStamp) != passwordStamp(u.PasswordHash)) {
			_ = s.sessions.Destroy(ctx)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		a := &lightbulb.Actor{UserID: u.ID, Name: u.Name, Email: u.Email, IP: clientIP(r)}
		want := s.sessions.GetInt64(ctx, sessOrg)
		var cur *lightbulb.Membership
		for i := range ms {
			if cur == nil || ms[i].Org.ID == want {
				cur = &ms[i]
			}
			if ms[i].Org.Operator {
				for _, role := range ms[i].Roles {
					a.PlatformAdmin = a.PlatformAdmin || role == lightbulb.RoleAdmin
				}
			}
		}
		ctx = context.WithValue(ctx, membershipsKey, ms)
		if cur != nil {
			a.Roles = cur.Roles
			ctx = lightbulb.WithOrg(ctx, cur.Org.ID)
			ctx = context.WithValue(ctx, currentOrgKey, &cur.Org)
		}
		next.ServeHTTP(w, r.WithContext(lightbulb.WithActor(ctx, a)))
	})
}

const (
	membershipsKey ctxKey = iota + 10
	currentOrgKey
	sessionReadyKey
)

func currentOrg(ctx context.Context) *lightbulb.Organisation {
	o, _ := ctx.Value(currentOrgKey).(*lightbulb.Organisation)
	return o
}

func memberships(ctx context.Context) []lightbulb.Membership {
	ms, _ := ctx.Value(membershipsKey).([]lightbulb.Membership)
	return ms
}

// requireUser sends a visitor to the sign-in page.
func (s *Server) requireUser(fn http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if lightbulb.ActorFrom(r.Context()) == nil {
			http.Redirect(w, r, "/sign-in?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		fn(w, r)
	}
}

// requireAdmin allows admins of the current organisation.
func (s *Server) requireAdmin(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if a := lightbulb.ActorFrom(r.Context()); !a.Has(lightbulb.RoleAdmin) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// requirePlatform allows admins of the operator organisation.
func (s *Server) requirePlatform(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if a := lightbulb.ActorFrom(r.Context()); !a.PlatformAdmin {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}
