package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func TestFlagsAndEnvironment(t *testing.T) {
	t.Setenv("LIGHTBULB_DB", "postgres://x@localhost/lb")
	t.Setenv("LIGHTBULB_SMTP_PORT", "2525")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := Flags(fs)
	if err := fs.Parse([]string{"--addr", "0.0.0.0:9000"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.DB != "postgres://x@localhost/lb" || c.SMTP.Port != 2525 || c.Addr != "0.0.0.0:9000" || c.BaseURL != "http://0.0.0.0:9000" {
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
	} {
		if err := tc.c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err %v, want %q", tc.c, err, tc.want)
		}
	}
}
