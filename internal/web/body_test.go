package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// chunked is a body with no declared length, as a chunked upload sends.
type chunked struct{ io.Reader }

func (c *client) postRaw(path, contentType string, body io.Reader, length int64) resp {
	c.e.t.Helper()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, body)
	req.ContentLength = length
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", c.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

// A body over 1 MiB is refused before any handler, with or without a
// Content-Length, and a form that cannot be read never saves as an empty
// one: here, a contributor's saved ratings survive.
func TestUnreadableFormSavesNothing(t *testing.T) {
	e, _ := reviewEnv(t)
	lead := e.client().signIn("leadA")
	rv := startReview(t, lead, "Ward 3", "1 1 2026", "31 3 2026")
	if r := lead.post(rv+"/contributors", url.Values{"person": {itoa64(e.users["staffA"].ID)}, "kind": {"staff"}}); r.status != http.StatusSeeOther {
		t.Fatalf("invite: %d", r.status)
	}
	nurse := e.client().signIn("staffA")
	if r := nurse.post(rv+"/rate", allRatings(2)); r.status != http.StatusSeeOther {
		t.Fatalf("rate: %d %.300s", r.status, text(r.body))
	}
	const form = "application/x-www-form-urlencoded"
	big := "rating-KR1=green&evidence-KR1=" + strings.Repeat("x", 2<<20)
	cases := []struct {
		name        string
		ctype, body string
		length      int64
		want        int
	}{
		{"chunked over 1 MiB", form, big, -1, http.StatusRequestEntityTooLarge},
		{"declared over 1 MiB", form, big, int64(len(big)), http.StatusRequestEntityTooLarge},
		{"malformed form", form, "rating-KR1=green&evidence-KR1=%zz", -1, http.StatusBadRequest},
		{"not a form", "text/plain", "rating-KR1=green", -1, http.StatusBadRequest},
		{"multipart over 1 MiB", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n" +
			strings.Repeat("y", 2<<20) + "\r\n--b--\r\n", -1, http.StatusRequestEntityTooLarge},
	}
	for _, c := range cases {
		r := nurse.postRaw(rv+"/rate", c.ctype, chunked{strings.NewReader(c.body)}, c.length)
		if r.status != c.want {
			t.Errorf("%s: status %d, want %d", c.name, r.status, c.want)
		}
	}
	rid, _ := strconv.ParseInt(strings.TrimPrefix(rv, "/reviews/"), 10, 64)
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	cs, err := e.svc.Reviews.Contributions(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != len(allRatings(2))/2 {
		t.Fatalf("after refused posts %d ratings are left, want %d", len(cs), len(allRatings(2))/2)
	}
	// An ordinary small form still works, chunked or not.
	if r := nurse.postRaw(rv+"/rate", form, chunked{strings.NewReader(allRatings(1).Encode())}, -1); r.status != http.StatusSeeOther {
		t.Fatalf("chunked small form: %d %.300s", r.status, text(r.body))
	}
}
