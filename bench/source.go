package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefbot/knowledge/corpus"
)

// speech is one document of the benchmark corpus, in the State of the Union
// record format that briefbot's .jsonl loader reads.
type speech struct {
	Year int    `json:"year"`
	Name string `json:"name"`
	Text string `json:"text"`
}

// sentencesPerParagraph groups sentences into paragraphs: neither source marks
// paragraphs (a SOTU address is one line, Brown is one sentence a line), and a
// single 40 KB paragraph would not be a document as people write them.
const sentencesPerParagraph = 5

// readSources reads the two unpacked npm packages under dir (sotu/package/data
// and brown/package) into documents, SOTU first, each in file-name order.
func readSources(dir string) ([]speech, error) {
	sotu, err := readSOTU(filepath.Join(dir, "sotu", "package", "data"))
	if err != nil {
		return nil, err
	}
	brown, err := readBrown(filepath.Join(dir, "brown", "package"))
	if err != nil {
		return nil, err
	}
	return append(sotu, brown...), nil
}

// readFiles parses every file of dir matching pattern, in name order, into
// one document each; what names the files in the error when there are none.
func readFiles(dir, pattern, what string, parse func(name string, data []byte) (speech, error)) ([]speech, error) {
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no %s in %s (run run.sh to fetch them): %v", what, dir, err)
	}
	sort.Strings(files)
	out := make([]speech, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		s, err := parse(filepath.Base(f), data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func readSOTU(dir string) ([]speech, error) {
	return readFiles(dir, "*.json", "SOTU records", func(_ string, data []byte) (speech, error) {
		var s speech
		err := json.Unmarshal(data, &s)
		s.Text = paragraphs(sentenceSpans(s.Text))
		return s, err
	})
}

// sentenceSpans cuts text into sentences with briefbot's own splitter, so the
// paragraphs made from them break where briefbot would.
func sentenceSpans(text string) []string {
	var out []string
	for _, sp := range corpus.SplitSentences(text) {
		out = append(out, text[sp[0]:sp[1]])
	}
	return out
}

// paragraphs joins sentences into paragraphs separated by blank lines.
func paragraphs(sentences []string) string {
	var b strings.Builder
	for i, s := range sentences {
		switch {
		case i == 0:
		case i%sentencesPerParagraph == 0:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

// brownFile names a Brown text: "c", a genre letter a-r, two digits.
const brownFile = "c[a-r][0-9][0-9]"

func readBrown(dir string) ([]speech, error) {
	return readFiles(dir, brownFile, "Brown texts", func(name string, data []byte) (speech, error) {
		var sentences []string
		for _, line := range strings.Split(string(data), "\n") {
			if s := detag(line); s != "" {
				sentences = append(sentences, s)
			}
		}
		// The Brown Corpus was sampled from prose published in 1961.
		return speech{Year: 1961, Name: "Brown " + name, Text: paragraphs(sentences)}, nil
	})
}

// detag turns one tagged Brown sentence ("The/at jury/nn said/vbd ./.") back
// into prose: tags dropped, “ and ” made double quotes, punctuation attached.
func detag(line string) string {
	var b strings.Builder
	glue := true // no space before the next word: start of line, after ( or an opening quote
	for _, tok := range strings.Fields(line) {
		word := tok
		if i := strings.LastIndexByte(tok, '/'); i > 0 {
			word = tok[:i]
		}
		closing := word == "''" || len(word) == 1 && strings.Contains(".,;:?!)", word) || strings.HasPrefix(word, "'")
		if word == "''" || word == "``" {
			word = `"`
		}
		if !glue && !closing {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		glue = tok == "``/``" || word == "("
	}
	return b.String()
}
