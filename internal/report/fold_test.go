package report

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func foldText(card CardText) FoldText {
	return FoldText{CardText: card,
		Instructions: "Cut along the solid line. Fold in half down the middle, then back and forth along the dashed lines.",
		Back:         []string{"Absolute rights can never be restricted.", "Qualified rights can be restricted when it is lawful and fair."}}
}

// pdfText extracts a PDF's text with poppler's pdftotext, which reads the
// page as a person or screen reader would (columns, then lines).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("LIGHTBULB_REQUIRE_E2E") == "1" {
			t.Fatal("pdftotext is needed to read the card's text (apt-get install poppler-utils)")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// inOrder fails unless each of wants appears in text after the one before.
func inOrder(t *testing.T, text string, wants ...string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q is not after %q in the card's text:\n%s", w, text[:at], text)
		}
		at += i + len(w)
	}
}

func TestFoldingCardReadsRightByRight(t *testing.T) {
	for name, make := range map[string]func() (CardText, []CardRight){"en": englishCard, "cy": welshCard} {
		t.Run(name, func(t *testing.T) {
			card, rights := make()
			var buf bytes.Buffer
			if err := FoldingCard(&buf, foldText(card), rights); err != nil {
				t.Fatal(err)
			}
			b := buf.Bytes()
			writeSample(t, "folding-"+name+".pdf", b)
			if n := len(pageObj.FindAll(b, -1)); n != 1 {
				t.Errorf("%d pages, want 1", n)
			}
			if !bytes.Contains(b, []byte("/Lang ("+card.Lang+")")) {
				t.Errorf("the language %s is not set", card.Lang)
			}
			text := pdfText(t, b)
			info := pdfInfo(t, b)
			if !regexp.MustCompile(`(?m)^Title:\s+` + regexp.QuoteMeta(card.Heading) + `$`).MatchString(info) {
				t.Errorf("the title is not %q:\n%s", card.Heading, info)
			}
			// The cover, then each right's code, title and the start of its summary, then the back.
			wants := []string{card.Heading}
			for _, r := range rights {
				words := strings.Fields(r.Summary)
				wants = append(wants, r.Code+" · "+r.Article, r.Title, strings.Join(words[:3], " "))
			}
			inOrder(t, text, append(wants, "Absolute rights can never", card.Footer)...)
		})
	}
}

// The panels are the size of a bank card: ten of 85.6 x 54 mm in the grid.
func TestFoldingCardPanelsAreBankCards(t *testing.T) {
	if panelW != 85.6 || panelH != 54 {
		t.Fatalf("panels are %.1f x %.1f mm", panelW, panelH)
	}
	last := panelAt(foldPanes - 1)
	if right, bottom := last[0]+panelW, last[1]+panelH; right > pageW-5 || bottom > pageH-5 || foldOrigin[0] < 5 {
		t.Errorf("the grid runs to (%.1f, %.1f) mm, inside the 5 mm a printer cannot reach", right, bottom)
	}
}

func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo is not installed (apt-get install poppler-utils)")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}
