package web

import (
	"bytes"
	"encoding/binary"
	"errors"
	"time"

	"github.com/alexedwards/scs/v2"
)

// sessionCodec stores a session's deadline and values as a short tagged
// list. scs's default gob codec sends gob's description of its types with
// every session, and reading it back on every signed-in request (compiling
// a decoder each time) cost about 3% of the request. Lightbulb keeps only
// strings and int64s in a session; a session holding anything else is
// written with gob as before, and sessions written with gob (before this
// codec, or with other values) are still read.
type sessionCodec struct{}

// sessionMagic starts a session in this codec's format; gob's output never
// does (its first byte is a length, and this first byte is zero).
const sessionMagic = "\x00lb1"

var errSessionData = errors.New("session data is damaged")

func (sessionCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	b := make([]byte, 0, 16+32*len(values))
	b = append(b, sessionMagic...)
	b = binary.AppendVarint(b, deadline.Unix())
	b = binary.AppendUvarint(b, uint64(deadline.Nanosecond()))
	for k, v := range values {
		switch v := v.(type) {
		case string:
			b = appendSessionString(append(appendSessionString(b, k), 's'), v)
		case int64:
			b = binary.AppendVarint(append(appendSessionString(b, k), 'i'), v)
		default:
			return scs.GobCodec{}.Encode(deadline, values)
		}
	}
	return b, nil
}

func appendSessionString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func (sessionCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	if !bytes.HasPrefix(b, []byte(sessionMagic)) {
		return scs.GobCodec{}.Decode(b)
	}
	r := &sessionReader{b: b[len(sessionMagic):]}
	sec, nsec := r.varint(), r.uvarint()
	values := map[string]any{}
	for r.err == nil && len(r.b) > 0 {
		k := r.string()
		switch r.byte() {
		case 's':
			values[k] = r.string()
		case 'i':
			values[k] = r.varint()
		default:
			r.err = errSessionData
		}
	}
	if r.err != nil || nsec >= uint64(time.Second) {
		return time.Time{}, nil, errSessionData
	}
	return time.Unix(sec, int64(nsec)), values, nil
}

// sessionReader reads sessionCodec's format; the first fault sticks.
type sessionReader struct {
	b   []byte
	err error
}

func (r *sessionReader) varint() int64 {
	v, n := binary.Varint(r.b)
	r.advance(n)
	return v
}

func (r *sessionReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	r.advance(n)
	return v
}

func (r *sessionReader) advance(n int) {
	if n <= 0 {
		r.err, r.b = errSessionData, nil
		return
	}
	r.b = r.b[n:]
}

func (r *sessionReader) byte() byte {
	if len(r.b) == 0 {
		r.err = errSessionData
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *sessionReader) string() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err, r.b = errSessionData, nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
