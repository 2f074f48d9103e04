// Package config reads Lightbulb's settings from flags and LIGHTBULB_*
// environment variables. A Config is passed by value; there are no globals.
package config

import (
	"crypto/x509"
	"flag"
	"fmt"
	"net/mail"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting.
type Config struct {
	DB      string // sqlite:PATH or postgres://...
	Addr    string // listen address
	BaseURL string // public address used in emails
	// Contact is the email address people write to about the service: the
	// accessibility statement gives it for other formats and problems.
	Contact string
	SMTP    SMTP
	// Workers is how many background jobs one serve process runs at once.
	Workers int
	// JobLease, when set, is how long a job held by a process that died
	// waits before another takes it over (each kind has its own default).
	JobLease time.Duration
	// RetentionDays is how long public bookings and bespoke requests keep
	// who made them, after the session or the request (default 730).
	RetentionDays int
	// LogFormat is "json" (default) or "text".
	LogFormat string
	// MetricsAddr, when set, serves /metrics on its own listener (a private
	// interface or port), apart from the application.
	MetricsAddr string
	// MetricsToken, when set, serves /metrics on the application's listener
	// to requests carrying it as a bearer token (and asks for it on
	// MetricsAddr too). With neither set, /metrics is not served.
	MetricsToken string
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// client's address; empty (the default) uses the peer's address.
	ClientIPHeader string
	// TrustedProxies lists the addresses or ranges (CIDR) of the proxies
	// whose ClientIPHeader is believed; empty believes any peer.
	TrustedProxies []netip.Prefix
	proxiesErr     error // a bad LIGHTBULB_TRUSTED_PROXIES, reported by Validate
	// Outreach configures the Action Plan and the newsletter.
	Outreach Outreach
}

// SMTP configures outgoing mail. With no Host, mail stays in the outbox.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
	// TLS is how the connection is protected: TLSStartTLS (the server must
	// offer STARTTLS, and the message is not sent otherwise), TLSImplicit
	// (TLS from the first byte, as on port 465) or TLSOff (plain text, for
	// a relay the operator trusts). Empty means implicit on port 465 and
	// STARTTLS otherwise.
	TLS string
	// Timeout bounds one message's whole conversation with the server,
	// dialling included; zero means DefaultSMTPTimeout.
	Timeout time.Duration
	// RootCAs, when set, replaces the system's roots for checking the
	// server's certificate. For tests only: no flag or variable sets it.
	RootCAs *x509.CertPool
}

// The ways an SMTP connection may be protected.
const (
	TLSStartTLS = "starttls"
	TLSImplicit = "implicit"
	TLSOff      = "off"
)

// DefaultSMTPTimeout bounds a message's SMTP conversation when none is set.
const DefaultSMTPTimeout = 30 * time.Second

// Mode is the protection the connection uses, with the default filled in.
func (c SMTP) Mode() string {
	if c.TLS == "" && c.Port == 465 {
		return TLSImplicit
	}
	if c.TLS == "" {
		return TLSStartTLS
	}
	return c.TLS
}

// Deadline is how long one message's conversation may take.
func (c SMTP) Deadline() time.Duration {
	if c.Timeout <= 0 {
		return DefaultSMTPTimeout
	}
	return c.Timeout
}

// validate checks the mail settings when a server is configured.
func (c *SMTP) validate() error {
	if c.Host == "" {
		return nil
	}
	if c.Port < 1 || c.Port > 65535 {
		return fmt.Errorf("config: --smtp-port %d is not a port number (587 for STARTTLS, 465 for implicit TLS)", c.Port)
	}
	switch c.TLS {
	case "", TLSStartTLS, TLSImplicit, TLSOff:
	default:
		return fmt.Errorf("config: --smtp-tls must be starttls, implicit or off, not %q", c.TLS)
	}
	if c.Timeout < 0 {
		return fmt.Errorf("config: --smtp-timeout must be positive, like 30s")
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("config: --smtp-from %q is not an address like \"Lightbulb <no-reply@example.org>\": %v", c.From, err)
	}
	return nil
}

// Default returns the settings for a local run.
func Default() Config {
	return Config{DB: "sqlite:./lightbulb.db", Addr: "127.0.0.1:8080", LogFormat: "json", RetentionDays: 730,
		SMTP: SMTP{Port: 587, From: "Lightbulb <no-reply@lightbulb.invalid>"}}
}

// env returns the variable's value or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

// Flags registers the shared flags on fs, with environment variables as
// their defaults, and returns the Config they fill in.
func Flags(fs *flag.FlagSet) *Config {
	d := Default()
	c := &Config{}
	fs.StringVar(&c.DB, "db", env("LIGHTBULB_DB", d.DB), "database: sqlite:PATH or postgres://URL (LIGHTBULB_DB)")
	fs.StringVar(&c.Addr, "addr", env("LIGHTBULB_ADDR", d.Addr), "listen address (LIGHTBULB_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", env("LIGHTBULB_BASE_URL", ""), "public address for links in email (LIGHTBULB_BASE_URL); default http://ADDR")
	fs.StringVar(&c.Contact, "contact-email", env("LIGHTBULB_CONTACT_EMAIL", ""), "address people write to about the service, shown in the accessibility statement (LIGHTBULB_CONTACT_EMAIL)")
	fs.StringVar(&c.SMTP.Host, "smtp-host", env("LIGHTBULB_SMTP_HOST", ""), "SMTP server; empty keeps mail in the outbox (LIGHTBULB_SMTP_HOST)")
	port, _ := strconv.Atoi(env("LIGHTBULB_SMTP_PORT", strconv.Itoa(d.SMTP.Port)))
	fs.IntVar(&c.SMTP.Port, "smtp-port", port, "SMTP port (LIGHTBULB_SMTP_PORT)")
	fs.StringVar(&c.SMTP.Username, "smtp-user", env("LIGHTBULB_SMTP_USER", ""), "SMTP user name (LIGHTBULB_SMTP_USER)")
	fs.StringVar(&c.SMTP.Password, "smtp-password", env("LIGHTBULB_SMTP_PASSWORD", ""), "SMTP password (LIGHTBULB_SMTP_PASSWORD)")
	fs.StringVar(&c.SMTP.From, "smtp-from", env("LIGHTBULB_SMTP_FROM", d.SMTP.From), "sender address (LIGHTBULB_SMTP_FROM)")
	workers, err := strconv.Atoi(env("LIGHTBULB_WORKERS", "4"))
	if err != nil {
		workers = -1 // Validate reports it
	}
	fs.IntVar(&c.Workers, "workers", workers, "background jobs run at once by serve (LIGHTBULB_WORKERS)")
	lease, err := time.ParseDuration(env("LIGHTBULB_JOB_LEASE", "0s"))
	if err != nil {
		lease = -1 // Validate reports it
	}
	fs.DurationVar(&c.JobLease, "job-lease", lease, "how long a job held by a process that died waits before another takes it; 0 keeps each kind's own, a minute or two (LIGHTBULB_JOB_LEASE)")
	fs.StringVar(&c.SMTP.TLS, "smtp-tls", env("LIGHTBULB_SMTP_TLS", ""),
		"starttls (required), implicit (TLS from the start) or off (plain text); default implicit on port 465, else starttls (LIGHTBULB_SMTP_TLS)")
	timeout, err := time.ParseDuration(env("LIGHTBULB_SMTP_TIMEOUT", DefaultSMTPTimeout.String()))
	if err != nil {
		timeout = -1 // Validate reports it
	}
	fs.DurationVar(&c.SMTP.Timeout, "smtp-timeout", timeout, "longest one message's SMTP conversation may take (LIGHTBULB_SMTP_TIMEOUT)")
	days, _ := strconv.Atoi(env("LIGHTBULB_RETENTION_DAYS", strconv.Itoa(d.RetentionDays)))
	fs.IntVar(&c.RetentionDays, "retention-days", days, "days after a session or request before public bookings and bespoke requests are anonymised (LIGHTBULB_RETENTION_DAYS)")
	fs.StringVar(&c.LogFormat, "log-format", env("LIGHTBULB_LOG_FORMAT", d.LogFormat), "json or text (LIGHTBULB_LOG_FORMAT)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("LIGHTBULB_METRICS_ADDR", ""), "serve /metrics on this address of its own (LIGHTBULB_METRICS_ADDR)")
	fs.StringVar(&c.MetricsToken, "metrics-token", env("LIGHTBULB_METRICS_TOKEN", ""), "bearer token that opens /metrics; prefer the variable (LIGHTBULB_METRICS_TOKEN)")
	fs.StringVar(&c.ClientIPHeader, "client-ip-header", env("LIGHTBULB_CLIENT_IP_HEADER", ""),
		"header your reverse proxy sets to the client's address, e.g. X-Forwarded-For; empty trusts no header (LIGHTBULB_CLIENT_IP_HEADER)")
	fs.Func("trusted-proxies", "comma-separated addresses or CIDR ranges of the proxies whose client address header is believed; "+
		"empty believes any peer (LIGHTBULB_TRUSTED_PROXIES)", func(v string) error { return c.setProxies(v) })
	if err := c.setProxies(env("LIGHTBULB_TRUSTED_PROXIES", "")); err != nil {
		c.proxiesErr = err
	}
	c.outreachFlags(fs)
	return c
}

// Validate checks the settings and fills in derived defaults.
func (c *Config) Validate() error {
	if c.DB == "" {
		return fmt.Errorf("config: --db is empty: give sqlite:PATH or postgres://URL")
	}
	if c.JobLease < 0 {
		return fmt.Errorf("config: --job-lease (LIGHTBULB_JOB_LEASE) must be a duration such as 30s or 2m, and not negative")
	}
	if c.Workers == 0 {
		c.Workers = 4
	}
	if c.Workers < 1 || c.Workers > 64 {
		return fmt.Errorf("config: --workers (LIGHTBULB_WORKERS) must be a whole number from 1 to 64, not %d", c.Workers)
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return fmt.Errorf("config: --base-url %q must start with http:// or https://", c.BaseURL)
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return fmt.Errorf("config: --log-format must be json or text, not %q", c.LogFormat)
	}
	if c.RetentionDays == 0 {
		c.RetentionDays = Default().RetentionDays
	}
	if c.RetentionDays < 1 {
		return fmt.Errorf("config: --retention-days %d must be at least 1", c.RetentionDays)
	}
	if c.proxiesErr != nil {
		return c.proxiesErr
	}
	if strings.ContainsAny(c.ClientIPHeader, " :\t") {
		return fmt.Errorf("config: --client-ip-header %q is not a header name like X-Forwarded-For", c.ClientIPHeader)
	}
	if err := c.SMTP.validate(); err != nil {
		return err
	}
	if err := c.Outreach.validate(); err != nil {
		return err
	}
	return c.validateMetrics()
}

// validateMetrics checks the two ways of reaching /metrics.
func (c *Config) validateMetrics() error {
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		return fmt.Errorf("config: --metrics-token must be at least 16 characters (it is %d): generate one, e.g. with openssl rand -hex 24", len(c.MetricsToken))
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.Addr && !strings.HasSuffix(c.Addr, ":0") {
		return fmt.Errorf("config: --metrics-addr %s is the application's own --addr: give another port or interface, or use --metrics-token", c.MetricsAddr)
	}
	return nil
}

// setProxies reads a comma-separated list of addresses and CIDR ranges.
func (c *Config) setProxies(v string) error {
	c.TrustedProxies, c.proxiesErr = nil, nil
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				return fmt.Errorf("config: --trusted-proxies: %q is not an address or a range like 10.0.0.0/8", f)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		c.TrustedProxies = append(c.TrustedProxies, p.Masked())
	}
	return nil
}
