package config

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// Outreach configures the Action Plan and the newsletter.
type Outreach struct {
	// PerMinute is how many newsletter emails are queued a minute.
	PerMinute int
	// CheckinMonths are the months after signing when a check-in goes.
	CheckinMonths []int
	// SignatureDays is how long a signature keeps who made it.
	SignatureDays int
	// KeepIP records the network address with a subscription's consent.
	KeepIP bool
	// BounceToken opens POST /newsletter/bounces to a mail provider.
	BounceToken string
	monthsErr   error // a bad LIGHTBULB_CHECKIN_MONTHS, reported by validate
}

func (c *Config) outreachFlags(fs *flag.FlagSet) {
	per, err := strconv.Atoi(env("LIGHTBULB_NEWSLETTER_PER_MINUTE", "600"))
	if err != nil {
		per = -1 // validate reports it
	}
	fs.IntVar(&c.Outreach.PerMinute, "newsletter-per-minute", per, "newsletter emails queued a minute (LIGHTBULB_NEWSLETTER_PER_MINUTE)")
	days, err := strconv.Atoi(env("LIGHTBULB_SIGNATURE_DAYS", "730"))
	if err != nil {
		days = -1
	}
	fs.IntVar(&c.Outreach.SignatureDays, "signature-days", days, "days before an Action Plan signature is anonymised (LIGHTBULB_SIGNATURE_DAYS)")
	fs.BoolVar(&c.Outreach.KeepIP, "newsletter-keep-ip", env("LIGHTBULB_NEWSLETTER_KEEP_IP", "") == "1",
		"record the network address with each newsletter consent (LIGHTBULB_NEWSLETTER_KEEP_IP=1)")
	fs.StringVar(&c.Outreach.BounceToken, "bounce-token", env("LIGHTBULB_BOUNCE_TOKEN", ""),
		"bearer token for POST /newsletter/bounces; prefer the variable (LIGHTBULB_BOUNCE_TOKEN)")
	fs.Func("checkin-months", "months after signing when Action Plan check-ins go, like 3,6,12 (LIGHTBULB_CHECKIN_MONTHS)", func(v string) error {
		return c.Outreach.setMonths(v)
	})
	c.Outreach.monthsErr = c.Outreach.setMonths(env("LIGHTBULB_CHECKIN_MONTHS", "3,6,12"))
}

// setMonths reads a list like "3,6,12": rising whole months from 1 to 60.
func (o *Outreach) setMonths(v string) error {
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 60 || (len(out) > 0 && n <= out[len(out)-1]) {
			o.CheckinMonths = nil
			return fmt.Errorf("config: --checkin-months (LIGHTBULB_CHECKIN_MONTHS) %q must be rising whole months from 1 to 60, like 3,6,12", v)
		}
		out = append(out, n)
	}
	o.CheckinMonths, o.monthsErr = out, nil
	return nil
}

func (o *Outreach) validate() error {
	if o.PerMinute == 0 {
		o.PerMinute = 600
	}
	if o.PerMinute < 1 || o.PerMinute > 100000 {
		return fmt.Errorf("config: --newsletter-per-minute must be from 1 to 100000, not %d", o.PerMinute)
	}
	if o.SignatureDays == 0 {
		o.SignatureDays = 730
	}
	if o.SignatureDays < 1 {
		return fmt.Errorf("config: --signature-days %d must be at least 1", o.SignatureDays)
	}
	if o.monthsErr != nil {
		return o.monthsErr
	}
	if len(o.CheckinMonths) == 0 {
		o.CheckinMonths = []int{3, 6, 12}
	}
	return nil
}
