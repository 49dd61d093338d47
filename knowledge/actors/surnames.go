package actors

import "briefbot/knowledge/words"

// mergeShortForms joins a surname written alone ("Wallace", "Zawahiri") to
// the one full name of a person that ends with it, first within each
// document, then across the corpus. A word that is also part of another
// name there ("Haqqani" beside "Haqqani Network") stays apart and is noted
// as possibly the same.
func (r *resolver) mergeShortForms() {
	perDoc := make([][]int, r.docs)
	seen := map[[2]int]bool{}
	for fi, f := range r.forms {
		for _, si := range f.spans {
			d := r.spans[si].doc
			if !seen[[2]int{d, fi}] {
				seen[[2]int{d, fi}] = true
				perDoc[d] = append(perDoc[d], fi)
			}
		}
	}
	// A surname joins its document's full name only when every document
	// that writes it alone points to one person: "Roosevelt" in one
	// address is Theodore, in another Franklin, and the form is one.
	proposed := map[int][]int{}
	for _, fs := range perDoc {
		r.attachSurnames(fs, nil, proposed)
	}
	for fi := range r.forms {
		if ps := proposed[fi]; len(ps) > 0 && r.agree(ps) {
			for _, c := range ps {
				r.join(fi, c)
			}
		} else {
			for _, c := range ps {
				r.noteMaybe(fi, c)
			}
		}
	}
	joined := map[int]bool{} // roots that hold a multiword form
	all := make([]int, len(r.forms))
	for i, f := range r.forms {
		all[i] = i
		if len(f.words) > 1 {
			joined[r.uf.Find(i)] = true
		}
	}
	r.attachSurnames(all, joined, nil)
}

// agree reports whether the person forms fs can all be one person.
func (r *resolver) agree(fs []int) bool {
	for i, a := range fs {
		for _, b := range fs[i+1:] {
			if !r.mayBeOne(a, b) {
				return false
			}
		}
	}
	return true
}

// attachSurnames joins the one-word forms among fs to the person names
// among fs that end with them. One-word forms whose actor root is in
// skip (already joined to a longer name) are left as they are. With
// proposed, joins are only proposed there, for the caller to weigh.
func (r *resolver) attachSurnames(fs []int, skip map[int]bool, proposed map[int][]int) {
	full := map[string][]int{}     // last word -> person forms
	blocking := map[string][]int{} // word -> other multiword forms containing it
	for _, fi := range fs {
		f := r.forms[fi]
		if len(f.words) < 2 {
			continue
		}
		person := r.personLike(f)
		for k, w := range f.words {
			if person && k == len(f.words)-1 {
				full[w] = append(full[w], fi)
			} else {
				blocking[w] = append(blocking[w], fi)
			}
		}
	}
	for _, fi := range fs {
		f := r.forms[fi]
		if len(f.words) != 1 || f.acronym || places[f.key] || skip[r.uf.Find(fi)] {
			continue
		}
		roots := map[int]bool{}
		for _, c := range full[f.key] {
			roots[r.uf.Find(c)] = true
		}
		if len(roots) == 1 && len(blocking[f.key]) == 0 {
			if proposed != nil {
				proposed[fi] = append(proposed[fi], full[f.key]...)
			} else {
				r.join(fi, full[f.key][0])
			}
			continue
		}
		if len(roots) > 0 {
			for _, c := range full[f.key] {
				r.noteMaybe(fi, c)
			}
			for _, b := range blocking[f.key] {
				if ws := r.forms[b].words; ws[0] == f.key && orgHeads[headWord(ws)] {
					r.noteMaybe(fi, b) // "Haqqani" and the "Haqqani Network"
				}
			}
		}
	}
}

// personLike reports whether a multiword form reads as a person's name:
// no organisation or place head word, not a known place or alias.
func (r *resolver) personLike(f *form) bool {
	if len(f.words) < 2 || f.acronym || places[f.key] {
		return false
	}
	for _, w := range f.words {
		if isHead(w) || w == "of" || w == "the" || w == "in" || w == "for" {
			return false
		}
	}
	return !demonym(f.words[0]) && !inKnownAliases(f.key) && words.IsCapitalised(topKey(f.names))
}

func inKnownAliases(key string) bool {
	_, ok := knownAliasGroup[key]
	return ok
}
