package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestLogsWriteDurationsAsDurations(t *testing.T) {
	var b bytes.Buffer
	newLogger(&b).Info("waiting", "retry_in", 90*time.Second)
	if !strings.Contains(b.String(), `"retry_in":"1m30s"`) {
		t.Errorf("log line %s", b.String())
	}
}
