package tagger

import (
	"sort"
	"strings"
)

// concepts groups words that mean much the same thing for the rights, so
// that the model, trained on a few hundred texts, also knows the words its
// corpus happened not to use. Each group becomes one more feature ("@vote"),
// whose weight the model learns like any other: the lexicon says which words
// belong together, never which right they point to. Entries of two words
// match consecutive words (after stop words are dropped).
var concepts = map[string]string{
	"@death": "unconscious trapped died dead death deceased die dying fatal rip stillborn killed passed_away " +
		"passed away lost his life lost her life drowned asphyxiated hanged",
	"@suicide": "neck suicide_watch acct suicide suicidal overdose ligature self_harm self harm harming cutting " +
		"kill himself kill herself kill myself end his end her end my jump jumped bridge railway hanging",
	"@deteriorate": "cardiac_arrest floppy potassium intended_dose wrong_dose trolley_corridor seizure stroke suction ventilation ventilator hypoglycaemic hypothermia dka gangrene appendicitis meningitis overdose dose warfarin anticoagulant insulin antibiotics transfusion readmitted ambulance paramedic paramedics 999 fire_alarm fall fell deteriorating deterioration escalated escalation escalate news2 news sepsis septic " +
		"arrest cardiac resuscitation cpr dnacpr unresponsive collapsed collapse coma " +
		"itu intensive resus bleed haemorrhage choked choking breathe breathing blue oxygen obs observation",
	"@risk": "risk danger dangerous unsafe life threatening warned",
	"@pain": "analgesic painkillers anaesthetic paracetamol distress distressed pain painful agony analgesia morphine painkiller pain_relief screaming crying unbearable",
	"@soiled": "soiled urine faeces excrement wet pad incontinence mess unwashed dirty filthy smell " +
		"bedding sheets commode toilet",
	"@restraint": "restraint restrained restrain prone held down pinned holds handcuffs cuffs " +
		"tied strapped seclusion secluded segregation isolation mechanical",
	"@abuse": "spit_hood strip_searched strip_search forced forcing force withhold withheld cold_water poured shouted shouting fun_of filming filmed videoed gagging rough dislocated frost shut_out slapped slap hit hitting pushed pushing shoved pinched dragged kicked punched abuse " +
		"abused abusive mocked mocking laughed humiliated humiliating degrading threatened swore swearing " +
		"bruising bruises assault assaulted rough",
	"@neglect": "call_bell bell reach vomit untreated unchanged dressings water thirsty weight starved neglect neglected starving malnourished malnutrition dehydrated dehydration " +
		"ulcer ulcers pressure sore sores wound maggots infestation hungry fed",
	"@locked": "locked lock locks keypad bolt key keys door doors gate",
	"@leave": "leave leaving left_unit go home go out walk out get out discharge_himself " +
		"self_discharge abscond absconded absconding wander let out free to",
	"@detain": "section sectioned detained detention detain dols deprivation liberty authorisation " +
		"s2 s3 s136 s5 holding_powers mental_health_act cto tribunal tribunals hearing_managers " +
		"informal voluntary voluntarily",
	"@lawful": "lawful unlawful law legal legally power powers authority authorised court order " +
		"capacity assessed assessment supervision against_her_will against_his_will will",
	"@confine": "held kept keep confined stuck outside inside stop stopped prevented prevent " +
		"allowed_out let_out recalled",
	"@sedate": "sedated sedation sedate tranquilliser tranquillised tranquillisation injection covert",
	"@visit":  "visit visiting visits visitor visitors contact see_my see my",
	"@family": "family families wife husband partner son daughter children child kids grandchildren " +
		"brother sister mum dad grandmother grandfather parents relatives relative",
	"@privacy": "discussed discuss employer copied listen listening opened front_of in_front_of station waiting_room reception receptionist neighbour privacy private confidential confidentiality records notes data identifiable " +
		"disclosed disclosure shared sharing overheard hear loudly read curtain curtains screen naked " +
		"intimate exposed camera cctv photographs photos",
	"@consent": "options alternatives side_effects permission agreement ignored request requested want wanted consent consented consulted consult asking asked involved involve agree agreed " +
		"wishes choice choose chose decision decisions decide decided say explained",
	"@correspond": "telephone opened laptop laptops tablets internet phone phones mobile calls call letters letter post mail email correspondence " +
		"texts video",
	"@dignity": "wash washing washed shower showers bath bathe dressed dress undress gown nightwear " +
		"nightclothes own_clothes weighed weigh chaperone examination examined intimate personal_care " +
		"toileting hair teeth",
	"@routine": "routine rota blanket policy rule rules bedtime bed get_up",
	"@home":    "home house flat room bedroom belongings furniture",
	"@faith": "pray prayer prayers praying chaplain chaplaincy faith religion religious halal kosher " +
		"mass church mosque synagogue temple quran bible rosary ramadan sikh muslim hindu jewish " +
		"rabbi priest imam turban hijab headscarf crucifix cross atheist buddhist pagan spiritual " +
		"beard sacred holy worship catholic christian fast fasting vegetarian",
	"@speak": "published posted comments interview radar pals communication_aid communication_book express expression noticeboard internet mp's complain complained complaint complaints mp press newspaper paper journalist " +
		"petition social_media facebook online_review whistleblower whistleblowing cqc inspectors " +
		"protest protested speak speaking talk talking voice information leaflet record recording",
	"@reprisal": "banned ban threatened threat warned retaliation punished punishment sanction " +
		"disciplined victimised removed",
	"@assemble": "meeting meetings meet group groups union committee association forum club " +
		"demonstration march gathering council rep together join joining",
	"@marry": "marry married marriage wedding engaged engagement fiance fiancee civil_partnership " +
		"civil partnership registrar fertility ivf pregnant pregnancy sterilisation sterilised " +
		"contraception start_family start a family couple",
	"@vote": "vote voting voted votes election elections polling electoral postal proxy ballot " +
		"referendum register registered",
	"@removal": "deport deported deportation removal removed extradition extradite home_office " +
		"immigration asylum refugee execution executed execute death_penalty death penalty " +
		"capital punishment death_sentence sentence hang hangs country",
	"@school": "school schools schooling education educational lessons lesson teacher tuition " +
		"college course exams exam gcse gcses excluded exclusion pupil schoolwork revision " +
		"textbooks timetable learner learning_provision",
	"@property": "money cash purse wallet watch ring jewellery belongings possessions property " +
		"glasses dentures teeth hearing_aids aids stolen missing lost bank card cards pension " +
		"benefits savings handbag laptop clothes furniture scooter wheelchair allowance sold thrown " +
		"binned bin threw refund",
	"@labour": "unpaid wages wage pay paid passport passports documents debt trafficked " +
		"trafficking slavery servitude forced work working works worker job chores fee " +
		"employer boss recruiter",
	"@fairness": "appeal appealed hearing panel evidence challenge reasons independent respond " +
		"response side investigation investigated disciplinary accused allegation allegations " +
		"final biased bias statements report reports conference",
	"@retro": "retrospectively retrospective introduced brought didn't_exist existed exist " +
		"new_rule new_policy announced published",
	"@status": "guide_dog assistance_dog braille audio deafblind caravan longer_appointment accessible signer deaf blind wheelchair disability disabled disabilities learning_disability " +
		"autism autistic age old older elderly aged race racist racism black asian ethnic " +
		"minority traveller travellers roma gypsy gay lesbian bisexual trans transgender same_sex " +
		"interpreter bsl language english polish urdu culture cultural accent refugee stammer " +
		"aphasia large_print easy_read adjustment adjustments guide down's cerebral palsy " +
		"methadone single sex gender sexuality homeless",
}

// lexicon maps a term (or "term term") to the concept features it adds.
var lexicon = buildLexicon()

func buildLexicon() map[string][]string {
	out := map[string][]string{}
	add := func(key, concept string) {
		for _, c := range out[key] {
			if c == concept {
				return
			}
		}
		out[key] = append(out[key], concept)
	}
	names := make([]string, 0, len(concepts))
	for c := range concepts {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, concept := range names {
		for _, w := range strings.Fields(concepts[concept]) {
			var terms []string
			for _, t := range Tokenise(strings.ReplaceAll(w, "_", " ")) {
				terms = append(terms, t.Term)
			}
			switch len(terms) {
			case 1:
				add(terms[0], concept)
			case 2:
				add(terms[0]+" "+terms[1], concept)
			}
		}
	}
	return out
}
