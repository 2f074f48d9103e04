package content

import (
	_ "embed"
	"encoding/json"
	"sync"
)

// pictures.json lists the icons an Easy Read sentence may have beside it:
// a chosen part of Health Icons (healthicons.org, MIT licence, by Resolve to
// Save Lives), which comes in through npm (@iconify-json/healthicons). The
// asset build (web/build.mjs) reads the same file and copies only these
// icons into the served assets, so the two cannot disagree.
//
//go:embed pictures.json
var picturesJSON []byte

// Picture is one icon admins may put beside an Easy Read sentence, with
// what it shows in English and Welsh (for the admin's list, never as the
// picture's alternative text: the pictures are decorative).
type Picture struct {
	Name string `json:"name"`
	EN   string `json:"en"`
	CY   string `json:"cy"`
}

var pictures = sync.OnceValue(func() []Picture {
	var ps []Picture
	if err := json.Unmarshal(picturesJSON, &ps); err != nil {
		panic("content: pictures.json: " + err.Error())
	}
	return ps
})

// Pictures lists the icons in the order of their English names.
func Pictures() []Picture { return append([]Picture(nil), pictures()...) }

// IsPicture reports whether name is one of Pictures.
func IsPicture(name string) bool {
	for _, p := range pictures() {
		if p.Name == name {
			return true
		}
	}
	return false
}
