package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestEscapesFileNames: a file name with a newline or a terminal
// escape code is reported on one line, its control characters escaped.
func TestIngestEscapesFileNames(t *testing.T) {
	docs := t.TempDir()
	if err := os.WriteFile(filepath.Join(docs, "a.md"), []byte("# Talks resume\n\nNegotiators met in Doha on Monday.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hostile := "bad\nbriefbot: stored everything\x1b[2J.json"
	if err := os.WriteFile(filepath.Join(docs, hostile), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, nil, "", "ingest", "--data", t.TempDir(), docs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.ContainsRune(errOut, '\x1b') || strings.Contains(errOut, "\nbriefbot: stored everything") {
		t.Errorf("the file name reached standard error raw: %q", errOut)
	}
	if !strings.Contains(errOut, `bad\nbriefbot: stored everything\x1b[2J.json`) {
		t.Errorf("the file is not named, escaped: %q", errOut)
	}
}
