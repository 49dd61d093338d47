package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
)

var (
	// siteSuffix splits "Headline – Site.com" or "Headline | The Paper".
	siteSuffix = regexp.MustCompile(`^(.*\S)\s+[–—|-]\s+(\S+\.(?:com|org|net|info|news|io|co\.uk|org\.uk|ac\.uk|eu|int))$`)
	byline     = regexp.MustCompile(`(?i)^by\b\s*(.*)$`)
	// series reads "BESA Center Perspectives Paper No. 2,130, August 20, 2021".
	series = regexp.MustCompile(`^(.+?)\s+(?:(?:Perspectives|Policy|Working|Occasional|Research|Discussion|Special|Strategic)\s+)?` +
		`(?:Paper|Report|Brief|Bulletin|Commentary|Analysis|Update)\s+No\b`)
	// bio reads "Dr. James M. Dorsey, a non-resident…" and "Victoria Jones is a…".
	// (The spaces may be no-break spaces, which \s does not match.)
	bio = regexp.MustCompile(strings.ReplaceAll(`^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?_+)?`+
		`(\p{Lu}[\p{L}'’-]+(?:_+\p{Lu}\.)*(?:_+\p{Lu}[\p{L}'’-]+){1,3})(?:,_+(?:a|an|the)_|_+is_+(?:a|an|the)_)`,
		"_", `[\s\x{a0}]`))
	publisherWord = regexp.MustCompile(`(?i)\b(times|post|news|guardian|journal|monitor|review|herald|tribune|` +
		`telegraph|independent|economist|gazette|chronicle|observer|press|agency|institute|centre|center|magazine|daily|weekly)$`)
)

// readHeader reads the lines before the article's prose: title, byline,
// author, date, series line. It returns the header lines that are content
// (a standfirst, question headings) and drops the rest (promotions, menus).
func readHeader(ls []line, a *article) []line {
	var kept []line
	afterTitle := false
	titleRead := false // the first line that could be the title was read
	for _, l := range ls {
		t := l.text
		wasAfterTitle := afterTitle
		afterTitle = false
		switch {
		case isChrome(t):
		case isCaption(t):
			a.Captions = append(a.Captions, t)
		case byline.MatchString(t):
			readByline(byline.FindStringSubmatch(t)[1], &a.Meta)
		case series.MatchString(t):
			a.Meta.Source = firstNonEmpty(a.Meta.Source, series.FindStringSubmatch(t)[1])
			if d, ok := findDate(t); ok && a.Meta.Date == "" {
				a.Meta.Date = d
			}
		case isDateLine(t):
			d, _ := findDate(t)
			a.Meta.Date = firstNonEmpty(a.Meta.Date, d)
		case isMenu(t):
		case !titleRead:
			titleRead = true
			headline := looksLikeHeadline(t)
			if headline {
				a.Meta.Title, a.Meta.Source = splitSite(t, a.Meta.Source)
				afterTitle = true
			}
			// A headline ends in no full stop: a sentence opening the text
			// is text, even when it is short enough to be its title too.
			if headline && strings.HasSuffix(t, ".") || !headline && isSentence(t) {
				kept = append(kept, l)
			}
		case looksLikeName(t):
			a.Meta.Author = joinAuthors(a.Meta.Author, t)
		case strings.HasSuffix(t, "?"):
			kept = append(kept, l) // a section heading asked as a question
		case isSentence(t) || wasAfterTitle && fieldsUpTo(t, 8) >= 8:
			kept = append(kept, l) // a sentence, or the standfirst under the headline
		}
	}
	return kept
}

// isSentence reports whether a header line reads as a sentence of the
// text: eight words or more, ending as a sentence ends.
func isSentence(t string) bool { return fieldsUpTo(t, 8) >= 8 && endsSentence(t) }

// readByline reads what follows "By": a name, a date, or both
// ("Jane Doe | 11 March 2024", "Jane Doe, August 20, 2021").
func readByline(rest string, m *corpus.Meta) {
	name := rest
	if d, ok := findDate(rest); ok {
		m.Date = firstNonEmpty(m.Date, d)
		name = strings.SplitN(rest, "|", 2)[0]
		if _, ok := parseDate(name); ok || !looksLikeName(strings.Trim(name, " ,")) {
			name = ""
		}
	}
	if name = strings.Trim(name, " ,|"); looksLikeName(name) {
		m.Author = joinAuthors(m.Author, name)
	}
}

// readTrailer reads what the tail of a page says of the article, as in
// "See original here:" followed by "Headline - Site.com".
func readTrailer(ls []line, m *corpus.Meta) {
	for i, l := range ls {
		if strings.HasPrefix(strings.ToLower(l.text), "see original") && i+1 < len(ls) {
			title, source := splitSite(ls[i+1].text, "")
			if source != "" {
				m.Source = firstNonEmpty(m.Source, source)
				m.Title = firstNonEmpty(m.Title, title)
			}
			return
		}
	}
}

// splitSite separates a site name appended to a headline.
func splitSite(t, source string) (string, string) {
	if m := siteSuffix.FindStringSubmatch(t); m != nil {
		return m[1], firstNonEmpty(source, m[2])
	}
	return t, source
}

// findDate finds a full date in a short line: the whole line, a part
// between '|' separators, or its last comma-separated parts.
func findDate(t string) (string, bool) {
	if len(t) > 120 {
		return "", false
	}
	cands := []string{t}
	cands = append(cands, strings.Split(t, "|")...)
	parts := strings.Split(t, ",")
	for k := 1; k <= 3 && k <= len(parts); k++ {
		cands = append(cands, strings.Join(parts[len(parts)-k:], ","))
	}
	for _, c := range cands {
		if d, ok := parseDate(c); ok {
			return d, true
		}
	}
	return "", false
}

// isDateLine reports a dateline: a short line that is essentially a date.
func isDateLine(t string) bool {
	if fieldsUpTo(t, 9) > 8 {
		return false
	}
	_, ok := parseDate(t)
	return ok
}

// looksLikeName reports a line that is a person's name and nothing else:
// two to five capitalised words, initials allowed.
func looksLikeName(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 5 || len(t) > 60 {
		return false
	}
	for _, w := range f {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".-'’", c) {
				return false
			}
		}
	}
	return !isDateLine(t)
}

// looksLikePublisher reports a short trailer line naming the publisher, as
// "The Guardian" under an article.
func looksLikePublisher(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 || len(f) > 5 || endsSentence(t) || isChrome(t) {
		return false
	}
	for _, w := range f {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return publisherWord.MatchString(t) || siteSuffix.MatchString("x - "+t)
}

// authorFromBios reads authors from the biographies that close many papers
// ("Dr. X, a senior fellow at …", "Y is a Senior Research Fellow …").
func authorFromBios(paras []string) string {
	var author string
	for _, p := range paras[max(0, len(paras)-4):] {
		if fieldsUpTo(p, 81) > 80 {
			continue
		}
		if m := bio.FindStringSubmatch(p); m != nil {
			author = joinAuthors(author, m[1])
		}
	}
	return author
}

func joinAuthors(have, name string) string {
	if have == "" {
		return name
	}
	if strings.Contains(have, name) {
		return have
	}
	return have + ", " + name
}

// manHeader is the header line of a manual page, "BASH(1) General Commands
// Manual BASH(1)": the page's name and section at both ends.
var manHeader = regexp.MustCompile(`^(\S+\(\w+\))\s.*\s(\S+\(\w+\))$`)

// sectionHeading is a heading that many documents share: the name of a
// part of a paper or a book, not of the document.
var sectionHeading = regexp.MustCompile(`(?i)^((table of )?contents|abstract|summary|executive summary|introduction|` +
	`preface|foreword|acknowledge?ments|overview|background|conclusions?|key (findings|points|takeaways)|` +
	`(chapter|part|section) ([0-9]+|[ivxlc]+|one|two|three|four|five)\b.*|[0-9]+(\.[0-9]+)*\.? (introduction|background|overview))\.?:?$`)

// looksLikeHeadline reports whether the first line of a text can be its
// title: not a manual page's header, a heading shared by many documents, a
// web address, nor a sentence that runs on.
func looksLikeHeadline(t string) bool {
	if m := manHeader.FindStringSubmatch(t); m != nil && m[1] == m[2] {
		return false
	}
	words := fieldsUpTo(t, 26)
	return words <= 25 && !sectionHeading.MatchString(t) && !strings.Contains(t, "://") &&
		!(words > 12 && strings.HasSuffix(t, "."))
}

// menuSeparator parts the items of a navigation line.
var menuSeparator = regexp.MustCompile(`\s+[|·•/»›]\s+`)

// isMenu reports a line of navigation: menu items in a row, parted by
// separators ("Home | News | Contact") or by spaces when two or more are
// the usual ones ("Menu Home Analysis Podcasts Donate").
func isMenu(t string) bool {
	if len(t) > 200 {
		return false
	}
	if items := menuSeparator.Split(t, -1); len(items) >= 3 {
		for _, it := range items {
			if fieldsUpTo(it, 4) > 3 {
				return false
			}
		}
		return true
	}
	words := strings.Fields(t)
	chrome := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		if chromeLines[strings.ToLower(w)] {
			chrome++
		}
	}
	return len(words) >= 3 && chrome >= 2
}
