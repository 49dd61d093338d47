package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFeedsAddListRemove(t *testing.T) {
	data := t.TempDir()
	if code, out, errOut := runCLI(t, nil, "", "feeds", "add", "--data", data, "--interval", "2", "https://news.example/rss"); code != 0 || !strings.Contains(out, "every 5 minutes") {
		t.Fatalf("add: exit %d, %s%s (the interval has a floor of 5 minutes)", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "", "feeds", "add", "--data", data, "https://news.example/rss"); code == 0 || !strings.Contains(errOut, "already followed") {
		t.Errorf("added twice: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "", "feeds", "add", "--data", data, "file:///etc/passwd"); code == 0 || !strings.Contains(errOut, "only http and https") {
		t.Errorf("a file URL: exit %d, %s", code, errOut)
	}
	code, out, errOut := runCLI(t, map[string]string{"BRIEFBOT_DATA": data}, "", "feeds", "list", "--json")
	if code != 0 {
		t.Fatalf("list: exit %d, %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list: %s (%v)", out, err)
	}
	for _, k := range []string{"url", "title", "last_fetched", "items", "paused"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("no %q field in %s", k, out)
		}
	}
	if rows[0]["url"] != "https://news.example/rss" || rows[0]["last_fetched"] != "" || rows[0]["paused"] != "" {
		t.Errorf("row %v", rows[0])
	}
	if code, out, _ := runCLI(t, nil, "", "feeds", "list", "--data", data); code != 0 || !strings.Contains(out, "https://news.example/rss") {
		t.Errorf("list as text: %s", out)
	}
	if code, _, errOut := runCLI(t, nil, "", "feeds", "remove", "--data", data, "https://news.example/rss"); code != 0 {
		t.Fatalf("remove: %s", errOut)
	}
	if code, _, errOut := runCLI(t, nil, "", "feeds", "remove", "--data", data, "https://news.example/rss"); code == 0 || !strings.Contains(errOut, "not found") {
		t.Errorf("removed twice: exit %d %s", code, errOut)
	}
	if _, out, _ := runCLI(t, nil, "", "feeds", "list", "--json", "--data", data); strings.TrimSpace(out) != "[]" {
		t.Errorf("after remove: %s", out)
	}
	for _, args := range [][]string{{"feeds"}, {"feeds", "add"}, {"feeds", "list", "x"}, {"feeds", "frob", "x"}, {"feeds", "remove", "a", "b"}} {
		code, _, errOut := runCLI(t, nil, "", append(args, "--data", data)...)
		if code != 2 || !strings.Contains(errOut, "briefbot feeds: ") || !strings.Contains(errOut, "usage: briefbot feeds "+commands["feeds"].args) {
			t.Errorf("%v: exit %d, %q; want 2 with the error and the usage line", args, code, errOut)
		}
	}
}
