package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
)

// importValueField is one field whose values in the file Lightbulb does not
// recognise by itself, each to be matched to one of Lightbulb's.
type importValueField struct {
	Field  string
	Values []importValue
	More   bool // the file has more than caseimport.MaxValues of them
}

// importValue is one of the file's values and the form's names for it: a
// hidden field holding the value and a select for its match.
type importValue struct {
	From, FromName, ToName string
	Suggested              bool
}

// importValues lists the file's unrecognised values of each value field
// and puts their matches (kept in m, or suggested) in the form.
func importValues(body []byte, opt caseimport.Options, units []*lightbulb.Unit, form url.Values) ([]importValueField, error) {
	vals, more, err := caseimport.Unmatched(bytes.NewReader(body), opt)
	if err != nil {
		return nil, err
	}
	var out []importValueField
	for _, f := range caseimport.ValueFields {
		if len(vals[f]) == 0 {
			continue
		}
		vf := importValueField{Field: f, More: more[f]}
		for i, v := range vals[f] {
			iv := importValue{From: v, FromName: fmt.Sprintf("vfrom-%s-%d", f, i), ToName: fmt.Sprintf("vto-%s-%d", f, i)}
			to, ok := opt.Mapping.Value(f, v)
			if !ok && f == "service" {
				if id := caseimport.SuggestService(v, units); id != 0 {
					to, iv.Suggested = strconv.FormatInt(id, 10), true
				}
			}
			form.Set(iv.FromName, v)
			form.Set(iv.ToName, to)
			vf.Values = append(vf.Values, iv)
		}
		out = append(out, vf)
	}
	return out, nil
}

// postedValues adds the value matches a person chose to m.
func postedValues(r *http.Request, m caseimport.Mapping) {
	for _, f := range caseimport.ValueFields {
		for i := 0; i < caseimport.MaxValues; i++ {
			from, ok := r.PostForm[fmt.Sprintf("vfrom-%s-%d", f, i)]
			if !ok || len(from) == 0 {
				break
			}
			m.SetValue(f, from[0], r.PostFormValue(fmt.Sprintf("vto-%s-%d", f, i)))
		}
	}
}

// ValueChoices are what a file's value of field can be matched to, as
// value and label pairs, in the page's language.
func (v *caseImportView) ValueChoices(p *Page, field string) [][2]string {
	var out [][2]string
	switch field {
	case "service":
		for _, u := range v.Units {
			out = append(out, [2]string{strconv.FormatInt(u.ID, 10), u.Name})
		}
	case "type":
		for _, t := range lightbulb.CaseTypes {
			out = append(out, [2]string{string(t), p.Label("case", string(t))})
		}
	case "harm":
		for _, h := range lightbulb.CaseHarms {
			out = append(out, [2]string{h, p.Label("case", h)})
		}
	}
	return out
}
