package i18n

// welshToolkit is the Welsh for the shared web toolkit: the form reader's
// instructions, which follow the question they are about ("Dyddiad y
// penderfyniad: rhowch ddyddiad go iawn"), tables, charts and the page shell.
var welshToolkit = map[string]string{
	"Bar chart of the rights reviewers confirmed most often. The same numbers are in the table below.": "Siart bar o'r hawliau a gadarnhawyd amlaf gan adolygwyr. Mae'r un rhifau yn y tabl isod.",
	"Decisions":          "Penderfyniadau",
	"If you chose “%s”:": "Os dewisoch “%s”:",
	"Line chart of the number of decisions recorded each month, oldest first. The same numbers are in the table below.": "Siart llinell o nifer y penderfyniadau a gofnodwyd bob mis, yr hynaf yn gyntaf. Mae'r un rhifau yn y tabl isod.",
	"Question %d: %s":                                                 "Cwestiwn %d: %s",
	"choose at least one answer":                                      "dewiswch o leiaf un ateb",
	"choose one of the answers":                                       "dewiswch un o'r atebion",
	"choose only from the answers given":                              "dewiswch o'r atebion a roddir yn unig",
	"enter a number in figures, such as 12":                           "rhowch rif mewn ffigurau, fel 12",
	"enter a real date":                                               "rhowch ddyddiad go iawn",
	"enter a whole number from %d to %d":                              "rhowch rif cyfan o %d i %d",
	"enter a year from %d to %d, in four figures":                     "rhowch flwyddyn o %d i %d, mewn pedwar ffigur",
	"enter the day, month and year as numbers, for example 27 3 2026": "rhowch y diwrnod, y mis a'r flwyddyn fel rhifau, er enghraifft 27 3 2026",
}

func init() { addWelsh(welshToolkit) }
