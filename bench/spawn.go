package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// spawn runs one engine's measurement in a child process (this program with
// -child) and returns its result, with the start-up time measured from the
// launch to the child's ready line.
func spawn(cfg childConfig) (engineResult, error) {
	var r engineResult
	startup, err := launch(cfg, &r)
	r.StartupMS = ms(startup)
	return r, err
}

// spawnRestart starts briefbot again from the snapshot its measuring child
// kept, and returns what the restarted child measured.
func spawnRestart(cfg childConfig) (snapshotResult, error) {
	cfg.Restart = true
	var r snapshotResult
	startup, err := launch(cfg, &r)
	r.StartupMS = ms(startup)
	return r, err
}

// launch runs a child on cfg, decodes its result into out and returns the
// time from the launch to its ready line.
func launch(cfg childConfig, out any) (time.Duration, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	outFile, err := os.CreateTemp("", "bench-"+cfg.Engine+"-*.json")
	if err != nil {
		return 0, err
	}
	outFile.Close()
	defer os.Remove(outFile.Name())
	cmd := exec.Command(self,
		"-child", cfg.Engine,
		"-manifest", cfg.Manifest,
		"-questions", strconv.Itoa(cfg.Questions),
		"-seed", strconv.FormatUint(cfg.Seed, 10),
		"-sample", cfg.Sample,
		"-names", strconv.Itoa(cfg.NameCount),
		"-complete-queries", strconv.Itoa(cfg.CompleteQueries),
		"-names-file", cfg.Names,
		"-pprof", cfg.Pprof,
		"-bleve-batch", strconv.Itoa(cfg.BleveBatch),
		"-breakdown="+strconv.FormatBool(cfg.Breakdown),
		"-snapshot", cfg.Snapshot,
		"-restart="+strconv.FormatBool(cfg.Restart),
		"-child-out", outFile.Name(),
	)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	var startup time.Duration
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == readyLine && startup == 0 {
			startup = time.Since(start)
		}
	}
	if err := cmd.Wait(); err != nil {
		return 0, err
	}
	if startup == 0 {
		return 0, fmt.Errorf("the child never reported ready")
	}
	data, err := os.ReadFile(outFile.Name())
	if err != nil {
		return 0, err
	}
	return startup, json.Unmarshal(data, out)
}
