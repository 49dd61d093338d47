package claims

import (
	"maps"
	"slices"
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
	goldcorpora.ReadGold(t, "gold-speakers.json", &gold)
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

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// goldCorroboration is one claim that several documents carried, judged:
// same is whether they truly state one claim.
type goldCorroboration struct {
	Corpus string   `json:"corpus"`
	Kind   Kind     `json:"kind"`
	Text   string   `json:"text"`
	Docs   []string `json:"docs"`
	Same   bool     `json:"same"`
}

// TestGoldCorroboration scores testdata/gold-corroboration.json on the
// addresses as .txt: precision is the share of claims citing two or more
// documents that are one claim. Each such claim must be judged there (same
// kind, text and documents); judgments of claims this build no longer
// corroborates stay as the record of what it used to get wrong.
func TestGoldCorroboration(t *testing.T) {
	set := goldSets(t)[goldcorpora.SOTUText]
	var gold []goldCorroboration
	goldcorpora.ReadGold(t, "gold-corroboration.json", &gold)
	judged := map[string]bool{}
	for _, g := range gold {
		judged[corroborationKey(g.Kind, g.Text, g.Docs)] = g.Same
	}
	multi, same, unjudged := 0, 0, 0
	for _, c := range set.claims {
		files := map[string]bool{}
		for _, s := range c.Sources {
			files[set.files[s.Doc]] = true
		}
		if len(files) < 2 {
			continue
		}
		multi++
		ok, found := judged[corroborationKey(c.Kind, c.Text, slices.Sorted(maps.Keys(files)))]
		switch {
		case !found:
			unjudged++
			t.Logf("unjudged: %s %q in %d documents", c.Kind, c.Text, len(files))
		case ok:
			same++
		default:
			t.Logf("false corroboration: %s %q", c.Kind, c.Text)
		}
	}
	t.Logf("corroboration: %d claims cite two or more documents, %d judged, %d the same claim: precision %.3f",
		multi, multi-unjudged, same, ratio(same, multi-unjudged))
	if unjudged > multi/10 {
		t.Errorf("%d of %d corroborated claims are not judged in the gold: judge them", unjudged, multi)
	}
	if ratio(same, multi-unjudged) < 0.95 {
		t.Errorf("corroboration precision %.3f, want at least 0.95", ratio(same, multi-unjudged))
	}
}

func corroborationKey(k Kind, text string, docs []string) string {
	return string(k) + "\x00" + text[:min(len(text), 80)] + "\x00" + strings.Join(docs, "\x00")
}
