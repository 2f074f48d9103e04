package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// pageObj matches a page object but not the /Pages tree node.
var pageObj = regexp.MustCompile(`/Type\s*/Page[^s]`)

var fixedTime = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func englishCard() (CardText, []CardRight) {
	text := CardText{
		Heading: "Your human rights",
		Intro:   "The Human Rights Act 1998 protects these 16 rights for everyone in the UK. Public services must respect them in everything they do.",
		Footer:  "Lightbulb · human rights in everyday practice",
		Lang:    "en-GB",
		Created: fixedTime,
	}
	const abs, lim, qual = "Absolute", "Limited", "Qualified"
	rights := []CardRight{
		{"A2", "Article 2", "Right to life", "Public bodies must protect your life and look into deaths where the state may have played a part.", abs, "absolute"},
		{"A3", "Article 3", "Freedom from torture and inhuman or degrading treatment", "No one may torture you or treat you in a way that is inhuman or degrading, ever, for any reason.", abs, "absolute"},
		{"A4", "Article 4", "Freedom from slavery and forced labour", "No one may hold you in slavery or servitude or make you do forced or compulsory work.", abs, "absolute"},
		{"A5", "Article 5", "Right to liberty and security", "You can only be detained in limited cases set out in law, and you can challenge your detention in court.", lim, "limited"},
		{"A6", "Article 6", "Right to a fair trial", "You have the right to a fair and public hearing within a reasonable time by an independent and impartial tribunal.", lim, "limited"},
		{"A7", "Article 7", "No punishment without law", "You cannot be punished for something that was not a crime when you did it.", abs, "absolute"},
		{"A8", "Article 8", "Respect for your private and family life", "You have the right to respect for your private life, family, home and letters.", qual, "qualified"},
		{"A9", "Article 9", "Freedom of thought, belief and religion", "You can hold any belief, and show it in worship, teaching and practice, alone or with others.", qual, "qualified"},
		{"A10", "Article 10", "Freedom of expression", "You can hold opinions and share information and ideas without interference from public bodies.", qual, "qualified"},
		{"A11", "Article 11", "Freedom of assembly and association", "You can meet with others peacefully, protest, and form or join a trade union.", qual, "qualified"},
		{"A12", "Article 12", "Right to marry and start a family", "Adults of marriageable age can marry and start a family, following national laws on marriage.", lim, "limited"},
		{"A14", "Article 14", "Protection from discrimination", "Your rights must be protected without discrimination on any ground, such as sex, race, religion, disability or age.", qual, "qualified"},
		{"P1A1", "Protocol 1, Article 1", "Protection of property", "You have the right to peaceful enjoyment of your possessions, including money, homes and pensions.", qual, "qualified"},
		{"P1A2", "Protocol 1, Article 2", "Right to education", "No one can be denied an education, and the state must respect parents' religious and philosophical beliefs.", qual, "qualified"},
		{"P1A3", "Protocol 1, Article 3", "Right to free elections", "Elections for the legislature must be free, fair and held by secret ballot at reasonable intervals.", qual, "qualified"},
		{"P13A1", "Protocol 13, Article 1", "Abolition of the death penalty", "No one can be condemned to death or executed, in peacetime or in war.", abs, "absolute"},
	}
	return text, rights
}

func welshCard() (CardText, []CardRight) {
	text := CardText{
		Heading: "Eich hawliau dynol",
		Intro:   "Mae Deddf Hawliau Dynol 1998 yn diogelu’r 16 hawl hyn i bawb yn y DU. Rhaid i wasanaethau cyhoeddus eu parchu ym mhopeth a wnânt.",
		Footer:  "Lightbulb · hawliau dynol ar waith bob dydd",
		Lang:    "cy",
		Created: fixedTime,
	}
	const abs, lim, qual = "Absoliwt", "Cyfyngedig", "Amodol"
	rights := []CardRight{
		{"A2", "Erthygl 2", "Hawl i fywyd", "Rhaid i gyrff cyhoeddus ddiogelu eich bywyd ac ymchwilio i farwolaethau lle gallai’r wladwriaeth fod â rhan.", abs, "absolute"},
		{"A3", "Erthygl 3", "Rhyddid rhag artaith a thriniaeth annynol neu ddiraddiol", "Ni chaiff neb eich arteithio na’ch trin mewn ffordd annynol neu ddiraddiol, byth, am unrhyw reswm.", abs, "absolute"},
		{"A4", "Erthygl 4", "Rhyddid rhag caethwasiaeth a llafur gorfodol", "Ni chaiff neb eich dal mewn caethwasiaeth na’ch gorfodi i wneud gwaith dan orfodaeth.", abs, "absolute"},
		{"A5", "Erthygl 5", "Hawl i ryddid a diogelwch", "Dim ond mewn achosion cyfyngedig yn ôl y gyfraith y cewch eich cadw, a gallwch herio hynny yn y llys.", lim, "limited"},
		{"A6", "Erthygl 6", "Hawl i dreial teg", "Mae gennych hawl i wrandawiad teg a chyhoeddus o fewn amser rhesymol gan dribiwnlys annibynnol a diduedd.", lim, "limited"},
		{"A7", "Erthygl 7", "Dim cosb heb gyfraith", "Ni chewch eich cosbi am rywbeth nad oedd yn drosedd pan wnaethoch chi hynny.", abs, "absolute"},
		{"A8", "Erthygl 8", "Parch at fywyd preifat a theuluol", "Mae gennych hawl i barch at eich bywyd preifat, eich teulu, eich tŷ a’ch gohebiaeth – gan gynnwys eich gŵr neu’ch gwraig.", qual, "qualified"},
		{"A9", "Erthygl 9", "Rhyddid meddwl, cred a chrefydd", "Cewch gredu’r hyn a fynnwch a’i ddangos mewn addoliad, dysgu ac arfer, ar eich pen eich hun neu gydag eraill.", qual, "qualified"},
		{"A10", "Erthygl 10", "Rhyddid mynegiant", "Cewch goleddu barn a rhannu gwybodaeth a syniadau heb ymyrraeth gan gyrff cyhoeddus.", qual, "qualified"},
		{"A11", "Erthygl 11", "Rhyddid i ymgynnull a chymdeithasu", "Cewch gwrdd ag eraill yn heddychlon, protestio, ac ymuno ag undeb llafur neu ei sefydlu.", qual, "qualified"},
		{"A12", "Erthygl 12", "Hawl i briodi a dechrau teulu", "Caiff oedolion o oedran priodi briodi a dechrau teulu, yn unol â chyfreithiau’r wlad – boed yn ŵr neu’n wraig.", lim, "limited"},
		{"A14", "Erthygl 14", "Diogelwch rhag gwahaniaethu", "Rhaid diogelu eich hawliau heb wahaniaethu ar unrhyw sail, megis rhyw, hil, crefydd, anabledd neu oedran.", qual, "qualified"},
		{"P1A1", "Protocol 1, Erthygl 1", "Diogelu eiddo", "Mae gennych hawl i fwynhau eich eiddo’n heddychlon, gan gynnwys arian, tai, tir ŷd a phensiynau.", qual, "qualified"},
		{"P1A2", "Protocol 1, Erthygl 2", "Hawl i addysg", "Ni chaiff neb ei amddifadu o addysg, a rhaid parchu credoau crefyddol ac athronyddol rhieni.", qual, "qualified"},
		{"P1A3", "Protocol 1, Erthygl 3", "Hawl i etholiadau rhydd", "Rhaid cynnal etholiadau rhydd a theg drwy bleidlais gudd – boed yn y dŵr neu ar y tir, mae pob pleidlais yn cyfrif.", qual, "qualified"},
		{"P13A1", "Protocol 13, Erthygl 1", "Diddymu’r gosb eithaf", "Ni chaiff neb ei gondemnio i farwolaeth na’i ddienyddio, mewn heddwch nac mewn rhyfel.", abs, "absolute"},
	}
	return text, rights
}

// render renders a card and checks the invariants every card must satisfy.
func render(t *testing.T, text CardText, rights []CardRight) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PocketCard(&buf, text, rights); err != nil {
		t.Fatalf("PocketCard: %v", err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("output does not start with %%PDF: %q", b[:min(len(b), 16)])
	}
	if n := len(pageObj.FindAll(b, -1)); n != 1 {
		t.Errorf("got %d pages, want exactly 1", n)
	}
	if len(b) >= 1<<20 {
		t.Errorf("PDF is %d bytes, want < 1 MB", len(b))
	}
	if !bytes.Contains(b, []byte("/Author (Lightbulb)")) {
		t.Error("author metadata missing")
	}
	if !bytes.Contains(b, []byte("/Title ")) {
		t.Error("title metadata missing")
	}
	if lang := langTag(text.Lang); lang != "" && !bytes.Contains(b, []byte("/Lang ("+lang+")")) {
		t.Errorf("language %q missing from catalog", text.Lang)
	}
	if !bytes.Contains(b, []byte("/FontFile2")) {
		t.Error("no embedded TrueType font")
	}
	return b
}

// writeSample saves the PDF to $CARD_PDF_DIR when set, for visual checks.
func writeSample(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := os.Getenv("CARD_PDF_DIR")
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPocketCardEnglish(t *testing.T) {
	text, rights := englishCard()
	b := render(t, text, rights)
	t.Logf("English card: %d bytes", len(b))
	writeSample(t, "card-en.pdf", b)
}

func TestPocketCardWelsh(t *testing.T) {
	text, rights := welshCard()
	b := render(t, text, rights)
	t.Logf("Welsh card: %d bytes", len(b))
	writeSample(t, "card-cy.pdf", b)
}

func TestPocketCardOversizedSummary(t *testing.T) {
	text, rights := englishCard()
	long := strings.Repeat("This summary goes on and on about ŵ and ŷ. ", 50)[:2000]
	for i := range rights {
		rights[i].Summary = long
	}
	rights[0].Title = strings.Repeat("An extraordinarily long title ", 10)
	rights[1].Code = strings.Repeat("X", 200) // one unbreakable word
	rights[2].Category = strings.Repeat("Categori ", 20)
	text.Heading = strings.Repeat("Your human rights ", 10)
	text.Footer = strings.Repeat("Footer ", 60)
	b := render(t, text, rights)
	writeSample(t, "card-long.pdf", b)
}

func TestPocketCardUnusualCharacters(t *testing.T) {
	text, rights := welshCard()
	rights[0].Summary = "Emoji 😀, CJK 人権, control \x00\x07, non-characters \uFFFF \U0010FFFF, invalid \xff UTF-8 and a\ttab\nnewline."
	rights[1].Title = "🙂🙂🙂"
	text.Lang = "cy) /Evil (x"
	b := render(t, text, rights)
	if !bytes.Contains(b, []byte("/Lang (cyEvilx)")) {
		t.Error("language tag not sanitised")
	}
}

func TestPocketCardManyRights(t *testing.T) {
	text, rights := englishCard()
	rights = append(rights, rights...) // 32 rights: 4 columns x 8 rows
	render(t, text, rights)
}

func TestPocketCardFewRights(t *testing.T) {
	text, rights := welshCard()
	render(t, text, rights[:3])
}

func TestPocketCardNoRights(t *testing.T) {
	text, _ := englishCard()
	var buf bytes.Buffer
	if err := PocketCard(&buf, text, nil); !errors.Is(err, ErrNoRights) {
		t.Fatalf("err = %v, want ErrNoRights", err)
	}
}

func TestPocketCardDeterministic(t *testing.T) {
	text, rights := welshCard()
	a := render(t, text, rights)
	b := render(t, text, rights)
	if !bytes.Equal(a, b) {
		t.Error("two renders with the same Created time differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20250102030405")) {
		t.Error("creation date not fixed to Created")
	}
}

func TestFitTruncatesWithEllipsis(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddPage()
	c := card{pdf: pdf}
	const w = 60.0
	s := strings.Repeat("Mae gennych hawl i barch at eich tŷ a’ch gŵr. ", 40) + strings.Repeat("ŵ", 300)
	size, lines := c.fit(s, "", summarySize, summaryMinSize, w, func(float64) int { return 3 })
	if size != summaryMinSize {
		t.Errorf("size = %v, want minimum %v", size, summaryMinSize)
	}
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3", len(lines))
	}
	if !strings.HasSuffix(lines[2], ellipsis) {
		t.Errorf("last line %q does not end with an ellipsis", lines[2])
	}
	pdf.SetFont(fontFamily, "", size)
	for _, l := range lines {
		if got := pdf.GetStringWidth(l); got > w {
			t.Errorf("line %q is %.1fmm wide, want <= %v", l, got, w)
		}
	}

	// Short text keeps the full size and is not truncated.
	size, lines = c.fit("Right to life", "", summarySize, summaryMinSize, w, func(float64) int { return 3 })
	if size != summarySize || len(lines) != 1 || lines[0] != "Right to life" {
		t.Errorf("fit(short) = %v, %q", size, lines)
	}

	// A single unbreakable word is split between characters.
	pdf.SetFont(fontFamily, "", summarySize)
	for _, l := range c.wrap(strings.Repeat("ŷ", 200), w) {
		if pdf.GetStringWidth(l) > w {
			t.Errorf("hard-wrapped line is %.1fmm wide", pdf.GetStringWidth(l))
		}
	}
}
