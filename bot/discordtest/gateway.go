package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes the fake speaks.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// gatewayState is the fake gateway's side of the connection; guarded by
// Server.mu.
type gatewayState struct {
	conn       *websocket.Conn
	seq        int64
	sessionID  string
	identifies int
	resumes    int
	intents    []int
	shards     [][2]int
	// closeIdentify, when set, answers every IDENTIFY by closing with it.
	closeIdentify int
}

type frame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  int64           `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
}

func (s *Server) wsURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"
}

func (s *Server) gatewayURL(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	writeJSON(w, map[string]string{"url": s.wsURL()})
}

// RejectIdentify makes the gateway answer every IDENTIFY by closing the
// socket with code (4004: authentication failed).
func (s *Server) RejectIdentify(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.closeIdentify = code
}

// Identifies and Resumes count the IDENTIFY and RESUME frames received.
func (s *Server) Identifies() int { s.mu.Lock(); defer s.mu.Unlock(); return s.gw.identifies }

// Resumes counts the RESUME frames received.
func (s *Server) Resumes() int { s.mu.Lock(); defer s.mu.Unlock(); return s.gw.resumes }

// Intents returns the intents of every IDENTIFY received.
func (s *Server) Intents() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.gw.intents...)
}

// Shards returns the [shard id, shard count] of every sharded IDENTIFY.
func (s *Server) Shards() [][2]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][2]int(nil), s.gw.shards...)
}

// WaitSessions waits until the bot has identified or resumed n times in all.
func (s *Server) WaitSessions(t testing.TB, n int, timeout time.Duration) {
	t.Helper()
	s.waitFor(t, timeout, func() bool { return s.gw.identifies+s.gw.resumes >= n && s.gw.conn != nil })
}

// ExpireSession forgets the bot's session, as Discord does after a long
// disconnect: its next RESUME is refused with INVALID_SESSION.
func (s *Server) ExpireSession() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.sessionID = ""
}

// Drop closes the current gateway socket without a close frame, as a
// network failure would; the bot should reconnect and resume.
func (s *Server) Drop() {
	s.mu.Lock()
	conn := s.gw.conn
	s.gw.conn = nil
	s.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}

// Dispatch sends a gateway event (e.g. "INTERACTION_CREATE") to the bot.
func (s *Server) Dispatch(t testing.TB, event string, data any) {
	t.Helper()
	raw, err := json.Marshal(data)
	if err != nil {
		t.Fatalf("discordtest: %v", err)
	}
	s.mu.Lock()
	conn := s.gw.conn
	s.gw.seq++
	f := frame{Op: opDispatch, Data: raw, Seq: s.gw.seq, Type: event}
	s.mu.Unlock()
	if conn == nil {
		t.Fatalf("discordtest: no gateway connection to dispatch %s on", event)
	}
	if err := s.write(conn, f); err != nil {
		t.Fatalf("discordtest: dispatch %s: %v", event, err)
	}
}

// write sends one frame; gorilla allows one writer at a time.
func (s *Server) write(conn *websocket.Conn, f frame) error {
	s.wsWrite.Lock()
	defer s.wsWrite.Unlock()
	return conn.WriteJSON(f)
}

var upgrader = websocket.Upgrader{}

// serveGateway speaks the gateway protocol on one connection: HELLO, then
// READY after IDENTIFY or RESUMED after RESUME, and heartbeat ACKs.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.gw.conn = conn
	s.mu.Unlock()
	defer func() {
		conn.Close()
		s.mu.Lock()
		if s.gw.conn == conn {
			s.gw.conn = nil
		}
		s.mu.Unlock()
	}()
	if s.write(conn, frame{Op: opHello, Data: json.RawMessage(`{"heartbeat_interval":45000}`)}) != nil {
		return
	}
	for {
		var f frame
		if err := conn.ReadJSON(&f); err != nil {
			return
		}
		reply, closeCode := s.answerFrame(f)
		if closeCode != 0 {
			msg := websocket.FormatCloseMessage(closeCode, "rejected by discordtest")
			_ = conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
			return
		}
		if reply != nil && s.write(conn, *reply) != nil {
			return
		}
	}
}

// answerFrame records a frame from the bot and returns the reply, or a
// close code to end the connection with.
func (s *Server) answerFrame(f frame) (*frame, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.notifyLocked()
	switch f.Op {
	case opHeartbeat:
		return &frame{Op: opHeartbeatAck}, 0
	case opIdentify:
		s.gw.identifies++
		var id struct {
			Intents int     `json:"intents"`
			Shard   *[2]int `json:"shard"`
		}
		_ = json.Unmarshal(f.Data, &id)
		s.gw.intents = append(s.gw.intents, id.Intents)
		if id.Shard != nil {
			s.gw.shards = append(s.gw.shards, *id.Shard)
		}
		if s.gw.closeIdentify != 0 {
			return nil, s.gw.closeIdentify
		}
		s.gw.seq++
		s.gw.sessionID = fmt.Sprintf("session-%d", s.gw.identifies)
		ready, _ := json.Marshal(map[string]any{
			"v": 10, "session_id": s.gw.sessionID, "resume_gateway_url": s.wsURL(),
			"user":        map[string]any{"id": AppID, "username": "briefbot", "bot": true},
			"application": map[string]any{"id": AppID, "flags": 0},
			"guilds":      []any{},
		})
		return &frame{Op: opDispatch, Type: "READY", Seq: s.gw.seq, Data: ready}, 0
	case opResume:
		s.gw.resumes++
		var rs struct {
			SessionID string `json:"session_id"`
		}
		_ = json.Unmarshal(f.Data, &rs)
		if rs.SessionID != s.gw.sessionID {
			// Discord answers a failed resume with INVALID_SESSION, not resumable.
			return &frame{Op: opInvalidSession, Data: json.RawMessage(`false`)}, 0
		}
		s.gw.seq++
		return &frame{Op: opDispatch, Type: "RESUMED", Seq: s.gw.seq, Data: json.RawMessage(`{}`)}, 0
	}
	return nil, 0
}
