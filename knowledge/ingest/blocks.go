package ingest

import "strings"

// blockText gathers the plain text of a marked-up document (Markdown, HTML)
// block by block: text is written as the tree is walked, and each block's
// end closes a paragraph, its whitespace collapsed as a browser would.
type blockText struct {
	paras []string
	cur   strings.Builder
}

func (t *blockText) WriteString(s string) { t.cur.WriteString(s) }

// end closes the current paragraph; an empty one is dropped. Any run of
// spaces, no-break and other Unicode spaces included, becomes one space, so
// that "Pin&nbsp;Up" reads and is found as "Pin Up".
func (t *blockText) end() {
	if p := strings.Join(strings.Fields(t.cur.String()), " "); p != "" {
		t.paras = append(t.paras, p)
	}
	t.cur.Reset()
}
