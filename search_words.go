package lightbulb

// careWords is the everyday vocabulary of care, in English and Welsh, and
// the rights each word or phrase most often engages (by the labelling
// convention in RIGHTS.md). A query word found here counts like a keyword
// of those rights, so "toilet" or "do not resuscitate" find their rights
// even where the library's own text does not use the word. Phrases are
// matched as consecutive words once stop words are dropped; every word is
// folded as a query is.
var careWords = []struct {
	words string
	codes []string
}{
	// Life, resuscitation and risk.
	{"resuscitate, resuscitation, dnacpr, dnar, dnr, cpr, end of life, suicide, suicidal, overdose, self harm, died, death, dying, deteriorating, sepsis, choking", []string{"A2"}},
	{"dadebru, dadebriad, hunanladdiad, marwolaeth, marw, diwedd oes, hunan-niweidio", []string{"A2"}},
	{"resuscitate, resuscitation, dnacpr, dnar, dnr, dadebru, dadebriad", []string{"A8"}},
	// Suffering, neglect, restraint.
	{"toilet, toileting, commode, continence, incontinence, incontinent, pressure sore, pressure sores, pressure ulcer, bedsore, bedsores, soiled, left wet, neglect, neglected, force feeding, force fed, force feed, restraint, restrained, restrain, seclusion, abuse, abused, assault, assaulted, hunger, hungry, starving, food, fed, drugged, drugs to keep me quiet, chemical restraint, naked, malnutrition, dehydrated, dehydration, thirsty, pain, agony", []string{"A3"}},
	{"toiled, toiledau, anymataliaeth, briwiau pwyso, briw pwyso, esgeulustod, esgeuluso, bwydo gorfodol, bwyd, bwydo, gwlyb, ataliaeth, atal, atal corfforol, cam-drin, newyn, newynu, syched, poen", []string{"A3"}},
	// Private and family life, dignity, home, correspondence.
	{"toilet, toileting, commode, continence, incontinence, incontinent, pad, pads, washing, bathing, shower, dignity, privacy, confidentiality, confidential, records, notes, consent, visiting, visitors, visit, family, phone, letters, mail, post, home, eviction, evicted, evict, sexuality, gay, lesbian, bisexual, wheelchair, force feeding, tube feeding, bed rails, bedrails, hoist, routine, bedtime, choice, mixed sex, single sex, toilet door, bathroom door, camera, cameras, filmed, filming, care plan, consulted, involved, best interests, wife, husband, partner, children, kids, baby, taken into care, adoption, foster, house", []string{"A8"}},
	{"toiled, toiledau, comod, ymataliaeth, anymataliaeth, urddas, preifatrwydd, cyfrinachedd, cyfrinachol, cofnodion, caniatâd, ymweld, ymwelwyr, teulu, ffôn, llythyrau, cartref, troi allan, rhywioldeb, hoyw, cadair olwyn, gadair olwyn, rheiliau gwely, bwydo gorfodol, ward cymysg, rhyw cymysg, un rhyw, camera, camerâu, cynllun gofal, gwraig, gŵr, partner, plant, babi, mabwysiadu, maethu, tŷ", []string{"A8"}},
	// Liberty.
	{"locked, locked in, lock, leave, section, sectioned, detained, detention, dols, deprivation of liberty, tribunal, bed rails, bedrails, seclusion, sedation, sedated, not allowed out, let out, go out, shut in, confined, confinement, prison, jail, trapped, drugged, drugs to keep me quiet, chemical restraint", []string{"A5"}},
	{"cloi, dan glo, absenoldeb, cadw'n gaeth, caeth, carchar, carcharu, tribiwnlys, rheiliau gwely, tawelu", []string{"A5"}},
	// Discrimination and reasonable adjustments.
	{"sexuality, gay, lesbian, bisexual, transgender, trans, race, racism, racist, disability, disabled, wheelchair, deaf, interpreter, bsl, autism, autistic, learning disability, age, ageism, language", []string{"A14"}},
	{"rhywioldeb, hoyw, trawsryweddol, hil, hiliaeth, hiliol, anabledd, anabl, cadair olwyn, gadair olwyn, byddar, cyfieithydd, dehonglydd, awtistiaeth, oed, iaith", []string{"A14"}},
	// Belief, expression, property, education, voting.
	{"religion, faith, prayer, pray, chaplain, halal, kosher, church, mosque", []string{"A9"}},
	{"crefydd, ffydd, gweddi, gweddïo, caplan, eglwys, capel, mosg", []string{"A9"}},
	{"complain, complaint, whistleblowing, speak out, newspaper", []string{"A10"}},
	{"cwyn, cwyno, chwythu'r chwiban", []string{"A10"}},
	{"belongings, possessions, money, property, stolen, lost, house, sold, eviction, evicted, glasses, hearing aid, dentures", []string{"P1A1"}},
	{"eiddo, arian, dwyn, wedi'u colli, tŷ, gwerthu, troi allan, sbectol", []string{"P1A1"}},
	{"school, schooling, education, exclusion, excluded", []string{"P1A2"}},
	{"ysgol, addysg, gwahardd", []string{"P1A2"}},
	{"vote, voting, postal vote, election", []string{"P1A3"}},
	{"pleidlais, pleidleisio, etholiad", []string{"P1A3"}},
}
