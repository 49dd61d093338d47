package discordtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindSpecBesideTheRepository(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "repo", "bot", "discordtest")
	spec := filepath.Join(root, specPath)
	for _, dir := range []string{pkg, filepath.Dir(spec)} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := findSpec(pkg); err == nil {
		t.Error("found a spec that does not exist yet")
	}
	if err := os.WriteFile(spec, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := findSpec(pkg); err != nil || got != spec {
		t.Errorf("findSpec = %q, %v; want %q", got, err, spec)
	}
}

// TestValidatorCatchesBadBodies: the validator is what makes the transport
// tests meaningful, so it must reject what Discord would.
func TestValidatorCatchesBadBodies(t *testing.T) {
	v := NewValidator(t)
	silent := `"allowed_mentions":{"parse":[]}`
	long := strings.Repeat("é", 2001)
	field := `{"name":"n","value":"` + strings.Repeat("v", 1000) + `"}`
	fields := strings.TrimSuffix(strings.Repeat(field+",", 7), ",")
	choices := strings.TrimSuffix(strings.Repeat(`{"name":"a","value":"a"},`, 26), ",")
	cases := []struct {
		name string
		req  Request
		ok   bool
	}{
		{"good message", callbackReq(`{"type":4,"data":{"content":"hi",` + silent + `}}`), true},
		{"good deferral", callbackReq(`{"type":5,"data":{"flags":64}}`), true},
		{"good choices", callbackReq(`{"type":8,"data":{"choices":[{"name":"a","value":"a"}]}}`), true},
		{"unknown callback type", callbackReq(`{"type":99}`), false},
		{"content not a string", callbackReq(`{"type":4,"data":{"content":5,` + silent + `}}`), false},
		{"content over 2000 characters", callbackReq(`{"type":4,"data":{"content":"` + long + `",` + silent + `}}`), false},
		{"mentions not silenced", callbackReq(`{"type":4,"data":{"content":"hi"}}`), false},
		{"mentions parsed", callbackReq(`{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":["everyone"]}}}`), false},
		{"embeds over 6000 characters", Request{Method: "PATCH", Path: "/api/v9/webhooks/1/t/messages/@original",
			Body: []byte(`{"embeds":[{"fields":[` + fields + `]}],` + silent + `}`)}, false},
		{"26 choices", callbackReq(`{"type":8,"data":{"choices":[` + choices + `]}}`), false},
		{"choice value over 100", callbackReq(`{"type":8,"data":{"choices":[{"name":"a","value":"` + strings.Repeat("x", 101) + `"}]}}`), false},
		{"command name too long", Request{Method: "PUT", Path: "/api/v9/applications/1/commands",
			Body: []byte(`[{"name":"` + strings.Repeat("n", 33) + `","description":"d"}]`)}, false},
		{"unknown route", Request{Method: "POST", Path: "/api/v9/elsewhere", Body: []byte(`{}`)}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := v.Check(c.req)
			if (err == nil) != c.ok {
				t.Errorf("Check = %v, want ok=%t", err, c.ok)
			}
		})
	}
}

func callbackReq(body string) Request {
	return Request{Method: "POST", Path: "/api/v9/interactions/1/t/callback", Body: []byte(body)}
}
