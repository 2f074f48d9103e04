package lightbulb

import (
	"fmt"
	"strconv"
	"strings"
)

// EasyReadMaxWords is the most words an Easy Read sentence may have: one
// idea, short enough to read in one go. Words are counted as runs of letters
// between spaces, so "chi'n" and "ID" are one word each.
const EasyReadMaxWords = 15

// EasyReadWords counts the words of one Easy Read sentence.
func EasyReadWords(s string) int { return len(strings.Fields(s)) }

// The messages for an Easy Read sentence that is too long (its number,
// its words, the most allowed) and for a picture not among those offered
// (the sentence's number), as formats: pages translate them before filling
// them in.
const (
	EasyReadTooLong   = "Easy Read sentence %d has %d words: use %d or fewer"
	PictureNotOffered = "Picture for sentence %d: choose a picture from the list"
)

// MaxPictureBytes is the largest picture an admin may upload for an Easy
// Read sentence: pictures are shown about 6 cm wide, so 1 MB is plenty.
const MaxPictureBytes = 1 << 20

// PictureTypes are the kinds of picture an admin may upload, read from the
// file's first bytes (never from its name or what the browser says). SVG is
// not among them: it can carry scripts.
var PictureTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

// A picture beside an Easy Read sentence is named by a short reference: an
// icon of the shipped set by its name ("heart"), an uploaded picture as
// "upload:12", or "" for none.
const uploadPrefix = "upload:"

// UploadRef is the reference to uploaded picture id.
func UploadRef(id int64) string { return fmt.Sprintf("%s%d", uploadPrefix, id) }

// ParsePictureRef splits a reference into an icon name or an uploaded
// picture's id; both are zero for "" or a malformed upload reference.
func ParsePictureRef(ref string) (icon string, upload int64) {
	if rest, ok := strings.CutPrefix(ref, uploadPrefix); ok {
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil || id <= 0 {
			return "", 0
		}
		return "", id
	}
	return ref, 0
}

// Picture is an uploaded Easy Read picture.
type Picture struct {
	ID   int64
	Type string
	Data []byte
}

// ValidatePicture checks an upload's kind (from its bytes) and size.
func ValidatePicture(typ string, data []byte) error {
	switch {
	case len(data) == 0:
		return FieldError("upload", "The picture is empty: choose another file")
	case len(data) > MaxPictureBytes:
		return FieldError("upload", "The picture must be 1 MB or smaller")
	}
	for _, t := range PictureTypes {
		if t == typ {
			return nil
		}
	}
	return FieldError("upload", "The picture must be a PNG, JPEG, GIF or WebP image")
}
