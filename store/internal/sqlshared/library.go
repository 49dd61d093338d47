package sqlshared

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"briefbot/knowledge/corpus"
)

// LibraryColumns are the library table's columns, in the order of
// LibraryRow and ScanStored, which every driver shares.
const LibraryColumns = `doc_id, file, title, source, author, date, url, paragraphs, captions, content_hash, stored_at`

// LibraryUpsert is the statement that stores one LibraryRow, replacing a
// stored document of the same id only when its hash differs (so that the
// rows it changes count the documents new or changed).
func LibraryUpsert(d Dialect) string {
	binds := make([]string, len(strings.Split(LibraryColumns, ",")))
	for i := range binds {
		binds[i] = d.Bind(i + 1)
	}
	return `INSERT INTO library (` + LibraryColumns + `) VALUES (` + strings.Join(binds, ", ") + `)
		ON CONFLICT (doc_id) DO UPDATE SET file = excluded.file, title = excluded.title,
		source = excluded.source, author = excluded.author, date = excluded.date, url = excluded.url,
		paragraphs = excluded.paragraphs, captions = excluded.captions,
		content_hash = excluded.content_hash, stored_at = excluded.stored_at
		WHERE library.content_hash <> excluded.content_hash`
}

// LibraryRow is d, stored at now, as the values of LibraryColumns.
func LibraryRow(d corpus.Stored, now time.Time) ([]any, error) {
	paragraphs, err := json.Marshal(nonNil(d.Paragraphs))
	if err != nil {
		return nil, err
	}
	captions, err := json.Marshal(nonNil(d.Captions))
	if err != nil {
		return nil, err
	}
	return []any{d.ID, d.File, d.Title, d.Source, d.Author, d.Date, d.URL,
		string(paragraphs), string(captions), d.Hash, now.UnixMilli()}, nil
}

// LibraryHashesQuery selects what DocumentHashes returns, read by ScanHashes.
const LibraryHashesQuery = `SELECT doc_id, content_hash FROM library`

// Rows is what ScanHashes reads: database/sql's and pgx's rows alike.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanHashes reads the rows of LibraryHashesQuery into a map by id.
func ScanHashes(rows Rows) (map[string]string, error) {
	hashes := map[string]string{}
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, fmt.Errorf("reading stored documents: %w", err)
		}
		hashes[id] = hash
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	return hashes, nil
}

// ScanStored reads one row of LibraryColumns.
func ScanStored(row interface{ Scan(...any) error }) (corpus.Stored, error) {
	var d corpus.Stored
	var paragraphs, captions string
	var storedAt int64
	if err := row.Scan(&d.ID, &d.File, &d.Title, &d.Source, &d.Author, &d.Date, &d.URL,
		&paragraphs, &captions, &d.Hash, &storedAt); err != nil {
		return corpus.Stored{}, err
	}
	if err := json.Unmarshal([]byte(paragraphs), &d.Paragraphs); err != nil {
		return corpus.Stored{}, fmt.Errorf("document %s: paragraphs: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(captions), &d.Captions); err != nil {
		return corpus.Stored{}, fmt.Errorf("document %s: captions: %w", d.ID, err)
	}
	d.StoredAt = time.UnixMilli(storedAt).UTC()
	return d, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
