// Package mailtest runs a real SMTP receiver on loopback for tests: it
// speaks enough of RFC 5321 for net/smtp and keeps every message it is sent,
// envelope lines included.
package mailtest

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"
)

// Receiver keeps the messages an SMTP client delivered to it.
type Receiver struct {
	// Port is the loopback port it listens on.
	Port int
	mu   sync.Mutex
	msgs []string
}

// Start listens on 127.0.0.1 until the test ends.
func Start(tb testing.TB) *Receiver {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	r := &Receiver{Port: ln.Addr().(*net.TCPAddr).Port}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go r.serve(c)
		}
	}()
	return r
}

// Messages returns a copy of every message received so far, each with its
// MAIL FROM and RCPT TO lines before the headers and body.
func (r *Receiver) Messages() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.msgs...)
}

func (r *Receiver) serve(c net.Conn) {
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
		case cmd == "DATA":
			say("354 go on")
			for {
				l, err := in.ReadString('\n')
				if err != nil || l == ".\r\n" {
					break
				}
				msg.WriteString(l)
			}
			r.mu.Lock()
			r.msgs = append(r.msgs, msg.String())
			r.mu.Unlock()
			msg.Reset()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			msg.WriteString(line)
			say("250 ok")
		}
	}
}
