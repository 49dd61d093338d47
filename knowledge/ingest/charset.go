package ingest

import (
	"bytes"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

func isHTML(path string) bool {
	ext := extension(path)
	return ext == ".html" || ext == ".htm"
}

// htmlToUTF8 decodes a page written in another encoding than UTF-8, as its
// byte-order mark or <meta charset> declares it. A page that is valid UTF-8
// is kept as it is, whatever it declares (pages often name the encoding they
// were converted from). One that declares nothing, or UTF-8 wrongly, is UTF-8
// with a few bad bytes, which are replaced, or else in the encoding its bytes
// reveal (GBK, Shift JIS, windows-1252...).
func htmlToUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "utf-8" || name == "windows-1252" { // what it says when nothing is declared
		if mostlyUTF8(data) {
			return bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		enc = detectEncoding(data)
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		return out
	}
	return data
}

// detectEncoding guesses a page's encoding from its bytes, windows-1252 (as
// browsers assume) when the guess names none that can be decoded.
func detectEncoding(data []byte) encoding.Encoding {
	if r, err := chardet.NewHtmlDetector().DetectBest(data); err == nil {
		if enc, _ := charset.Lookup(r.Charset); enc != nil {
			return enc
		}
	}
	return charmap.Windows1252
}

// mostlyUTF8 reports whether nearly all of data's multi-byte sequences are
// valid UTF-8.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		data = data[size:]
	}
	return invalid*20 < valid
}
