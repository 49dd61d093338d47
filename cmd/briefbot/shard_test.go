package main

import (
	"strings"
	"testing"
)

func TestServeRefusesABadShard(t *testing.T) {
	code, _, errOut := runCLI(t, nil, "", "serve", "--data", t.TempDir(), "--listen", "127.0.0.1:0",
		"--shard-id", "2", "--shard-count", "2")
	if code == 0 || !strings.Contains(errOut, "shard 2 of 2") {
		t.Errorf("exit %d, %q; want a refusal naming the shard", code, errOut)
	}
}
