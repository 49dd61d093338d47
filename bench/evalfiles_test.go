package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestQuestionFileFlag(t *testing.T) {
	var q questionFiles
	for _, v := range []string{"a.jsonl", "b.jsonl=/tmp/docs"} {
		if err := q.Set(v); err != nil {
			t.Fatalf("Set(%q): %v", v, err)
		}
	}
	if len(q) != 2 || q[0].Path != "a.jsonl" || q[0].Docs != nil || q[1].Path != "b.jsonl" || len(q[1].Docs) != 1 || q[1].Docs[0] != "/tmp/docs" {
		t.Fatalf("parsed %+v", q)
	}
	if err := q.Set("=/tmp/docs"); err == nil {
		t.Fatal("a value without a question file was accepted")
	}
}

// TestQuestionFilesScoreBothEngines asks a tiny corpus an answerable question
// and an on-topic one it does not answer: both engines find the first; bleve,
// which cannot abstain, answers the second and fails it.
func TestQuestionFilesScoreBothEngines(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(docs, "bridge.txt"), "Bridge inspection\n\n"+
		"Engineers inspected the river bridge on Monday and found serious cracks in several concrete pillars.\n\n"+
		"The county closed the bridge to heavy trucks until the repairs are finished next spring.\n")
	writeFile(t, filepath.Join(docs, "budget.txt"), "County budget\n\n"+
		"The county treasurer reported a surplus of revenue over expenditures for the third year running.\n")
	questions := filepath.Join(dir, "q.jsonl")
	writeFile(t, questions, `{"id":"t1","kind":"fact","question":"What did the engineers find in the concrete pillars of the bridge?","expect_any":["serious cracks in several concrete pillars"]}`+"\n"+
		`{"id":"t2","kind":"negative","question":"How much will the county spend on the bridge repairs?","expect_answered":false}`+"\n")
	out := filepath.Join(dir, "out.json")

	var w, logw bytes.Buffer
	engines := []string{engineBriefbot, engineBleve}
	results, err := runQuestionFiles([]questionFile{{Path: questions}}, []string{docs}, engines, out, &w, &logw)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Documents != 2 {
		t.Fatalf("results %+v, want one file on 2 documents", results)
	}
	for _, name := range engines {
		rep, ok := results[0].Engines[name]
		if !ok || rep.Total != 2 {
			t.Fatalf("%s: report %+v, want 2 questions", name, rep)
		}
		for _, f := range rep.Failures {
			if f.ID == "t1" {
				t.Errorf("%s missed the answerable question: %s", name, f.Why)
			}
		}
	}
	if bl := results[0].Engines[engineBleve]; bl.Passed != 1 || bl.Failures[0].ID != "t2" {
		t.Errorf("bleve: %d passed, failures %+v; want the negative failed", bl.Passed, bl.Failures)
	}

	table := w.String()
	for _, want := range []string{"q.jsonl on " + docs + " (2 documents)", "kind  ", "briefbot", "bleve", "negative", "fact"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if !strings.Contains(lastLine(table), "total") || !strings.HasSuffix(strings.TrimSpace(table), "1/2") {
		t.Errorf("the total is not the last row, with bleve's 1/2 last:\n%s", table)
	}

	var saved []evalResult
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &saved); err != nil {
		t.Fatalf("JSON output: %v", err)
	}
	if len(saved) != 1 || saved[0].Engines[engineBleve].Passed != 1 || saved[0].Questions != questions {
		t.Fatalf("JSON output %+v", saved)
	}
}

// With Lower the questions are asked in lower case, and the table and the
// JSON say so: a name typed as in chat still finds its sentence.
func TestQuestionFilesInLowerCase(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "news.txt"), "Border news\n\n"+
		"Tajikistan closed its border with Afghanistan on Monday after clashes near the river crossing.\n")
	questions := filepath.Join(dir, "q.jsonl")
	writeFile(t, questions, `{"id":"t1","kind":"fact","question":"When did Tajikistan close its border with Afghanistan?","expect_any":["Tajikistan closed its border"]}`+"\n")
	var w, logw bytes.Buffer
	results, err := runQuestionFiles([]questionFile{{Path: questions, Lower: true}}, []string{dir}, []string{engineBriefbot}, "", &w, &logw)
	if err != nil {
		t.Fatal(err)
	}
	if !results[0].Lower || !strings.Contains(w.String(), "asked in lower case") {
		t.Errorf("the lower-case run is not marked: %+v\n%s", results[0], w.String())
	}
	if rep := results[0].Engines[engineBriefbot]; rep.Passed != 1 {
		t.Errorf("in lower case the question failed: %+v", rep.Failures)
	}
}

func TestQuestionFilesRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	writeFile(t, bad, "{not json\n")
	var w bytes.Buffer
	if _, err := runQuestionFiles([]questionFile{{Path: bad}}, nil, []string{engineBleve}, "", &w, &w); err == nil || !strings.Contains(err.Error(), "bad.jsonl") {
		t.Errorf("a broken question file: err = %v, want one naming the file", err)
	}
	good := filepath.Join(dir, "good.jsonl")
	writeFile(t, good, `{"id":"n","kind":"negative","question":"Who?","expect_answered":false}`+"\n")
	if _, err := runQuestionFiles([]questionFile{{Path: good, Docs: []string{filepath.Join(dir, "missing")}}}, nil, []string{engineBleve}, "", &w, &w); err == nil {
		t.Error("documents that do not exist: no error")
	}
	if _, err := runQuestionFiles([]questionFile{{Path: good}}, nil, []string{"grep"}, "", &w, &w); err == nil {
		t.Error("an unknown engine: no error")
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
