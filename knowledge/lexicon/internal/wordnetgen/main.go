// Command wordnetgen writes the lexicon's relation table from the WordNet
// database files (data.noun, data.verb, data.adj, data.adv and their index
// files): for every one-word lemma, phrasal verb ("come_out") and verb idiom
// ("take_place", "put_to_death"), the
// one-word lemmas related to it (a compound common noun by its head:
// "wage_increase", increase; a name of several words by its synsets'
// one-word names: "great_britain", britain, uk), each with the kind of
// relation; and, from WordNet's exception lists (verb.exc, noun.exc,
// adj.exc), the lemmas of each irregular form ("crept" -> creep). It reads the senses in WordNet's
// frequency order and keeps the first few, so that a rare sense ("lead",
// the metal) does not flood the table.
//
//	go run ./knowledge/lexicon/internal/wordnetgen -dict DIR -exc DIR -out knowledge/lexicon/wordnet.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Relation kinds as written in the table; lexicon.go gives each its weight.
const (
	kindDerived    = 'd' // derivationally related form, pertainym: lead -> leader
	kindSynonym    = 's' // same synset
	kindSimilar    = 'm' // adjective satellite, "similar to"
	kindEntails    = 'e' // verb entailment or cause: kill -> die
	kindHolonym    = 'p' // part of: Beijing -> China
	kindHypernym   = 'h' // a kind of: war -> conflict (one level)
	kindAntonym    = 'a' // opposite: alive -> dead
	kindInflection = 'i' // an irregular form's lemma: crept -> creep
	sensesRead     = 3   // senses of a lemma whose synonyms and relations count
	hypernymSenses = 1   // senses whose hypernyms count
	maxRelated     = 48  // relations kept per lemma
)

type synset struct {
	words   []string
	ptrs    []pointer
	lexFile int // the lexicographer file: 18 is noun.person
}

type pointer struct {
	symbol      string
	offset, pos string
	source      int // 0: the whole synset; otherwise the word number in it
	target      int
}

func main() {
	dict := flag.String("dict", "", "WordNet dict directory (data.* and index.*)")
	exc := flag.String("exc", "", "directory of WordNet's exception lists (*.exc); the npm package lacks them")
	out := flag.String("out", "wordnet.txt.gz", "output file")
	flag.Parse()
	if *dict == "" {
		log.Fatal("wordnetgen: -dict is required")
	}
	synsets := map[string]*synset{} // "pos:offset"
	lowercase := map[string]bool{}  // lemma -> WordNet writes it in lower case somewhere
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := readData(filepath.Join(*dict, "data."+pos), synsets, lowercase); err != nil {
			log.Fatal(err)
		}
	}
	table := map[string]map[string]byte{}
	senses := map[string]int{}
	categories := map[string]string{} // lemma -> the lexicographer file of its first noun sense
	multi := multiwords{heads: compoundHeads(synsets, lowercase), names: nameWords(synsets, lowercase)}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := readIndex(filepath.Join(*dict, "index."+pos), synsets, multi, table, senses, categories); err != nil {
			log.Fatal(err)
		}
	}
	if *exc != "" {
		for _, pos := range []string{"noun", "verb", "adj"} {
			if err := readExceptions(filepath.Join(*exc, pos+".exc"), table); err != nil {
				log.Fatal(err)
			}
		}
	}
	if err := write(*out, table, senses, categories, lowercase); err != nil {
		log.Fatal(err)
	}
}

func posLetter(p string) string {
	if p == "s" {
		return "a"
	}
	return p
}

// eachLine calls fn with every line of a WordNet file but its licence
// header (the lines that begin with two spaces).
func eachLine(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "  ") {
			if err := fn(line); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

func readData(path string, synsets map[string]*synset, lowercase map[string]bool) error {
	return eachLine(path, func(line string) error {
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return nil
		}
		offset, pos := f[0], posLetter(f[2])
		n, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil {
			return fmt.Errorf("%s: %s: word count: %w", path, offset, err)
		}
		lexFile, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("%s: %s: lexicographer file: %w", path, offset, err)
		}
		s := &synset{lexFile: lexFile}
		i := 4
		for w := 0; w < int(n); w++ {
			l := lemmaOf(f[i])
			s.words = append(s.words, l)
			lowercase[l] = lowercase[l] || !strings.ContainsFunc(f[i], unicode.IsUpper)
			i += 2
		}
		np, err := strconv.Atoi(f[i])
		if err != nil {
			return fmt.Errorf("%s: %s: pointer count: %w", path, offset, err)
		}
		i++
		for p := 0; p < np; p++ {
			st := f[i+3]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			tgt, _ := strconv.ParseInt(st[2:], 16, 32)
			s.ptrs = append(s.ptrs, pointer{symbol: f[i], offset: f[i+1], pos: posLetter(f[i+2]), source: int(src), target: int(tgt)})
			i += 4
		}
		synsets[pos+":"+offset] = s
		return nil
	})
}

// lemmaOf drops an adjective's syntactic marker ("big(a)") and lowers the
// case: the table is looked up by folded words.
func lemmaOf(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(w)
}

// oneWord reports whether a lemma is a single plain word: collocations
// ("national_capital") cannot meet one index term.
func oneWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// particles are the adverbs that make a verb phrasal ("come out", "speed
// up"): rarely prepositions, so that "lived in Kabul" is not one.
var particles = map[string]bool{"up": true, "out": true, "down": true, "off": true, "away": true, "back": true, "apart": true, "over": true}

// idiomPrepositions join a verb to the noun of a verb idiom ("put to
// death", "take into account"); only with its noun are they read as one.
var idiomPrepositions = map[string]bool{"to": true, "into": true, "on": true, "in": true, "at": true, "by": true, "for": true, "with": true, "under": true}

// phrasalVerb reports whether a verb lemma is a verb and a particle
// ("come_out"), perhaps with a preposition ("catch_up_with"), a verb and
// its object ("take_place"), or a verb, a preposition and its noun
// ("put_to_death"): questions typed in everyday words use them where
// documents write one word ("emerge", "occur", "execute").
func phrasalVerb(w, pos string) bool {
	parts := strings.Split(w, "_")
	if pos != "v" || len(parts) < 2 || len(parts) > 3 || !oneWord(parts[0]) || !oneWord(parts[len(parts)-1]) {
		return false
	}
	switch {
	case particles[parts[1]]:
		return len(parts) == 2 || oneWord(parts[2])
	case len(parts) == 2:
		return !idiomPrepositions[parts[1]] // "take_place", not "live_in"
	}
	return idiomPrepositions[parts[1]]
}

// readIndex adds the relations of every one-word lemma and phrasal verb of
// one part of speech to table, its number of senses to senses and, for a
// noun, the category of its first sense to categories.
func readIndex(path string, synsets map[string]*synset, multi multiwords, table map[string]map[string]byte, senses map[string]int, categories map[string]string) error {
	return eachLine(path, func(line string) error {
		fs := strings.Fields(line)
		if len(fs) < 4 || !oneWord(fs[0]) && !phrasalVerb(fs[0], posLetter(fs[1])) {
			return nil
		}
		lemma, pos := fs[0], posLetter(fs[1])
		nSenses, _ := strconv.Atoi(fs[2])
		senses[lemma] += nSenses
		if table[lemma] == nil {
			table[lemma] = map[string]byte{}
		}
		nPtrTypes, _ := strconv.Atoi(fs[3])
		offsets := fs[4+nPtrTypes+2:]
		if len(offsets) > nSenses {
			offsets = offsets[:nSenses]
		}
		for sense, off := range offsets {
			if sense >= sensesRead {
				break
			}
			s := synsets[pos+":"+off]
			if s == nil {
				continue
			}
			if pos == "n" && sense == 0 {
				categories[lemma] = nounCategories[s.lexFile]
			}
			addSense(table, synsets, multi, lemma, pos, s, sense)
		}
		return nil
	})
}

func addSense(table map[string]map[string]byte, synsets map[string]*synset, multi multiwords, lemma, pos string, s *synset, sense int) {
	self := slices.Index(s.words, lemma) + 1 // word number in the synset, from 1
	for _, w := range s.words {
		add(table, lemma, multi.headOf(w), kindSynonym)
	}
	for _, p := range s.ptrs {
		if p.source != 0 && p.source != self {
			continue // a lexical pointer of another word of the synset
		}
		kind, ok := kindOf(p.symbol, pos)
		if !ok || (kind == kindHypernym && sense >= hypernymSenses) {
			continue
		}
		t := synsets[p.pos+":"+p.offset]
		if t == nil {
			continue
		}
		targets := t.words
		if p.target != 0 && p.target <= len(t.words) {
			targets = t.words[p.target-1 : p.target]
		}
		for _, w := range targets {
			add(table, lemma, multi.headOf(w), kind)
			for _, n := range multi.names[w] {
				add(table, lemma, n, kind) // "british" -> "great_britain": britain, uk
			}
		}
	}
}

// nounCategories names WordNet's lexicographer files of nouns by number
// (lexnames(5WN)), without the "noun." prefix: what kind of thing a noun's
// sense is, a person, a place, a group, a time.
var nounCategories = map[int]string{
	3: "tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
	10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
	16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
	22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance", 28: "time",
}

func kindOf(symbol, pos string) (byte, bool) {
	switch symbol {
	case "+", "\\", "<":
		return kindDerived, true
	case "&":
		return kindSimilar, true
	case "*", ">":
		return kindEntails, true
	case "#p":
		return kindHolonym, true
	case "@", "@i":
		return kindHypernym, true
	case "!":
		return kindAntonym, true
	}
	return 0, false
}

// readExceptions adds, for every irregular form of an exception list
// ("crept creep"), its lemmas that the table holds, as inflections.
func readExceptions(path string, table map[string]map[string]byte) error {
	return eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 || !oneWord(f[0]) {
			return nil
		}
		for _, base := range f[1:] {
			if table[base] != nil {
				add(table, f[0], base, kindInflection)
			}
		}
		return nil
	})
}

// rank orders kinds from closest to loosest, so that a word related in two
// ways keeps the closer one.
var rank = map[byte]int{kindInflection: -1, kindDerived: 0, kindSynonym: 1, kindSimilar: 2, kindEntails: 3, kindHolonym: 4, kindHypernym: 5, kindAntonym: 6}

// compoundHeads maps each compound common noun ("wage_increase",
// "head_of_state") to its head ("increase", "head"), which an index of
// single words can meet: a raise is an increase. Names ("New_York",
// "Great_Britain") have no head that means them: nameWords gives theirs.
func compoundHeads(synsets map[string]*synset, lowercase map[string]bool) map[string]string {
	heads := map[string]string{}
	for key, s := range synsets {
		if !strings.HasPrefix(key, "n:") {
			continue
		}
		for _, w := range s.words {
			if !strings.Contains(w, "_") || !lowercase[w] {
				continue
			}
			parts := strings.Split(w, "_")
			head := parts[len(parts)-1]
			if i := slices.Index(parts, "of"); i > 0 {
				head = parts[i-1] // "head_of_state"
			}
			heads[w] = head
		}
	}
	return heads
}

// multiwords says what a lemma of several words stands for in an index of
// single words.
type multiwords struct {
	heads map[string]string   // a compound common noun: its head
	names map[string][]string // a name: its one-word names
}

// headOf returns a compound noun's head, or the lemma itself.
func (m multiwords) headOf(w string) string {
	if h, ok := m.heads[w]; ok {
		return h
	}
	return w
}

// nameWords maps each name of several words ("great_britain") to the
// one-word names of the synsets holding it ("britain", "uk", "gb"): a
// pointer to it ("British", of Great Britain) then reaches words an index
// of single words meets.
func nameWords(synsets map[string]*synset, lowercase map[string]bool) map[string][]string {
	names := map[string][]string{}
	for key, s := range synsets {
		if !strings.HasPrefix(key, "n:") {
			continue
		}
		for _, w := range s.words {
			if !strings.Contains(w, "_") || lowercase[w] {
				continue
			}
			for _, n := range s.words {
				if oneWord(n) && !lowercase[n] && !slices.Contains(names[w], n) {
					names[w] = append(names[w], n)
				}
			}
		}
	}
	for _, ns := range names {
		slices.Sort(ns) // the synsets were met in map order
	}
	return names
}

func add(table map[string]map[string]byte, from, to string, kind byte) {
	if from == to || !oneWord(to) {
		return
	}
	m := table[from]
	if m == nil {
		m = map[string]byte{}
		table[from] = m
	}
	if have, ok := m[to]; !ok || rank[kind] < rank[have] {
		m[to] = kind
	}
}

// write prints one line a lemma, sorted: "lemma<TAB>senses<TAB>kind word
// word<TAB>kind word ...", closest kinds first, then "<TAB>c category"
// for a noun (see nounCategories), then "<TAB>n" when WordNet
// writes the lemma only capitalised (a name: Tajikistan, not eve),
// gzip-compressed and reproducible (no timestamp in the header). senses is
// the lemma's number of senses over every part of speech.
func write(path string, table map[string]map[string]byte, senses map[string]int, categories map[string]string, lowercase map[string]bool) error {
	lemmas := make([]string, 0, len(table))
	for l := range table {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	for _, l := range lemmas {
		rel := table[l]
		targets := make([]string, 0, len(rel))
		for t := range rel {
			targets = append(targets, t)
		}
		sort.Slice(targets, func(i, j int) bool {
			a, b := rel[targets[i]], rel[targets[j]]
			if rank[a] != rank[b] {
				return rank[a] < rank[b]
			}
			return targets[i] < targets[j]
		})
		if len(targets) > maxRelated {
			targets = targets[:maxRelated]
		}
		w.WriteString(l)
		w.WriteByte('\t')
		w.WriteString(strconv.Itoa(senses[l]))
		var last byte
		for _, t := range targets {
			if k := rel[t]; k != last {
				w.WriteByte('\t')
				w.WriteByte(k)
				last = k
			}
			w.WriteByte(' ')
			w.WriteString(t)
		}
		if c := categories[l]; c != "" {
			w.WriteString("\tc ")
			w.WriteString(c)
		}
		if lower, ok := lowercase[l]; ok && !lower {
			w.WriteString("\tn")
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
