package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// compose writes m as an RFC 5322 message. Its Date is when the message
// was queued and its Message-ID is drawn from the outbox row, so a retried
// delivery of the same row carries the same headers and a receiver can
// drop the copy; now stands in only for a message never stored.
func compose(from *mail.Address, m *lightbulb.Mail, now time.Time) ([]byte, error) {
	to, err := mail.ParseAddress(m.To)
	if err != nil || strings.ContainsAny(m.To, "\r\n") {
		return nil, fmt.Errorf("smtp: recipient %q is not an email address", m.To)
	}
	date := m.CreatedAt
	if date.IsZero() {
		date = now
	}
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", from.String())
	header("To", to.String())
	header("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject)))
	header("Date", date.Format(time.RFC1123Z))
	header("Message-ID", MessageID(m, from.Address))
	if lightbulb.ValidLang(m.Lang) {
		header("Content-Language", m.Lang)
	}
	if u := m.ListUnsubscribe; u != "" && !strings.ContainsAny(u, "\r\n<>") {
		header("List-Unsubscribe", "<"+u+">")
		header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
	}
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(m.Body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// MessageID names a message for good, at the sender's domain, the same on
// every delivery attempt of one outbox row: the token the outbox fixed when
// the message was queued (m.MessageID), else one made from the row's id and
// creation time. A message never stored gets a random one.
func MessageID(m *lightbulb.Mail, sender string) string {
	host := "lightbulb.invalid"
	if i := strings.LastIndex(sender, "@"); i >= 0 && i < len(sender)-1 {
		host = sender[i+1:]
	}
	if id := strings.Trim(m.MessageID, "<> \r\n"); id != "" && !strings.ContainsAny(id, "<>\r\n ") {
		if strings.Contains(id, "@") {
			return "<" + id + ">"
		}
		return "<" + id + "@" + host + ">"
	}
	if m.ID != 0 && !m.CreatedAt.IsZero() {
		return fmt.Sprintf("<lightbulb.%d.%d@%s>", m.ID, m.CreatedAt.Unix(), host)
	}
	r := make([]byte, 12)
	_, _ = rand.Read(r)
	return fmt.Sprintf("<lightbulb.%s@%s>", hex.EncodeToString(r), host)
}

// oneLine keeps a header value on one line whatever a subject holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
