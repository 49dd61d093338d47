package main

import (
	"encoding/json"
	"io"
)

// writeJSON prints v as one JSON value on one line, as the contract asks.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
