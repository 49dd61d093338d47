package interactions

import (
	"cmp"
	"container/list"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"briefbot/bot/respond"
)

// Limits bound what one client can hold of the HTTP listener: a
// connection that trickles its headers or body, or sits idle, is closed
// after a timeout, and at most MaxConns are open, the one waiting longest
// making room for a new one, so that a flood of slow clients can neither
// exhaust the process's file descriptors nor starve /healthz.
type Limits struct {
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

func (l Limits) withDefaults() Limits {
	l.ReadHeaderTimeout = cmp.Or(l.ReadHeaderTimeout, 5*time.Second)
	l.ReadTimeout = cmp.Or(l.ReadTimeout, 10*time.Second)
	l.WriteTimeout = cmp.Or(l.WriteTimeout, 15*time.Second)
	l.IdleTimeout = cmp.Or(l.IdleTimeout, time.Minute)
	l.MaxConns = cmp.Or(l.MaxConns, 2048)
	return l
}

// maxHeaderBytes is far above what Discord or a scraper sends.
const maxHeaderBytes = 16 << 10

// NewServer serves h on ln within limits; net/http's own complaints
// (accept errors, broken handshakes) go to logger like every other line.
func NewServer(h http.Handler, ln net.Listener, limits Limits, logger *slog.Logger, metrics *respond.Metrics) (*http.Server, net.Listener) {
	limits = limits.withDefaults()
	limited := newLimitListener(ln, limits.MaxConns, func() { metrics.Failed("http_connections_shed") })
	srv := &http.Server{
		Handler:           limited.watchReads(h),
		ReadHeaderTimeout: limits.ReadHeaderTimeout,
		ReadTimeout:       limits.ReadTimeout,
		WriteTimeout:      limits.WriteTimeout,
		IdleTimeout:       limits.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		ConnState:         limited.track,
		ConnContext:       withConn,
	}
	return srv, limited
}

// limitListener keeps at most max connections open. At the limit, it
// closes one to make room for the new one: the one that has been reading
// its request longest (a client trickling its headers or body: Discord's
// requests are read in milliseconds), or else the longest idle one, or
// else the oldest being answered. Slow clients thus cannot lock everyone
// else out, and real clients keep their requests and, while slow ones hold
// slots, their keep-alive connections. The server tells it where each
// connection is: track (ConnState) and watchReads (end of the body).
type limitListener struct {
	net.Listener
	max  int
	shed func()

	mu sync.Mutex
	// The connections by phase, each list oldest first.
	reading  *list.List // accepted, or reading a request
	answered *list.List // the request read, its handler at work
	idle     *list.List // between requests
}

func newLimitListener(ln net.Listener, max int, shed func()) *limitListener {
	return &limitListener{Listener: ln, max: max, shed: shed, reading: list.New(), answered: list.New(), idle: list.New()}
}

func (l *limitListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	counted := &countedConn{Conn: c, owner: l}
	l.mu.Lock()
	var victim *countedConn
	if l.countLocked() >= l.max {
		for _, from := range []*list.List{l.reading, l.idle, l.answered} {
			if from.Len() > 0 {
				victim = from.Front().Value.(*countedConn)
				victim.leaveLocked()
				break
			}
		}
	}
	counted.moveLocked(l.reading)
	l.mu.Unlock()
	if victim != nil {
		l.shed()
		victim.Conn.Close()
	}
	return counted, nil
}

// track files a connection under its state whenever it changes; a closed
// or hijacked one leaves the count.
func (l *limitListener) track(c net.Conn, state http.ConnState) {
	switch state {
	case http.StateClosed, http.StateHijacked:
		l.move(c, nil)
	case http.StateIdle:
		l.move(c, l.idle)
	case http.StateActive:
		l.startRequest(c)
	}
}

// startRequest files an idle connection as reading again; a new one is
// reading since it was accepted, and keeps its place.
func (l *limitListener) startRequest(c net.Conn) {
	counted, ok := c.(*countedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if counted.in == l.idle {
		counted.moveLocked(l.reading)
	}
}

// move files c under to, or takes it out of the count when to is nil.
func (l *limitListener) move(c net.Conn, to *list.List) {
	counted, ok := c.(*countedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case counted.in == nil: // closed, or closed to make room
	case to == nil:
		counted.leaveLocked()
	default:
		counted.moveLocked(to)
	}
}

type connKey struct{}

// withConn lets a request's handler find its connection.
func withConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// watchReads files a connection as answered once its request's body has
// been read to the end (at once when there is none).
func (l *limitListener) watchReads(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := r.Context().Value(connKey{}).(net.Conn)
		if r.Body == nil || r.Body == http.NoBody {
			l.move(c, l.answered)
		} else {
			r.Body = &endOfBody{ReadCloser: r.Body, end: func() { l.move(c, l.answered) }}
		}
		h.ServeHTTP(w, r)
	})
}

// endOfBody calls end when the body has been read to its end.
type endOfBody struct {
	io.ReadCloser
	end  func()
	once sync.Once
}

func (b *endOfBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.once.Do(b.end)
	}
	return n, err
}

func (l *limitListener) countLocked() int {
	return l.reading.Len() + l.answered.Len() + l.idle.Len()
}

// count is the number of connections open.
func (l *limitListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.countLocked()
}

// countedConn is a connection of a limitListener.
type countedConn struct {
	net.Conn
	owner *limitListener
	// in is the list of owner's holding the connection, at el; nil once
	// it has left them. Both are guarded by owner.mu.
	in *list.List
	el *list.Element
}

// moveLocked puts c at the back of to.
func (c *countedConn) moveLocked(to *list.List) {
	c.leaveLocked()
	c.in, c.el = to, to.PushBack(c)
}

func (c *countedConn) leaveLocked() {
	if c.in != nil {
		c.in.Remove(c.el)
		c.in, c.el = nil, nil
	}
}

// Close takes the connection out of the count, then closes it.
func (c *countedConn) Close() error {
	c.owner.move(c, nil)
	return c.Conn.Close()
}
