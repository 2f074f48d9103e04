// Package config reads Lightbulb's settings from flags and LIGHTBULB_*
// environment variables. A Config is passed by value; there are no globals.
package config

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Config holds every setting.
type Config struct {
	DB      string // sqlite:PATH or postgres://...
	Addr    string // listen address
	BaseURL string // public address used in emails
	SMTP    SMTP
	// Workers is how many background jobs one serve process runs at once.
	Workers int
	// LogFormat is "json" (default) or "text".
	LogFormat string
}

// SMTP configures outgoing mail. With no Host, mail stays in the outbox.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
}

// Default returns the settings for a local run.
func Default() Config {
	return Config{DB: "sqlite:./lightbulb.db", Addr: "127.0.0.1:8080", LogFormat: "json",
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
	fs.StringVar(&c.SMTP.Host, "smtp-host", env("LIGHTBULB_SMTP_HOST", ""), "SMTP server; empty keeps mail in the outbox (LIGHTBULB_SMTP_HOST)")
	port, _ := strconv.Atoi(env("LIGHTBULB_SMTP_PORT", strconv.Itoa(d.SMTP.Port)))
	fs.IntVar(&c.SMTP.Port, "smtp-port", port, "SMTP port (LIGHTBULB_SMTP_PORT)")
	fs.StringVar(&c.SMTP.Username, "smtp-user", env("LIGHTBULB_SMTP_USER", ""), "SMTP user name (LIGHTBULB_SMTP_USER)")
	fs.StringVar(&c.SMTP.Password, "smtp-password", env("LIGHTBULB_SMTP_PASSWORD", ""), "SMTP password (LIGHTBULB_SMTP_PASSWORD)")
	fs.StringVar(&c.SMTP.From, "smtp-from", env("LIGHTBULB_SMTP_FROM", d.SMTP.From), "sender address (LIGHTBULB_SMTP_FROM)")
	workers, _ := strconv.Atoi(env("LIGHTBULB_WORKERS", "4"))
	fs.IntVar(&c.Workers, "workers", workers, "background jobs run at once by serve (LIGHTBULB_WORKERS)")
	fs.StringVar(&c.LogFormat, "log-format", env("LIGHTBULB_LOG_FORMAT", d.LogFormat), "json or text (LIGHTBULB_LOG_FORMAT)")
	return c
}

// Validate checks the settings and fills in derived defaults.
func (c *Config) Validate() error {
	if c.DB == "" {
		return fmt.Errorf("config: --db is empty: give sqlite:PATH or postgres://URL")
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
	return nil
}
