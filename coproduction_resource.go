package lightbulb

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Co-produced resources: guides written with lived experience experts, and
// the Easy Read versions and translations made from them. Each has
// versions; an Easy Read version or translation records which version of
// its original it follows, and says so when the original has moved on.

// The kinds of resource. A guide stands alone; the others follow one.
const (
	ResourceGuide       = "guide"
	ResourceEasyRead    = "easy_read"
	ResourceTranslation = "translation"
)

// ResourceKinds lists the kinds in display order.
var ResourceKinds = []string{ResourceGuide, ResourceEasyRead, ResourceTranslation}

// ResourceLangs are the languages a resource can be written in.
var ResourceLangs = []string{"en", "cy", "ar", "bn", "pl", "pa", "so", "ur"}

// MaxResourceBytes is the largest file a version can keep.
const MaxResourceBytes = 20 << 20

// Resource file types, as read from a file's first bytes.
const (
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeODT  = "application/vnd.oasis.opendocument.text"
)

// ResourceTypes are the kinds of file a version can be.
var ResourceTypes = []string{"application/pdf", TypeDOCX, TypeODT, "image/png", "image/jpeg"}

// Resource is one co-produced guide, Easy Read version or translation.
type Resource struct {
	ID          int64
	Title       string
	Kind        string
	Lang        string
	SourceID    int64 // the original an Easy Read version or translation follows
	SourceTitle string
	CreatedAt   time.Time
	Versions    []*ResourceVersion // newest first
	// Latest is the newest version's number; SourceLatest the original's.
	Latest, SourceLatest int
	Follows              int // the original's version the newest follows
	Derived              []*Resource
	Credits              []*Credit
}

// Lags reports whether the newest version follows an older version of the
// original than the original's newest.
func (r *Resource) Lags() bool { return r.SourceID != 0 && r.Follows < r.SourceLatest }

// ResourceVersion is one version of a resource with its file.
type ResourceVersion struct {
	ID         int64
	ResourceID int64
	Version    int
	Follows    int // the version of the original it follows; 0 for a guide
	Note       string
	File       *FileUpload
	FileName   string
	FileType   string
	FileSize   int64
	ByName     string
	CreatedAt  time.Time
}

// Size is the file's size, such as "340 KB" or "2.5 MB".
func (x *ResourceVersion) Size() string {
	if x.FileSize < 1<<20 {
		return fmt.Sprintf("%d KB", (x.FileSize+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(x.FileSize)/(1<<20))
}

// FileUpload is a file posted with a form: its name, the type its bytes
// show (never the browser's word) and its bytes.
type FileUpload struct {
	Name string
	Type string
	Data []byte
}

// Ext is the extension a download of the file gets, from its type.
func (f *FileUpload) Ext() string {
	switch f.Type {
	case "application/pdf":
		return ".pdf"
	case TypeDOCX:
		return ".docx"
	case TypeODT:
		return ".odt"
	case "image/png":
		return ".png"
	case "image/jpeg":
		return ".jpg"
	}
	return ""
}

// Credit names an expert who co-produced a resource. It is shown only while
// the expert agrees to be credited by name.
type Credit struct {
	ExpertID   int64
	ExpertName string
}

// Validate checks a new resource before it is saved.
func (r *Resource) Validate() error {
	var v ValidationErrors
	r.Title = strings.TrimSpace(r.Title)
	switch {
	case r.Title == "":
		v.Add("title", "Enter the resource's title")
	case len([]rune(r.Title)) > 200:
		v.Add("title", "The title must be 200 characters or fewer")
	}
	if !slices.Contains(ResourceKinds, r.Kind) {
		v.Add("kind", "Choose what kind of resource it is")
	}
	if !slices.Contains(ResourceLangs, r.Lang) {
		v.Add("lang", "Choose the language it is written in")
	}
	if r.Kind != ResourceGuide && r.Kind != "" && r.SourceID == 0 {
		v.Add("source", "Choose the original it follows")
	}
	if r.Kind == ResourceGuide {
		r.SourceID = 0
	}
	return v.Err()
}

// Validate checks a version's note and file.
func (x *ResourceVersion) Validate() error {
	var v ValidationErrors
	x.Note = strings.TrimSpace(x.Note)
	if len([]rune(x.Note)) > 1000 {
		v.Add("note", "What changed must be 1,000 characters or fewer")
	}
	switch f := x.File; {
	case f == nil:
		v.Add("file", "Choose the file for this version")
	case len(f.Data) > MaxResourceBytes:
		v.Add("file", "The file must be 20 MB or smaller")
	case !slices.Contains(ResourceTypes, f.Type):
		v.Add("file", "The file must be a PDF, a Word or OpenDocument text file, or a PNG or JPEG image")
	}
	return v.Err()
}

// SniffFile says what kind of file data is from its bytes: the browser's
// sniffing rules, and inside a ZIP the parts that make a Word (.docx) or
// OpenDocument text (.odt) file.
func SniffFile(data []byte) string {
	typ, _, _ := mime.ParseMediaType(http.DetectContentType(data))
	if typ != "application/zip" {
		return typ
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return typ
	}
	for _, f := range z.File {
		switch f.Name {
		case "word/document.xml":
			return TypeDOCX
		case "mimetype":
			rc, err := f.Open()
			if err != nil {
				return typ
			}
			head, _ := io.ReadAll(io.LimitReader(rc, 64))
			rc.Close()
			if string(head) == TypeODT {
				return TypeODT
			}
		}
	}
	return typ
}

// ResourceService keeps an organisation's co-produced resources.
type ResourceService interface {
	// Resources lists the organisation's resources, each with its newest
	// version and whether it lags its original.
	Resources(ctx context.Context) ([]*Resource, error)
	// Resource returns one resource with its versions, derived resources
	// and the credits shown (experts who agree to be credited by name).
	Resource(ctx context.Context, id int64) (*Resource, error)
	// CreateResource saves a resource with its first version, which follows
	// the original's newest version.
	CreateResource(ctx context.Context, r *Resource, first *ResourceVersion) error
	// AddVersion adds a version; for an Easy Read version or translation,
	// Follows names the original's version (0: its newest).
	AddVersion(ctx context.Context, x *ResourceVersion) error
	// ResourceFile returns one version's file.
	ResourceFile(ctx context.Context, resourceID int64, version int) (*FileUpload, error)
	// Credit credits an expert, refused unless they agree to be credited
	// by name.
	Credit(ctx context.Context, resourceID, expertID int64) error
	// MyCredits lists the resources an expert is credited on.
	MyCredits(ctx context.Context, userID int64) ([]*Resource, error)
}
