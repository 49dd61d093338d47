package main

import (
	"fmt"
	"io"
	"strconv"
	"unicode"
)

// reportSkipped names on standard error the files that could not be loaded.
// A file name is anything the file system allows, newlines and terminal
// escape codes included: a name holding one is printed quoted with its
// control characters escaped, so that it can neither forge lines nor reach
// the terminal.
func reportSkipped(w io.Writer, errs []error) {
	for _, err := range errs {
		fmt.Fprintln(w, "briefbot: skipped:", printable(err.Error()))
	}
}

// printable is s itself when every character prints, otherwise s quoted
// as a Go string.
func printable(s string) string {
	for _, r := range s {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
