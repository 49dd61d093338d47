package ingest

import (
	"regexp"
	"strings"
)

// Site furniture the extractor leaves inside a page's article, in the
// languages of the pages people read most: the lists of other articles that
// close a page, copyright and licence lines, posting details, and prompts
// to subscribe, share or comment. Each pattern is matched against a whole
// block in lower case (case-folding patterns cost seconds on a page of
// 100,000 paragraphs), and only against short blocks.

// cleanBlocks cleans the blocks the extractor kept as the article. They are
// already set apart from the page around them, so only what is furniture
// block by block goes (share bars, prompts, copyright and posting lines,
// lists of related articles; captions set apart); the rules that find an
// article in loose text (its header, its tail, lines re-joined) would cut
// real text here.
func cleanBlocks(blocks []string) article {
	var a article
	related := false // under a heading of related articles
	for _, b := range blocks {
		switch {
		case isRelatedHeading(b):
			related = true
		case related && isTeaser(b):
		case isChrome(b), isFurniture(b):
			related = false
		case isCaption(b):
			related = false
			a.Captions = append(a.Captions, b)
		default:
			related = false
			a.Paragraphs = append(a.Paragraphs, b)
		}
	}
	return a
}

// relatedHeading opens a list of other articles ("Read more", "Lesen Sie
// auch", "À lire aussi"); it and the headlines under it are dropped.
var relatedHeading = regexp.MustCompile(`^(` +
	`related( (articles?|posts?|stories|content|links|news|topics))?|read (more|also|next)|see also|more (on this( topic)?|stories|articles|news)|` +
	`you (may|might) (also )?(like|enjoy|be interested)|recommended( for you| articles| stories)?|most (read|popular|viewed|shared)|latest (news|articles|posts|stories)|` +
	`(lesen|lies) (sie )?(auch|mehr|weiter|hier)|weitere (artikel|beiträge|themen|nachrichten|news|meldungen)|mehr (zum thema|themen|artikel|beiträge|kolumnen)|` +
	`(das )?(thema )?(könnte|dürfte) (sie|dich) auch interessieren|empfohlene (artikel|beiträge)|schon gelesen|siehe auch|videos? zum thema|neueste (artikel|beiträge|kommentare)|meist-?(gelesen|diskutiert)|` +
	`(à )?lire aussi|sur le même (sujet|thème)|(artículos|noticias) relacionad[oa]s|(te|le) puede interesar|lee también|leer también|más sobre|` +
	`czytaj (też|także|również)|zobacz (też|także|również)|leggi anche|articoli correlati` +
	`)([\s:,»›>–-][^.!?]{0,80})?[.!?:]?$`)

// copyrightLine is a copyright or licence notice.
var copyrightLine = regexp.MustCompile(`^(©|\(c\) ?\d{4}|copyright\b)`)

var copyrightWords = []string{"all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "tutti i diritti riservati"}

// postingLine states when, where or by whom a post was filed rather than
// what it says: "Posted by X | 31 May 2012", "Kategorie: News", "Tags: …".
var postingLine = regexp.MustCompile(`^(` +
	`posted (on|by|in)|filed (under|in)|categor(y|ies):|tags?:|schlagwörter:|kategorien?:|verfasst (von|am)|` +
	`veröffentlicht (am|von)|aktualisiert( am)?:? \d|zuletzt aktualisiert|last (updated|modified)|aufrufe:|` +
	`asked \w+ \d|answered \w+ \d|publié le|mis à jour le|publicado (el|por)|actualizado|letzte aktualisierung|` +
	`(keine|no|\d+) (kommentare|comments|commentaires|comentarios)\b` +
	`)`)

// promptWords ask the reader to subscribe, share, comment, log in or follow.
var promptWords = []string{"newsletter", "abonnier", "abonnez", "suscríbete", "suscribirse",
	" teilen", "partager", "compartir", "share this", "share on", "share via", "share your",
	"kommentar schreiben", "kommentare schreiben", "kommentare zu schreiben", "kommentar verfassen",
	"artikel bewerten", "eingeloggt", "einloggen", "sign up here", "sign up now", "sign up for", "sign up to",
	"sign in to", "log in to", "login to", "publier les commentaires",
	"follow us", "folge uns", "folgt uns", "folgen sie uns", "suivez-nous", "síguenos", "siguenos"}

// adLabel marks an advertisement or embedded content from elsewhere.
var adLabel = regexp.MustCompile(`^(anzeige|werbung|advertisement|sponsored content|publicité|publicidad|externer inhalt)\b`)

// creditLine credits a picture or a source in a line of its own.
var creditLine = regexp.MustCompile(`^(fotos?|bild|titelbild|beitragsbild|bildquelle|quelle|crédits? photos?|photo credit)\s?:`)

// isFurniture reports a block of site furniture.
func isFurniture(b string) bool {
	n := fieldsUpTo(b, 31)
	if n > 30 {
		return false
	}
	b = strings.ToLower(b)
	switch {
	case copyrightLine.MatchString(b) || containsAny(b, copyrightWords):
		return true
	case n <= 20 && (postingLine.MatchString(b) || creditLine.MatchString(b) || containsAny(" "+b, promptWords)):
		return true
	case n <= 8 && adLabel.MatchString(b):
		return true
	}
	return false
}

// isRelatedHeading reports the heading of a list of related articles.
func isRelatedHeading(b string) bool {
	return len(b) <= 160 && relatedHeading.MatchString(strings.ToLower(b))
}

// isTeaser reports a line that reads as another article's headline under a
// related heading: short, without a sentence's final stop.
func isTeaser(b string) bool {
	return fieldsUpTo(b, 21) <= 20 && !strings.HasSuffix(b, ".")
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
