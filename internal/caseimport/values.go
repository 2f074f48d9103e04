package caseimport

import (
	"io"
	"slices"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ValueFields are the fields whose values an export may name its own way
// ("Willow Ward" for Willow Ward (older adults), "Concern" for PALS, "Minor
// harm" for low): a person matches each such value to Lightbulb's once, and
// the match is kept in the Mapping, so it is saved with the columns.
var ValueFields = []string{"service", "type", "harm"}

// MaxValues is how many different unmatched values of one field the
// matching page lists.
const MaxValues = 100

// A value match is kept in the Mapping under "value/FIELD/KEY", where KEY is
// the file's value as names compare (lightbulb.UnitKey). Column matches are
// kept under the field's name, so the two never meet.
const valuePrefix = "value/"

func valueKey(field, v string) string { return valuePrefix + field + "/" + lightbulb.UnitKey(v) }

// Value is what the file's value v of field was matched to: a unit's id for
// the service, a type or a level of harm.
func (m Mapping) Value(field, v string) (string, bool) {
	to, ok := m[valueKey(field, v)]
	return to, ok && to != ""
}

// SetValue matches the file's value v of field to Lightbulb's value to; an
// empty to forgets the match.
func (m Mapping) SetValue(field, v, to string) {
	if to == "" {
		delete(m, valueKey(field, v))
		return
	}
	m[valueKey(field, v)] = to
}

// Unmatched lists, for each value field, the different values in the file
// that Lightbulb does not recognise by itself, in the order they first
// appear, at most MaxValues each; more reports the fields that have more.
// Values already matched in opt.Mapping are listed too, so they can be
// changed.
func Unmatched(r io.Reader, opt Options) (vals map[string][]string, more map[string]bool, err error) {
	vals, more = map[string][]string{}, map[string]bool{}
	seen := map[string]bool{}
	var rep Report
	err = scan(r, opt.Mapping, &rep, func(_ int, rec []string, cols map[string]int, err error) error {
		if err != nil {
			return nil
		}
		for _, f := range ValueFields {
			i, ok := cols[f]
			if !ok || i >= len(rec) {
				continue
			}
			v := strings.TrimSpace(rec[i])
			if v == "" || seen[f+"/"+lightbulb.UnitKey(v)] || knownValue(f, v, opt.Services) {
				continue
			}
			seen[f+"/"+lightbulb.UnitKey(v)] = true
			if len(vals[f]) == MaxValues {
				more[f] = true
				continue
			}
			vals[f] = append(vals[f], v)
		}
		return nil
	})
	return vals, more, err
}

// knownValue reports whether Lightbulb reads v as a value of field by itself.
func knownValue(field, v string, services map[string]int64) bool {
	var ok bool
	switch field {
	case "service":
		_, ok = services[lightbulb.UnitKey(v)]
	case "type":
		_, ok = caseType(v)
	case "harm":
		_, ok = caseHarm(strings.ToLower(v))
	}
	return ok
}

// mappedService is the unit a file's ward name was matched to, if it was
// matched to one of the organisation's.
func mappedService(opt Options, name string) (id int64, matched, ok bool) {
	to, matched := opt.Mapping.Value("service", name)
	if !matched {
		return 0, false, false
	}
	id, err := strconv.ParseInt(to, 10, 64)
	for _, known := range opt.Services {
		if err == nil && known == id {
			return id, true, true
		}
	}
	return 0, true, false
}

// mappedType is the type of case a file's value was matched to.
func mappedType(m Mapping, v string) (lightbulb.CaseType, bool) {
	if to, ok := m.Value("type", v); ok && slices.Contains(lightbulb.CaseTypes, lightbulb.CaseType(to)) {
		return lightbulb.CaseType(to), true
	}
	return caseType(v)
}

// mappedHarm is the level of harm a file's value was matched to.
func mappedHarm(m Mapping, v string) (string, bool) {
	if to, ok := m.Value("harm", v); ok && slices.Contains(lightbulb.CaseHarms, to) {
		return to, true
	}
	return caseHarm(strings.ToLower(v))
}

// SuggestService is the one unit whose name starts with the file's value
// ("Willow Ward" for "Willow Ward (older adults)"), or 0 when none or
// several do: a suggestion the person sees and may change.
func SuggestService(v string, units []*lightbulb.Unit) int64 {
	key, found := lightbulb.UnitKey(v), int64(0)
	for _, u := range units {
		if strings.HasPrefix(lightbulb.UnitKey(u.Name), key) {
			if found != 0 {
				return 0
			}
			found = u.ID
		}
	}
	return found
}
