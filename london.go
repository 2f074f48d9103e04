package lightbulb

import (
	"time"
	// The zone database travels inside the binary, so London time is right
	// on a host without /usr/share/zoneinfo (a scratch or distroless image).
	_ "time/tzdata"
)

// London is Europe/London, the zone every date and time is entered and shown
// in and every daily schedule runs by. It is loaded once, here; use it rather
// than calling time.LoadLocation.
var London = mustLoad("Europe/London")

// mustLoad loads a zone from the embedded database, where it cannot be
// missing; a failure is a broken build, not a runtime condition.
func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic("lightbulb: load time zone " + name + ": " + err.Error())
	}
	return l
}
