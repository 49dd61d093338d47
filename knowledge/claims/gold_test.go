package claims

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/internal/goldcorpora"
	"briefbot/knowledge/words"
)

// goldSpeaker is one hand-checked attribution: the claim of doc whose text
// holds text is said by speaker.
type goldSpeaker struct {
	Corpus  string `json:"corpus"`
	Doc     string `json:"doc"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

// goldSets extracts the claims of each gold corpus once.
func goldSets(t *testing.T) map[goldcorpora.Corpus]*goldSet {
	dir := goldcorpora.Dir(t)
	tmp := t.TempDir()
	out := map[goldcorpora.Corpus]*goldSet{}
	for _, c := range []goldcorpora.Corpus{goldcorpora.SOTUText, goldcorpora.SOTUJSON, goldcorpora.Brown} {
		docs, err := goldcorpora.Load(dir, tmp, c)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, d := range docs {
			files[d.ID] = goldcorpora.Base(d)
		}
		out[c] = &goldSet{claims: Extract(docs, actors.Build(docs)).All(), files: files}
	}
	return out
}

type goldSet struct {
	claims []*Claim
	files  map[string]string // document id -> file name
}

// TestGoldSpeakers scores speaker attribution on testdata/gold-speakers.json:
// precision over the gold claims found with a speaker, recall over all.
func TestGoldSpeakers(t *testing.T) {
	sets := goldSets(t)
	var gold []goldSpeaker
	readGold(t, "gold-speakers.json", &gold)
	found, attributed, right := 0, 0, 0
	for _, g := range gold {
		set := sets[goldcorpora.Of(g.Corpus, g.Doc)]
		c := set.claimIn(g.Doc, g.Text)
		switch {
		case c == nil:
			t.Logf("miss: no claim of %s holds %q", g.Doc, g.Text)
			continue
		case c.Speaker == "":
			t.Logf("unattributed: %s %q (want %s)", g.Doc, g.Text, g.Speaker)
		case sameName(c.Speaker, g.Speaker):
			right++
		default:
			t.Logf("wrong: %s %q: %q, want %q", g.Doc, g.Text, c.Speaker, g.Speaker)
		}
		found++
		if c.Speaker != "" {
			attributed++
		}
	}
	t.Logf("speakers: %d gold, %d claims found, %d attributed, %d right: precision %.2f, recall %.2f",
		len(gold), found, attributed, right, ratio(right, attributed), ratio(right, len(gold)))
	if ratio(right, attributed) < 0.95 {
		t.Errorf("speaker precision %.2f, want at least 0.95", ratio(right, attributed))
	}
}

// claimIn returns the claim cited in file whose text holds text.
func (s *goldSet) claimIn(file, text string) *Claim {
	for _, c := range s.claims {
		if !strings.Contains(c.Text, text) {
			continue
		}
		for _, src := range c.Sources {
			if s.files[src.Doc] == file {
				return c
			}
		}
	}
	return nil
}

// sameName compares a speaker with a gold name: equal once folded, or one
// ending with the other ("Sheriff Felix Tabb" for "Felix Tabb", "McKinley"
// for "William McKinley").
func sameName(got, want string) bool {
	g, w := strings.Join(words.Terms(got), " "), strings.Join(words.Terms(want), " ")
	return g == w || strings.HasSuffix(g, " "+w) || strings.HasSuffix(w, " "+g) || fullerName(g, w)
}

// fullerName reports whether two folded names differ only in how fully a
// middle name is written ("franklin d roosevelt", "franklin delano
// roosevelt").
func fullerName(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) != len(y) || len(x) < 3 || x[0] != y[0] || x[len(x)-1] != y[len(y)-1] {
		return false
	}
	for i := 1; i < len(x)-1; i++ {
		if x[i][0] != y[i][0] || len(x[i]) > 1 && len(y[i]) > 1 && x[i] != y[i] {
			return false
		}
	}
	return true
}

func readGold(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
