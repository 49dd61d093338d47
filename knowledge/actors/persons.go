package actors

import "strings"

// Two persons are never one actor when their names disagree on a given name
// or an initial: "Franklin Roosevelt" and "Theodore Roosevelt" share a
// surname, not an identity, however many documents write "Roosevelt"
// alone. Every merge of the resolver passes through join, which refuses
// one that would put such names in one actor.

// givenNames returns the words of a person's name before its surname
// (titles left out), or nil when the form does not read as a person's name
// of two words or more.
func (r *resolver) givenNames(f *form) []string {
	if !r.personLike(f) {
		return nil
	}
	var out []string
	for _, w := range f.words[:len(f.words)-1] {
		if !titles[w] && !particles[w] {
			out = append(out, w)
		}
	}
	return out
}

// compatibleGiven reports whether two lists of given names can be one
// person's: the first names agree (a name and its initial agree), and so do
// the middle names both state. A name with no middle name agrees with one
// that has it ("Franklin Roosevelt", "Franklin D. Roosevelt").
func compatibleGiven(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	if !sameGiven(a[0], b[0]) {
		return false
	}
	for i := 1; i < min(len(a), len(b)); i++ {
		if !sameGiven(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameGiven compares two given names, either possibly an initial, allowing
// transliteration variants (Hibatullah, Haibatullah).
func sameGiven(a, b string) bool {
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return sameSpelling(a, b)
}

// join merges the actors of forms a and b unless their persons' names
// disagree; a refused merge is noted as possibly the same.
func (r *resolver) join(a, b int) bool {
	ra, rb := r.uf.find(a), r.uf.find(b)
	if ra == rb {
		return true
	}
	for _, x := range r.people[ra] {
		for _, y := range r.people[rb] {
			if !compatibleGiven(r.given[x], r.given[y]) {
				r.noteMaybe(a, b)
				return false
			}
		}
	}
	r.uf.union(a, b)
	root, other := r.uf.find(a), ra
	if other == root {
		other = rb
	}
	r.people[root] = append(r.people[root], r.people[other]...)
	delete(r.people, other)
	return true
}

// indexPeople records the given names of every form that names a person.
func (r *resolver) indexPeople() {
	r.given = make([][]string, len(r.forms))
	r.people = map[int][]int{}
	for i, f := range r.forms {
		if g := r.givenNames(f); len(g) > 0 {
			r.given[i] = g
			r.people[i] = []int{i}
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
func givenOf(ws []string) []string {
	var out []string
	for i, w := range ws {
		if i < len(ws)-1 && !titles[w] && !particles[w] && !roleNouns[w] {
			out = append(out, w)
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
	groups := map[string][]int{}
	var keys []string
	for i, f := range r.forms {
		if g := r.given[i]; len(g) > 0 {
			k := f.words[len(f.words)-1] + " " + g[0][:1]
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
		// A name joins the fuller names it agrees with only when they all
		// agree with each other: "George Bush" may be "George W. Bush" or
		// "George H. W. Bush", and stays apart from both.
		for _, x := range g {
			var agree []int
			for _, y := range g {
				if y != x && compatibleGiven(r.given[x], r.given[y]) {
					agree = append(agree, y)
				}
			}
			if r.agree(agree) {
				for _, y := range agree {
					r.join(x, y)
				}
			}
		}
	}
}

// maxNameGroup bounds the forms compared pairwise for one surname and
// initial.
const maxNameGroup = 64
