package config

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

// parsed is the valid Config from the environment and args.
func parsed(t *testing.T, args ...string) *Config {
	t.Helper()
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := Flags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFlagsAndEnvironment(t *testing.T) {
	t.Setenv("LIGHTBULB_DB", "postgres://x@localhost/lb")
	t.Setenv("LIGHTBULB_SMTP_PORT", "2525")
	t.Setenv("LIGHTBULB_RETENTION_DAYS", "400")
	c := parsed(t, "--addr", "0.0.0.0:9000")
	if c.DB != "postgres://x@localhost/lb" || c.SMTP.Port != 2525 || c.Addr != "0.0.0.0:9000" || c.BaseURL != "http://0.0.0.0:9000" || c.RetentionDays != 400 {
		t.Fatalf("config = %+v", c)
	}
}

func TestValidateRejectsBadSettings(t *testing.T) {
	for _, tc := range []struct {
		c    Config
		want string
	}{
		{Config{DB: "", LogFormat: "json"}, "--db is empty"},
		{Config{DB: "sqlite:x", BaseURL: "ftp://x", LogFormat: "json"}, "--base-url"},
		{Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "xml"}, "--log-format"},
		{Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "json", RetentionDays: -1}, "--retention-days"},
		{Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "json", MetricsToken: "short"}, "--metrics-token must be at least 16 characters"},
		{Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "json", MetricsAddr: "a:1"}, "--metrics-addr a:1 is the application's own --addr"},
	} {
		if err := tc.c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err %v, want %q", tc.c, err, tc.want)
		}
	}
}

func TestSMTPSettings(t *testing.T) {
	t.Setenv("LIGHTBULB_SMTP_HOST", "smtp.example.org")
	t.Setenv("LIGHTBULB_SMTP_TLS", "implicit")
	t.Setenv("LIGHTBULB_SMTP_TIMEOUT", "45s")
	c := parsed(t, "--smtp-port", "465")
	if c.SMTP.Mode() != TLSImplicit || c.SMTP.Deadline() != 45*time.Second || c.SMTP.Port != 465 {
		t.Fatalf("smtp = %+v", c.SMTP)
	}
	for _, tc := range []struct {
		s    SMTP
		want string
	}{
		{SMTP{Port: 587}, TLSStartTLS},
		{SMTP{Port: 465}, TLSImplicit},
		{SMTP{Port: 25, TLS: TLSOff}, TLSOff},
		{SMTP{Port: 465, TLS: TLSStartTLS}, TLSStartTLS},
	} {
		if got := tc.s.Mode(); got != tc.want {
			t.Errorf("%+v: mode %q, want %q", tc.s, got, tc.want)
		}
	}
	if (SMTP{}).Deadline() != DefaultSMTPTimeout {
		t.Error("no timeout set should mean the default")
	}
}

func TestValidateRejectsBadSMTPSettings(t *testing.T) {
	ok := SMTP{Host: "smtp.example.org", Port: 587, From: "Lightbulb <no-reply@example.org>"}
	for _, tc := range []struct {
		edit func(*SMTP)
		want string
	}{
		{func(s *SMTP) { s.TLS = "yes" }, "--smtp-tls must be starttls, implicit or off"},
		{func(s *SMTP) { s.Port = 0 }, "--smtp-port 0 is not a port number"},
		{func(s *SMTP) { s.Timeout = -1 }, "--smtp-timeout"},
		{func(s *SMTP) { s.From = "not an address" }, "--smtp-from"},
	} {
		s := ok
		tc.edit(&s)
		c := Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "json", SMTP: s}
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err %v, want %q", s, err, tc.want)
		}
	}
	c := Config{DB: "sqlite:x", Addr: "a:1", LogFormat: "json", SMTP: ok}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	// No server: the outbox keeps the mail and nothing else is checked.
	c.SMTP = SMTP{TLS: "nonsense"}
	if err := c.Validate(); err != nil {
		t.Fatalf("no SMTP host: %v", err)
	}
}

// No header is trusted for the client's address unless configured.
func TestClientAddressSettings(t *testing.T) {
	if c := parsed(t); c.ClientIPHeader != "" || len(c.TrustedProxies) != 0 {
		t.Fatalf("default trusts %q from %v", c.ClientIPHeader, c.TrustedProxies)
	}
	t.Setenv("LIGHTBULB_CLIENT_IP_HEADER", "X-Forwarded-For")
	t.Setenv("LIGHTBULB_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7")
	c := parsed(t)
	if c.ClientIPHeader != "X-Forwarded-For" || len(c.TrustedProxies) != 2 || c.TrustedProxies[1].String() != "192.0.2.7/32" {
		t.Fatalf("client address settings = %q %v", c.ClientIPHeader, c.TrustedProxies)
	}
	t.Setenv("LIGHTBULB_TRUSTED_PROXIES", "the load balancer")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	bad := Flags(fs)
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "--trusted-proxies") {
		t.Fatalf("bad proxies: %v", err)
	}
}

func TestOutreachSettings(t *testing.T) {
	t.Setenv("LIGHTBULB_CHECKIN_MONTHS", "1,2")
	t.Setenv("LIGHTBULB_NEWSLETTER_PER_MINUTE", "60")
	c := Flags(flag.NewFlagSet("x", flag.ContinueOnError))
	if err := c.Validate(); err != nil || len(c.Outreach.CheckinMonths) != 2 || c.Outreach.PerMinute != 60 {
		t.Fatalf("%+v %v", c.Outreach, err)
	}
	t.Setenv("LIGHTBULB_CHECKIN_MONTHS", "6,3")
	c = Flags(flag.NewFlagSet("x", flag.ContinueOnError))
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "rising whole months") {
		t.Fatalf("months 6,3: %v", err)
	}
}
