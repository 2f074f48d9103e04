package web

import (
	"fmt"

	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// labelSets is the one registry of display names for stored codes, by the
// kind of thing the code names. The same code can mean different things in
// different areas ("confirmed" is a booked place in training and a
// confirmed right in casework), so a template names the set: {{$.Label
// "case" .Status}}. Every name is English text translated by i18n.
var labelSets = map[string]map[string]string{
	"role": {
		"staff": "Staff", "lead": "Lead", "commissioner": "Commissioner", "trainer": "Trainer",
		"expert": "Lived experience expert", "admin": "Admin", "comms": "Communications", "coproduction": "Co-production lead",
	},
	"actionplan": {
		"individual": "As an individual", "community": "As a community member", "public_body": "As a public body worker",
		"policymaker": "As a policymaker",
		"england":     "England", "scotland": "Scotland", "wales": "Wales", "northern_ireland": "Northern Ireland",
		"pending": "Waiting for confirmation", "confirmed": "Confirmed", "invalid": "Invalidated",
		"approved": "Published", "rejected": "Not published", "action": "Own action", "story": "Story",
	},
	"coprod_need":   {"yes": "Yes", "no": "No", "prefer_not": "Prefer not to say"},
	"coprod_format": {"standard": "Standard print", "large_print": "Large print", "audio": "Audio", "braille": "Braille", "prefer_not": "Prefer not to say"},
	"coprod_topic": {"restraint": "Restraint", "seclusion": "Seclusion", "detention": "Detention under the Mental Health Act",
		"self_harm": "Self-harm", "abuse": "Abuse", "bereavement": "Bereavement", "children": "Children and young people"},
	"coprod_pay": {"paid": "Paid in full", "reduced": "Paid a lower amount", "charity": "Paid to a charity", "vouchers": "Vouchers",
		"none": "No payment"},
	"coprod_period": {"week": "A week", "month": "A month"},
	"coprod_level":  {"standard": "Standard", "enhanced": "Enhanced", "chairing": "Chairing"},
	"coprod_activity": {"workshop": "Workshop", "guide": "Writing a guide", "easy_read": "Easy Read", "translation": "Translation",
		"training": "Delivering training", "review": "Traffic Light review", "panel": "Panel or committee"},
	"coprod_invite": {"invited": "Invited", "accepted": "Taking part", "declined": "Said no", "interested": "Asked to take part"},
	"coprod_claim": {"submitted": "Waiting for approval", "approved_once": "Needs a second approver",
		"approved": "Approved, not yet paid", "paid": "Paid"},
	"coprod_method": {"call": "A call", "message": "A message", "in_person": "In person"},
	"coprod_group": {"disabled": "Disabled people", "learning_disability": "People with a learning disability", "autistic": "Autistic people",
		"mental_health": "People who have used mental health services", "carer": "Carers and family members", "young_person": "Young people (under 25)",
		"older_person": "Older people (over 65)", "ethnic_minority": "People from ethnic minority communities", "lgbtq": "LGBTQ+ people",
		"welsh_speaker": "Welsh speakers", "bsl_user": "BSL users"},
	"coprod_use":      {"internal": "Inside the organisation", "public": "In public"},
	"coprod_quote":    {"asked": "Waiting for their answer", "approved": "Approved these words", "declined": "Said no"},
	"coprod_outcome":  {"fine": "Fine", "wants_call": "Would like a call", "signposted": "Signposted to support", "other": "Other"},
	"coprod_unit":     {"hour": "An hour", "half_day": "A half day (up to 4 hours)", "day": "A day (half for up to 4 hours)"},
	"coprod_resource": {"guide": "Guide", "easy_read": "Easy Read version", "translation": "Translation"},
	"coprod_lang": {"en": "English", "cy": "Welsh", "ar": "Arabic", "bn": "Bengali", "pl": "Polish", "pa": "Punjabi", "so": "Somali",
		"ur": "Urdu"},
	"coprod_check": {"dbs": "DBS check", "safeguarding": "Safeguarding training", "confidentiality": "Confidentiality training"},
	"coprod_check_state": {"none": "Not recorded", "valid": "In date", "ending": "Ends soon", "renewing": "Ended: in its renewal window",
		"lapsed": "Lapsed"},
	"comm_frequency":  {"monthly": "Monthly", "quarterly": "Every quarter", "six_monthly": "Every six months", "yearly": "Yearly"},
	"comm_report":     {"draft": "Draft, open to the provider to check", "final": "Final"},
	"comm_escalation": {"none": "No concerns", "improvement": "Improvement plan", "remedial": "Remedial action plan", "suspended": "Suspended"},
	"comm_period":     {"upcoming": "Not open yet", "open": "Open now", "overdue": "Overdue", "on_time": "Sent on time", "late": "Sent late"},
	"newsletter": {
		"draft": "Draft", "scheduled": "Scheduled", "sending": "Sending", "sent": "Sent",
		"pending": "Waiting for confirmation", "confirmed": "Subscribed", "unsubscribed": "Unsubscribed", "stopped": "Stopped",
	},
	"org": {
		"nhs_trust": "NHS trust", "council": "Council", "care_provider": "Care provider",
		"community": "Community group", "charity": "Charity", "commissioner": "Commissioner",
	},
	"category": {
		"absolute": "Absolute", "limited": "Limited", "qualified": "Qualified", "non-discrimination": "Non-discrimination",
	},
	"review": {
		"green": "Green", "amber": "Amber", "red": "Red", "na": "Not applicable",
		"open": "Not started", "in_progress": "In progress", "done": "Done",
		"staff": "Staff", "expert": "Lived experience expert",
		"service_user": "Person who uses the service", "draft": "Draft", "submitted": "Submitted",
		"improved": "Improved", "worse": "Got worse", "same": "No change", "new": "Not compared", "unrated": "Not rated",
		"link": "Someone who uses the service, by an emailed link", "group": "Views gathered in a group",
		"advocate": "Views given through an advocate",
	},
	"decision": {
		"draft": "Draft", "in_force": "In force", "ended": "Ended",
		"person": "One person", "group": "A group", "everyone": "Everyone in the service",
		"national_security": "National security", "public_safety": "Public safety",
		"economic_wellbeing": "The economic well-being of the country", "disorder_crime": "Preventing disorder or crime",
		"health_morals": "Protecting health or morals", "rights_of_others": "Protecting the rights and freedoms of others",
		"continue": "Continues", "change": "Changes", "end": "Ends",
		"decided": "Decided", "review": "Reviewed",
		"situation": "The situation", "voice": "The person’s voice", "rights": "Rights engaged",
		"tests": "Testing each restriction", "outcome": "Outcome and review",
		"yes": "Yes", "partly": "Partly", "no": "No",
	},
	"training": {
		"online": "Online", "in_person": "In person", "either": "Either",
		"pending": "Waiting for you to confirm", "confirmed": "Booked", "waiting": "On the waiting list",
		"offered": "Place offered", "cancelled": "Cancelled", "expired": "Offer expired",
		"attended": "Attended", "no_show": "Did not attend", "booked": "Booked",
		"new": "New", "scoping": "Scoping", "proposed": "Proposed", "delivered": "Delivered",
	},
	"case": {
		"complaint": "Complaint", "pals": "PALS concern", "incident": "Incident", "safeguarding": "Safeguarding concern",
		"none": "No harm", "low": "Low harm", "moderate": "Moderate harm", "severe": "Severe harm", "death": "Death",
		"open": "Open", "closed": "Closed", "confirmed": "Confirmed", "rejected": "Rejected",
		"strong": "Strong suggestion", "possible": "Possible suggestion",
		"fairness": "Fairness", "respect": "Respect", "equality": "Equality", "dignity": "Dignity", "autonomy": "Autonomy",
		"source_ref": "Reference", "type": "Type of case", "received": "Date received", "service": "Ward, team or home",
		"summary": "Summary", "harm": "Level of harm", "status": "Status", "person_ref": "Person’s reference",
	},
	"assessment": {
		"at_risk": "A right was at risk", "breached": "A right was breached", "none": "No right was at risk",
		"low": "Low severity", "moderate": "Moderate severity", "high": "High severity",
		"person": "One person", "group": "A group of people", "everyone": "Everyone: a blanket practice",
	},
	"job_state": {
		"queued": "Queued", "running": "Running", "done": "Finished", "failed": "Failed",
	},
	// rating names the points of the feedback scale.
	"rating": {"1": "Poor", "2": "Fair", "3": "Good", "4": "Very good", "5": "Excellent"},
	// likert names the points of the survey scale.
	"likert": {
		"1": "Strongly disagree", "2": "Disagree", "3": "Neither agree nor disagree", "4": "Agree", "5": "Strongly agree",
	},
	"staff_group": {"nursing": "Nursing or midwifery", "support": "Healthcare support or care worker", "medical": "Doctor or dentist",
		"ahp": "Allied health professional or therapist", "social_work": "Social worker", "manager": "Manager or team leader",
		"admin": "Admin, clerical or support services", "other": "Another role", "prefer_not": "Prefer not to say", "": "Prefer not to say"},
	"survey": {"baseline": "Baseline", "follow_up": "Follow-up", "not_open": "Not open yet", "open": "Open", "closed": "Closed"},
	// spc names a chart's kind, its variation and assurance labels and its rules.
	"spc": {
		"xmr": "XmR chart", "run": "Run chart", "none": "No data yet",
		"common_cause": "Common cause variation", "improvement": "Special cause: improvement", "concern": "Special cause: concern",
		"special_neither": "Special cause: neither improvement nor concern",
		"pass":            "Will consistently pass the target", "fail": "Will consistently fail the target", "hit_and_miss": "Hit and miss: will sometimes pass and sometimes fail",
		"outside": "Outside the process limits", "shift": "Run on one side of the centre line", "trend": "Run rising or falling",
		"two_of_three": "Two of three near a limit",
		"higher":       "Higher is better", "lower": "Lower is better", "neither": "Neither higher nor lower is better",
		"percent": "Percentage", "count": "Number", "points": "Percentage points",
		"draft": "Draft", "issued": "Issued",
	},
	// found names where "find a person" found someone.
	"found": {
		"account": "Account", "booking": "Training booking", "request": "Bespoke training request",
		"case": "Case", "decision": "Decision", "signature": "Action Plan signature", "subscriber": "Newsletter subscriber",
	},
}

// label returns the display name of a code of a kind in lang, or the code
// itself when the registry does not know it.
func label(lang, kind string, code any) string {
	c := fmt.Sprint(code)
	if l, ok := labelSets[kind][c]; ok {
		return i18n.T(lang, l)
	}
	return c
}

// Label returns the display name of a stored code in the page's language.
func (p *Page) Label(kind string, code any) string { return label(p.Lang, kind, code) }
