package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"unicode/utf8"
)

// FileError says why one file (or one record of it) could not be loaded.
// Loading goes on with the other files.
type FileError struct {
	File, Reason string
}

func (e *FileError) Error() string { return e.File + ": " + e.Reason }

// fileError wraps err as a FileError for file, phrasing the common
// file-system failures without repeating the path the os package puts in.
func fileError(file string, err error) *FileError {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{File: file, Reason: "no such file or directory"}
	case errors.Is(err, fs.ErrPermission):
		return &FileError{File: file, Reason: "permission denied"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{File: file, Reason: err.Error()}
}

// binarySample is how much of a file is inspected to tell text from binary.
const binarySample = 8 << 10

// checkText rejects content that is not readable text: empty, binary or not
// UTF-8. It returns the content without a UTF-8 byte-order mark.
func checkText(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty file")
	}
	sample := data[:min(len(data), binarySample)]
	if bytes.IndexByte(sample, 0) >= 0 || controlShare(sample) > 0.1 {
		return nil, errors.New("binary file, not text")
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("invalid UTF-8 at byte %d", invalidUTF8At(data))
	}
	return data, nil
}

// controlShare is the share of bytes in b that never occur in text: control
// characters other than tab, newline, form feed and carriage return.
func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

// invalidUTF8At returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
