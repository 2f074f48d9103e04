package i18n

// welsh holds the Welsh interface text, keyed by the English.
var welsh = map[string]string{
	"Lightbulb": "Lightbulb",
}
