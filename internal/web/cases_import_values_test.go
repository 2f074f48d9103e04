package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A Datix export that calls Willow Ward (the env's unit "Willow Ward") by
// "WILLOW WARD" matches by itself; "Willow" and "Concern raised" and "Minor
// harm" are matched by the lead once, the matches are saved with the
// columns, and the file imports. Another organisation's unit is refused.
func TestCaseImportMatchesTheFilesOwnValues(t *testing.T) {
	e := newCaseEnv(t)
	lead := e.client().signIn("leadA")
	file := "Datix ID;Record type;Date reported;Location;Description;Severity\n" +
		"DX-1;Complaint;02/11/2026;WILLOW WARD;Visiting was stopped;\n" +
		"DX-2;Concern raised;03/11/2026;Willow;Meals left cold;\n" +
		"DX-3;Incident;04/11/2026;Willow;Fell at night;Minor harm\n"
	r := caseUpload(t, lead, "datix.csv", []byte(file))
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload: %d", r.status)
	}
	cols := r.location
	page := lead.get(cols)
	mustContain(t, page, "Match the file’s own names", "“Willow” in the file", "“Concern raised” in the file", "“Minor harm” in the file",
		`href="/units#name"`, `name="vfrom-service-0" value="Willow"`)
	// Willow Ward is suggested for "Willow", for the lead to check.
	mustContain(t, page, fmt.Sprintf(`<option value="%d" selected>Willow Ward</option>`, e.wardA.ID), "Suggested from its name")

	form := url.Values{"map-source_ref": {"Datix ID"}, "map-type": {"Record type"}, "map-received": {"Date reported"},
		"map-service": {"Location"}, "map-summary": {"Description"}, "map-harm": {"Severity"}, "action": {"check"},
		"vfrom-service-0": {"Willow"}, "vto-service-0": {""}, "vfrom-type-0": {"Concern raised"}, "vto-type-0": {"pals"},
		"vfrom-harm-0": {"Minor harm"}, "vto-harm-0": {"low"}, "save_as": {"Datix monthly"}}
	check := lead.post(cols, form)
	mustContain(t, check, "2 problems in the file", "Willow&#34; is not one of your wards, teams or homes: match it to one")
	// Another organisation's home is not a match.
	form.Set("vto-service-0", fmt.Sprint(e.homeB.ID))
	mustContain(t, lead.post(cols, form), "is matched to a ward, team or home that is no longer on your list")
	form.Set("vto-service-0", fmt.Sprint(e.wardA.ID))
	mustContain(t, lead.post(cols, form), "All 3 rows are ready to import")

	// The matching is saved with the values, and a saved matching brings them back.
	saved := lead.get(cols + "&mapping=Datix+monthly")
	mustContain(t, saved, `<option value="pals" selected>`, `<option value="low" selected>`)
	form.Set("action", "import")
	caseImportAndWait(t, lead, cols, form, "3 cases added and 0 updated")
	p, err := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{})
	if err != nil || len(p.Cases) != 3 {
		t.Fatalf("cases: %d, %v", len(p.Cases), err)
	}
	for _, c := range p.Cases {
		if c.ServiceID != e.wardA.ID {
			t.Errorf("case %s filed under unit %d", c.SourceRef, c.ServiceID)
		}
		if c.SourceRef == "DX-2" && c.Type != lightbulb.CasePALS {
			t.Errorf("Concern raised imported as %s", c.Type)
		}
	}
}
