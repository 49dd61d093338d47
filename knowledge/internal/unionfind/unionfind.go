// Package unionfind groups items joined in pairs: forms of a name into
// actors, claims into corroborated groups.
package unionfind

// Sets is a union-find forest over the items 0..n-1. The smallest item of
// a group is its root, so that the groups and their roots do not depend on
// the order of the joins.
type Sets []int

// New returns n items, each alone.
func New(n int) Sets {
	s := make(Sets, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Find returns the root of i's group.
func (s Sets) Find(i int) int {
	for s[i] != i {
		s[i] = s[s[i]]
		i = s[i]
	}
	return i
}

// Union joins the groups of a and b.
func (s Sets) Union(a, b int) {
	ra, rb := s.Find(a), s.Find(b)
	s[max(ra, rb)] = min(ra, rb)
}

// Groups returns the groups of the items keep accepts (every item when
// keep is nil), each in item order, the groups in the order of their first
// accepted item.
func (s Sets) Groups(keep func(i int) bool) [][]int {
	index := map[int]int{}
	var groups [][]int
	for i := range s {
		if keep != nil && !keep(i) {
			continue
		}
		r := s.Find(i)
		k, ok := index[r]
		if !ok {
			k = len(groups)
			index[r] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], i)
	}
	return groups
}
