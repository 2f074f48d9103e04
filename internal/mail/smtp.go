// Package mail delivers Lightbulb's email by SMTP.
package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"os"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/config"
)

// Sender returns a function that delivers one message through the SMTP
// server in c. The connection is protected as c.Mode says: with STARTTLS
// required, a server that does not offer it is refused, not sent to in
// plain text. The whole conversation, dialling included, ends by
// c.Deadline(), or sooner when ctx ends.
func Sender(c config.SMTP) func(context.Context, *lightbulb.Mail) error {
	return func(ctx context.Context, m *lightbulb.Mail) error {
		ctx, cancel := context.WithTimeout(ctx, c.Deadline())
		defer cancel()
		if err := send(ctx, c, m); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("%w (the server at %s did not finish within %s)", err, addr(c), c.Deadline())
			}
			return err
		}
		return nil
	}
}

func addr(c config.SMTP) string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

func tlsConfig(c config.SMTP) *tls.Config {
	return &tls.Config{ServerName: c.Host, RootCAs: c.RootCAs, MinVersion: tls.VersionTLS12}
}

// dial connects, in TLS from the first byte when the mode is implicit, and
// gives the connection ctx's deadline; ending ctx early ends it too.
func dial(ctx context.Context, c config.SMTP) (net.Conn, func(), error) {
	d := &net.Dialer{Timeout: min(10*time.Second, c.Deadline())}
	var conn net.Conn
	var err error
	if c.Mode() == config.TLSImplicit {
		conn, err = (&tls.Dialer{NetDialer: d, Config: tlsConfig(c)}).DialContext(ctx, "tcp", addr(c))
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr(c))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("smtp dial %s: %w", addr(c), err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	return conn, func() { stop(); conn.Close() }, nil
}

func send(ctx context.Context, c config.SMTP, m *lightbulb.Mail) error {
	from, err := mail.ParseAddress(c.From)
	if err != nil {
		return fmt.Errorf("smtp from address %q: %w", c.From, err)
	}
	msg, err := compose(from, m, time.Now())
	if err != nil {
		return err
	}
	conn, done, err := dial(ctx, c)
	if err != nil {
		return err
	}
	defer done()
	cl, err := smtp.NewClient(conn, c.Host)
	if err != nil {
		return fmt.Errorf("smtp hello: %w", err)
	}
	defer cl.Close()
	if err := secure(cl, c); err != nil {
		return err
	}
	if c.Username != "" {
		if err := cl.Auth(smtp.PlainAuth("", c.Username, c.Password, c.Host)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	if err := cl.Mail(from.Address); err != nil {
		return fmt.Errorf("smtp from: %w", err)
	}
	if err := cl.Rcpt(m.To); err != nil {
		return fmt.Errorf("smtp rcpt: %w", err)
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("smtp data: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return cl.Quit()
}

// secure upgrades the connection with STARTTLS when the mode asks for it,
// and refuses to go on in plain text when the server does not offer it.
func secure(cl *smtp.Client, c config.SMTP) error {
	if c.Mode() != config.TLSStartTLS {
		return nil
	}
	if ok, _ := cl.Extension("STARTTLS"); !ok {
		return fmt.Errorf("smtp: the server at %s does not offer STARTTLS, which is required, so nothing was sent; "+
			"use port 465 with LIGHTBULB_SMTP_TLS=implicit, or LIGHTBULB_SMTP_TLS=off only for a relay you trust", addr(c))
	}
	if err := cl.StartTLS(tlsConfig(c)); err != nil {
		return fmt.Errorf("smtp starttls with %s: %w", addr(c), err)
	}
	return nil
}
