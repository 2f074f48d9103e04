package web

import (
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// easyReadView is an Easy Read page: a plain heading, then each sentence
// with its picture.
type easyReadView struct {
	Right   *lightbulb.Right
	Heading string
	Rows    []easyRow
}

// easyRow is one Easy Read sentence and the address of its picture ("" for
// none). The picture is decorative: the sentence beside it says everything,
// so it has empty alternative text and a screen reader reads each idea once.
type easyRow struct {
	Text, Src string
}

func easyReadOf(p *Page, right *lightbulb.Right) easyReadView {
	t := &right.Text
	v := easyReadView{Right: right, Heading: t.EasyTitle}
	if v.Heading == "" {
		v.Heading = t.Title
	}
	for i, s := range t.EasyRead {
		v.Rows = append(v.Rows, easyRow{Text: s, Src: pictureSrc(p, t.EasyPicture(i))})
	}
	return v
}

// pictureSrc is the address of a picture reference: a shipped icon among
// the built assets, or an uploaded picture.
func pictureSrc(p *Page, ref string) string {
	icon, id := lightbulb.ParsePictureRef(ref)
	switch {
	case id != 0:
		return fmt.Sprintf("/easy-read/pictures/%d", id)
	case icon != "":
		return p.Asset("easy-read/" + icon + ".svg")
	}
	return ""
}

// rightPicture serves an uploaded Easy Read picture. Pictures are public
// content, like the rights themselves; the type was read from the bytes
// when it was uploaded, and nosniff keeps browsers to it.
func (s *Server) rightPicture(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	pic, err := s.Rights.FindPicture(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", pic.Type)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	_, _ = w.Write(pic.Data)
}
