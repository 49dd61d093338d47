// Package fetch gets documents from the web safely: http and https only,
// never an address on the machine's own networks unless allowed (checked
// when connecting, so a redirect or a DNS answer cannot slip past it),
// few redirects, a capped body, a time limit, and conditional requests.
package fetch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Defaults of a Client's zero fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "briefbot/1.0 (feed and page reader of a Discord bot that cites its sources)"
)

// Client fetches URLs. Its zero value is ready to use and refuses private
// addresses. A Client is safe for concurrent use once in use.
type Client struct {
	// AllowPrivate lets requests reach loopback, private, link-local and
	// other non-public addresses (tests, an intranet).
	AllowPrivate bool
	Timeout      time.Duration // per request, body included
	MaxBytes     int64         // largest body read
	MaxRedirects int
	UserAgent    string

	once sync.Once
	http *http.Client
}

// Request is one GET, conditional when ETag or LastModified are set (the
// validators of an earlier Response).
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a successful fetch.
type Response struct {
	// URL is where the body came from, after redirects.
	URL string
	// NotModified is set when the server answered 304 to a conditional
	// request: Body is then empty and the caller's copy is current.
	NotModified bool
	// MediaType is the Content-Type without parameters, lower case;
	// ContentType is the header whole (its charset, say).
	MediaType    string
	ContentType  string
	Body         []byte
	ETag         string
	LastModified string
}

// StatusError is an answer other than 2xx or 304.
type StatusError struct {
	Code   int
	Status string
	// RetryAfter is what a 429 or 503 asked to wait; 0 when it did not say.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("HTTP %s (retry after %s)", e.Status, e.RetryAfter)
	}
	return "HTTP " + e.Status
}

// ErrPrivateAddress is returned for an address refused without AllowPrivate.
var ErrPrivateAddress = errors.New("refused: the address is not public (loopback, private or link-local)")

// ErrTooLarge is returned for a body over MaxBytes.
var ErrTooLarge = errors.New("body over the size limit")

// Get fetches r.URL.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := CheckURL(r.URL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", cmp.Or(c.UserAgent, DefaultUserAgent))
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, text/html, text/markdown, text/plain;q=0.9, application/xml;q=0.8, application/json;q=0.8, */*;q=0.1")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.client().Do(req)
	if err != nil {
		return nil, c.reason(ctx, err)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), ETag: resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status,
			RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	out.ContentType = resp.Header.Get("Content-Type")
	out.MediaType, _, _ = mime.ParseMediaType(out.ContentType)
	max := c.maxBytes()
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: the server announces %d bytes, the limit is %d", ErrTooLarge, resp.ContentLength, max)
	}
	out.Body, err = io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, c.reason(ctx, err)
	}
	if int64(len(out.Body)) > max {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, max)
	}
	return out, nil
}

// CheckURL accepts an absolute http or https URL with a host.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("not a URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported scheme %q: only http and https are fetched", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, errors.New("the URL names no host")
	}
	return u, nil
}

// IsURL reports whether s is meant as a web address rather than a path.
func IsURL(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`)
}

// reason phrases a transport error for a person: the cause, without the
// method and URL the caller already names.
func (c *Client) reason(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", c.timeout())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var dns *net.DNSError
	switch {
	case errors.Is(err, ErrPrivateAddress):
		return ErrPrivateAddress
	case errors.As(err, &dns):
		return fmt.Errorf("cannot resolve %s: %s", dns.Name, dns.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("connection refused")
	}
	return err
}

func (c *Client) client() *http.Client {
	c.once.Do(c.init)
	return c.http
}

func (c *Client) init() {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: c.control}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would connect for us, past the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: c.timeout(),
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: c.checkRedirect}
}

// control runs on every connection, after name resolution: it sees the
// address actually dialled.
func (c *Client) control(_, address string, _ syscall.RawConn) error {
	if c.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || !Public(ip) {
		return ErrPrivateAddress
	}
	return nil
}

// Public reports whether ip is an address of the public internet.
func Public(ip net.IP) bool {
	if ip4 := ip.To4(); ip4 != nil {
		ip = ip4
		// 100.64.0.0/10 is carrier-grade NAT, shared and not public.
		if ip[0] == 100 && ip[1]&0xc0 == 64 || ip[0] == 0 {
			return false
		}
	}
	return ip.IsGlobalUnicast() && !ip.IsPrivate()
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	max := cmp.Or(c.MaxRedirects, DefaultMaxRedirects)
	if len(via) > max {
		return fmt.Errorf("stopped after %d redirects", max)
	}
	if _, err := CheckURL(req.URL.String()); err != nil {
		return fmt.Errorf("redirected to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

func (c *Client) timeout() time.Duration { return cmp.Or(c.Timeout, DefaultTimeout) }

func (c *Client) maxBytes() int64 { return cmp.Or(c.MaxBytes, DefaultMaxBytes) }

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now).Round(time.Second)
	}
	return 0
}
