package mail_test

import (
	"context"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/config"
	lbmail "github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/mail/mailtest"
)

const from = "Lightbulb <no-reply@lightbulb.test>"

// parse reads a received message (after its envelope lines) and decodes its
// quoted-printable body.
func parse(t *testing.T, raw string) (*mail.Message, string) {
	t.Helper()
	i := strings.Index(raw, "From: ")
	if i < 0 {
		t.Fatalf("no headers in %q", raw)
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw[i:]))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return msg, string(body)
}

func TestSenderDeliversOverSTARTTLSWithStableHeaders(t *testing.T) {
	rec := mailtest.Start(t)
	send := lbmail.Sender(rec.SMTP(from))
	created := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	m := &lightbulb.Mail{ID: 42, CreatedAt: created, Lang: lightbulb.LangWelsh, To: "nurse@example.org",
		Subject: "Ailosod eich cyfrinair ŵ", Body: "Helo Siân,\nLine two\n"}
	// A retry delivers the same outbox row again.
	for range 2 {
		if err := send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	other := *m
	other.ID = 43
	if err := send(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	got := rec.Raw()
	if len(got) != 3 || rec.PlainCount() != 0 {
		t.Fatalf("received %d messages, %d in plain text", len(got), rec.PlainCount())
	}
	for _, want := range []string{"MAIL FROM:<no-reply@lightbulb.test>", "RCPT TO:<nurse@example.org>"} {
		if !strings.Contains(got[0], want) {
			t.Fatalf("envelope lacks %q:\n%s", want, got[0])
		}
	}
	msg, body := parse(t, got[0])
	h := msg.Header
	wantID := fmt.Sprintf("<lightbulb.42.%d@lightbulb.test>", created.Unix())
	if h.Get("Message-ID") != wantID || h.Get("Date") != "Tue, 03 Mar 2026 09:30:00 +0000" || h.Get("Content-Language") != "cy" {
		t.Fatalf("headers: %v", h)
	}
	if subj, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); subj != m.Subject || h.Get("To") != "<nurse@example.org>" {
		t.Fatalf("subject %q to %q", subj, h.Get("To"))
	}
	if body != "Helo Siân,\r\nLine two\r\n" {
		t.Fatalf("body %q", body)
	}
	retry, _ := parse(t, got[1])
	next, _ := parse(t, got[2])
	if retry.Header.Get("Message-ID") != wantID || retry.Header.Get("Date") != h.Get("Date") {
		t.Fatalf("a retry changed the headers: %v", retry.Header)
	}
	if next.Header.Get("Message-ID") == wantID {
		t.Fatal("two outbox rows share a Message-ID")
	}
}

func TestMessageIDKeepsTheOutboxToken(t *testing.T) {
	created := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		m    lightbulb.Mail
		want string
	}{
		{lightbulb.Mail{ID: 7, CreatedAt: created, MessageID: "9f86d081884c"}, "<9f86d081884c@lightbulb.test>"},
		{lightbulb.Mail{ID: 7, CreatedAt: created, MessageID: "<abc@elsewhere.example>"}, "<abc@elsewhere.example>"},
		{lightbulb.Mail{ID: 7, CreatedAt: created}, fmt.Sprintf("<lightbulb.7.%d@lightbulb.test>", created.Unix())},
		{lightbulb.Mail{ID: 7, CreatedAt: created, MessageID: "bad\r\nBcc: x"}, fmt.Sprintf("<lightbulb.7.%d@lightbulb.test>", created.Unix())},
	} {
		if got := lbmail.MessageID(&tc.m, "no-reply@lightbulb.test"); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.m, got, tc.want)
		}
	}
	a, b := lbmail.MessageID(&lightbulb.Mail{}, "x@lightbulb.test"), lbmail.MessageID(&lightbulb.Mail{}, "x@lightbulb.test")
	if a == b || !strings.HasSuffix(a, "@lightbulb.test>") {
		t.Fatalf("unstored messages: %q and %q", a, b)
	}
}

func TestSenderRequiresSTARTTLSUnlessTurnedOff(t *testing.T) {
	rec := mailtest.StartMode(t, mailtest.Plain)
	c := rec.SMTP(from)
	c.TLS = "" // the default on port 587 and any port but 465
	err := lbmail.Sender(c)(context.Background(), &lightbulb.Mail{To: "a@example.org", Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "does not offer STARTTLS, which is required") ||
		!strings.Contains(err.Error(), "LIGHTBULB_SMTP_TLS") {
		t.Fatalf("err = %v, want a clear refusal", err)
	}
	if n := len(rec.Messages()); n != 0 {
		t.Fatalf("%d messages went out in plain text", n)
	}
	c.TLS = config.TLSOff
	if err := lbmail.Sender(c)(context.Background(), &lightbulb.Mail{To: "a@example.org", Subject: "s", Body: "b"}); err != nil {
		t.Fatal(err)
	}
	if rec.PlainCount() != 1 {
		t.Fatalf("with TLS turned off: %d plain messages", rec.PlainCount())
	}
}

func TestSenderImplicitTLS(t *testing.T) {
	rec := mailtest.StartMode(t, mailtest.Implicit)
	c := rec.SMTP(from)
	if err := lbmail.Sender(c)(context.Background(), &lightbulb.Mail{To: "a@example.org", Subject: "s", Body: "b"}); err != nil {
		t.Fatal(err)
	}
	if len(rec.Messages()) != 1 || rec.PlainCount() != 0 {
		t.Fatalf("received %d, plain %d", len(rec.Messages()), rec.PlainCount())
	}
	// The certificate is checked: without the test's roots it is refused.
	c.RootCAs = nil
	err := lbmail.Sender(c)(context.Background(), &lightbulb.Mail{To: "a@example.org", Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("an unknown certificate: %v", err)
	}
}

func TestSenderGivesUpOnASilentServer(t *testing.T) {
	for _, mode := range []string{config.TLSStartTLS, config.TLSImplicit} {
		rec := mailtest.StartMode(t, mailtest.Silent)
		c := rec.SMTP(from)
		c.TLS, c.Timeout = mode, 300*time.Millisecond
		start := time.Now()
		err := lbmail.Sender(c)(context.Background(), &lightbulb.Mail{To: "a@example.org", Subject: "s", Body: "b"})
		if took := time.Since(start); took > 3*time.Second {
			t.Fatalf("%s: gave up after %s, want about 300ms", mode, took)
		}
		if err == nil || !strings.Contains(err.Error(), "did not finish within 300ms") {
			t.Fatalf("%s: err = %v", mode, err)
		}
	}
	// The caller's context ends it sooner.
	rec := mailtest.StartMode(t, mailtest.Silent)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := lbmail.Sender(rec.SMTP(from))(ctx, &lightbulb.Mail{To: "a@example.org"}); err == nil || time.Since(start) > 3*time.Second {
		t.Fatalf("cancelled: %v after %s", err, time.Since(start))
	}
}

func TestSenderReportsRefusal(t *testing.T) {
	rec := mailtest.Start(t)
	rec.Refuse("no such mailbox")
	err := lbmail.Sender(rec.SMTP(from))(context.Background(), &lightbulb.Mail{To: "ghost@example.org", Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "no such mailbox") {
		t.Fatalf("err = %v, want the server's refusal", err)
	}
	// A header smuggled into the address is refused before any connection.
	err = lbmail.Sender(rec.SMTP(from))(context.Background(), &lightbulb.Mail{To: "a@example.org\r\nBcc: b@example.org"})
	if err == nil || !strings.Contains(err.Error(), "not an email address") {
		t.Fatalf("injected header: %v", err)
	}
	// Nothing listens here: a clear dial error, not a hang.
	dead := lbmail.Sender(config.SMTP{Host: "127.0.0.1", Port: 1, From: from})
	if err := dead(context.Background(), &lightbulb.Mail{To: "a@example.org"}); err == nil || !strings.Contains(err.Error(), "smtp dial") {
		t.Fatalf("dead server: %v", err)
	}
}

// TestOneClickUnsubscribeHeaders: a newsletter or check-in carries
// List-Unsubscribe and List-Unsubscribe-Post (RFC 8058); other email does
// not, and an address that could break the header is left out.
func TestOneClickUnsubscribeHeaders(t *testing.T) {
	rec := mailtest.Start(t)
	send := lbmail.Sender(rec.SMTP(from))
	for _, u := range []string{"https://lb.test/newsletter/unsubscribe/7.3.abc", "", "https://lb.test/x>\r\nBcc: evil@example.org"} {
		m := &lightbulb.Mail{ID: 1, CreatedAt: time.Now(), To: "reader@example.org", Subject: "News", Body: "Hello\n", ListUnsubscribe: u}
		if err := send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	got := rec.Raw()
	first, _ := parse(t, got[0])
	if first.Header.Get("List-Unsubscribe") != "<https://lb.test/newsletter/unsubscribe/7.3.abc>" ||
		first.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Fatalf("headers: %v", first.Header)
	}
	for _, raw := range got[1:] {
		msg, _ := parse(t, raw)
		if msg.Header.Get("List-Unsubscribe") != "" || msg.Header.Get("Bcc") != "" {
			t.Fatalf("unexpected headers: %v", msg.Header)
		}
	}
}
