package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"briefbot/knowledge/corpus"
)

// parseJSON reads a .json file: one object, which is one document, or an
// array of objects, one document each, numbered from 1.
func parseJSON(src string) ([]record, []error) {
	data := bytes.TrimSpace([]byte(src))
	if len(data) == 0 {
		return nil, []error{errors.New("empty file")}
	}
	switch data[0] {
	case '{':
		a, err := decodeRecord(data)
		if err != nil {
			return nil, []error{err}
		}
		return []record{{Article: a}}, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, []error{jsonError(data, err)}
		}
		if len(items) == 0 {
			return nil, []error{errors.New("empty JSON array: no records")}
		}
		var recs []record
		var errs []error
		for i, item := range items {
			a, err := decodeRecord(item)
			if err != nil {
				errs = append(errs, fmt.Errorf("record %d: %w", i+1, err))
				continue
			}
			recs = append(recs, record{N: i + 1, Article: a})
		}
		return recs, errs
	}
	if err := json.Unmarshal(data, new(any)); err != nil {
		return nil, []error{jsonError(data, err)}
	}
	return nil, []error{errors.New("JSON is neither an object nor an array of objects")}
}

// parseJSONL reads a .jsonl file: one object a line, blank lines skipped.
// Records are numbered by their line among the non-blank ones, so that
// mending a bad line does not renumber the others.
func parseJSONL(src string) ([]record, []error) {
	var recs []record
	var errs []error
	n := 0
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		a, err := decodeRecord([]byte(line))
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", i+1, err))
			continue
		}
		recs = append(recs, record{N: n, Article: a})
	}
	return recs, errs
}

// jsonRecord is a document as a JSON object. Speech records
// ({year, name, text}, as in State of the Union collections) fit it too.
type jsonRecord struct {
	Text   *string    `json:"text"`
	Body   *string    `json:"body"`
	Title  scalar     `json:"title"`
	Source scalar     `json:"source"`
	Author stringList `json:"author"`
	Date   scalar     `json:"date"`
	URL    scalar     `json:"url"`
	Name   scalar     `json:"name"`
	Year   scalar     `json:"year"`
}

// decodeRecord turns one JSON object into an article: the text cleaned, the
// record's own fields over what the cleaner found.
func decodeRecord(data []byte) (article, error) {
	var r jsonRecord
	if len(bytes.TrimSpace(data)) == 0 || bytes.TrimSpace(data)[0] != '{' {
		return article{}, errors.New("not a JSON object")
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return article{}, jsonError(data, err)
	}
	content := r.Text
	if content == nil {
		content = r.Body
	}
	if content == nil || strings.TrimSpace(*content) == "" {
		return article{}, errors.New(`no "text" or "body" string`)
	}
	a := cleanText(*content)
	a.Meta = overlay(a.Meta, r.meta())
	return a, nil
}

// meta is what the record states. A speech record is titled "<name>, <year>"
// and authored by its speaker; its bare year is not a date and is not made one.
func (r jsonRecord) meta() corpus.Meta {
	m := corpus.Meta{
		Title:  string(r.Title),
		Source: string(r.Source),
		Author: strings.Join(r.Author, ", "),
		URL:    string(r.URL),
	}
	m.Date, _ = parseDate(string(r.Date))
	if m.Title == "" && r.Name != "" {
		m.Title = string(r.Name)
		if r.Year != "" {
			m.Title += ", " + string(r.Year)
		}
	}
	if m.Author == "" {
		m.Author = string(r.Name)
	}
	return m
}

// scalar is a JSON string or number read as trimmed text (a year may be
// either); null reads as "".
type scalar string

func (s *scalar) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		*s = ""
	case string:
		*s = scalar(strings.TrimSpace(v))
	case float64:
		*s = scalar(strconv.FormatFloat(v, 'f', -1, 64))
	default:
		return fmt.Errorf("want a string or a number, got %s", b)
	}
	return nil
}

// UnmarshalJSON reads a JSON name or list of names.
func (l *stringList) UnmarshalJSON(b []byte) error {
	var one scalar
	if err := json.Unmarshal(b, &one); err == nil {
		*l = nil
		if one != "" {
			*l = stringList{string(one)}
		}
		return nil
	}
	var many []scalar
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("author: want a name or a list of names, got %.40s", b)
	}
	*l = nil
	for _, s := range many {
		if s != "" {
			*l = append(*l, string(s))
		}
	}
	return nil
}

// jsonError phrases a decoding error in one line, with the line of a
// multi-line text where the syntax breaks.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) && bytes.Contains(data, []byte("\n")) {
		line := 1 + bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("malformed JSON at line %d: %s", line, syn.Error())
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) && typ.Field != "" {
		return fmt.Errorf("malformed JSON: field %q should not be a JSON %s", typ.Field, typ.Value)
	}
	return fmt.Errorf("malformed JSON: %s", oneLine(err.Error()))
}
