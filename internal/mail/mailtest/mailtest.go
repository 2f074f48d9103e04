// Package mailtest runs a real SMTP receiver on loopback for tests: it
// speaks enough of RFC 5321 for net/smtp, offers STARTTLS with a
// certificate of its own (or speaks TLS from the first byte, or offers no
// TLS, or never answers), and keeps every message it is sent, envelope
// lines included.
package mailtest

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"io"
	"mime/quotedprintable"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/config"
)

// Mode is how a Receiver treats a connection.
type Mode int

const (
	// StartTLS offers STARTTLS, as a submission server on port 587 does.
	StartTLS Mode = iota
	// Implicit speaks TLS from the first byte, as on port 465.
	Implicit
	// Plain offers no TLS at all, like an old relay.
	Plain
	// Silent accepts connections and never says a word.
	Silent
)

// Receiver keeps the messages an SMTP client delivered to it.
type Receiver struct {
	// Port is the loopback port it listens on.
	Port   int
	mode   Mode
	mu     sync.Mutex
	msgs   []string
	plain  int
	refuse string
}

// Refuse makes the receiver refuse every recipient from now on with a 550
// and reason; an empty reason accepts them again.
func (r *Receiver) Refuse(reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refuse = reason
}

func (r *Receiver) refusal() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.refuse
}

// Start listens on 127.0.0.1, offering STARTTLS, until the test ends.
func Start(tb testing.TB) *Receiver { return StartMode(tb, StartTLS) }

// StartMode listens on 127.0.0.1 in mode until the test ends.
func StartMode(tb testing.TB, mode Mode) *Receiver {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	r := &Receiver{Port: ln.Addr().(*net.TCPAddr).Port, mode: mode}
	held := make(chan net.Conn, 64)
	tb.Cleanup(func() {
		ln.Close()
		for len(held) > 0 {
			(<-held).Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			switch mode {
			case Silent:
				select {
				case held <- c: // kept open, unanswered, until the test ends
				default:
					c.Close()
				}
			case Implicit:
				go r.serve(tls.Server(c, serverTLS()), true)
			default:
				go r.serve(c, false)
			}
		}
	}()
	return r
}

// SMTP returns settings for a sender to this receiver that trust its
// certificate and protect the connection as the receiver expects.
func (r *Receiver) SMTP(from string) config.SMTP {
	c := config.SMTP{Host: "127.0.0.1", Port: r.Port, From: from, RootCAs: Roots()}
	switch r.mode {
	case Implicit:
		c.TLS = config.TLSImplicit
	case Plain:
		c.TLS = config.TLSOff
	default:
		c.TLS = config.TLSStartTLS
	}
	return c
}

// Raw returns a copy of every message received so far as it came, each
// with its MAIL FROM and RCPT TO lines before the headers and body.
func (r *Receiver) Raw() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.msgs...)
}

// Messages is Raw with each quoted-printable body decoded, so that tests
// can look for the words people read.
func (r *Receiver) Messages() []string {
	out := r.Raw()
	for i, m := range out {
		head, body, ok := strings.Cut(m, "\r\n\r\n")
		if !ok || !strings.Contains(head, "Content-Transfer-Encoding: quoted-printable") {
			continue
		}
		if text, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body))); err == nil {
			out[i] = head + "\r\n\r\n" + string(text)
		}
	}
	return out
}

// PlainCount is how many messages arrived over a connection without TLS.
func (r *Receiver) PlainCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.plain
}

func (r *Receiver) serve(c net.Conn, secure bool) {
	defer c.Close()
	in, out := bufio.NewReader(c), bufio.NewWriter(c)
	say := func(s string) { out.WriteString(s + "\r\n"); out.Flush() }
	say("220 test ESMTP")
	var msg strings.Builder
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return
		}
		switch cmd := strings.ToUpper(strings.TrimSpace(line)); {
		case strings.HasPrefix(cmd, "EHLO"):
			if !secure && r.mode == StartTLS {
				say("250-test\r\n250-8BITMIME\r\n250 STARTTLS")
			} else {
				say("250-test\r\n250 8BITMIME")
			}
		case cmd == "STARTTLS" && !secure && r.mode == StartTLS:
			say("220 go ahead")
			tc := tls.Server(c, serverTLS())
			if tc.Handshake() != nil {
				return
			}
			c, secure = tc, true
			in, out = bufio.NewReader(c), bufio.NewWriter(c)
			msg.Reset()
		case cmd == "DATA":
			say("354 go on")
			for {
				l, err := in.ReadString('\n')
				if err != nil || l == ".\r\n" {
					break
				}
				msg.WriteString(l)
			}
			r.keep(msg.String(), secure)
			msg.Reset()
			say("250 queued")
		case strings.HasPrefix(cmd, "RCPT") && r.refusal() != "":
			say("550 " + r.refusal())
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			msg.WriteString(line)
			say("250 ok")
		}
	}
}

func (r *Receiver) keep(msg string, secure bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, msg)
	if !secure {
		r.plain++
	}
}

// Roots trusts the receivers' certificate and nothing else.
func Roots() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(testCert().Leaf)
	return pool
}

func serverTLS() *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{*testCert()}, MinVersion: tls.VersionTLS12}
}
