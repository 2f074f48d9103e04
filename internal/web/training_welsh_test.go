package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A trainer gives a course its Welsh; a Welsh page shows it, and says so
// when the English has changed since; a course or programme with no Welsh
// shows its English marked as English; the trainers' pages in Welsh show no
// interface English and mark English content.
func TestCourseInWelsh(t *testing.T) {
	te := newTrainEnv(t, nil)
	tr, visitor := te.client().signIn("trainer"), te.client()
	session := "/training/sessions/" + sid(te.open)
	r := visitor.get(session, "Accept-Language", "cy")
	mustContain(t, r, `<span lang="en">Rights at the bedside</span>`, `<span lang="en">Everyday decisions</span>`)
	mustNotShowUnmarked(t, r.body, "Rights at the bedside", "Everyday decisions")

	course := "/training/manage/courses/" + itoa64(te.course.ID)
	form := url.Values{"title": {"Rights at the bedside"}, "summary": {"Everyday decisions"}, "duration": {"120"}, "mode": {"online"},
		"summary_cy": {"Penderfyniadau bob dydd"}}
	r = tr.post(course, form)
	mustContain(t, r, "Enter the Welsh title, or leave the Welsh summary empty too", `href="#title_cy"`)
	form.Set("title_cy", "Hawliau wrth erchwyn y gwely")
	if r := tr.post(course, form); r.status != http.StatusSeeOther {
		t.Fatalf("Welsh for the course: %d %.300s", r.status, text(r.body))
	}
	r = visitor.get(session, "Accept-Language", "cy")
	mustContain(t, r, "Hawliau wrth erchwyn y gwely", "Penderfyniadau bob dydd")
	if strings.Contains(r.body, "yn hŷn na") {
		t.Error("new Welsh is said to be older than the English")
	}
	mustNotShowUnmarked(t, r.body, "Rights at the bedside", "Everyday decisions")

	form.Set("summary", "Everyday decisions, made with people")
	if r := tr.post(course, form); r.status != http.StatusSeeOther {
		t.Fatalf("English edit: %d", r.status)
	}
	mustContain(t, visitor.get(session, "Accept-Language", "cy"), "Mae&#39;r cyfieithiad Cymraeg hwn yn hŷn na&#39;r Saesneg",
		`<span lang="en">Rights at the bedside. Everyday decisions, made with people</span>`)
	mustContain(t, tr.get("/training/manage"), "Needs updating")
	mustContain(t, tr.get(course), "The English text has changed since this translation was made.")

	for _, p := range []string{"/training/manage", course, "/training/manage/programmes/new", "/training/manage/courses/new"} {
		r := tr.get(p, "Accept-Language", "cy")
		if r.status != http.StatusOK {
			t.Fatalf("%s in Welsh: %d", p, r.status)
		}
		mustNotShowUnmarked(t, r.body, "Practitioner programme", "Everyday decisions, made with people")
	}
	r = tr.post("/training/manage/programmes", url.Values{"title": {"Foundations"}, "title_cy": {"Sylfeini"},
		"part_" + itoa64(te.course.ID): {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("programme: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, tr.get("/training/manage", "Accept-Language", "cy"), "Sylfeini", `<span lang="en">Practitioner programme</span>`)
}
