package live

import (
	"io/fs"
	"os"
	"time"

	"briefbot/knowledge/ingest"
)

// fileState is what a poll compares to notice a change without reading a
// file: size and modification time.
type fileState struct {
	size    int64
	modTime time.Time
}

// fingerprint maps every file under the watched paths to its state.
type fingerprint map[string]fileState

// scan stats every file under paths; unreadable entries are left out (the
// loader names them).
func scan(paths []string) fingerprint {
	fp := fingerprint{}
	for _, root := range paths {
		_ = ingest.WalkRoot(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := os.Stat(path); err == nil {
				fp[path] = fileState{info.Size(), info.ModTime()}
			}
			return nil
		})
	}
	return fp
}

func (fp fingerprint) equal(other fingerprint) bool {
	if len(fp) != len(other) {
		return false
	}
	for path, st := range fp {
		if o, ok := other[path]; !ok || o.size != st.size || !o.modTime.Equal(st.modTime) {
			return false
		}
	}
	return true
}
