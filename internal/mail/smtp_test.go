package mail_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
)

// smtpServer is a minimal SMTP receiver on loopback that speaks enough of
// RFC 5321 for net/smtp and records what it was sent.
func smtpServer(t *testing.T, reject string) (port int, got chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	got = make(chan string, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		r, w := bufio.NewReader(c), bufio.NewWriter(c)
		say := func(s string) { w.WriteString(s + "\r\n"); w.Flush() }
		say("220 test ESMTP")
		var msg strings.Builder
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			cmd := strings.ToUpper(strings.TrimSpace(line))
			switch {
			case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
				say("250 test")
			case strings.HasPrefix(cmd, "MAIL FROM"):
				msg.WriteString(line)
				say("250 ok")
			case strings.HasPrefix(cmd, "RCPT TO"):
				if reject != "" {
					say("550 " + reject)
					continue
				}
				msg.WriteString(line)
				say("250 ok")
			case cmd == "DATA":
				say("354 go on")
				for {
					l, err := r.ReadString('\n')
					if err != nil || l == ".\r\n" {
						break
					}
					msg.WriteString(l)
				}
				say("250 queued")
			case cmd == "QUIT":
				say("221 bye")
				got <- msg.String()
				return
			default:
				say("250 ok")
			}
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port, got
}

func TestSenderDeliversBySMTP(t *testing.T) {
	port, got := smtpServer(t, "")
	send := mail.Sender(config.SMTP{Host: "127.0.0.1", Port: port, From: "Lightbulb <no-reply@lightbulb.test>"})
	err := send(context.Background(), &lightbulb.Mail{To: "nurse@example.org", Subject: "Ailosod eich cyfrinair ŵ", Body: "Line one\nLine two"})
	if err != nil {
		t.Fatal(err)
	}
	msg := <-got
	for _, want := range []string{"MAIL FROM:<no-reply@lightbulb.test>", "RCPT TO:<nurse@example.org>", "To: nurse@example.org",
		"Subject: =?utf-8?q?", "Line one\r\nLine two"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("message lacks %q:\n%s", want, msg)
		}
	}
}

func TestSenderReportsRefusal(t *testing.T) {
	port, _ := smtpServer(t, "no such mailbox")
	send := mail.Sender(config.SMTP{Host: "127.0.0.1", Port: port, From: "x@lightbulb.test"})
	err := send(context.Background(), &lightbulb.Mail{To: "ghost@example.org", Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "no such mailbox") {
		t.Fatalf("err = %v, want the server's refusal", err)
	}
	// Nothing listens here: a clear dial error, not a hang.
	dead := mail.Sender(config.SMTP{Host: "127.0.0.1", Port: 1, From: "x@lightbulb.test"})
	if err := dead(context.Background(), &lightbulb.Mail{To: "a@example.org"}); err == nil || !strings.Contains(err.Error(), "smtp dial") {
		t.Fatalf("dead server: %v", err)
	}
}
