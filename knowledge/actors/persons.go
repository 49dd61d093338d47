package actors

import "strings"

// Two persons are never one actor when their names disagree on a given name
// or an initial: "Franklin Roosevelt" and "Theodore Roosevelt" share a
// surname, not an identity, however many documents write "Roosevelt"
// alone. Every merge of the resolver passes through join, which refuses
// one that would put such names in one actor.

// givenName is a given name or initial, folded, with its phonetic skeleton
// (computed once: names are compared many times while merging).
type givenName struct{ word, sk string }

func newGivenName(w string) givenName {
	if len(w) < 4 {
		return givenName{word: w}
	}
	return givenName{word: w, sk: skeleton(w)}
}

// givenNames returns the words of a person's name before its surname
// (titles left out), or nil when the form does not read as a person's name
// of two words or more.
func (r *resolver) givenNames(f *form) []givenName {
	if !r.personLike(f) {
		return nil
	}
	var out []givenName
	for _, w := range f.words[:len(f.words)-1] {
		if !titles[w] && !particles[w] {
			out = append(out, newGivenName(w))
		}
	}
	return out
}

// compatibleGiven reports whether two lists of given names can be one
// person's: the first names agree (a name and its initial agree), and so do
// the middle names both state. A name with no middle name agrees with one
// that has it ("Franklin Roosevelt", "Franklin D. Roosevelt").
func compatibleGiven(a, b []givenName) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for i := range min(len(a), len(b)) {
		if !sameGiven(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameGiven compares two given names, either possibly an initial, allowing
// transliteration variants (Hibatullah, Haibatullah).
func sameGiven(a, b givenName) bool {
	if len(a.word) == 1 || len(b.word) == 1 {
		return a.word[0] == b.word[0]
	}
	return sameSpellingSk(a.word, a.sk, b.word, b.sk)
}

// mayBeOne reports whether person forms x and y can name one person: their
// given names agree, and they are not known to be two authors' names.
func (r *resolver) mayBeOne(x, y int) bool {
	return compatibleGiven(r.given[x], r.given[y]) && !r.authors.conflict(r.author[x], r.author[y])
}

// join merges the actors of forms a and b unless their persons' names
// disagree; a refused merge is noted as possibly the same.
func (r *resolver) join(a, b int) bool {
	ra, rb := r.uf.Find(a), r.uf.Find(b)
	if ra == rb {
		return true
	}
	for x := r.people.head[ra]; x >= 0; x = r.people.next[x] {
		for y := r.people.head[rb]; y >= 0; y = r.people.next[y] {
			if !r.mayBeOne(x, y) {
				r.noteMaybe(a, b)
				return false
			}
		}
	}
	r.uf.Union(a, b)
	if root := r.uf.Find(a); root == ra {
		r.people.splice(ra, rb)
	} else {
		r.people.splice(rb, ra)
	}
	return true
}

// personLists chains, for each actor root, its forms that name a person
// with given names: three slices for the whole corpus rather than a list
// per form.
type personLists struct {
	head, tail, next []int // -1 ends a list
}

func newPersonLists(n int) personLists {
	l := personLists{head: make([]int, n), tail: make([]int, n), next: make([]int, n)}
	for i := range n {
		l.head[i], l.tail[i], l.next[i] = -1, -1, -1
	}
	return l
}

func (l personLists) add(root, form int) {
	if l.head[root] < 0 {
		l.head[root] = form
	} else {
		l.next[l.tail[root]] = form
	}
	l.tail[root] = form
}

// splice moves the list of root from onto the end of root to.
func (l personLists) splice(to, from int) {
	if l.head[from] < 0 {
		return
	}
	if l.head[to] < 0 {
		l.head[to] = l.head[from]
	} else {
		l.next[l.tail[to]] = l.head[from]
	}
	l.tail[to] = l.tail[from]
	l.head[from], l.tail[from] = -1, -1
}

// indexPeople records the given names of every form that names a person,
// and which of the documents' authors it names.
func (r *resolver) indexPeople() {
	r.given = make([][]givenName, len(r.forms))
	r.author = make([]int, len(r.forms))
	r.people = newPersonLists(len(r.forms))
	for i, f := range r.forms {
		r.author[i] = noAuthor
		if g := r.givenNames(f); len(g) > 0 {
			r.given[i] = g
			r.author[i] = r.authors.named(f.words[len(f.words)-1], g)
			r.people.add(i, i)
		}
	}
}

// compatibleName reports whether a name as written ("William J. Clinton")
// can be the person actor a names when Resolve links it by its last words:
// some name of a states given names, and none disagrees. An actor known by
// its surname alone may be any bearer of it.
func compatibleName(written string, a *Actor) bool {
	given := givenOf(strings.Fields(foldQuery(written)))
	if a.Kind != Person || len(given) == 0 {
		return true
	}
	stated := false
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		g := givenOf(strings.Fields(foldQuery(n)))
		if !compatibleGiven(given, g) {
			return false
		}
		stated = stated || len(g) > 0
	}
	return stated
}

// givenOf returns the given names of a folded name's words.
func givenOf(ws []string) []givenName {
	var out []givenName
	for i, w := range ws {
		if i < len(ws)-1 && !titles[w] && !particles[w] && !roleNouns[w] {
			out = append(out, newGivenName(w))
		}
	}
	return out
}

// mergeFullerNames joins the forms of one person's name written more or
// less fully: "Franklin Roosevelt", "Franklin D. Roosevelt" and "Franklin
// Delano Roosevelt" share a surname and agree on every given name both
// state. Candidates share surname and first initial; join still refuses a
// merge that a third form contradicts.
func (r *resolver) mergeFullerNames() {
	type surnameInitial struct {
		surname string
		initial byte
	}
	groups := map[surnameInitial][]int{}
	var keys []surnameInitial
	for i, f := range r.forms {
		if g := r.given[i]; len(g) > 0 {
			k := surnameInitial{f.words[len(f.words)-1], g[0].word[0]}
			if groups[k] == nil {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], i)
		}
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) > maxNameGroup {
			continue // a surname and initial that common says too little
		}
		// Two names join only when each agrees with nothing the other
		// contradicts: "George Bush" may be "George W. Bush" or "George H.
		// W. Bush", and stays apart from both, seen from either side.
		agree := make([][]int, len(g))
		settled := make([]bool, len(g))
		for i, x := range g {
			for _, y := range g {
				switch {
				case y == x:
				case r.mayBeOne(x, y):
					agree[i] = append(agree[i], y)
				case compatibleGiven(r.given[x], r.given[y]):
					r.noteMaybe(x, y) // names of two authors, or one that may be either
				}
			}
			settled[i] = r.agree(agree[i])
		}
		at := make(map[int]int, len(g))
		for i, x := range g {
			at[x] = i
		}
		for i, x := range g {
			for _, y := range agree[i] {
				if settled[i] && settled[at[y]] {
					r.join(x, y)
				} else {
					r.noteMaybe(x, y)
				}
			}
		}
	}
}

// maxNameGroup bounds the forms compared pairwise for one surname and
// initial.
const maxNameGroup = 64
