package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func TestGetSendsUserAgentAndReadsBody(t *testing.T) {
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.UserAgent(), "briefbot") {
			t.Errorf("User-Agent %q does not name briefbot", r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("<p>hello</p>"))
	})
	c := &Client{AllowPrivate: true}
	resp, err := c.Get(context.Background(), Request{URL: s.URL + "/page"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.MediaType != "text/html" || string(resp.Body) != "<p>hello</p>" || resp.ETag != `"v1"` {
		t.Errorf("got %+v", resp)
	}
}

func TestConditionalGet(t *testing.T) {
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Mon, 01 Dec 2026 10:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte("body"))
	})
	c := &Client{AllowPrivate: true}
	resp, err := c.Get(context.Background(), Request{URL: s.URL, ETag: `"v1"`, LastModified: "Mon, 01 Dec 2026 10:00:00 GMT"})
	if err != nil || !resp.NotModified || len(resp.Body) != 0 {
		t.Fatalf("got %+v, %v; want not modified", resp, err)
	}
}

func TestPrivateAddressesRefusedWhenConnecting(t *testing.T) {
	hits := 0
	s := server(t, func(w http.ResponseWriter, r *http.Request) { hits++ })
	c := &Client{}
	for _, u := range []string{s.URL, strings.Replace(s.URL, "127.0.0.1", "localhost", 1)} {
		_, err := c.Get(context.Background(), Request{URL: u})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want %v", u, err, ErrPrivateAddress)
		}
	}
	if hits != 0 {
		t.Errorf("the server was reached %d times", hits)
	}
}

func TestPublic(t *testing.T) {
	for ip, want := range map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1::1": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false, "224.0.0.1": false,
	} {
		if got := Public(net.ParseIP(ip)); got != want {
			t.Errorf("Public(%s) = %v, want %v", ip, got, want)
		}
	}
}

func TestRefusals(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/file", http.StatusFound)
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("a", 1<<20))
		for range 50 { // 50 MB, sent without a length
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "52428800")
		w.Write([]byte("short"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<rss>"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	s := server(t, mux.ServeHTTP)
	c := &Client{AllowPrivate: true, Timeout: time.Minute}
	hasty := &Client{AllowPrivate: true, Timeout: 300 * time.Millisecond}
	for path, want := range map[string]string{
		"/loop":      "stopped after 5 redirects",
		"/ftp":       `unsupported scheme "ftp"`,
		"/busy":      "HTTP 429 Too Many Requests (retry after 2m0s)",
		"/broken":    "HTTP 500 Internal Server Error",
		"/huge":      "body over the size limit of 16777216 bytes",
		"/announced": "the server announces 52428800 bytes",
		"/slow":      "timed out after 300ms",
		"/missing":   "HTTP 404 Not Found",
	} {
		client := c
		if path == "/slow" {
			client = hasty
		}
		_, err := client.Get(context.Background(), Request{URL: s.URL + path})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", path, err, want)
		}
	}
	var se *StatusError
	if _, err := c.Get(context.Background(), Request{URL: s.URL + "/busy"}); !errors.As(err, &se) || se.RetryAfter != 2*time.Minute {
		t.Errorf("429: got %v, want a StatusError asking for 2m", err)
	}
	for _, u := range []string{"file:///etc/passwd", "gopher://x", "http://", "not a url"} {
		if _, err := c.Get(context.Background(), Request{URL: u}); err == nil {
			t.Errorf("%s: fetched", u)
		}
	}
}

func TestRetryAfterDate(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if got := retryAfter("Tue, 01 Dec 2026 10:05:00 GMT", now); got != 5*time.Minute {
		t.Errorf("got %s", got)
	}
	if got := retryAfter("soon", now); got != 0 {
		t.Errorf("got %s", got)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"https://x.org/a": true, "http://x": true, "docs/a.txt": false,
		"./a://b": false, "C:\\docs\\a.txt": false, "/tmp/x": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
