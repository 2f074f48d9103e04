// Package mail delivers Lightbulb's email by SMTP.
package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/config"
)

// Sender returns a function that delivers one message through the SMTP
// server in c, using STARTTLS when the server offers it.
func Sender(c config.SMTP) func(context.Context, *lightbulb.Mail) error {
	return func(ctx context.Context, m *lightbulb.Mail) error {
		addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
		d := net.Dialer{Timeout: 10 * time.Second}
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			return fmt.Errorf("smtp dial: %w", err)
		}
		cl, err := smtp.NewClient(conn, c.Host)
		if err != nil {
			conn.Close()
			return fmt.Errorf("smtp hello: %w", err)
		}
		defer cl.Close()
		if ok, _ := cl.Extension("STARTTLS"); ok {
			if err := cl.StartTLS(&tls.Config{ServerName: c.Host}); err != nil {
				return fmt.Errorf("smtp starttls: %w", err)
			}
		}
		if c.Username != "" {
			if err := cl.Auth(smtp.PlainAuth("", c.Username, c.Password, c.Host)); err != nil {
				return fmt.Errorf("smtp auth: %w", err)
			}
		}
		from := c.From
		if i := strings.LastIndex(from, "<"); i >= 0 {
			from = strings.Trim(from[i:], "<>")
		}
		if err := cl.Mail(from); err != nil {
			return fmt.Errorf("smtp from: %w", err)
		}
		if err := cl.Rcpt(m.To); err != nil {
			return fmt.Errorf("smtp rcpt: %w", err)
		}
		w, err := cl.Data()
		if err != nil {
			return fmt.Errorf("smtp data: %w", err)
		}
		fmt.Fprintf(w, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s",
			c.From, m.To, mime.QEncoding.Encode("utf-8", m.Subject), time.Now().Format(time.RFC1123Z),
			strings.ReplaceAll(m.Body, "\n", "\r\n"))
		if err := w.Close(); err != nil {
			return fmt.Errorf("smtp send: %w", err)
		}
		return cl.Quit()
	}
}
