package actors

import (
	"testing"

	"briefbot/knowledge/internal/goldcorpora"
)

// goldActor is one hand-annotated entity: every form listed names it, and
// no two entries of one corpus are the same entity.
type goldActor struct {
	Corpus string   `json:"corpus"`
	Kind   Kind     `json:"kind"`
	Forms  []string `json:"forms"`
}

// TestGoldActors scores testdata/gold-actors.json: entities found, their
// forms in one actor, kinds, and merges of two gold entities into one actor
// (which must never happen).
func TestGoldActors(t *testing.T) {
	dir := goldcorpora.Dir(t)
	var gold []goldActor
	goldcorpora.ReadGold(t, "gold-actors.json", &gold)
	regs := map[goldcorpora.Corpus]*Registry{}
	tmp := t.TempDir()
	found, whole, kinds := 0, 0, 0
	owner := map[*Actor]string{} // actor -> the gold entity it was found for
	for _, g := range gold {
		c := goldcorpora.Of(g.Corpus, "")
		if regs[c] == nil {
			docs, err := goldcorpora.Load(dir, tmp, c)
			if err != nil {
				t.Fatal(err)
			}
			regs[c] = Build(docs)
		}
		r := regs[c]
		seen := map[*Actor]bool{}
		var first *Actor
		for _, f := range g.Forms {
			a := actorCovering(r, []string{f})
			if a == nil {
				a = r.Resolve(f)
			}
			if a == nil {
				t.Logf("%s: form %q not found", g.Forms[0], f)
				continue
			}
			if first == nil {
				first = a
			}
			seen[a] = true
		}
		if first == nil {
			t.Logf("not found: %s", g.Forms[0])
			continue
		}
		found++
		if len(seen) == 1 {
			whole++
		} else {
			t.Logf("split: %s over %d actors", g.Forms[0], len(seen))
		}
		if first.Kind == g.Kind {
			kinds++
		} else {
			t.Logf("kind: %s is %s, want %s", g.Forms[0], first.Kind, g.Kind)
		}
		for a := range seen {
			if other, ok := owner[a]; ok {
				t.Errorf("wrong merge: %q and %q are one actor %q", other, g.Forms[0], a.Name)
			}
			owner[a] = g.Forms[0]
		}
	}
	t.Logf("actors: %d gold, %d found, %d with all their forms in one actor, kinds right %d/%d (%.2f)",
		len(gold), found, whole, kinds, found, float64(kinds)/float64(max(found, 1)))
	if kinds < found*95/100 {
		t.Errorf("kinds right %d/%d, want at least 95%%", kinds, found)
	}
}
