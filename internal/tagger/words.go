package tagger

// aliases expands abbreviations common in incident reports and a few
// misspellings seen in complaints, so they meet the words the model knows.
var aliases = map[string]string{
	"pt": "patient", "pts": "patient", "su": "service_user", "sus": "service_user",
	"obs": "observation", "nite": "night", "mornin": "morning", "anythin": "anything",
	"docter": "doctor", "doc": "doctor", "apointment": "appointment", "appt": "appointment",
	"parkin": "parking", "enuff": "enough", "neighbor": "neighbour", "recieve": "receive",
	"recieved": "received", "becuase": "because", "cos": "because", "coz": "because",
	"wont": "not", "cant": "not", "dont": "not", "didnt": "not", "isnt": "not", "wasnt": "not",
	"wouldnt": "not", "couldnt": "not", "shouldnt": "not", "hasnt": "not", "havent": "not",
	"doesnt": "not", "arent": "not", "werent": "not", "aint": "not", "cannot": "not",
	"im": "i", "ive": "i", "shes": "she", "hes": "he", "theyre": "they", "thats": "that",
	"dnar": "dnacpr", "dnr": "dnacpr", "resus": "resuscitation", "mha": "mental_health_act",
	"hrs": "hour", "hr": "hour", "mins": "minute", "min": "minute", "yrs": "year", "yr": "year",
	"gps": "gp",
	"u":   "you", "ur": "your", "nan": "grandmother", "nanna": "grandmother",
	"grandad": "grandfather", "granddad": "grandfather", "grandma": "grandmother", "gran": "grandmother",
	"mom": "mum", "mam": "mum", "mummy": "mum", "mother": "mum", "father": "dad", "daddy": "dad",
}

// stopWords carry no signal for any right. Negations ("not", "no", "never",
// "without") are kept on purpose: "without asking" matters.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "is": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "are": true, "am": true, "it": true,
	"its": true, "this": true, "that": true, "these": true, "those": true, "i": true, "me": true,
	"we": true, "us": true, "you": true, "he": true, "she": true, "they": true, "them": true,
	"him": true, "her": true, "his": true, "their": true, "our": true, "your": true, "my": true,
	"as": true, "by": true, "from": true, "has": true, "have": true, "had": true, "do": true,
	"does": true, "did": true, "so": true, "but": true, "if": true, "then": true, "than": true,
	"there": true, "which": true, "who": true, "what": true, "when": true, "would": true,
	"could": true, "should": true, "will": true, "can": true, "just": true, "also": true,
	"very": true, "about": true, "into": true, "onto": true, "over": true, "all": true,
	"any": true, "some": true, "one": true, "too": true,
	"s": true, "t": true, "d": true, "ll": true, "re": true, "ve": true, "m": true,
	"because": true, "while": true, "where": true, "how": true, "why": true,
	"get": true, "got": true, "even": true, "though": true, "still": true, "again": true,
	"only": true, "like": true, "each": true, "every": true, "other": true, "such": true,
}
