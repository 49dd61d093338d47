package corpus

import "time"

// Stored is a cleaned document as a store keeps it, so that every process
// serving from the store rebuilds the same Document without the original
// file: its paragraphs, metadata and captions, its ContentHash, and when it
// was stored.
type Stored struct {
	ID   string
	File string
	Meta
	Paragraphs []string
	Captions   []string
	// Hash is the document's ContentHash.
	Hash     string
	StoredAt time.Time
}

// Stored is d as a store keeps it.
func (d *Document) Stored() Stored {
	paragraphs := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paragraphs[i] = d.Text[p.Start:p.End]
	}
	return Stored{ID: d.ID, File: d.File, Meta: d.Meta, Paragraphs: paragraphs,
		Captions: d.Captions, Hash: d.ContentHash()}
}

// Document rebuilds the stored document.
func (s Stored) Document() *Document {
	d := New(s.ID, s.File, s.Meta, s.Paragraphs)
	d.Captions = s.Captions
	return d
}
