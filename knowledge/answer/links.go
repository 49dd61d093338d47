package answer

import "briefbot/knowledge/corpus"

// links is what the engine knows of actors and claims (empty until the
// registry and claim set are wired in).
type links struct{}

func (l links) index(b *indexBuilder) {}

type actorMatch struct{ start, end int }

func (e *Engine) actorsIn(question string) []actorMatch { return nil }
func (e *Engine) actorConcept(m actorMatch) concept     { return concept{} }
func (e *Engine) describes(q *query, p *passage) bool   { return false }
func (e *Engine) claimedBy(q *query, p *passage) bool   { return false }
func (e *Engine) suggestion(q *query) string            { return "" }

// New builds the engine for docs.
func New(docs []*corpus.Document) *Engine { return build(docs, links{}) }
