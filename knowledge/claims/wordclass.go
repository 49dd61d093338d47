package claims

// wordClass marks the word lists the extractor asks about at every token.
// A paragraph looks each of its words up once, here, and each reader skips
// its own list for a word outside its class: most words are in none.
type wordClass uint8

const (
	cueWord      wordClass = 1 << iota // a form of cueForms
	figureOpener                       // in figureOpeners
	hedgeOpener                        // in hedgeFirstWords
	stateWord                          // in stateWords
	monthName                          // in monthNumbers
)

var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for w, lemma := range cueForms {
		if lemma != "" {
			m[w] |= cueWord
		}
	}
	for w, ok := range figureOpeners {
		if ok {
			m[w] |= figureOpener
		}
	}
	for w, ok := range hedgeFirstWords {
		if ok {
			m[w] |= hedgeOpener
		}
	}
	for w, label := range stateWords {
		if label != "" {
			m[w] |= stateWord
		}
	}
	for w := range monthNumbers {
		m[w] |= monthName
	}
	return m
}()
