package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

// defaultBleveBatch is how many units go to the index at once: bleve's
// throughput depends on large batches, and its in-memory index never merges
// segments, so every batch stays a segment that each query visits.
const defaultBleveBatch = 10_000

// completionLimit is how many names a completion returns: Discord shows at
// most 25 choices.
const completionLimit = 25

// bleveEngine indexes the units briefbot answers with (sentences, with their
// document, paragraph and sentence number stored for the citation) in an in-memory scorch
// index scored with BM25, analysed by bleve's English analyzer.
type bleveEngine struct {
	idx   bleve.Index
	batch *bleve.Batch
	size  int           // units per batch
	spent time.Duration // inside add and finish
	names bleve.Index
}

func newBleveEngine(batchSize int) (*bleveEngine, error) {
	idx, err := bleve.NewUsing("", sentenceMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	return &bleveEngine{idx: idx, batch: idx.NewBatch(), size: max(batchSize, 1)}, nil
}

// sentenceMapping stores what a citation needs and indexes only the text.
func sentenceMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = true
	text.IncludeInAll = false
	text.IncludeTermVectors = false
	text.DocValues = false
	stored := func(m *mapping.FieldMapping) *mapping.FieldMapping {
		m.Index, m.Store, m.IncludeInAll, m.IncludeTermVectors, m.DocValues = false, true, false, false, false
		return m
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", text)
	doc.AddFieldMappingsAt("doc", stored(bleve.NewKeywordFieldMapping()))
	doc.AddFieldMappingsAt("para", stored(bleve.NewNumericFieldMapping()))
	doc.AddFieldMappingsAt("sentence", stored(bleve.NewNumericFieldMapping()))
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = en.AnalyzerName
	im.ScoringModel = index.BM25Scoring
	im.DefaultMapping = doc
	return im
}

func (e *bleveEngine) add(docs []*corpus.Document) error {
	start := time.Now()
	defer func() { e.spent += time.Since(start) }()
	for _, d := range docs {
		for i := range d.Sentences {
			c := d.CiteSentences(i, i)
			unit := map[string]any{"text": c.Quote, "doc": d.ID, "para": float64(c.Paragraph), "sentence": float64(c.Sentence)}
			if err := e.batch.Index(fmt.Sprintf("%s#%d", d.ID, i), unit); err != nil {
				return err
			}
			if e.batch.Size() >= e.size {
				if err := e.flush(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (e *bleveEngine) flush() error {
	err := e.idx.Batch(e.batch)
	e.batch.Reset()
	return err
}

func (e *bleveEngine) finish() (map[string]time.Duration, error) {
	start := time.Now()
	err := e.flush()
	e.spent += time.Since(start)
	return map[string]time.Duration{"index": e.spent}, err
}

// ask runs the question as a match query (its terms OR-ed, BM25-ranked) and
// cites the stored sentences. bleve has no notion of an unanswerable question:
// any hit is an answer.
func (e *bleveEngine) ask(q string, limit int) answer.Result {
	query := bleve.NewMatchQuery(q)
	query.SetField("text")
	req := bleve.NewSearchRequestOptions(query, limit, 0, false)
	req.Fields = []string{"text", "doc", "para", "sentence"}
	res := answer.Result{Question: q, Answers: []answer.Answer{}}
	hits, err := e.idx.Search(req)
	if err != nil {
		res.Note = err.Error()
		return res
	}
	for _, h := range hits.Hits {
		text, _ := h.Fields["text"].(string)
		doc, _ := h.Fields["doc"].(string)
		para, _ := h.Fields["para"].(float64)
		sentence, _ := h.Fields["sentence"].(float64)
		c := corpus.Citation{Doc: doc, Paragraph: int(para), Sentence: int(sentence), Quote: text}
		res.Answers = append(res.Answers, answer.Answer{Text: text, Score: h.Score, Citations: []corpus.Citation{c}})
	}
	res.Answered = len(res.Answers) > 0
	return res
}

// bleve has one stage, timed in the build.
func (e *bleveEngine) stages() (map[string]time.Duration, []string) { return nil, nil }

// bleve finds no actors.
func (e *bleveEngine) actorNames() []string { return nil }

// prepareCompletion indexes the names whole and lower-cased, for prefix
// queries: the way to autocomplete with bleve.
func (e *bleveEngine) prepareCompletion(names []string, _ bool) (int, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer("name", map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []string{lowercase.Name},
	})
	if err != nil {
		return 0, err
	}
	name := bleve.NewTextFieldMapping()
	name.Analyzer = "name"
	name.Store = true
	name.IncludeInAll, name.IncludeTermVectors, name.DocValues = false, false, false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("name", name)
	im.DefaultMapping = doc
	if e.names, err = bleve.NewUsing("", im, scorch.Name, scorch.Name, nil); err != nil {
		return 0, err
	}
	b := e.names.NewBatch()
	for i, n := range names {
		if err := b.Index(fmt.Sprint(i), map[string]any{"name": n}); err != nil {
			return 0, err
		}
		if b.Size() >= e.size || i == len(names)-1 {
			if err := e.names.Batch(b); err != nil {
				return 0, err
			}
			b.Reset()
		}
	}
	return len(names), nil
}

func (e *bleveEngine) complete(prefix string) []string {
	q := bleve.NewPrefixQuery(strings.ToLower(prefix))
	q.SetField("name")
	req := bleve.NewSearchRequestOptions(q, completionLimit, 0, false)
	req.Fields = []string{"name"}
	res, err := e.names.Search(req)
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		if n, ok := h.Fields["name"].(string); ok {
			out = append(out, n)
		}
	}
	return out
}

func (e *bleveEngine) close() {
	for _, idx := range []bleve.Index{e.idx, e.names} {
		if idx != nil {
			idx.Close()
		}
	}
}
