package discordtest

import (
	"fmt"
	"net/http"
	"strconv"
)

// attachment is a file the fake serves as Discord's CDN would.
type attachment struct {
	contentType string
	body        []byte
}

// Attach serves body as a file attached to a message and returns the
// attachment as Discord describes it inside the message. Downloads are
// not among Requests: they are not API calls.
func (s *Server) Attach(filename, contentType string, body []byte) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string]attachment{}
	}
	id := strconv.Itoa(900000000000000000 + len(s.files) + 1)
	path := fmt.Sprintf("/attachments/%s/%s/%s", ChannelID, id, filename)
	s.files[path] = attachment{contentType: contentType, body: body}
	return map[string]any{"id": id, "filename": filename, "size": len(body), "content_type": contentType,
		"url": s.URL + path + "?ex=1&is=2&hm=3", "proxy_url": s.URL + path}
}

func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	f, ok := s.files[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Write(f.body)
}
