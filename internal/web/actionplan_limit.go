package web

import (
	"net/http"
	"time"
)

// publicLimits judges the public sign-up forms (the Action Plan and the
// newsletter) as the UK Parliament's petitions service does: a burst limit
// and a sustained limit per network address. A sign-up over either, or
// with the hidden field filled in, is not refused: it is kept as suspect,
// never emailed and never counted, and the sender is told nothing
// different, so a bot learns nothing from the answer.
type publicLimits struct {
	burst, sustained *limiter
}

func newPublicLimits() *publicLimits {
	return &publicLimits{
		burst:     newLimiterEvery(6*time.Second, 10), // 10 at once, then one every 6 seconds
		sustained: newLimiterEvery(2*time.Minute, 30), // 30 an hour or so
	}
}

// suspect reports whether a sign-up looks automated. honeypot is the hidden
// field that people never see and bots fill in.
func (l *publicLimits) suspect(r *http.Request, honeypot string) bool {
	key := "ip:" + clientIP(r)
	// Both buckets spend an attempt, whatever the other says.
	burstOK := l.burst.allow(key)
	sustainedOK := l.sustained.allow(key)
	return honeypot != "" || !burstOK || !sustainedOK
}
