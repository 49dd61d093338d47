package bot

import (
	"cmp"
	"container/list"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// HTTPLimits bound what one client can hold of the HTTP listener: a
// connection that trickles its headers or body, or sits idle, is closed
// after a timeout, and at most MaxConns are open, the one waiting longest
// making room for a new one, so that a flood of slow clients can neither
// exhaust the process's file descriptors nor starve /healthz.
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
	limited := &limitListener{Listener: ln, max: limits.MaxConns, order: list.New(),
		shed: func() { metrics.failed("http_connections_shed") }}
	srv.ConnState = limited.track
	return srv, limited
}

// limitListener keeps at most max connections open. At the limit, it
// closes the connection that has waited longest for a request to finish
// (a client trickling its headers or body, or an idle keep-alive) to make
// room for the new one: slow clients cannot lock everyone else out, while
// a request being read quickly and answered is never the one closed. The
// server's ConnState hook (track) tells it where each connection is.
type limitListener struct {
	net.Listener
	max  int
	shed func()

	mu    sync.Mutex
	order *list.List // of *countedConn, least recently active first
}

func (l *limitListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	var victim *countedConn
	if l.order.Len() >= l.max {
		victim = l.order.Front().Value.(*countedConn)
		l.order.Remove(victim.el)
		victim.el = nil
	}
	counted := &countedConn{Conn: c, owner: l}
	counted.el = l.order.PushBack(counted)
	l.mu.Unlock()
	if victim != nil {
		l.shed()
		victim.Conn.Close()
	}
	return counted, nil
}

// track moves a connection to the back of the order whenever it starts
// or finishes a request; a closed or hijacked one leaves it.
func (l *limitListener) track(c net.Conn, state http.ConnState) {
	counted, ok := c.(*countedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if counted.el == nil {
		return
	}
	switch state {
	case http.StateClosed, http.StateHijacked:
		l.order.Remove(counted.el)
		counted.el = nil
	default:
		l.order.MoveToBack(counted.el)
	}
}

// count is the number of connections open.
func (l *limitListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.order.Len()
}

// countedConn leaves its listener's count when closed.
type countedConn struct {
	net.Conn
	owner *limitListener
	el    *list.Element // in owner.order; nil once out of it (owner.mu)
}

func (c *countedConn) Close() error {
	c.owner.track(c, http.StateClosed)
	return c.Conn.Close()
}
