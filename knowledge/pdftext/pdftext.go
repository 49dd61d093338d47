// Package pdftext reads the text of a PDF file as lines and paragraphs,
// for ingest to clean like any text: rows of text in reading order, a blank
// line where the gap between rows is wider than the page's usual line
// spacing, and between pages.
package pdftext

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ledongthuc/pdf"
)

// MaxPages is the most pages read from one file.
const MaxPages = 2000

// Text returns the text of the PDF in data.
func Text(data []byte) (text string, err error) {
	defer func() {
		// The PDF reader panics on some malformed files.
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("unreadable PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("unreadable PDF: %v", err)
	}
	var b strings.Builder
	for n := 1; n <= min(r.NumPage(), MaxPages); n++ {
		p := r.Page(n)
		if p.V.IsNull() {
			continue
		}
		writePage(&b, rowsOf(p.Content().Text))
	}
	if strings.TrimSpace(b.String()) == "" {
		return "", errors.New("the PDF has no text (a scan, or images only)")
	}
	return b.String(), nil
}

// row is the glyphs on one line of a page.
type row struct {
	y      float64
	glyphs []pdf.Text
}

// rowsOf groups a page's glyphs into rows, top to bottom, each left to
// right. Glyphs whose baselines differ by less than a third of their size
// share a row.
func rowsOf(glyphs []pdf.Text) []row {
	var rows []row
	for _, g := range glyphs {
		if g.S == "" {
			continue
		}
		i := slices.IndexFunc(rows, func(r row) bool { return math.Abs(r.y-g.Y) < max(g.FontSize, 1)/3 })
		if i < 0 {
			rows = append(rows, row{y: g.Y})
			i = len(rows) - 1
		}
		rows[i].glyphs = append(rows[i].glyphs, g)
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.y, a.y) })
	for _, r := range rows {
		slices.SortStableFunc(r.glyphs, func(a, b pdf.Text) int { return cmp.Compare(a.X, b.X) })
	}
	return rows
}

// writePage writes a page's rows, one line each, with a blank line at a
// paragraph gap and after the page.
func writePage(b *strings.Builder, rows []row) {
	gap := usualGap(rows)
	for i, r := range rows {
		if i > 0 && gap > 0 && rows[i-1].y-r.y > 1.6*gap {
			b.WriteString("\n")
		}
		b.WriteString(r.text())
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// usualGap is the median distance between consecutive rows.
func usualGap(rows []row) float64 {
	var gaps []float64
	for i := 1; i < len(rows); i++ {
		gaps = append(gaps, rows[i-1].y-rows[i].y)
	}
	if len(gaps) == 0 {
		return 0
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/2]
}

// text joins a row's glyphs, with a space where the gap between two is
// wider than a fifth of the type size.
func (r row) text() string {
	var b strings.Builder
	end := 0.0
	for i, g := range r.glyphs {
		if i > 0 && g.X-end > max(g.FontSize, 1)/5 && !strings.HasSuffix(b.String(), " ") && g.S != " " {
			b.WriteByte(' ')
		}
		b.WriteString(g.S)
		end = g.X + g.W
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
