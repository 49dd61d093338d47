package answer

import "sync"

// memo remembers what is costly to work out from the index for a word a
// question uses, while the same words are asked about again and again: the
// index never changes after the build, so nothing goes stale. Its keys are
// the vocabulary's terms or WordNet's words, so it holds at most one entry
// each, whatever the questions.
type memo[K comparable, V any] struct{ m sync.Map }

// get returns the value remembered for k, working it out on first use.
func (c *memo[K, V]) get(k K, compute func() V) V {
	if v, ok := c.m.Load(k); ok {
		return v.(V)
	}
	v := compute()
	c.m.Store(k, v)
	return v
}
