package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs one command line with the given environment variables and
// standard input, and returns its exit status and outputs.
func runCLI(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestDocsJSONListsTheSeedsWithTheirMetadata(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "", "docs", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != 5 {
		t.Fatalf("want 5 documents, got %d", len(rows))
	}
	for _, r := range rows {
		for _, k := range []string{"doc", "title", "source", "author", "date", "url", "file", "paragraphs", "sentences", "words"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%v: no %q field", r["doc"], k)
			}
		}
		if r["paragraphs"].(float64) < 5 || r["words"].(float64) < 500 {
			t.Errorf("%v: suspiciously small: %v paragraphs, %v words", r["doc"], r["paragraphs"], r["words"])
		}
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("--json must print one line, got %d", strings.Count(out, "\n"))
	}
}

func TestDocsTextIsATable(t *testing.T) {
	code, out, _ := runCLI(t, nil, "", "docs")
	if code != 0 || !strings.Contains(out, "The Guardian") || !strings.Contains(out, "2021-09-07") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestSourceOneParagraph(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "", "source", "besa-taliban-and-al-qaeda-what-next", "--json", "--paragraph", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got sourceText
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != 1 || got.Paragraphs[0].N != 2 ||
		!strings.HasPrefix(got.Paragraphs[0].Text, "Abu Omar Khorasani was taken from Kabul’s Pul-i-Charkhi prison") {
		t.Errorf("got %+v", got.Paragraphs)
	}
	if got.Date != "2021-08-20" || got.Source != "BESA Center" {
		t.Errorf("metadata %+v", got.Meta)
	}
	// By file name too.
	if code, _, _ := runCLI(t, nil, "", "source", "besa-taliban-and-al-qaeda-what-next.txt"); code != 0 {
		t.Errorf("lookup by file name failed: exit %d", code)
	}
}

func TestSourceErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"source"}, 2},
		{[]string{"source", "no-such-doc"}, 1},
		{[]string{"source", "besa-taliban-and-al-qaeda-what-next", "--paragraph", "999"}, 1},
	} {
		code, out, errOut := runCLI(t, nil, "", c.args...)
		if code != c.code || out != "" || errOut == "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", c.args, code, c.code, out, errOut)
		}
	}
}

func TestDocsFlagReplacesTheSeedsAndReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "note.md")
	bad := filepath.Join(dir, "broken.json")
	os.WriteFile(good, []byte("---\ntitle: A Note\ndate: 2024-03-11\n---\n\nThe harbour reopened on Monday after repairs were finished.\n"), 0o644)
	os.WriteFile(bad, []byte("{not json"), 0o644)

	code, out, errOut := runCLI(t, nil, "", "docs", "--json", "--docs", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "broken.json") {
		t.Errorf("the bad file is not named on stderr: %q", errOut)
	}
	var rows []docSummary
	json.Unmarshal([]byte(out), &rows)
	if len(rows) != 1 || rows[0].Title != "A Note" || rows[0].Date != "2024-03-11" || rows[0].File != good {
		t.Errorf("rows = %+v", rows)
	}

	// The environment variable does the same when no --docs is given.
	code, out, _ = runCLI(t, map[string]string{"BRIEFBOT_DOCS": good}, "", "docs", "--json")
	if code != 0 || !strings.Contains(out, "A Note") || strings.Contains(out, "Guardian") {
		t.Errorf("BRIEFBOT_DOCS: exit %d, %s", code, out)
	}
}

func TestNoReadableDocumentExits2(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	for _, path := range []string{dir, filepath.Join(dir, "missing.txt")} {
		code, out, errOut := runCLI(t, nil, "", "docs", "--docs", path)
		if code != 2 || out != "" || !strings.Contains(errOut, "no readable document") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", path, code, out, errOut)
		}
	}
}

func TestAskBatchAnswersEveryLineInOrder(t *testing.T) {
	questions := "When did Mullah Omar die?\n\nWhat is the recipe for sourdough bread?\n"
	code, out, errOut := runCLI(t, nil, questions, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 JSON lines, got %d:\n%s", len(lines), out)
	}
	for i, want := range []string{"When did Mullah Omar die?", "", "What is the recipe for sourdough bread?"} {
		var res struct {
			Question string            `json:"question"`
			Answered *bool             `json:"answered"`
			Answers  []json.RawMessage `json:"answers"`
		}
		if err := json.Unmarshal([]byte(lines[i]), &res); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if res.Question != want || res.Answered == nil || res.Answers == nil {
			t.Errorf("line %d = %s", i, lines[i])
		}
	}
}

// A command line that cannot run exits 2, names the command and shows
// its usage line on standard error, and prints nothing on standard output.
func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"frobnicate"}, []string{`unknown command "frobnicate"`, "commands:"}},
		{[]string{"actors", "--kind", "robot"}, []string{"briefbot actors: --kind must be", "usage: briefbot actors "}},
		{[]string{"ask", "--limit", "x"}, []string{"briefbot ask: invalid value", "usage: briefbot ask ", `"briefbot ask -h"`}},
		{[]string{"ask", "--frob"}, []string{"briefbot ask: unknown flag --frob", "usage: briefbot ask [--json] [--limit N]"}},
		{[]string{"brief", "--since", "yesterday"}, []string{"briefbot brief: --since wants YYYY-MM-DD"}},
		{[]string{"actor"}, []string{"briefbot actor: missing the actor's NAME", "usage: briefbot actor [--json] [--docs PATH]... [--data DIR | --store URL] NAME"}},
		{[]string{"cite", "--json"}, []string{"briefbot cite: missing the QUOTE", "usage: briefbot cite "}},
		{[]string{"eval"}, []string{"briefbot eval: want one QUESTIONS.jsonl", "usage: briefbot eval "}},
		{[]string{"ingest"}, []string{"briefbot ingest: missing the PATH", "usage: briefbot ingest "}},
		{[]string{"serve", "--json"}, []string{"briefbot serve: unknown flag --json", "usage: briefbot serve "}},
		{[]string{"console", "--json"}, []string{"briefbot console: unknown flag --json"}},
		{[]string{"serve", "--shard-count", "2"}, []string{"briefbot serve: --shard-count 2 needs --shard-id"}},
		// No command named: the default one's flags, but briefbot's usage.
		{[]string{"--frob"}, []string{"briefbot: unknown flag --frob", "with no command, briefbot runs the console", `"briefbot -h"`}},
	} {
		code, out, errOut := runCLI(t, nil, "", c.args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit 2 and nothing on stdout", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errOut)
			}
		}
		if strings.Contains(errOut, "Usage of") || strings.Contains(errOut, "help requested") {
			t.Errorf("%v: the flag package's own usage leaked:\n%s", c.args, errOut)
		}
	}
	// With no command, an unknown flag is not the console's to explain.
	if _, _, errOut := runCLI(t, nil, "", "--frob"); strings.Contains(errOut, "console:") {
		t.Errorf("--frob names the console as if it were typed:\n%s", errOut)
	}
}

// Every command's -h prints its own usage, with its arguments, flags and
// an example, on standard output, and exits 0.
func TestEveryCommandHasItsOwnHelp(t *testing.T) {
	if code, out, _ := runCLI(t, nil, "", "help"); code != 0 || !strings.Contains(out, "usage: briefbot") {
		t.Errorf("help: exit %d", code)
	}
	for name, cmd := range commands {
		for _, args := range [][]string{{name, "-h"}, {name, "--help"}, {"help", name}} {
			code, out, errOut := runCLI(t, nil, "", args...)
			if code != 0 || errOut != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
				continue
			}
			for _, w := range []string{"usage: briefbot " + name + " " + cmd.args, "\nexample:\n  ", "--docs PATH"} {
				if (name == "ingest" || name == "health" || name == "feeds") && w == "--docs PATH" {
					continue // ingest takes its paths as arguments; health and feeds read none
				}
				if !strings.Contains(out, w) {
					t.Errorf("%v: no %q in:\n%s", args, w, out)
				}
			}
			if cmd.example == "" || !strings.Contains(cmd.example, "briefbot "+name) && name != "console" {
				t.Errorf("%s: the example %q does not show the command", name, cmd.example)
			}
		}
	}
	for _, name := range []string{"serve", "console"} {
		if _, out, _ := runCLI(t, nil, "", name, "-h"); strings.Contains(out, "--json") {
			t.Errorf("%s -h lists --json, which it does not print:\n%s", name, out)
		}
	}
	if _, out, _ := runCLI(t, nil, "", "ask", "-h"); !strings.Contains(out, "QUESTION") || !strings.Contains(out, "--limit N") {
		t.Errorf("ask -h does not show its argument and flags:\n%s", out)
	}
	// A flag's default from the environment may be a secret: never shown.
	vars := map[string]string{"DISCORD_TOKEN": "secret-token-value", "DATABASE_URL": "postgres://u:pw@host/db"}
	if _, out, _ := runCLI(t, vars, "", "serve", "-h"); strings.Contains(out, "secret-token-value") || strings.Contains(out, "pw@host") {
		t.Errorf("serve -h shows a secret from the environment:\n%s", out)
	}
}

func TestParseArgsTakesFlagsAnywhere(t *testing.T) {
	var c commonFlags
	fs := newFlagSet("x", &bytes.Buffer{}, &c)
	n := fs.Int("paragraph", 0, "")
	pos, err := parseArgs(fs, []string{"DOC", "--paragraph", "3", "--json", "--", "--not-a-flag"})
	if err != nil || *n != 3 || !c.json || strings.Join(pos, " ") != "DOC --not-a-flag" {
		t.Errorf("pos %q n %d json %v err %v", pos, *n, c.json, err)
	}
}

// A briefing of an actor no document names is an error that offers the
// closest names, like claims --actor; a misspelt known one is found.
func TestBriefOfAnUnknownActor(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "", "brief", "--json", "--actor", "wallace ben smith")
	if code != 1 || out != "" || !strings.Contains(errOut, `no actor matches "wallace ben smith"; did you mean Ben Wallace`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "", "claims", "--actor", "nobodyxyz"); code != 1 || !strings.Contains(errOut, `no actor matches "nobodyxyz"`) {
		t.Errorf("claims: exit %d, stderr %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, nil, "", "brief", "--json", "--actor", "zawahri"); code != 0 || !strings.Contains(out, `"actor":"Ayman al-Zawahiri"`) {
		t.Errorf("a misspelling: exit %d, %s %s", code, out, errOut)
	}
}

// brief --since says how many documents it left out for want of a date.
func TestBriefSinceCountsTheUndatedDocuments(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "dated.md"), []byte("---\ntitle: Dated\ndate: 2024-03-11\n---\n\nThe harbour reopened on Monday after repairs were finished.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "undated.md"), []byte("---\ntitle: Undated\n---\n\nThe bridge closed on Tuesday for repairs to its deck.\n"), 0o644)
	code, out, errOut := runCLI(t, nil, "", "brief", "--json", "--since", "2024-01-01", "--docs", dir)
	var b struct {
		Undated int `json:"undated"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil || b.Undated != 1 {
		t.Errorf("exit %d, undated %d: %s %s", code, b.Undated, out, errOut)
	}
	if _, out, _ := runCLI(t, nil, "", "brief", "--since", "2024-01-01", "--docs", dir); !strings.Contains(out, "1 document states no date") {
		t.Errorf("the text briefing does not say what it left out:\n%s", out)
	}
}

// One of a thing is singular.
func TestCountsAreSingularForOne(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.txt"), []byte("The harbour reopened on Monday after repairs were finished.\n"), 0o644)
	if _, out, _ := runCLI(t, nil, "", "docs", "--docs", dir); !strings.Contains(out, "\n1 document. ") {
		t.Errorf("docs:\n%s", out)
	}
	if _, out, _ := runCLI(t, nil, "", "ingest", "--data", t.TempDir(), filepath.Join(dir, "one.txt")); !strings.Contains(out, "Stored 1 document (1 new or changed)") {
		t.Errorf("ingest: %s", out)
	}
}

// A folder of files briefbot cannot read names each one, with why.
func TestAFolderOfUnsupportedFilesNamesThem(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "report.docx"), []byte("Word"), 0o644)
	os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("PDF"), 0o644)
	code, out, errOut := runCLI(t, nil, "", "docs", "--docs", dir)
	if code != 2 || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, w := range []string{"no documents found (supported types: ", `report.docx: unsupported file type ".docx"`, `scan.pdf: unsupported file type ".pdf"`} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
}

func TestHealthAsksHealthz(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	if code, out, errOut := runCLI(t, nil, "", "health", addr); code != 0 || out != "ok\n" {
		t.Errorf("healthy: exit %d, %q %q", code, out, errOut)
	}
	srv.Close()
	if code, _, errOut := runCLI(t, nil, "", "health", addr); code != 1 || !strings.Contains(errOut, "not healthy") {
		t.Errorf("down: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCLI(t, nil, "", "health", "nonsense"); code != 2 {
		t.Errorf("a bad address: exit %d, want 2", code)
	}
}

// --limit counts answers, in JSON and in text, and never citations.
func TestAskLimitCountsAnswers(t *testing.T) {
	const q = "In how many Afghan provinces is al-Qaida present?"
	type result struct {
		Answers []struct {
			Citations []json.RawMessage `json:"citations"`
		} `json:"answers"`
	}
	var one, many result
	_, out, _ := runCLI(t, nil, "", "ask", "--json", "--limit", "1", q)
	json.Unmarshal([]byte(out), &one)
	_, out, _ = runCLI(t, nil, "", "ask", "--json", "--limit", "10", q)
	json.Unmarshal([]byte(out), &many)
	if len(one.Answers) != 1 || len(many.Answers) == 0 || len(one.Answers[0].Citations) != len(many.Answers[0].Citations) || len(one.Answers[0].Citations) < 2 {
		t.Errorf("--limit 1: %d answers; the first cites %d documents with --limit 1, %d with --limit 10",
			len(one.Answers), len(one.Answers[0].Citations), len(many.Answers[0].Citations))
	}
	_, text, _ := runCLI(t, nil, "", "ask", "--limit", "1", "Who leads al-Qaeda?")
	if !strings.Contains(text, "-- 1 answer from") || strings.Contains(text, "/more") {
		t.Errorf("text with --limit 1:\n%s", text)
	}
	_, text, _ = runCLI(t, nil, "", "ask", "--limit", "5", "Who leads al-Qaeda?")
	if !strings.Contains(text, "5 answers from") || strings.Contains(text, "/more") {
		t.Errorf("text with --limit 5 should show every answer, no /more:\n%s", text)
	}
}
