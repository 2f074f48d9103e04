package web_test

import (
	"context"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// pngFile is the start of a real PNG: enough for its kind to be read from
// its bytes.
var pngFile = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

func easyForm(sentences ...string) map[string]string {
	f := map[string]string{"lang": "en", "title": "Right A8", "summary": "s", "protects": "p", "health_care": "h",
		"restrictions": "r", "examples": "one\ntwo", "keywords": "visiting", "category": "qualified",
		"easy_title": "Your right to a private life"}
	for i, s := range sentences {
		f["easy-"+itoa(int64(i+1))] = s
	}
	return f
}

// An admin gives each Easy Read sentence an icon or an uploaded picture; the
// public page shows the plain heading and each sentence with its picture,
// which is decorative (empty alt); a wrong file or a long sentence is
// refused by name with everything typed kept.
func TestEasyReadWithPictures(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	ctx := context.Background()

	// A long sentence and a file that is not a picture: both named, nothing saved, the words kept.
	f := easyForm("You have the right to a private life.", strings.Repeat("word ", 16))
	f["picture-1"] = "home"
	r := postFile(c, "/admin/rights/A8", f, "upload-2", "evil.png", []byte("<svg onload=alert(1)></svg>"))
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad Easy Read: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, r, "Easy Read sentence 2 has 16 words: use 15 or fewer",
		"Picture for sentence 2: The picture must be a PNG, JPEG, GIF or WebP image",
		`href="#easy-2"`, `href="#upload-2"`, "You have the right to a private life.", `value="home" selected`)
	if h, _ := e.svc.Rights.RightHistory(ctx, "A8", "en"); len(h) != 1 {
		t.Fatalf("a refused edit saved a version: %d", len(h))
	}

	// A real picture with a long sentence: the picture is kept on the form for the next try.
	r = postFile(c, "/admin/rights/A8", f, "upload-2", "door.png", pngFile)
	ref := regexp.MustCompile(`value="(upload:\d+)" selected`).FindStringSubmatch(r.body)
	if r.status != http.StatusUnprocessableEntity || ref == nil {
		t.Fatalf("the uploaded picture is not kept on the refused form: %d %.400s", r.status, text(r.body))
	}
	f["easy-2"], f["picture-2"] = "Staff should knock before they come in.", ref[1]
	if r := postFile(c, "/admin/rights/A8", f, "upload-9", "", nil); r.status != http.StatusSeeOther {
		t.Fatalf("a good edit: %d %.400s", r.status, text(r.body))
	}

	page := c.get("/rights/A8/easy-read")
	mustContain(t, page, "<h1 class=\"govuk-heading-xl\">Your right to a private life</h1>", "The law calls this right:")
	icon := regexp.MustCompile(`<img class="lb-easy-read__picture" src="(/static/easy-read/home[^"]*\.svg)" alt=""`).FindStringSubmatch(page.body)
	if icon == nil {
		t.Fatalf("the first sentence has no home icon with empty alt: %.1200s", page.body)
	}
	src := "/easy-read/pictures/" + strings.TrimPrefix(ref[1], "upload:")
	mustContain(t, page, `src="`+src+`" alt=""`)
	if _, err := os.Stat("static/easy-read"); err != nil && os.Getenv("CI") == "" {
		t.Log("the icons are not built (run `make assets`); not checking that they are served")
	} else if got := e.client().get(icon[1]); got.status != http.StatusOK || !strings.Contains(got.body, "MIT licence") {
		t.Errorf("the icon is not served with its licence: %d %.200s", got.status, got.body)
	}
	pic := e.client().get(src)
	if pic.status != http.StatusOK || pic.header.Get("Content-Type") != "image/png" || pic.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the uploaded picture: %d %v", pic.status, pic.header)
	}
	if got := e.client().get("/easy-read/pictures/9999"); got.status != http.StatusNotFound {
		t.Errorf("a missing picture: %d", got.status)
	}
}
