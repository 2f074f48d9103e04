package web

import (
	"fmt"
	"reflect"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// choice is one answer offered by a radios or checkboxes partial.
type choice struct{ Value, Label, Hint string }

// choiceFuncs build the choices of the form partials in templates/layout/forms.html.
var choiceFuncs = map[string]any{
	// opt is one choice: (opt "service" (.T "One service")) or, with a hint,
	// (opt "everyone" (.T "Everyone") (.T "This makes it a blanket rule.")).
	"opt": func(value, label string, hint ...string) choice {
		c := choice{Value: value, Label: label}
		if len(hint) > 0 {
			c.Hint = hint[0]
		}
		return c
	},
	"opts":    func(cs ...choice) []choice { return cs },
	"options": options,
	// codes is a list of stored codes the domain defines, by the label
	// kind that names them: (codes "coprod_topic").
	"codes": func(kind string) []string { return codeLists[kind] },
}

// codeLists are the domain's lists of codes that forms offer, by label kind.
var codeLists = map[string][]string{
	"coprod_need": lightbulb.NeedAnswers, "coprod_format": lightbulb.ExpertFormats, "coprod_topic": lightbulb.CoprodTopics,
	"coprod_pay": lightbulb.PayPrefs, "coprod_period": lightbulb.CapPeriods, "coprod_level": lightbulb.CoprodLevels,
	"coprod_activity": lightbulb.CoprodActivities, "coprod_method": lightbulb.FollowUpMethods,
	"coprod_outcome": lightbulb.FollowUpOutcomes, "coprod_use": lightbulb.QuoteUses,
	"coprod_group": lightbulb.ExpertGroups, "coprod_check": lightbulb.CheckKinds,
	"coprod_resource": lightbulb.ResourceKinds, "coprod_unit": lightbulb.RateUnits, "coprod_lang": lightbulb.ResourceLangs,
	"comm_frequency": lightbulb.MeasureFrequencies, "action_status": codesOf(lightbulb.ActionStatuses),
	"assessment_finding": lightbulb.AssessmentFindings, "assessment_severity": lightbulb.AssessmentSeverities,
	"assessment_scope": {string(lightbulb.ScopePerson), string(lightbulb.ScopeGroup), string(lightbulb.ScopeEveryone)},
	"comm_escalation":  lightbulb.EscalationStates,
}

// options is the choices a partial shows: those given (choices, or
// CheckOptions whose labels are English to translate), or else each of
// codes (any slice of strings or string-like codes) labelled by the label
// registry's kind in the page's language.
func options(p *Page, kind, codes, given any) []choice {
	switch g := given.(type) {
	case []choice:
		return g
	case []lightbulb.CheckOption:
		out := make([]choice, len(g))
		for i, o := range g {
			out[i] = choice{Value: o.Value, Label: p.T(o.Label)}
		}
		return out
	}
	v := reflect.ValueOf(codes)
	if v.Kind() != reflect.Slice {
		return nil
	}
	out := make([]choice, v.Len())
	for i := range out {
		code := fmt.Sprint(v.Index(i).Interface())
		out[i] = choice{Value: code, Label: p.Label(fmt.Sprint(kind), code)}
	}
	return out
}

// codesOf turns a list of string-like codes into strings.
func codesOf[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
