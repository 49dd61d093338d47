package interactions

import (
	"net/http"

	"briefbot/bot/respond"
)

// Mux is the HTTP listener's mux: /interactions (when endpoint is not
// nil), /healthz, and /metrics (when metrics is not nil).
func Mux(endpoint *Endpoint, metrics *respond.Metrics) http.Handler {
	mux := http.NewServeMux()
	if endpoint != nil {
		mux.Handle("/interactions", endpoint)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	if metrics != nil {
		mux.Handle("GET /metrics", metrics.Handler())
	}
	return mux
}
