package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefbot/knowledge/eval"
)

func TestEvalScoresAQuestionFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(file, []byte(`{"id":"a","kind":"fact","question":"When did Mullah Omar die?","expect_any":["natural death in 2013"]}
{"id":"b","kind":"negative","question":"What is the recipe for sourdough bread?","expect_answered":false}
{"id":"c","kind":"fact","question":"When did Mullah Omar die?","expect_any":["a phrase no document holds"]}
`), 0o644)
	code, out, errOut := runCLI(t, nil, "", "eval", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Total != 3 || rep.Passed != 2 || len(rep.Failures) != 1 || rep.Failures[0].ID != "c" {
		t.Errorf("report = %+v", rep)
	}
	code, out, _ = runCLI(t, nil, "", "eval", file)
	if code != 0 || !strings.HasSuffix(out, "total        2/3\n") {
		t.Errorf("text report (exit %d):\n%s", code, out)
	}
}

func TestEvalSampleQuestions(t *testing.T) {
	file := filepath.Join("..", "..", "..", "shared", "eval", "questions-sample.jsonl")
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("%v (the evaluation files live in ../shared beside the repository; CI has them)", err)
	}
	_, out, _ := runCLI(t, nil, "", "eval", "--json", file)
	var rep eval.Report
	json.Unmarshal([]byte(out), &rep)
	if rep.Total != 20 || rep.Passed < 19 {
		t.Errorf("sample: %d/%d passed; failures %+v", rep.Passed, rep.Total, rep.Failures)
	}
}

func TestEvalErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{nope\n"), 0o644)
	for _, args := range [][]string{{"eval"}, {"eval", "/no/such/file"}, {"eval", bad}} {
		if code, _, errOut := runCLI(t, nil, "", args...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

func TestServeNeedsSomethingToServe(t *testing.T) {
	code, _, errOut := runCLI(t, nil, "", "serve", "--data", t.TempDir())
	if code == 0 || !strings.Contains(errOut, "nothing to serve") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestServeHTTPUntilCancelled(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var errOut strings.Builder
	go func() {
		env := &environment{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &errOut,
			getenv: func(string) string { return "" }}
		done <- run(ctx, env, []string{"serve", "--listen", addr, "--data", t.TempDir()})
	}()
	var resp *http.Response
	for i := 0; i < 100; i++ {
		if resp, err = http.Get("http://" + addr + "/healthz"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		cancel()
		t.Fatalf("healthz never answered: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz status %d", resp.StatusCode)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exited %d after cancel: %s", code, errOut.String())
	}
}
