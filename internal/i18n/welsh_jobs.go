package i18n

// welshJobs is the Welsh for the background queue and the outbox that
// platform admins read.
var welshJobs = map[string]string{
	"%d of %d attempts made; next try %s.": "%d o %d ymgais wedi'u gwneud; y cynnig nesaf %s.",
	"All":                                  "Y cyfan",
	"Another import for this organisation is still running. Wait for it to finish, then import this file.": "Mae mewnforio arall i'r sefydliad hwn yn dal i redeg. Arhoswch iddo orffen, yna mewnforiwch y ffeil hon.",
	"Attempts":        "Ymdrechion",
	"Background jobs": "Tasgau cefndir",
	"Background jobs: email delivery, reminders and imports": "Tasgau cefndir: anfon e-byst, nodiadau atgoffa a mewnforion",
	"Delivery": "Anfon",
	"Email delivery, reminders, offers of freed places, check-ins and imports run here, in the background. A job that fails is tried again later, waiting longer each time; after its last attempt it stays failed with its error until someone tries it again.": "Mae anfon e-byst, nodiadau atgoffa, cynnig lleoedd sydd wedi dod yn rhydd, gwiriadau a mewnforion yn rhedeg yma, yn y cefndir. Mae tasg sy'n methu yn cael ei rhoi ar waith eto yn nes ymlaen, gan aros yn hirach bob tro; ar ôl ei hymgais olaf mae'n aros wedi methu gyda'i gwall nes bod rhywun yn rhoi cynnig arall arni.",
	"Every email Lightbulb sends is kept here. Each one is delivered by a background job that tries again when the mail server cannot take it.":                                                                                                                  "Mae pob e-bost y mae Lightbulb yn ei anfon yn cael ei gadw yma. Mae tasg gefndir yn anfon pob un, ac yn rhoi cynnig arall arni pan na all y gweinydd e-bost ei dderbyn.",
	"Filter jobs by state": "Hidlo tasgau yn ôl eu cyflwr",
	"Finished":             "Wedi gorffen",
	"Given up":             "Wedi rhoi'r gorau iddi",
	"Job":                  "Tasg",
	"Job %d is not failed, so there is nothing to try again.": "Nid yw tasg %d wedi methu, felly does dim i roi cynnig arall arno.",
	"Job %d will run again now.":                              "Bydd tasg %d yn rhedeg eto nawr.",
	"Last error":                                              "Y gwall diwethaf",
	"Last error:":                                             "Y gwall diwethaf:",
	"Message ID":                                              "Dynodydd y neges",
	"Newest jobs":                                             "Y tasgau diweddaraf",
	"No mail server is configured, so email waits here and goes out once one is (set LIGHTBULB_SMTP_HOST and restart). Until then, this is the only place to read it.": "Does dim gweinydd e-bost wedi'i ffurfweddu, felly mae e-byst yn aros yma ac yn cael eu hanfon pan fydd un (gosodwch LIGHTBULB_SMTP_HOST ac ailgychwyn). Tan hynny, dyma'r unig le i'w darllen.",
	"Read the email": "Darllen yr e-bost",
	"Retrying":       "Yn rhoi cynnig arall arni",
	"Running":        "Yn rhedeg",
	"Runs at":        "Yn rhedeg am",
	"Sending":        "Yn anfon",
	"Sent":           "Wedi'i anfon",
	"State":          "Cyflwr",
	"The import is queued and will start in a moment.": "Mae'r mewnforio yn y ciw a bydd yn dechrau mewn eiliad.",
	"There are no jobs here.":                          "Does dim tasgau yma.",
	"These are the newest 50 emails.":                  "Dyma'r 50 e-bost diweddaraf.",
	"Try job %d again":                                 "Rhoi cynnig arall ar dasg %d",
	"after %d attempts":                                "ar ôl %d ymgais",
	"waiting for a mail server":                        "yn aros am weinydd e-bost",
}

func init() { addWelsh(welshJobs) }
