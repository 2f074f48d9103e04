package web

import (
	"net/url"
	"strings"
)

// localPath is the one rule for every redirect a visitor can choose (the
// next parameter): next when it is a path on this site, fallback otherwise.
// Browsers drop tabs and newlines from addresses and read a backslash as a
// slash, so "/\evil.example" and "/<tab>/evil.example" both mean another
// site; any control character or backslash is refused, as is "//" and
// anything with a scheme or host.
func localPath(next, fallback string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || len(next) > 2000 {
		return fallback
	}
	for _, c := range next {
		if c < 0x20 || c == 0x7f || c == '\\' {
			return fallback
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return fallback
	}
	return next
}
