package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Journey: a visitor reads an Easy Read page in Welsh, with a picture beside
// every sentence and every word at least 16pt, on a wide screen and at
// 320 px, then takes the folding pocket card in Welsh.
func TestVisitorReadsEasyReadWithPicturesInWelsh(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/rights/A5")
	click(t, tb, "right-A5-cymraeg", `.govuk-header a[hreflang="cy"]`)
	click(t, tb, "easy-read-A5-cymraeg", `main a[href="/rights/A5/easy-read"]`)
	checkLanguage(t, tb, "/rights/A5/easy-read", "cy", "Eich hawl i fod yn rhydd")

	rows := eval[[]struct {
		Text   string  `json:"text"`
		Alt    *string `json:"alt"`
		Loaded bool    `json:"loaded"`
	}](t, tb, `[...document.querySelectorAll('main .lb-easy-read__item')].map(li => {
		const img = li.querySelector('img');
		return {text: li.textContent.trim(), alt: img ? img.getAttribute('alt') : null, loaded: !!img && img.complete && img.naturalWidth > 0};
	})`)
	if len(rows) < 5 {
		t.Fatalf("the Welsh Easy Read page has %d sentences, want at least 5", len(rows))
	}
	for i, r := range rows {
		if r.Alt == nil || *r.Alt != "" || !r.Loaded {
			t.Errorf("sentence %d %q has no loaded picture with empty alt (decorative): %+v", i+1, r.Text, r)
		}
		if n := len(strings.Fields(r.Text)); n > 15 {
			t.Errorf("sentence %d has %d words: %q", i+1, n, r.Text)
		}
	}
	checkEasyReadSize(t, tb, "wide")
	ctx, cancel := within(tb)
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		t.Fatalf("narrow the window: %v", err)
	}
	checkEasyReadSize(t, tb, "320px")
	shot(t, tb, "easy-read-A5-cymraeg-320px")
	widen(t, ctx)
	cancel()

	// The pocket card page offers the folding card; the visitor takes it.
	visit(t, tb, "/rights/card")
	href := eval[string](t, tb, `document.querySelector('main a[href="/rights/folding-card.pdf"]')?.getAttribute('href') || ''`)
	if href == "" {
		t.Fatalf("the pocket card page has no link to the folding card:\n%s", clip(text(t, tb, "main"), 600))
	}
	pdf := fetchAsTab(t, tb, href)
	saveArtifact(t, "folding-card-cymraeg", "pdf", pdf)
	if n := len(pdfPage.FindAll(pdf, -1)); n != 1 || !bytes.Contains(pdf, []byte("/Lang (cy)")) {
		t.Errorf("the folding card has %d pages or is not marked Welsh", n)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		words := strings.Join(strings.Fields(string(out)), " ")
		at := 0
		for _, want := range []string{"Eich hawliau dynol", "A2 · Erthygl 2", "A5 · Erthygl 5", "A14 · Erthygl 14", "P13A1 · Protocol 13, Erthygl 1"} {
			i := strings.Index(words[at:], want)
			if i < 0 {
				t.Fatalf("the folding card's text does not have %q after %q:\n%s", want, clip(words[:at], 200), words)
			}
			at += i + len(want)
		}
	}
}

// checkEasyReadSize fails for any text on the Easy Read page smaller than
// 16pt (21.33 CSS px).
func checkEasyReadSize(t *testing.T, tb *tab, when string) {
	t.Helper()
	small := eval[[]string](t, tb, `[...document.querySelectorAll('main .lb-easy-page *')].filter(el =>
		[...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '') &&
		!el.closest('.govuk-visually-hidden') &&
		parseFloat(getComputedStyle(el).fontSize) < 21.3).map(el => el.tagName + ' ' + getComputedStyle(el).fontSize + ' ' + el.textContent.trim().slice(0, 40))`)
	if len(small) > 0 {
		t.Errorf("Easy Read text under 16pt (%s): %s", when, strings.Join(small, "; "))
	}
}

// fetchAsTab downloads path with the tab's cookies (its language), as the
// browser's download would.
func fetchAsTab(t *testing.T, tb *tab, path string) []byte {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		t.Fatalf("read the tab's cookies: %v", err)
	}
	req, _ := http.NewRequest("GET", baseURL+path, nil)
	for _, c := range res.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("GET %s: %s %s", path, resp.Status, resp.Header.Get("Content-Type"))
	}
	return body
}

// compareAndRestore reads version old of A8 from its history, checks the
// word-by-word comparison with the current version, restores it, and finds
// the restored words on the public page.
func compareAndRestore(t *testing.T, tb *tab, old int, oldTitle string) {
	t.Helper()
	visit(t, tb, "/admin/rights/A8/history?lang=en")
	click(t, tb, "read-old-version", fmt.Sprintf(`main a[href="/admin/rights/A8/versions/%d?lang=en"]`, old))
	mustContain(t, tb, "main h1", fmt.Sprintf("Version %d", old))
	mustContain(t, tb, "main", "Compared with the current version")
	removed := text(t, tb, "main .lb-diff del")
	if !strings.Contains(removed, "removed") || eval[string](t, tb, `getComputedStyle(document.querySelector('main .lb-diff del')).textDecorationLine`) != "line-through" {
		t.Errorf("removed words are not struck through and said in words: %q", removed)
	}
	click(t, tb, "restored", `main form[action$="/restore"] button[type=submit]`)
	if p := here(t, tb); p != "/admin/rights/A8/history?lang=en" {
		t.Fatalf("restoring went to %s", p)
	}
	mustContain(t, tb, "main", fmt.Sprintf("Restored version %d", old))
	visit(t, tb, "/rights/A8")
	mustContain(t, tb, "main h1", oldTitle)
}

// Journey: the platform admin adds Urdu (right to left), translates Article
// 9 with an uploaded picture beside its first Easy Read sentence, and a
// visitor reads it from the right's page, marked ur and rtl.
func TestAdminAddsALanguageAndAVisitorReadsIt(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@lightbulb.test")
	visit(t, tb, "/admin/rights")
	click(t, tb, "languages", `main a[href="/admin/languages"]`)
	if !eval[bool](t, tb, `document.querySelector('main tbody a[href="/admin/languages/ur"]') === null`) {
		t.Skip("Urdu is already there: this journey ran before on this server")
	}
	// A bad code first: the error names the question and keeps the rest.
	do(t, tb, "type the language",
		chromedp.SendKeys(chromedp.CSS("#code"), "urdu!"), chromedp.SendKeys(chromedp.CSS("#name"), "Urdu"),
		chromedp.SetValue(chromedp.CSS("#native_name"), "اردو"), chromedp.Click(chromedp.CSS(`input[name="dir"][value="rtl"]`)))
	if status := click(t, tb, "language-refused", `main form button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("a bad language code answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the language's code")
	if v := value(t, tb, "#native_name"); v != "اردو" {
		t.Errorf("after the error the name in Urdu holds %q", v)
	}
	do(t, tb, "correct the code", chromedp.Clear(chromedp.CSS("#code")), chromedp.SendKeys(chromedp.CSS("#code"), "ur"))
	click(t, tb, "language-added", `main form button[type=submit]`)
	if p := here(t, tb); p != "/admin/languages/ur" {
		t.Fatalf("adding Urdu went to %s:\n%s", p, clip(text(t, tb, "main"), 600))
	}
	click(t, tb, "translate-A9", `main a[href="/admin/rights/A9?lang=ur"]`)
	picture := filepath.Join(t.TempDir(), "prayer.png")
	if err := os.WriteFile(picture, tinyPNG(t), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, tb, "write A9 in Urdu with a picture for its first Easy Read sentence",
		chromedp.SetValue(chromedp.CSS("#title"), "سوچ، ضمیر اور مذہب کی آزادی"),
		chromedp.SetValue(chromedp.CSS("#summary"), "آپ جو چاہیں مان سکتے ہیں۔"),
		chromedp.SetValue(chromedp.CSS("#easy_title"), "اپنے عقائد کا آپ کا حق"),
		chromedp.SetValue(chromedp.CSS("#easy-1"), "آپ جو چاہیں مان سکتے ہیں۔"),
		chromedp.SetUploadFiles(chromedp.CSS("#upload-1"), []string{picture}))
	click(t, tb, "A9-urdu-saved", `main form button[type=submit]`)
	if p := here(t, tb); p != "/admin/rights/A9/history?lang=ur" {
		t.Fatalf("saving the Urdu went to %s:\n%s", p, clip(text(t, tb, "main"), 600))
	}

	visitor := newTab(t)
	visit(t, visitor, "/rights/A9")
	click(t, visitor, "A9-in-urdu", `main a[href="/rights/A9/in/ur"]`)
	got := eval[[]string](t, visitor, `(() => { const d = document.querySelector('main div[lang="ur"]');
		return d ? [d.dir, d.querySelector('h1').textContent, document.documentElement.lang] : [] })()`)
	if len(got) != 3 || got[0] != "rtl" || got[1] != "سوچ، ضمیر اور مذہب کی آزادی" || got[2] != "en" {
		t.Errorf("the Urdu right is not marked ur and rtl inside an English page: %q", got)
	}
	if !eval[bool](t, visitor, `(() => { const i = document.querySelector('main .lb-easy-read__item img');
		return !!i && i.getAttribute('src').startsWith('/easy-read/pictures/') && i.getAttribute('alt') === '' && i.naturalWidth > 0 })()`) {
		t.Error("the uploaded picture is not beside the Urdu Easy Read sentence")
	}
}

// tinyPNG is a real 4 x 4 picture.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range img.Pix {
		img.Pix[i] = []byte{29, 112, 184, 255}[i%4] // GOV.UK blue
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
