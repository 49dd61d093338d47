package actors

import (
	"path/filepath"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// AuthorOf returns the person a document is by: the author it states, else
// a person's name its file name spells ("1790_george_washington_n.txt");
// "" when neither.
func AuthorOf(d *corpus.Document) string {
	if d.Author != "" {
		return d.Author
	}
	return nameInFileName(d.File)
}

// authorsOf lists the persons a document is by: a byline may name several
// ("Sajjan M. Gohel, Victoria Jones"; "Ann Lee and Tom Hale"). A stated
// author that is no person's name ("Reuters staff") gives none.
func authorsOf(d *corpus.Document) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(AuthorOf(d), " and ", ","), ",") {
		if name := strings.TrimSpace(part); personName(name) {
			out = append(out, name)
		}
	}
	return out
}

// personName reports whether name is written as a person's name: two to
// four capitalised words (initials among them), none a stop word.
func personName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if !words.IsCapitalised(w) || words.IsStop(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// authorWeight is how many mentions authoring a document counts for when
// actors are ranked: a speech or an article by someone says more of them
// than a passing mention.
const authorWeight = 10

// prominence ranks actors: their mentions, and the documents they are the
// author of.
func (a *Actor) prominence() int { return a.Mentions + authorWeight*len(a.Authored) }

// linkAuthors records the documents each person in actors is the author
// of, and makes an actor of each author the documents never name (no
// mention, only their documents: "Barack Obama", whose addresses name
// only "Michelle Obama"), appended to actors. An author is the person
// actor of the same name, written as a name or one of its spellings. An
// author's documents are among the documents they appear in (Docs).
func linkAuthors(actors []*Actor, docs []*corpus.Document) []*Actor {
	// Only the authors' names are looked up among the actors' spellings:
	// a corpus with no authors (most news) costs one pass over its
	// documents, and a large one no map of every spelling.
	byName := map[string]*Actor{}
	names := make([][]string, len(docs)) // each document's authors
	for i, d := range docs {
		if d != nil {
			names[i] = authorsOf(d)
			for _, name := range names[i] {
				byName[words.Normalize(name)] = nil
			}
		}
	}
	if len(byName) == 0 {
		return actors
	}
	for _, a := range actors {
		if a.Kind != Person {
			continue
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if k := words.Normalize(n); byName[k] == nil {
				if _, wanted := byName[k]; wanted {
					byName[k] = a
				}
			}
		}
	}
	for i, d := range docs {
		for _, name := range names[i] {
			k := words.Normalize(name)
			a := byName[k]
			if a == nil {
				a = &Actor{Name: name, Kind: Person, Aliases: []string{}}
				byName[k] = a
				actors = append(actors, a)
			}
			if n := len(a.Authored); n == 0 || a.Authored[n-1] != d.ID {
				a.Authored = append(a.Authored, d.ID)
			}
		}
	}
	var order map[string]int // a document's place in docs, made once
	for _, a := range actors {
		if len(a.Authored) == 0 {
			continue
		}
		if order == nil {
			order = make(map[string]int, len(docs))
			for i, d := range docs {
				if d != nil {
					order[d.ID] = i
				}
			}
		}
		a.Docs = inDocumentOrder(order, a.Docs, a.Authored)
	}
	return actors
}

// inDocumentOrder lists the ids of two lists of documents once each, in
// their order in the corpus.
func inDocumentOrder(order map[string]int, a, b []string) []string {
	out := append(slices.Clip(a), b...)
	slices.SortStableFunc(out, func(x, y string) int { return order[x] - order[y] })
	return slices.Compact(out)
}

// nameInFileName reads a person's name from a file name made of one: the
// words of its base name without numbers and the short codes that end it
// ("1825_john_quincy_adams_dr.txt" gives "John Quincy Adams"). A name has
// two to four words, none a common English word; anything else gives "".
func nameInFileName(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	var parts []string
	for _, w := range strings.FieldsFunc(strings.ToLower(base), func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' }) {
		if strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			parts = append(parts, w)
		}
	}
	for len(parts) > 2 && len(parts[len(parts)-1]) <= 2 {
		parts = parts[:len(parts)-1] // a party or series code after the name
	}
	var name []string
	for i := 0; i < len(parts); i++ {
		w := parts[i]
		if len(w) > 1 && words.IsStop(w) {
			return ""
		}
		switch {
		case (w == "mc" || w == "mac") && i+1 < len(parts):
			i++
			name = append(name, title(w)+title(parts[i])) // "mc_kinley": McKinley
		case len(w) == 1:
			name = append(name, strings.ToUpper(w)+".") // an initial
		default:
			name = append(name, title(w))
		}
	}
	if len(name) < 2 || len(name) > 4 {
		return ""
	}
	return strings.Join(name, " ")
}

// title capitalises the first letter of a lower-case ASCII word.
func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// The documents' authors are persons the corpus tells apart: addresses by
// "George Bush" and by "George W. Bush" are by two men, though the shorter
// name could be written for the longer. A form that names one author
// exactly, or can be only one of them, is that author's; a form two authors'
// names agree with is ambiguous. Forms of two different authors, or an
// ambiguous form and an author's, never name one person.
const (
	noAuthor        = -1
	ambiguousAuthor = -2
)

// authorNames holds the distinct authors' names that have given names:
// their given names, and their indexes by folded surname.
type authorNames struct {
	given     [][]givenName
	bySurname map[string][]int
}

func newAuthorNames(names []string) authorNames {
	an := authorNames{bySurname: map[string][]int{}}
	seen := map[string]bool{}
	for _, n := range names {
		ws := strings.Fields(foldQuery(n))
		key := strings.Join(ws, " ")
		if len(ws) < 2 || seen[key] {
			continue
		}
		seen[key] = true
		if g := givenOf(ws); len(g) > 0 {
			surname := ws[len(ws)-1]
			an.bySurname[surname] = append(an.bySurname[surname], len(an.given))
			an.given = append(an.given, g)
		}
	}
	return an
}

// named returns which author a person's name (surname and given names)
// names: an author's index, noAuthor, or ambiguousAuthor.
func (an authorNames) named(surname string, given []givenName) int {
	label := noAuthor
	for _, k := range an.bySurname[surname] {
		switch g := an.given[k]; {
		case sameGivenNames(g, given):
			return k
		case !compatibleGiven(g, given):
		case label == noAuthor:
			label = k
		default:
			label = ambiguousAuthor
		}
	}
	return label
}

// conflict reports whether two forms' authors say they are two persons.
func (an authorNames) conflict(a, b int) bool {
	return a != b && a != noAuthor && b != noAuthor
}

// sameGivenNames reports whether two lists state the same given names, an
// initial the same only as an initial.
func sameGivenNames(a, b []givenName) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (len(a[i].word) == 1) != (len(b[i].word) == 1) || !sameGiven(a[i], b[i]) {
			return false
		}
	}
	return true
}
