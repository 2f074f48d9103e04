package web

import (
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// The edit form offers a row for each Easy Read sentence and spareRows empty
// ones to add more, up to maxEasyRows in all.
const (
	spareRows   = 3
	maxEasyRows = 20
)

// rightEditView is the edit form of one right in one language.
type rightEditView struct {
	Right      *lightbulb.Right
	Lang       string
	Language   lightbulb.ContentLanguage
	Categories []lightbulb.Category
	Rows       []editRow
	Pictures   []pictureOption
}

// editRow is one Easy Read sentence's row on the form, numbered from 1, with
// the picture now chosen for it.
type editRow struct {
	N        int
	Src      string
	Ref      string
	Uploaded bool
}

// pictureOption is an icon on the form's list, named in the page's language.
type pictureOption struct {
	Name, Label string
}

func rightEditOf(p *Page, right *lightbulb.Right, l lightbulb.ContentLanguage, sentences int) rightEditView {
	v := rightEditView{Right: right, Lang: l.Code, Language: l, Categories: lightbulb.Categories}
	n := min(max(sentences, 1)+spareRows, maxEasyRows)
	for i := 1; i <= n; i++ {
		ref := p.Form.Get(fmt.Sprintf("picture-%d", i))
		_, id := lightbulb.ParsePictureRef(ref)
		v.Rows = append(v.Rows, editRow{N: i, Ref: ref, Src: pictureSrc(p, ref), Uploaded: id != 0})
	}
	for _, pic := range content.Pictures() {
		v.Pictures = append(v.Pictures, pictureOption{Name: pic.Name, Label: lightbulb.Pick(p.Lang, pic.EN, pic.CY).S})
	}
	return v
}

// readEasyRows reads the form's Easy Read rows in order, skipping empty
// ones: each sentence, and its picture, which is an icon from the list, the
// picture uploaded for that row now (stored at once, and its reference put
// back into the form so a refused edit keeps it), or the uploaded picture
// the row had. Errors name the row. It returns how many pictures it stored.
func (s *Server) readEasyRows(r *http.Request, f *form) (easy, pics []string, uploaded int) {
	for i := 1; i <= maxEasyRows; i++ {
		text := f.Text(fmt.Sprintf("easy-%d", i))
		field := fmt.Sprintf("picture-%d", i)
		ref := f.Values.Get(field)
		upField := fmt.Sprintf("upload-%d", i)
		_, typ, data := readUpload(r, f, upField, "The picture could not be read: choose the file again", lightbulb.MaxPictureBytes)
		if data != nil {
			if id, err := s.Rights.AddPicture(r.Context(), typ, data); err != nil {
				f.Add(upField, "Picture for sentence %d: %s", i, i18n.T(f.lang, lightbulb.ErrorMessage(err)))
			} else {
				ref = lightbulb.UploadRef(id)
				f.Values.Set(field, ref)
				uploaded++
			}
		}
		if text == "" {
			continue
		}
		if n := lightbulb.EasyReadWords(text); n > lightbulb.EasyReadMaxWords {
			f.Add(fmt.Sprintf("easy-%d", i), lightbulb.EasyReadTooLong, i, n, lightbulb.EasyReadMaxWords)
		}
		if icon, id := lightbulb.ParsePictureRef(ref); ref != "" && id == 0 && !content.IsPicture(icon) {
			f.Add(field, lightbulb.PictureNotOffered, i)
		}
		easy, pics = append(easy, text), append(pics, ref)
	}
	return easy, pics, uploaded
}

// isRightEdit is the edit form's address, which may carry pictures.
func isRightEdit(path string) bool {
	return strings.HasPrefix(path, "/admin/rights/") && strings.Count(path, "/") == 3
}
