package main

import (
	"bufio"
	"context"
	"debug/elf"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// dockerfile is what the image test reads from the Dockerfile: the build
// stage's go build line and the final stage's runtime.
type dockerfile struct {
	buildEnv, buildArgs []string // "go build ..." with its VAR=value prefix
	env                 map[string]string
	uid, gid            int
	expose              string
	entrypoint, cmd     []string
	healthcheck         []string
}

// instructions joins continued lines and drops comments: one
// instruction a line.
func instructions(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the Dockerfile: %v", err)
	}
	defer f.Close()
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if cur.Len() == 0 && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			cur.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		cur.WriteString(line)
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// shellWords splits a shell command line on blanks, honouring double
// quotes (as in -ldflags="-s -w"), which is all the build line uses.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, in := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}

func parseDockerfile(t *testing.T, path string) dockerfile {
	d := dockerfile{env: map[string]string{}, uid: -1}
	final := false
	jsonArray := func(what, s string) []string {
		var v []string
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("%s %s: want the exec (JSON) form: %v", what, s, err)
		}
		return v
	}
	for _, in := range instructions(t, path) {
		op, rest, _ := strings.Cut(in, " ")
		rest = strings.TrimSpace(rest)
		switch strings.ToUpper(op) {
		case "FROM":
			final = !strings.Contains(strings.ToUpper(rest), " AS ")
		case "RUN":
			for _, part := range strings.Split(rest, "&&") {
				words := shellWords(part)
				for i := range words {
					if i+1 < len(words) && words[i] == "go" && words[i+1] == "build" {
						d.buildEnv, d.buildArgs = words[:i], words[i+2:]
					}
				}
			}
		case "ENV":
			if final {
				for _, kv := range shellWords(rest) {
					k, v, _ := strings.Cut(kv, "=")
					d.env[k] = v
				}
			}
		case "USER":
			u, g, _ := strings.Cut(rest, ":")
			var err1, err2 error
			d.uid, err1 = strconv.Atoi(u)
			d.gid, err2 = strconv.Atoi(g)
			if err1 != nil || err2 != nil {
				t.Fatalf("USER %s: want numeric uid:gid, so that a cluster can check it is not root", rest)
			}
		case "EXPOSE":
			d.expose = strings.TrimSuffix(rest, "/tcp")
		case "ENTRYPOINT":
			d.entrypoint = jsonArray(op, rest)
		case "CMD":
			d.cmd = jsonArray(op, rest)
		case "HEALTHCHECK":
			_, form, ok := strings.Cut(rest, "CMD ")
			if !ok {
				t.Fatalf("HEALTHCHECK %s: no CMD", rest)
			}
			d.healthcheck = jsonArray(op, strings.TrimSpace(form))
		}
	}
	return d
}

// TestTheImageRunsAsItsDockerfileSays builds the program as the Dockerfile
// does and starts it as the image would: as its user, with its environment
// and nothing else (no HOME, no PATH), its entrypoint and CMD, on the
// exposed port, and runs its HEALTHCHECK against it. Building images needs
// an engine and a registry CI does not have; this is what the image runs.
func TestTheImageRunsAsItsDockerfileSays(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the static binary: not in -short")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	d := parseDockerfile(t, filepath.Join(root, "Dockerfile"))
	if d.buildArgs == nil || d.uid <= 0 || d.expose == "" || len(d.entrypoint) == 0 || len(d.healthcheck) == 0 {
		t.Fatalf("the Dockerfile lacks a go build line, a non-root USER, EXPOSE, ENTRYPOINT or HEALTHCHECK: %+v", d)
	}

	// The build, with the Dockerfile's flags and environment.
	dir := t.TempDir()
	binary := filepath.Join(dir, "briefbot")
	args := append([]string{"build"}, d.buildArgs...)
	for i := range args {
		if i > 0 && args[i-1] == "-o" {
			args[i] = binary
		}
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	build := exec.Command(gobin, args...)
	build.Dir = root
	build.Env = append(os.Environ(), d.buildEnv...)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	if f, err := elf.Open(binary); err == nil {
		libs, _ := f.ImportedLibraries()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Errorf("the binary needs a dynamic loader: the distroless static image has none")
			}
		}
		if len(libs) > 0 {
			t.Errorf("the binary links %v: the static image has no libraries", libs)
		}
		f.Close()
	}

	// The image's volumes, owned by its user; the port is a free one, as
	// 8080 may be taken on this machine.
	port := freePort(t)
	env := []string{}
	for k, v := range d.env {
		if strings.HasPrefix(v, "/") {
			v = filepath.Join(dir, "root", v)
			if err := os.MkdirAll(v, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		env = append(env, k+"="+v)
	}
	asUser := asImageUser(t, dir, d.uid, d.gid)
	substitute := func(argv []string) []string {
		out := make([]string, len(argv))
		for i, a := range argv {
			out[i] = strings.ReplaceAll(a, d.expose, port)
			if a == d.entrypoint[0] {
				out[i] = binary
			}
		}
		return out
	}
	cmdline := substitute(append(append([]string{}, d.entrypoint...), d.cmd...))
	if !strings.Contains(strings.Join(d.cmd, " "), ":"+d.expose) {
		t.Errorf("CMD %q does not listen on the exposed port %s", d.cmd, d.expose)
	}
	if !strings.Contains(strings.Join(d.healthcheck, " "), ":"+d.expose) {
		t.Errorf("HEALTHCHECK %q does not check the exposed port %s", d.healthcheck, d.expose)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	serve := exec.CommandContext(ctx, cmdline[0], cmdline[1:]...)
	serve.Env = env
	serve.Dir = dir
	serve.SysProcAttr = asUser
	// A file, not a buffer: the test reads it while the program writes.
	logFile, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	serve.Stdout, serve.Stderr = logFile, logFile
	logs := func() string { b, _ := os.ReadFile(logFile.Name()); return string(b) }
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- serve.Wait() }()
	defer func() {
		serve.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			serve.Process.Kill()
		}
	}()
	url := "http://127.0.0.1:" + port + "/healthz"
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %s", url, resp.Status)
			}
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("%q exited before answering /healthz: %v\n%s", cmdline, err, logs())
		case <-ctx.Done():
			t.Fatalf("%s never answered: %v\n%s", url, err, logs())
		case <-time.After(100 * time.Millisecond):
		}
	}

	check := substitute(d.healthcheck)
	health := exec.CommandContext(ctx, check[0], check[1:]...)
	health.Env = env
	health.SysProcAttr = asUser
	if out, err := health.CombinedOutput(); err != nil {
		t.Errorf("HEALTHCHECK %q failed: %v\n%s", check, err, out)
	}
	if strings.Contains(logs(), `"level":"ERROR"`) {
		t.Errorf("errors logged while serving:\n%s", logs())
	}
}

// asImageUser runs a child as uid:gid, as the image does, when this test
// may (as root); the paths it needs become reachable by that user.
func asImageUser(t *testing.T, dir string, uid, gid int) *syscall.SysProcAttr {
	if os.Geteuid() != 0 {
		t.Logf("not root: the program runs as this user, not as %d:%d", uid, gid)
		return nil
	}
	for p := dir; p != filepath.Dir(p) && strings.HasPrefix(p, os.TempDir()) && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.Walk(filepath.Join(dir, "root"), func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(path, uid, gid)
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
