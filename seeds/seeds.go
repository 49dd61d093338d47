// Package seeds holds the default corpus, embedded in the binary so that
// briefbot answers questions with no set-up at all.
package seeds

import "embed"

// FS holds the seed documents at its root.
//
//go:embed *.txt
var FS embed.FS
