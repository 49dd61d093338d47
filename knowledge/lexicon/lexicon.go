// Package lexicon relates English words to one another through WordNet 3.1:
// derived forms (lead, leader), synonyms, causes and entailments (kill,
// die), the wholes places are part of (Beijing, China), hypernyms, their
// inverse the hyponyms (read from the hypernyms at load), and antonyms,
// and what kind of thing a noun's first sense is (a person, a location);
// an irregular form ("crept", "mice") is read as its lemma, and a phrasal
// verb ("come out", "speed up") or verb idiom ("take place", "put to
// death") has relations of its own; a compound
// common noun related to a word stands by its head ("wage increase",
// increase).
// The table is generated from the WordNet database at development time and
// embedded, so nothing is downloaded at run time; WORDNET-LICENSE beside
// this file is WordNet's notice, which its licence asks to keep.
package lexicon

//go:generate sh gen.sh

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Kind is how a word relates to another, closest first.
type Kind uint8

const (
	Derived  Kind = iota // a derived form or pertainym: lead -> leader, Afghan -> Afghanistan
	Synonym              // the same sense
	Similar              // an adjective of similar meaning
	Entails              // a verb's cause or entailment: kill -> die
	Holonym              // the whole a place or thing is part of: Beijing -> China
	Hypernym             // what it is a kind of: war -> conflict
	Hyponym              // a kind of it: spend -> invest
	Antonym              // its opposite: alive -> dead
)

var kinds = map[byte]Kind{'d': Derived, 's': Synonym, 'm': Similar, 'e': Entails, 'p': Holonym, 'h': Hypernym, 'a': Antonym}

// Relation is one related word.
type Relation struct {
	Word string
	Kind Kind
}

//go:embed wordnet.txt.gz
var packed []byte

// table is the unpacked relation table: one line a lemma, sorted, and the
// offsets of the lines, searched by binary search. It is unpacked on first
// use (a few tens of milliseconds), and lines are parsed only when asked.
type table struct {
	text  string
	lines []int32
	// hyponyms inverts the hypernym groups: the lemmas that name a kind of
	// each lemma.
	hyponyms map[string][]string
	// phrasalSeconds are the words that follow the verb in a phrasal verb
	// or idiom ("out" of "come_out", "place" of "take_place"): a verb
	// before any other word starts none, which Phrasal tells at once.
	phrasalSeconds map[string]bool
}

var (
	loadOnce sync.Once
	loaded   table
)

func get() *table {
	loadOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			panic("lexicon: embedded table: " + err.Error())
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			panic("lexicon: embedded table: " + err.Error())
		}
		loaded.text = string(raw)
		loaded.lines = make([]int32, 0, bytes.Count(raw, []byte{'\n'}))
		for i := 0; i < len(raw); {
			loaded.lines = append(loaded.lines, int32(i))
			j := bytes.IndexByte(raw[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
		loaded.invertHypernyms()
		loaded.indexPhrasal()
	})
	return &loaded
}

// invertHypernyms fills hyponyms from the hypernym groups of every line.
func (t *table) invertHypernyms() {
	t.hyponyms = map[string][]string{}
	for i := range t.lines {
		l := t.lineAt(i)
		h := strings.Index(l, "\th ")
		if h < 0 {
			continue
		}
		lemma := l[:strings.IndexByte(l, '\t')]
		group := l[h+3:]
		if end := strings.IndexByte(group, '\t'); end >= 0 {
			group = group[:end]
		}
		for _, w := range strings.Fields(group) {
			t.hyponyms[w] = append(t.hyponyms[w], lemma)
		}
	}
}

// indexPhrasal fills phrasalSeconds.
func (t *table) indexPhrasal() {
	t.phrasalSeconds = map[string]bool{}
	for i := range t.lines {
		head := t.headAt(i)
		if _, rest, ok := strings.Cut(head, "_"); ok {
			second, _, _ := strings.Cut(rest, "_")
			t.phrasalSeconds[second] = true
		}
	}
}

// Load unpacks the table now, so that the first question does not wait
// for it.
func Load() { get() }

// line returns the relations line of a lemma, without the lemma.
func (t *table) line(lemma string) (string, bool) {
	i := sort.Search(len(t.lines), func(i int) bool { return t.headAt(i) >= lemma })
	if i == len(t.lines) || t.headAt(i) != lemma {
		return "", false
	}
	l := t.lineAt(i)
	return l[len(lemma):], true
}

func (t *table) lineAt(i int) string {
	start := int(t.lines[i])
	end := len(t.text)
	if i+1 < len(t.lines) {
		end = int(t.lines[i+1]) - 1
	}
	return t.text[start:end]
}

func (t *table) headAt(i int) string {
	l := t.lineAt(i)
	if tab := strings.IndexByte(l, '\t'); tab >= 0 {
		return l[:tab]
	}
	return l
}

// Known reports whether WordNet has the word, in any inflected form: an
// English word rather than a coinage. WordNet lists well-known names too
// (countries, cities, people); Name tells them apart.
func Known(word string) bool { return len(Lemmas(word)) > 0 }

// Name reports whether WordNet writes the word only capitalised, in every
// lemma it may be a form of: a name (Tajikistan, Paris), not a word that
// is also common (eve, flint). A word WordNet lacks is no name of its.
func Name(word string) bool {
	t := get()
	lemmas := Lemmas(word)
	for _, l := range lemmas {
		if line, _ := t.line(l); !strings.HasSuffix(line, "\tn") {
			return false
		}
	}
	return len(lemmas) > 0
}

// IsLemma reports whether WordNet lists word itself as a lemma, not only
// as an inflected form of others: "men" (a noun of its own), not "caught".
func IsLemma(word string) bool {
	line, ok := get().line(word)
	count, _, _ := strings.Cut(strings.TrimPrefix(line, "\t"), "\t")
	return ok && count != "0"
}

// Lemmas returns the WordNet lemmas a lower-case word may be a form of:
// itself when WordNet lists it, and the bases its inflectional endings
// leave ("toppled" -> "topple", "wars" -> "war").
func Lemmas(word string) []string {
	t := get()
	var out []string
	add := func(l string) {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	for _, c := range baseForms(word) {
		line, ok := t.line(c)
		if !ok {
			continue
		}
		count, groups, _ := strings.Cut(strings.TrimPrefix(line, "\t"), "\t")
		if count != "0" {
			add(c)
		}
		// An irregular form names its lemmas ("crept" -> creep) in a group
		// that comes first.
		if irregular, ok := strings.CutPrefix(groups, "i "); ok {
			irregular, _, _ = strings.Cut(irregular, "\t")
			for _, l := range strings.Fields(irregular) {
				add(l)
			}
		}
	}
	return out
}

// Related returns the words related to any lemma of word, each once with
// its closest kind, closest kinds first.
func Related(word string) []Relation { return relatedTo(Lemmas(word), word) }

// Phrasal returns the words related to the phrasal verb a word and the
// words after it make ("came" "out": emerge, appear; "catch" "up" "with"),
// none when WordNet has no such verb.
func Phrasal(word string, after ...string) []Relation {
	t := get()
	if len(after) == 0 || !t.phrasalSeconds[after[0]] {
		return nil
	}
	var lemmas []string
	for _, l := range Lemmas(word) {
		if phrasal := strings.Join(append([]string{l}, after...), "_"); t.has(phrasal) {
			lemmas = append(lemmas, phrasal)
		}
	}
	return relatedTo(lemmas, word)
}

func (t *table) has(lemma string) bool {
	_, ok := t.line(lemma)
	return ok
}

// relatedTo returns the words related to the lemmas, but word itself.
func relatedTo(lemmas []string, word string) []Relation {
	t := get()
	var out []Relation
	seen := map[string]int{}
	for _, lemma := range lemmas {
		line, _ := t.line(lemma)
		for _, group := range strings.Split(line, "\t")[2:] {
			if group == "" {
				continue
			}
			kind, ok := kinds[group[0]]
			if !ok {
				continue // the lemmas of an irregular form, which Lemmas read
			}
			for _, w := range strings.Fields(group[1:]) {
				if w == word {
					continue
				}
				if i, ok := seen[w]; ok {
					out[i].Kind = min(out[i].Kind, kind)
					continue
				}
				seen[w] = len(out)
				out = append(out, Relation{w, kind})
			}
		}
		hypo := t.hyponyms[lemma]
		if len(hypo) > maxHyponyms {
			hypo = nil // a kind of everything ("change", "person") stands for nothing in particular
		}
		for _, w := range hypo {
			if _, ok := seen[w]; !ok && w != word {
				seen[w] = len(out)
				out = append(out, Relation{w, Hyponym})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}

// Category returns what kind of thing the first noun sense of a lemma of
// word is, as WordNet's lexicographer files sort nouns: "person"
// (passenger, admiral), "location" (city), "group" (company), "time",
// "artifact" ...; "" when WordNet has no noun for it.
func Category(word string) string {
	t := get()
	for _, l := range Lemmas(word) {
		line, _ := t.line(l)
		for _, group := range strings.Split(line, "\t")[2:] {
			if c, ok := strings.CutPrefix(group, "c "); ok {
				return c
			}
		}
	}
	return ""
}

// maxHyponyms is the most kinds a word may have for its kinds to count as
// related to it.
const maxHyponyms = 30

// Senses returns how many senses WordNet gives the word (over its lemmas
// and parts of speech), 0 for a word it lacks. A word of many senses
// ("take", "make", "play") says little on its own about what a sentence is
// about.
func Senses(word string) int {
	t := get()
	n := 0
	for _, lemma := range Lemmas(word) {
		line, _ := t.line(lemma)
		count, _, _ := strings.Cut(strings.TrimPrefix(line, "\t"), "\t")
		k, _ := strconv.Atoi(count)
		n = max(n, k)
	}
	return n
}

// detachments are WordNet's own rules for inflected forms (its "morphy"),
// suffix and replacement, for nouns, verbs and adjectives together, and the
// past of a verb in -y ("remedied"), which morphy leaves to an exception
// list that names only some.
var detachments = [][2]string{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"ies", "y"}, {"ied", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
	{"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// baseForms returns the word and every base its endings may leave, with a
// doubled final consonant undone ("stopped" -> "stop").
func baseForms(word string) []string {
	out := []string{word}
	for _, d := range detachments {
		if !strings.HasSuffix(word, d[0]) || len(word) <= len(d[0])+1 {
			continue
		}
		base := word[:len(word)-len(d[0])] + d[1]
		out = append(out, base)
		if n := len(base); d[1] == "" && n > 2 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiou", rune(base[n-1])) {
			out = append(out, base[:n-1])
		}
	}
	return out
}
