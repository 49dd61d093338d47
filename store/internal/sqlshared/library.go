package sqlshared

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"briefbot/knowledge/corpus"
)

// LibraryColumns are the library table's columns, in the order of
// LibraryRow and scanStored, which every driver shares.
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

// DocumentHashes implements store.Library.
func (t Tables) DocumentHashes(ctx context.Context) (map[string]string, error) {
	rows, err := t.DB.QueryContext(ctx, `SELECT doc_id, content_hash FROM library`)
	if err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	defer rows.Close()
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

// storedBatch bounds the ids one statement asks for: SQLite takes at most
// 32,766 parameters, and a first load asks for every stored document.
const storedBatch = 500

// StoredDocuments implements store.Library, in id order.
func (t Tables) StoredDocuments(ctx context.Context, ids []string) ([]corpus.Stored, error) {
	var docs []corpus.Stored
	for rest := ids; len(rest) > 0; rest = rest[min(len(rest), storedBatch):] {
		batch := rest[:min(len(rest), storedBatch)]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		rows, err := t.DB.QueryContext(ctx, t.bind(`SELECT `+LibraryColumns+` FROM library
			WHERE doc_id IN (?`+strings.Repeat(", ?", len(batch)-1)+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("reading stored documents: %w", err)
		}
		docs, err = appendStored(docs, rows)
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(docs, func(a, b corpus.Stored) int { return strings.Compare(a.ID, b.ID) })
	return docs, nil
}

func appendStored(docs []corpus.Stored, rows *sql.Rows) ([]corpus.Stored, error) {
	defer rows.Close()
	for rows.Next() {
		d, err := scanStored(rows)
		if err != nil {
			return nil, fmt.Errorf("reading stored documents: %w", err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	return docs, nil
}

// scanStored reads one row of LibraryColumns.
func scanStored(row interface{ Scan(...any) error }) (corpus.Stored, error) {
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
