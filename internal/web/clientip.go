package web

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

const clientIPKey ctxKey = 30

// withClientIP works out the client's address once per request. It is the
// peer's address unless Options.ClientIPHeader names a header set by a
// trusted reverse proxy (and, when Options.TrustedProxies is set, the peer is
// one of them): X-Forwarded-For is never read unless configured.
func (s *Server) withClientIP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := peerIP(r)
		if s.opt.ClientIPHeader != "" && s.trustedPeer(ip) {
			if v := forwardedIP(r.Header.Values(s.opt.ClientIPHeader)); v != "" {
				ip = v
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientIPKey, ip)))
	})
}

func (s *Server) trustedPeer(ip string) bool {
	if len(s.opt.TrustedProxies) == 0 {
		return true
	}
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	for _, p := range s.opt.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// forwardedIP is the address the proxy added: the last entry of the last
// header line (a client can put anything before it), when it is an address.
func forwardedIP(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	parts := strings.Split(lines[len(lines)-1], ",")
	a, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1]))
	if err != nil {
		return ""
	}
	return a.Unmap().String()
}

func peerIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// clientIP is the client's address as withClientIP worked it out.
func clientIP(r *http.Request) string {
	if ip, ok := r.Context().Value(clientIPKey).(string); ok {
		return ip
	}
	return peerIP(r)
}
