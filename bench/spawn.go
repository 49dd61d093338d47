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
	self, err := os.Executable()
	if err != nil {
		return engineResult{}, err
	}
	outFile, err := os.CreateTemp("", "bench-"+cfg.Engine+"-*.json")
	if err != nil {
		return engineResult{}, err
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
		"-child-out", outFile.Name(),
	)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return engineResult{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return engineResult{}, err
	}
	var startup time.Duration
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == readyLine && startup == 0 {
			startup = time.Since(start)
		}
	}
	if err := cmd.Wait(); err != nil {
		return engineResult{}, err
	}
	if startup == 0 {
		return engineResult{}, fmt.Errorf("the child never reported ready")
	}
	data, err := os.ReadFile(outFile.Name())
	if err != nil {
		return engineResult{}, err
	}
	var r engineResult
	if err := json.Unmarshal(data, &r); err != nil {
		return engineResult{}, err
	}
	r.StartupMS = ms(startup)
	return r, nil
}
