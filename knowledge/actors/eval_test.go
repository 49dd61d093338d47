package actors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"briefbot/knowledge/ingest"
	"briefbot/knowledge/words"
)

var (
	seedOnce     sync.Once
	seedRegistry *Registry
)

// seeds builds the registry of the seed documents once for all tests.
func seeds(t testing.TB) *Registry {
	t.Helper()
	seedOnce.Do(func() { seedRegistry = Build(ingest.Seeds()) })
	if len(seedRegistry.All()) == 0 {
		t.Fatal("no actors in the seeds")
	}
	return seedRegistry
}

// evalSample is ../shared/eval/actors-sample.json.
type evalSample struct {
	Actors []struct {
		Name    string   `json:"name"`
		Kind    Kind     `json:"kind"`
		Aliases []string `json:"aliases"`
		MinDocs int      `json:"min_docs"`
	} `json:"actors"`
	MustStayApart [][2]string `json:"must_stay_apart"`
	Junk          []string    `json:"junk"`
}

// TestEvalSample applies the scoring rule of ../../../shared/eval/README.md.
func TestEvalSample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "eval", "actors-sample.json"))
	if err != nil {
		t.Fatalf("%v (the evaluation files live in ../shared beside the repository; CI has them)", err)
	}
	var sample evalSample
	if err := json.Unmarshal(data, &sample); err != nil {
		t.Fatal(err)
	}
	r := seeds(t)
	passed := 0
	for _, want := range sample.Actors {
		a := actorCovering(r, want.Aliases)
		switch {
		case a == nil:
			t.Errorf("%s: no one actor covers %q", want.Name, want.Aliases)
		case len(a.Docs) < want.MinDocs:
			t.Errorf("%s: in %d documents, want at least %d", want.Name, len(a.Docs), want.MinDocs)
		default:
			passed++
		}
	}
	for _, pair := range sample.MustStayApart {
		a, b := actorCovering(r, pair[:1]), actorCovering(r, pair[1:])
		if a == nil || b == nil || a == b {
			t.Errorf("%q and %q must be two actors (got %v, %v)", pair[0], pair[1], name(a), name(b))
		} else {
			passed++
		}
	}
	for _, junk := range sample.Junk {
		if a := actorCovering(r, []string{junk}); a != nil && words.Normalize(a.Name) == words.Normalize(junk) {
			t.Errorf("junk %q listed as an actor", junk)
		} else {
			passed++
		}
	}
	t.Logf("eval sample: %d/%d checks pass", passed, len(sample.Actors)+len(sample.MustStayApart)+len(sample.Junk))
}

// actorCovering returns the one actor whose name or aliases cover every
// alias, compared normalised as the eval does.
func actorCovering(r *Registry, aliases []string) *Actor {
	for _, a := range r.All() {
		have := map[string]bool{words.Normalize(a.Name): true}
		for _, s := range a.Aliases {
			have[words.Normalize(s)] = true
		}
		all := true
		for _, s := range aliases {
			all = all && have[words.Normalize(s)]
		}
		if all {
			return a
		}
	}
	return nil
}

func name(a *Actor) string {
	if a == nil {
		return "<none>"
	}
	return a.Name
}
