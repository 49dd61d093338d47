package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

// chromeLines are whole lines of site furniture: navigation, share and
// accessibility bars, sign-in and newsletter prompts. They are compared in
// normalised form.
var chromeLines = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{
		"search", "close this search box", "menu", "open menu", "close menu", "skip to content",
		"skip to main content", "home", "back to top", "share", "share this", "share this article",
		"share this story", "share on facebook", "share on twitter", "share via email", "tweet",
		"email", "print", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "copy link",
		"accessibility toolbar", "accessibility", "subscribe", "sign in", "sign up", "log in",
		"login", "register", "newsletter", "advertisement", "advert", "sponsored", "read more",
		"related", "related articles", "related stories", "most popular", "most read", "trending",
		"listen to this article", "cookie settings", "accept cookies", "accept all cookies",
		"topics", "tags", "comments", "show comments", "view comments", "leave a comment",
		"thank you for registering", "more", "next article", "previous article", "continue reading",
	} {
		m[s] = true
	}
	return m
}()

// chromePatterns catch prompts that vary in wording.
var chromePatterns = regexp.MustCompile(`(?i)^(` +
	`please (refresh|enter your|log ?in|sign ?in|register)|` +
	`(sign|log) ?(in|up) (to|for) |subscribe (to|for|now)|` +
	`we use cookies|this (site|website) uses cookies|` +
	`want to read more|already (a subscriber|have an account)|` +
	`follow us on |click here to|image source:?$|` +
	`the views expressed in this (article|piece|post) (belong|are)` +
	`)`)

// tailMarkers start the part of a page after the article: comment sections
// and "see original" lists of related headlines. Everything from a marker on
// is dropped.
var tailMarkers = regexp.MustCompile(`(?i)^(` +
	`see original here|see the original|originally published|` +
	`join (our|the) (commenting forum|conversation|discussion)|` +
	`please enter your comment|leave a (reply|comment)|post a comment|` +
	`\d+ (comments?|responses?|replies)$|comments? \(\d+\)$|` +
	`related (articles|posts|stories|headlines|content)$|` +
	`you (may|might) also like|more (stories|articles) from` +
	`)`)

// commentItem starts a numbered reader comment; only indented ones count
// ("  1. Y does the US…"), as article lists are not indented.
var commentItem = regexp.MustCompile(`^\d+\.\s+\S`)

// captionCues mark a picture caption or credit line (compared in lower case).
var captionCues = []string{"photograph:", "photo:", "photo credit", "picture:", "image:", "image source:",
	"credit:", "illustration:", "getty images", "reuters/", "afp via getty", "(image:", "file photo"}

// markdownLink is a link remnant such as "[text](#)" or "[text](https://…)".
var markdownLink = regexp.MustCompile(`\[([^\]\n]+)\]\((?:#|[a-z]+://[^)\s]*|/[^)\s]*)?\)`)

// emphasis is Markdown emphasis left in plain text: *word*, **words**, _word_.
var emphasis = regexp.MustCompile(`(\*\*|\*|__|\b_)([^*_\n]+?)(\*\*|\*|__|_\b)`)

// isChrome reports a line of site furniture. Such lines are short, which
// spares the checks the bulk of the text.
func isChrome(line string) bool {
	if len(line) > 200 {
		return false
	}
	if len(line) <= 60 {
		n := words.Normalize(line)
		if n == "" {
			return !strings.ContainsAny(line, "0123456789") // lone punctuation or symbols
		}
		if chromeLines[n] {
			return true
		}
	}
	return chromePatterns.MatchString(line)
}

// stripMarkup removes link remnants and emphasis markers, keeping their text.
func stripMarkup(s string) string {
	if strings.Contains(s, "](") {
		s = markdownLink.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_") {
		s = emphasis.ReplaceAllString(s, "$2")
	}
	return s
}

// maxCaption bounds the length of a caption line; longer lines are prose,
// which also spares the caption pattern the bulk of the text.
const maxCaption = 400

// isCaption reports a picture caption or credit line.
func isCaption(s string) bool {
	if len(s) > maxCaption {
		return false
	}
	s = strings.ToLower(s)
	for _, cue := range captionCues {
		if strings.Contains(s, cue) {
			return true
		}
	}
	return false
}

// dominantScript returns the index in scripts of the script most letters
// of s are written in, or -1 when s has no letter of a listed script.
func dominantScript(s string) int {
	var counts [words.NumScripts]int
	for _, r := range s {
		if i := words.Script(r); i >= 0 && i < words.NumScripts {
			counts[i]++
		}
	}
	best := -1
	for i, n := range counts {
		if n > 0 && (best < 0 || n > counts[best]) {
			best = i
		}
	}
	return best
}

// foreignLine reports a short line written in another script than the
// document (a footer in Hebrew under an English article, say).
func foreignLine(line string, docScript int) bool {
	if docScript < 0 || len(line) > 480 || utf8.RuneCountInString(line) > 120 {
		return false
	}
	s := dominantScript(line)
	return s >= 0 && s != docScript
}

// endsSentence reports whether a line ends like a finished sentence.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line) // not []rune(line): a line may be a whole speech
	return strings.ContainsRune(".?!:;…\"”’)]", last)
}

// startsLower reports whether a line starts with a lowercase letter, as the
// rest of a sentence broken across lines does.
func startsLower(line string) bool {
	for _, r := range line {
		return unicode.IsLower(r)
	}
	return false
}
