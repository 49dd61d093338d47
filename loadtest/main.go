// Command loadtest drives briefbot's HTTP interactions endpoint with signed
// interactions over loopback, as Discord would, and reports throughput,
// acknowledgement times, /healthz times, memory and goroutines. With -soak
// it holds a steady rate for as long as asked and samples memory, to show
// it flat.
//
// The server runs in this process, as `briefbot serve --listen` runs it
// (serve.Serve, SQLite store, default limits), answering deferred
// interactions to a fake Discord on loopback: nothing leaves the machine.
// RSS and goroutines are therefore the process's, load generator included.
//
//	go run ./loadtest -clients 8,32,128 -duration 20s
//	go run ./loadtest -docs /path/to/corpus -clients 8,32,128
//	go run ./loadtest -soak 1h -rate 50
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"maps"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"briefbot/bot/respond"
	"briefbot/bot/serve"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/store/sqlite"
)

func main() {
	docs := flag.String("docs", "", "documents to serve (a folder or files, comma-separated); empty: the embedded seeds")
	levels := flag.String("clients", "8,32,128", "concurrent clients of each closed-loop run, comma-separated")
	duration := flag.Duration("duration", 20*time.Second, "length of each closed-loop run")
	soak := flag.Duration("soak", 0, "after the runs, hold -rate interactions a second for this long (e.g. 1h)")
	rate := flag.Float64("rate", 50, "interactions a second during the soak")
	every := flag.Duration("sample", 30*time.Second, "how often the soak samples memory")
	running := flag.Int("max-running", 0, "handlers the server runs at once (0: its default)")
	trickle := flag.Int("trickle", 0, "hostile clients that trickle a request body a byte a second, reconnecting when dropped, for the whole test (in a process of their own)")
	trickleAt := flag.String("trickle-at", "", "run only the -trickle clients against this URL until standard input closes, then print how many connections they opened (how the test starts them)")
	flag.Parse()

	if *trickleAt != "" {
		stop := trickleClients(*trickleAt, *trickle)
		_, _ = io.Copy(io.Discard, os.Stdin)
		fmt.Println(stop())
		return
	}

	start := time.Now()
	kb, err := loadBase(*docs)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("knowledge base: %d documents, built in %s\n\n", len(kb.Docs()), time.Since(start).Round(time.Millisecond))
	target, stop, err := startServer(kb, *running)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()
	fmt.Fprintf(os.Stderr, "loadtest: serving on %s\n", target.base) // for a probe from another process
	load := newWorkload(kb, target)
	if *trickle > 0 {
		stopTrickle, err := trickleProcess(target.base, *trickle)
		if err != nil {
			log.Fatal(err)
		}
		defer func() { fmt.Printf("\ntrickling clients: %d, connections they opened: %d\n", *trickle, stopTrickle()) }()
	}

	if *levels != "" {
		fmt.Println("| clients | interactions | throughput | ack p50 | ack p99 | ack max | over 3 s | answered / deferred / busy / autocomplete | errors | /healthz p50 / p99 / max | RSS | goroutines | waiting to run p99 / max | GC pause max |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
		for _, field := range strings.Split(*levels, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(field))
			if err != nil || n < 1 {
				log.Fatalf("-clients: %q is not a count", field)
			}
			fmt.Println(load.closedLoop(n, *duration).row(strconv.Itoa(n)))
		}
	}
	if *soak > 0 {
		load.soak(*soak, *rate, *every)
	}
	handlerTimes(target.base)
}

// handlerTimes prints the mean time each command's handler took, from the
// server's own metrics: the acknowledgement times above stop at the
// deferral, these do not.
func handlerTimes(base string) {
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		log.Print(err)
		return
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(resp.Body)
	sums, counts := map[string]float64{}, map[string]float64{}
	for _, line := range strings.Split(string(text), "\n") {
		for suffix, into := range map[string]map[string]float64{"_sum": sums, "_count": counts} {
			prefix := "briefbot_command_duration_seconds" + suffix + `{command="`
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				name, value, _ := strings.Cut(rest, `"} `)
				into[name], _ = strconv.ParseFloat(value, 64)
			}
		}
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		if counts[name] > 0 {
			parts = append(parts, fmt.Sprintf("%s %.1f ms (%.0f)", name, 1000*sums[name]/counts[name], counts[name]))
		}
	}
	fmt.Printf("\nmean handler time (runs): %s\n", strings.Join(parts, ", "))
}

func loadBase(docs string) (*knowledge.Base, error) {
	if docs == "" {
		return knowledge.New(ingest.Seeds()), nil
	}
	loaded, errs := ingest.Load(strings.Split(docs, ","), ingest.Options{})
	for _, err := range errs {
		fmt.Fprintln(os.Stderr, "loadtest: skipped:", err)
	}
	if len(loaded) == 0 {
		return nil, fmt.Errorf("no readable document in %s", docs)
	}
	return knowledge.New(loaded), nil
}

// target is the server under load.
type target struct {
	base string // http://127.0.0.1:PORT
	key  ed25519.PrivateKey
}

// startServer runs serve.Serve on a loopback port with a fake Discord for
// the deferred answers, and waits until /healthz answers.
func startServer(kb *knowledge.Base, maxRunning int) (target, func(), error) {
	public, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return target{}, nil, err
	}
	discord := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"1","channel_id":"2","content":""}`))
	}))
	toDiscord, _ := url.Parse(discord.URL)
	dir, err := os.MkdirTemp("", "loadtest-")
	if err != nil {
		return target{}, nil, err
	}
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		return target{}, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return target{}, nil, err
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve.Serve(ctx, serve.Config{
			Handling: respond.Handling{Knowledge: func() *knowledge.Base { return kb }, MaxRunning: maxRunning,
				Logger: slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))},
			PublicKey: hex.EncodeToString(public), Listen: addr, Store: st,
			Client: &http.Client{Transport: rewriteHost{toDiscord}, Timeout: 30 * time.Second},
		})
	}()
	stop := func() {
		cancel()
		if err := <-done; err != nil {
			log.Print(err)
		}
		discord.Close()
		st.Close()
		os.RemoveAll(dir)
	}
	for range 200 {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return target{base: "http://" + addr, key: private}, stop, nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	stop()
	return target{}, nil, fmt.Errorf("the server did not start on %s", addr)
}

// trickleProcess runs n trickling clients against base in a process of
// their own, as an attacker's would be: in this one, their thousands of
// goroutines would wait for a processor in the same run queues as the
// server's, and /healthz would measure the attack's scheduling rather
// than the server's. The returned function stops them and returns how many
// connections they opened.
func trickleProcess(base string, n int) (func() int64, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-trickle", strconv.Itoa(n), "-trickle-at", base)
	stop, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return func() int64 {
		stop.Close()
		if err := cmd.Wait(); err != nil {
			log.Print("trickling clients: ", err)
		}
		opened, _ := strconv.ParseInt(strings.TrimSpace(out.String()), 10, 64)
		return opened
	}, nil
}

// trickleClients keeps n connections sending a request's headers and then
// its body one byte a second, reconnecting whenever the server drops one.
// The returned function stops them and returns how many connections they
// opened in all.
func trickleClients(base string, n int) func() int64 {
	addr := strings.TrimPrefix(base, "http://")
	stop := make(chan struct{})
	var opened atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				c, err := net.Dial("tcp", addr)
				if err != nil {
					time.Sleep(time.Second)
					continue
				}
				opened.Add(1)
				fmt.Fprintf(c, "POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"+
					"X-Signature-Ed25519: %s\r\nX-Signature-Timestamp: %d\r\n\r\n",
					strings.Repeat("ab", ed25519.SignatureSize), time.Now().Unix())
				for {
					if _, err := c.Write([]byte("{")); err != nil {
						break
					}
					select {
					case <-stop:
						c.Close()
						return
					case <-time.After(time.Second):
					}
				}
				c.Close()
			}
		})
	}
	return func() int64 { close(stop); wg.Wait(); return opened.Load() }
}

// rewriteHost sends every request, whatever its host, to the fake Discord.
type rewriteHost struct{ to *url.URL }

func (r rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = r.to.Scheme, r.to.Host, r.to.Host
	return http.DefaultTransport.RoundTrip(req)
}

// workload makes the interactions: a mix of what users run, with names and
// questions taken from the knowledge base, each from a user of its own (as
// many users would; one user is rate-limited after ten).
type workload struct {
	target
	client *http.Client
	names  []string
	seq    atomic.Int64

	errorsShown atomic.Int64
}

func newWorkload(kb *knowledge.Base, t target) *workload {
	var names []string
	for _, a := range kb.Actors("") {
		if len(names) == 200 {
			break
		}
		names = append(names, a.Name)
	}
	if len(names) == 0 {
		names = []string{"nobody"}
	}
	return &workload{target: t, names: names, client: &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0}}}
}

// next is the body of a random interaction.
func (w *workload) next() []byte {
	n := w.seq.Add(1)
	name := w.names[mrand.IntN(len(w.names))]
	opt := func(key, value string) map[string]any { return map[string]any{"name": key, "type": 3, "value": value} }
	kind, command, options := 2, "", []map[string]any{}
	switch r := mrand.IntN(100); {
	case r < 40:
		command = "ask"
		options = append(options, opt("question", []string{"What did %s say?", "Who is %s?", "What happened to %s?", "Why did %s act?"}[r%4]))
		options[0]["value"] = fmt.Sprintf(options[0]["value"].(string), name)
	case r < 60:
		command, options = "actor", append(options, opt("name", name))
	case r < 70:
		command, options = "claims", append(options, opt("actor", name))
	case r < 80:
		command = "briefing"
	case r < 85:
		command = "sources"
	default: // autocomplete of a name being typed
		kind, command = 4, "actor"
		typed := opt("name", name[:min(len(name), 1+r%4)])
		typed["focused"] = true
		options = append(options, typed)
	}
	body, _ := json.Marshal(map[string]any{
		"id": strconv.FormatInt(900000000000000000+n, 10), "token": "load-" + strconv.FormatInt(n, 10),
		"application_id": "100000000000000001", "type": kind, "version": 1,
		"guild_id": "200000000000000001", "channel_id": "200000000000000002",
		"member": map[string]any{"permissions": "0", "user": map[string]any{"id": strconv.FormatInt(500000000000000000+n, 10), "username": "load"}},
		"data":   map[string]any{"id": "800000000000000001", "name": command, "type": 1, "options": options},
	})
	return body
}

// noteError prints the first few errors on standard error, so that a
// count in the table can be explained.
func (w *workload) noteError(msg string) {
	if w.errorsShown.Add(1) <= 5 {
		fmt.Fprintln(os.Stderr, "loadtest: error:", msg)
	}
}

// outcome of one interaction.
type outcome struct {
	took time.Duration
	kind string // answered, deferred, busy, autocomplete, error
}

// send posts one signed interaction and classifies the first answer.
func (w *workload) send() outcome {
	body := w.next()
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest("POST", w.base+"/interactions", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(w.key, append([]byte(stamp), body...))))
	req.Header.Set("X-Signature-Timestamp", stamp)
	start := time.Now()
	resp, err := w.client.Do(req)
	if err != nil {
		w.noteError(err.Error())
		return outcome{time.Since(start), "error"}
	}
	reply, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	var first struct {
		Type int `json:"type"`
		Data struct {
			Content string `json:"content"`
		} `json:"data"`
	}
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(reply, &first) != nil {
		w.noteError(fmt.Sprintf("HTTP %d %v: %.100s", resp.StatusCode, err, reply))
		return outcome{took, "error"}
	}
	switch {
	case first.Type == 5:
		return outcome{took, "deferred"}
	case first.Type == 8:
		return outcome{took, "autocomplete"}
	case strings.Contains(first.Data.Content, "try again in a minute"):
		return outcome{took, "busy"}
	}
	return outcome{took, "answered"}
}

// result is what one run measured.
type result struct {
	took     time.Duration
	acks     []time.Duration
	kinds    map[string]int
	healthz  []time.Duration
	rss      int64
	routines int
	// Of the process's goroutines: how long they waited for a processor
	// once runnable, and how long the GC stopped them all.
	waits, pauses histogram
}

// closedLoop runs clients that each send, wait for the answer, and send
// again, for d.
func (w *workload) closedLoop(clients int, d time.Duration) result {
	probe := w.probeHealth()
	waits, pauses := runtimeWaits()
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	res := result{kinds: map[string]int{}}
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				o := w.send()
				mu.Lock()
				res.acks = append(res.acks, o.took)
				res.kinds[o.kind]++
				mu.Unlock()
			}
		})
	}
	// Memory and goroutines while the load is on.
	time.Sleep(d * 3 / 4)
	res.rss, res.routines = rss(), runtime.NumGoroutine()
	wg.Wait()
	res.took = time.Since(start)
	res.healthz = probe()
	waitsAfter, pausesAfter := runtimeWaits()
	res.waits, res.pauses = waitsAfter.since(waits), pausesAfter.since(pauses)
	return res
}

// probeHealth polls /healthz every 100 ms on a connection of its own until
// the returned function is called, which returns the times.
func (w *workload) probeHealth() func() []time.Duration {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{}}
	stop := make(chan struct{})
	done := make(chan []time.Duration)
	go func() {
		var times []time.Duration
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				done <- times
				return
			case <-tick.C:
			}
			start := time.Now()
			resp, err := client.Get(w.base + "/healthz")
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			took := time.Since(start)
			if err != nil {
				took = math.MaxInt64 // failed: shown as such
			}
			times = append(times, took)
		}
	}()
	return func() []time.Duration { close(stop); return <-done }
}

// row formats a run as a table row.
func (r result) row(label string) string {
	slices.Sort(r.acks)
	slices.Sort(r.healthz)
	late := len(r.acks) - sortedIndex(r.acks, 3*time.Second)
	return fmt.Sprintf("| %s | %d | %.0f/s | %s | %s | %s | %d | %d / %d / %d / %d | %d | %s / %s / %s | %s | %d | %s / %s | %s |",
		label, len(r.acks), float64(len(r.acks))/r.took.Seconds(),
		ms(pct(r.acks, 50)), ms(pct(r.acks, 99)), ms(pct(r.acks, 100)), late,
		r.kinds["answered"], r.kinds["deferred"], r.kinds["busy"], r.kinds["autocomplete"], r.kinds["error"],
		ms(pct(r.healthz, 50)), ms(pct(r.healthz, 99)), ms(pct(r.healthz, 100)), mib(r.rss), r.routines,
		ms(r.waits.quantile(0.99)), ms(r.waits.quantile(1)), ms(r.pauses.quantile(1)))
}

// histogram is a runtime/metrics time histogram: Counts[i] values fell in
// [Buckets[i], Buckets[i+1]) seconds.
type histogram struct {
	Counts  []uint64
	Buckets []float64
}

// runtimeWaits reads the process's histograms, cumulative since it
// started, of how long runnable goroutines waited to run and of the GC's
// stop-the-world pauses.
func runtimeWaits() (waits, pauses histogram) {
	s := []metrics.Sample{{Name: "/sched/latencies:seconds"}, {Name: "/sched/pauses/total/gc:seconds"}}
	metrics.Read(s)
	at := func(v metrics.Value) histogram {
		h := v.Float64Histogram()
		return histogram{slices.Clone(h.Counts), h.Buckets}
	}
	return at(s[0].Value), at(s[1].Value)
}

// since is what was counted after earlier.
func (h histogram) since(earlier histogram) histogram {
	d := histogram{slices.Clone(h.Counts), h.Buckets}
	for i := range min(len(d.Counts), len(earlier.Counts)) {
		d.Counts[i] -= earlier.Counts[i]
	}
	return d
}

// quantile is the upper bound of the bucket holding quantile q (1: the
// largest value), or its lower bound for the last, unbounded bucket.
func (h histogram) quantile(q float64) time.Duration {
	var total uint64
	for _, n := range h.Counts {
		total += n
	}
	need, seen := uint64(math.Ceil(q*float64(total))), uint64(0)
	for i, n := range h.Counts {
		seen += n
		if n > 0 && seen >= need {
			upper := h.Buckets[i+1]
			if math.IsInf(upper, 1) {
				upper = h.Buckets[i]
			}
			return time.Duration(upper * float64(time.Second))
		}
	}
	return 0
}

func sortedIndex(sorted []time.Duration, v time.Duration) int {
	i, _ := slices.BinarySearch(sorted, v)
	return i
}

func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[max(0, min(len(sorted)-1, i))]
}

func ms(d time.Duration) string {
	if d == math.MaxInt64 {
		return "failed"
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// rss is the process's resident set size, from /proc (0 elsewhere).
func rss() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// soak sends rate interactions a second for d, and every sample prints
// what was served since the last one with the memory and goroutines.
func (w *workload) soak(d time.Duration, rate float64, every time.Duration) {
	fmt.Printf("\nsoak: %.0f interactions a second for %s\n\n", rate, d)
	fmt.Println("| elapsed | interactions | ack p50 | ack p99 | ack max | errors | /healthz max | RSS | heap in use | goroutines |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	var mu sync.Mutex
	var acks []time.Duration
	errs := 0
	inflight := make(chan struct{}, 1024)
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	sample := time.NewTicker(every)
	defer sample.Stop()
	probe := w.probeHealth()
	start := time.Now()
	end := time.After(d)
	// report prints what was served since the last report.
	report := func(health []time.Duration) {
		mu.Lock()
		got, failed := acks, errs
		acks, errs = nil, 0
		mu.Unlock()
		slices.Sort(got)
		slices.Sort(health)
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("| %s | %d | %s | %s | %s | %d | %s | %s | %s | %d |\n", time.Since(start).Round(time.Second), len(got),
			ms(pct(got, 50)), ms(pct(got, 99)), ms(pct(got, 100)), failed, ms(pct(health, 100)),
			mib(rss()), mib(int64(m.HeapInuse)), runtime.NumGoroutine())
	}
	for {
		select {
		case <-tick.C:
			select {
			case inflight <- struct{}{}:
			default: // the server fell over a thousand behind: count it
				mu.Lock()
				errs++
				mu.Unlock()
				continue
			}
			go func() {
				o := w.send()
				<-inflight
				mu.Lock()
				acks = append(acks, o.took)
				if o.kind == "error" {
					errs++
				}
				mu.Unlock()
			}()
		case <-sample.C:
			report(probe())
			probe = w.probeHealth()
		case <-end:
			report(probe()) // the last stretch, however short
			return
		}
	}
}
