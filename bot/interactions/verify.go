package interactions

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// ParsePublicKey reads the application's public key as the developer portal
// shows it: 64 hex digits.
func ParsePublicKey(hexKey string) (ed25519.PublicKey, error) {
	raw, err := hex.DecodeString(hexKey)
	if err != nil {
		return nil, fmt.Errorf("public key: %w", err)
	}
	if len(raw) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("public key: %d bytes, want %d", len(raw), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(raw), nil
}

// rejection is a request refused before any handler ran.
type rejection struct {
	status int
	reason string // also the metrics label
	detail string // what went wrong, for the log
}

func (r *rejection) Error() string { return r.reason }

// maxClockSkew tolerates a signing clock slightly ahead of ours.
const maxClockSkew = 10 * time.Second

// verifiedBody checks Discord's Ed25519 signature over timestamp+body and
// that the timestamp is recent, so that a captured request cannot be
// replayed later. Everything that can be refused without the body is
// refused before reading it (a missing or malformed signature, a stale
// timestamp, a declared length over maxBody); the body is then read, at
// most maxBody bytes, within the server's ReadTimeout.
func verifiedBody(r *http.Request, key ed25519.PublicKey, maxBody int64, maxAge time.Duration, now time.Time) ([]byte, error) {
	sig, err := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, &rejection{http.StatusUnauthorized, "bad_signature", "X-Signature-Ed25519 missing or not 64 hex bytes"}
	}
	stamp := r.Header.Get("X-Signature-Timestamp")
	secs, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return nil, &rejection{http.StatusUnauthorized, "bad_timestamp", "X-Signature-Timestamp is not Unix seconds"}
	}
	age := now.Sub(time.Unix(secs, 0))
	if age > maxAge || age < -maxClockSkew {
		return nil, &rejection{http.StatusUnauthorized, "stale_timestamp", fmt.Sprintf("signed %s ago", age.Round(time.Second))}
	}
	if r.ContentLength > maxBody {
		return nil, &rejection{http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("Content-Length %d over %d", r.ContentLength, maxBody)}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, &rejection{http.StatusBadRequest, "unreadable_body", err.Error()}
	}
	if int64(len(body)) > maxBody {
		return nil, &rejection{http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("body over %d bytes", maxBody)}
	}
	signed := bytes.Join([][]byte{[]byte(stamp), body}, nil)
	if !ed25519.Verify(key, signed, sig) {
		return nil, &rejection{http.StatusUnauthorized, "bad_signature", "signature does not match the body"}
	}
	return body, nil
}

// asRejection unwraps a rejection, or makes one for any other error.
func asRejection(err error) *rejection {
	var rej *rejection
	if errors.As(err, &rej) {
		return rej
	}
	return &rejection{http.StatusBadRequest, "bad_request", err.Error()}
}
