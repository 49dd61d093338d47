package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// defaultHealthAddr is where the container image serves.
const defaultHealthAddr = "127.0.0.1:8080"

// healthTimeout bounds one check, well inside a container health check's.
const healthTimeout = 5 * time.Second

// runHealth asks a serving briefbot's /healthz, so that a container image
// with no shell and no curl can check itself: exit 0 when it answers 200.
func runHealth(ctx context.Context, env *environment, args []string) error {
	fs := newBareFlagSet("health")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError("want one ADDR, not %d arguments", len(pos))
	}
	addr := defaultHealthAddr
	if len(pos) == 1 {
		addr = pos[0]
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError("ADDR %q: want HOST:PORT or :PORT", addr)
	}
	if host == "" {
		host = "127.0.0.1" // ":8080" listens on every interface, loopback included
	}
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not healthy: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not healthy: %s answered %s", url, resp.Status)
	}
	_, err = env.stdout.Write(body)
	return err
}
