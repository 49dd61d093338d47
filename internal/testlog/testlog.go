// Package testlog is a log sink for tests whose code logs from several
// goroutines: a bytes.Buffer behind a lock.
package testlog

import (
	"bytes"
	"sync"
)

// Buffer collects what is written to it, safely from any goroutine.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write implements io.Writer.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
