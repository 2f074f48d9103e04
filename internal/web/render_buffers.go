package web

import (
	"bytes"
	"sync"
)

// A page is made in two buffers (its content, then the whole page around
// it) of tens of kilobytes each; made afresh for every request they were
// most of what a page view allocated and left for the collector. They are
// reused through a pool instead. Nothing keeps a page's bytes once the
// response has been written: the writers under render copy what they are
// given.

// pageBufferKeep is the largest buffer put back in the pool: a rare huge
// page (a long export shown in the browser) is left to the collector rather
// than held for every later request.
const pageBufferKeep = 1 << 20

var pageBuffers = sync.Pool{New: func() any {
	b := new(bytes.Buffer)
	b.Grow(16 << 10)
	return b
}}

// getPageBuffer returns an empty buffer from the pool.
func getPageBuffer() *bytes.Buffer { return pageBuffers.Get().(*bytes.Buffer) }

// putPageBuffer empties b and returns it to the pool, unless it grew past
// pageBufferKeep.
func putPageBuffer(b *bytes.Buffer) {
	if b.Cap() > pageBufferKeep {
		return
	}
	b.Reset()
	pageBuffers.Put(b)
}
