package bot

import (
	"cmp"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// HTTPLimits bound what one client can hold of the HTTP listener: a
// connection that trickles its headers or body, or sits idle, is closed
// after a timeout, and connections beyond MaxConns are closed as soon as
// they are accepted, so that a flood of slow clients can neither exhaust
// the process's file descriptors nor starve /healthz.
type HTTPLimits struct {
	// ReadHeaderTimeout bounds reading a request's headers; default 5 s.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included; default 10 s.
	ReadTimeout time.Duration
	// WriteTimeout bounds a request from the end of its headers to the end
	// of the reply; it must exceed the acknowledgement window. Default 15 s.
	WriteTimeout time.Duration
	// IdleTimeout closes a kept-alive connection no request reuses; default 60 s.
	IdleTimeout time.Duration
	// MaxConns bounds the open connections; default 2048.
	MaxConns int
}

func (l HTTPLimits) withDefaults() HTTPLimits {
	l.ReadHeaderTimeout = cmp.Or(l.ReadHeaderTimeout, 5*time.Second)
	l.ReadTimeout = cmp.Or(l.ReadTimeout, 10*time.Second)
	l.WriteTimeout = cmp.Or(l.WriteTimeout, 15*time.Second)
	l.IdleTimeout = cmp.Or(l.IdleTimeout, time.Minute)
	l.MaxConns = cmp.Or(l.MaxConns, 2048)
	return l
}

// maxHeaderBytes is far above what Discord or a scraper sends.
const maxHeaderBytes = 16 << 10

// newHTTPServer serves h on ln within limits; net/http's own complaints
// (accept errors, broken handshakes) go to logger like every other line.
func newHTTPServer(h http.Handler, ln net.Listener, limits HTTPLimits, logger *slog.Logger, metrics *Metrics) (*http.Server, net.Listener) {
	limits = limits.withDefaults()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: limits.ReadHeaderTimeout,
		ReadTimeout:       limits.ReadTimeout,
		WriteTimeout:      limits.WriteTimeout,
		IdleTimeout:       limits.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	return srv, &limitListener{Listener: ln, max: limits.MaxConns, shed: func() { metrics.failed("http_connections_shed") }}
}

// limitListener closes connections accepted beyond max at once, rather
// than leaving them queued: a client over the limit learns it straight
// away, and Accept keeps running so that freed slots are used.
type limitListener struct {
	net.Listener
	max  int
	shed func()

	mu   sync.Mutex
	open int
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		l.mu.Lock()
		full := l.open >= l.max
		if !full {
			l.open++
		}
		l.mu.Unlock()
		if !full {
			return &countedConn{Conn: c, release: l.release}, nil
		}
		l.shed()
		c.Close()
	}
}

// count is the number of connections open.
func (l *limitListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open
}

func (l *limitListener) release() {
	l.mu.Lock()
	l.open--
	l.mu.Unlock()
}

// countedConn gives its slot back once, however often it is closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
