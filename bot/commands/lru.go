package commands

import (
	"container/list"
	"sync"
)

// lru remembers the options of recent answers, so that their buttons can
// re-derive a page; it holds at most cap entries, dropping the least
// recently used. A nil *lru remembers nothing.
type lru struct {
	mu    sync.Mutex
	cap   int
	order *list.List // of *lruItem, most recent first
	items map[string]*list.Element
}

type lruItem struct {
	key  string
	opts map[string]string
}

func newLRU(capacity int) *lru {
	return &lru{cap: capacity, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *lru) put(key string, opts map[string]string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*lruItem).opts = opts
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&lruItem{key: key, opts: opts})
	if c.order.Len() > c.cap {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*lruItem).key)
	}
}

func (c *lru) get(key string) (map[string]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruItem).opts, true
}

func (c *lru) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
