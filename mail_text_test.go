package lightbulb

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// sampleMails composes every email Lightbulb sends, through its real
// constructor, in lang. Each template must be reached by one of them.
func sampleMails(lang string) map[string]*Mail {
	start := time.Date(2026, 3, 3, 10, 0, 0, 0, London)
	inPerson := &Session{CourseTitle: "Rights at the bedside", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: ModeInPerson, Venue: "Room 4, Ty Gwyn", Access: "Step-free entrance on the left."}
	online := &Session{CourseTitle: "Rights online", StartsAt: start, EndsAt: start.Add(time.Hour), Mode: ModeOnline}
	b := &Booking{Name: "Ann", Email: "ann@example.org", Token: "tok123", Lang: lang, Session: inPerson,
		OfferExpires: start.Add(-24 * time.Hour)}
	ob := *b
	ob.Session = online
	u := &User{Name: "Bea", Email: "bea@example.org"}
	d := &Decision{ID: 7, ServiceName: "Ward 3", OwnerName: "Cai", OwnerMail: "cai@example.org",
		Reasoning: Reasoning{Proposal: "Limit visits", ReviewDate: "2026-03-01"}}
	base := "https://lightbulb.example"
	sig := &Signature{Name: "Efa", Email: "efa@example.org", Token: "sig123", Lang: lang, Status: SignConfirmed,
		Actions: []*ActionItem{{Text: "Learn the 16 rights", TextCy: "Dysgu'r 16 hawl"}}, OwnAction: "Talk to my neighbours"}
	sub := &Subscriber{Email: "gwen@example.org", Lang: lang, Token: "sub123"}
	inv := &Involvement{Title: "Easy Read guide panel", StartsAt: start}
	fu := &FollowUp{ID: 5, ExpertName: "Esther", Title: inv.Title, DueAt: start.Add(FollowUpWithin)}
	camp := &Campaign{Subject: "News", Body: "Our news.", SubjectCy: "Newyddion", BodyCy: "Ein newyddion."}
	rv := &Review{ID: 9, Subject: "Ward 7 (older people’s mental health)", PeriodStart: start, PeriodEnd: start.AddDate(0, 6, 0)}
	return map[string]*Mail{
		"review_invite": ReviewInviteMail(ReviewInvite{To: "bea@example.org", Name: "Bea", Lang: lang, OrgID: 3, OrgName: "Trust A",
			Review: rv, Kind: AsExpert}, base),
		"review_voice":         ReviewInviteVoiceMail("dai@example.org", lang, "Trust A", rv, start.AddDate(0, 0, VoiceLinkDays), base+"/rate/abc"),
		"booking_confirm_link": BookingMail(MailConfirmLink, b, base),
		"booking_booked":       BookingMail(MailBooked, &ob, base),
		"booking_waiting":      BookingMail(MailWaiting, b, base),
		"booking_cancelled":    BookingMail(MailCancelled, b, base),
		"session_reminder":     ReminderMail(b, JobReminder1h, base),
		"place_offered":        OfferMail(b, base),
		"offer_expired":        OfferExpiredMail(b, base),
		"session_cancelled":    SessionCancelledMail(b, base),
		"feedback_request":     FeedbackRequestMail(b, base),
		"plan_checkin":         PlanCheckinMail("bea@example.org", "Bea", lang, 3, 12, base),
		"password_reset":       PasswordResetMail(u, lang, base+"/password/reset/abc"),
		"invitation":           InvitationMail(u, lang, "Trust A", base+"/password/reset/abc"),
		"membership_invitation": MembershipInvitationMail(&Invitation{Email: "bea@example.org", Name: "Bea", OrgName: "Trust A"}, lang,
			base+"/invitations/abc"),
		"actionplan_confirm":        SignConfirmMail(sig, base),
		"actionplan_again":          SignAgainMail(sig, lang, base),
		"actionplan_checkin":        SignCheckinMail(&Checkin{Months: 3, Token: "chk1", Signature: sig}, base, base+"/action-plan/stop/x"),
		"newsletter_confirm":        NewsletterConfirmMail(sub, base),
		"newsletter_again":          NewsletterAgainMail(sub, lang, base+"/newsletter/unsubscribe/x"),
		"newsletter_campaign":       CampaignMail(camp, sub.Email, lang, base+"/newsletter/unsubscribe/x", true),
		"training_request_received": TrainingRequestMail(&TrainingRequest{ID: 42, ContactName: "Dai", Email: "dai@example.org", Lang: lang}),
		"decision_review_due":       DecisionReviewMail(d, lang, base, "2026-03-02"),
		"coprod_invite":             CoprodInviteMail("esther@example.org", "Esther", lang, inv, base),
		"coprod_followup":           CoprodFollowUpMail("bea@example.org", "Bea", lang, fu, false, base),
		"coprod_followup_overdue":   CoprodFollowUpMail("bea@example.org", "Bea", lang, fu, true, base),
		"coprod_check_due":          CoprodCheckMail("esther@example.org", "Esther", lang, &ExpertCheck{ExpertName: "Esther", Kind: "dbs", ExpiresOn: "2026-05-01"}, lang == "cy", base),
		"coprod_interest":           CoprodInterestMail("bea@example.org", "Bea", lang, "Esther", inv, base),
		"commissioning_draft": DraftReportMail("leon@example.org", "Leon", lang, &Contract{ID: 3, Title: "Acute care", CommissionerName: "Westshire ICB"},
			&Assessment{WindowEndsAt: start.AddDate(0, 0, FactCheckDays)}, base),
		"commissioning_return_open": ReturnOpenMail("leon@example.org", "Leon", lang, &Contract{ID: 3, Title: "Acute care", CommissionerName: "Westshire ICB"},
			&ReturnPeriod{CoversFrom: Date{2026, 4, 1}, CoversTo: Date{2026, 6, 30}, DueOn: Date{2026, 7, 31}}, base),
		"commissioning_escalation": EscalationMail("leon@example.org", "Leon", lang, &Contract{ID: 3, Title: "Acute care", CommissionerName: "Westshire ICB"},
			EscalationImprovement, "A blanket rule found on the visit", base),
		"commissioning_return_reminder": ReturnReminderMail("leon@example.org", "Leon", lang, &Contract{ID: 3, Title: "Acute care", CommissionerName: "Westshire ICB"},
			&ReturnPeriod{CoversFrom: Date{2026, 4, 1}, CoversTo: Date{2026, 6, 30}, DueOn: Date{2026, 7, 31}}, base),
	}
}

// TestEveryMailHasEveryLanguage fails when a message lacks a language's
// wording, or when a template is not reached by any constructor.
func TestEveryMailHasEveryLanguage(t *testing.T) {
	names := MailNames()
	samples := sampleMails(LangEnglish)
	for name, langs := range names {
		for _, l := range Languages {
			if !slices.Contains(langs, l) {
				t.Errorf("mail %q has no %s wording (mailtext/%s.%s.txt)", name, l, name, l)
			}
		}
		for _, l := range langs {
			if !ValidLang(l) {
				t.Errorf("mailtext/%s.%s.txt is in a language Lightbulb does not speak", name, l)
			}
		}
		if samples[name] == nil {
			t.Errorf("mail %q is not composed by any constructor in sampleMails", name)
		}
	}
	for name := range samples {
		if _, ok := names[name]; !ok {
			t.Errorf("sampleMails names %q, which has no template", name)
		}
	}
}

// TestMailsRenderInBothLanguages composes each message in each language and
// checks it is whole and in that language.
func TestMailsRenderInBothLanguages(t *testing.T) {
	en, cy := sampleMails(LangEnglish), sampleMails(LangWelsh)
	for name, m := range en {
		w := cy[name]
		for _, x := range []*Mail{m, w} {
			if x.Subject == "" || x.Body == "" || strings.Contains(x.Subject+x.Body, "<no value>") {
				t.Errorf("%s (%s): subject %q, body %q", name, x.Lang, x.Subject, x.Body)
			}
			if x.To == "" || !strings.HasSuffix(x.Body, "\n") || strings.Contains(x.Body, "\n\n\n") {
				t.Errorf("%s (%s): to %q, ragged body %q", name, x.Lang, x.To, x.Body)
			}
		}
		if m.Lang != LangEnglish || w.Lang != LangWelsh {
			t.Errorf("%s: languages %q and %q", name, m.Lang, w.Lang)
		}
		// A newsletter's body is the charity's own words, which start as they will.
		if name != "newsletter_campaign" && (!strings.HasPrefix(m.Body, "Hello") || !strings.HasPrefix(w.Body, "Helo")) {
			t.Errorf("%s: English starts %q, Welsh starts %q", name, m.Body[:10], w.Body[:10])
		}
		if m.Subject == w.Subject {
			t.Errorf("%s: the Welsh subject is the English one: %q", name, w.Subject)
		}
	}
}

func TestMailDetailsFollowTheLanguage(t *testing.T) {
	cy := sampleMails(LangWelsh)
	for name, want := range map[string][]string{
		"booking_confirm_link": {"Dydd Mawrth 3 Mawrth 2026, 10:00 tan 12:00 GMT", "Room 4, Ty Gwyn", "https://lightbulb.example/training/bookings/tok123"},
		"booking_booked":       {"Ar-lein", "/training/bookings/tok123/booking.ics", "Mae'r ddolen i ymuno"},
		"session_reminder":     {"ymhen awr", "Cyrraedd a hygyrchedd: Step-free entrance on the left."},
		"place_offered":        {"tan 10:00 GMT, Dydd Llun 2 Mawrth 2026"},
		"plan_checkin":         {"Mae 3 mis ers", "https://lightbulb.example/plans/12"},
		"decision_review_due":  {"Roedd adolygiad penderfyniad 7 (Ward 3) yn ddyledus ar 1 Mawrth 2026 ac mae'n hwyr", "/decisions/7/review"},
		"feedback_request":     {"/training/feedback/tok123", "/training/checks/tok123"},
	} {
		for _, w := range want {
			if !strings.Contains(cy[name].Body, w) {
				t.Errorf("Welsh %s lacks %q:\n%s", name, w, cy[name].Body)
			}
		}
	}
	en := sampleMails(LangEnglish)
	if !strings.Contains(en["booking_confirm_link"].Body, "Tuesday 3 March 2026, 10:00 to 12:00 GMT") {
		t.Errorf("English date: %s", en["booking_confirm_link"].Body)
	}
	if s := en["session_reminder"].Subject; s != "Reminder: Rights at the bedside in one hour" {
		t.Errorf("English reminder subject %q", s)
	}
	if m := PasswordResetMail(&User{Name: "X", Email: "x@example.org"}, "fr", "l"); m.Lang != LangEnglish {
		t.Errorf("a language Lightbulb does not speak gives %q, want English", m.Lang)
	}
}

func TestRenderMailRejectsUnknownAndMalformed(t *testing.T) {
	if _, _, err := RenderMail("no_such_mail", LangWelsh, nil); err == nil || !strings.Contains(err.Error(), "no_such_mail") {
		t.Fatalf("unknown mail: %v", err)
	}
	if _, _, err := RenderMail("password_reset", LangEnglish, struct{ Name string }{"x"}); err == nil {
		t.Fatal("a missing field rendered without error")
	}
}
