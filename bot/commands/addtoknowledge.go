package commands

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/web"
	"briefbot/store"
)

// addToKnowledgeName is the message command that stores a message's files
// and links.
const addToKnowledgeName = "Add to knowledge base"

// maxLinksPerMessage bounds the pages one command fetches.
const maxLinksPerMessage = 10

// AddToKnowledgeCommand returns the message command "Add to knowledge
// base" (Manage Server): it stores the message's attachments (.txt, .md,
// .html, .json, .pdf) and the pages, feeds and files its text links to in
// st's library, fetched with reader, and says what was added and what was
// skipped and why. An attachment's citation links to the message.
func AddToKnowledgeCommand(st Library, reader *web.Reader, now func() time.Time) bot.Command {
	a := adder{store: st, reader: reader, now: now}
	spec := managersOnly(&discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: addToKnowledgeName})
	return bot.Command{Spec: spec, Handle: idempotent(st, now)(a.add)}
}

// Library is what "Add to knowledge base" keeps: the stored documents,
// and the interactions handled.
type Library interface {
	PutDocuments(ctx context.Context, docs []corpus.Stored, now time.Time) (int, error)
	store.Interactions
}

type adder struct {
	store  Library
	reader *web.Reader
	now    func() time.Time
}

// linkPattern finds web addresses in message text; Discord's <...> around
// a link (no preview) is left out.
var linkPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

func (a adder) add(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
	if req.GuildID == "" {
		return bot.Notice("Documents are added from a server: please use this command on a message in a server channel.")
	}
	if !req.CanManageGuild {
		return bot.Notice("Only members with the Manage Server permission can add to the knowledge base.")
	}
	links := messageLinks(req.TargetText)
	if len(req.TargetAttachments) == 0 && len(links) == 0 {
		return bot.Notice(fmt.Sprintf("That message has no attachment (%s) and no link to add.", strings.Join(web.FileFormats, ", ")))
	}
	message := fmt.Sprintf("https://discord.com/channels/%s/%s/%s", req.GuildID, req.ChannelID, req.TargetMessageID)
	var docs []*corpus.Document
	var skipped []string
	for _, f := range req.TargetAttachments {
		got, err := a.reader.ReadFile(ctx, f.URL, f.Filename, message+"/"+f.Filename)
		if err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		for _, d := range got {
			d.URL, d.File = message, f.Filename
		}
		docs = append(docs, got...)
	}
	if len(links) > maxLinksPerMessage {
		skipped = append(skipped, fmt.Sprintf("%d more links: at most %d are read from one message", len(links)-maxLinksPerMessage, maxLinksPerMessage))
		links = links[:maxLinksPerMessage]
	}
	for _, link := range links {
		res, err := a.reader.Read(ctx, fetch.Request{URL: link}, nil)
		if err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		docs = append(docs, res.Docs...)
		for _, e := range res.Errs {
			skipped = append(skipped, e.Error())
		}
	}
	docs = web.Unique(docs)
	changed := 0
	if len(docs) > 0 {
		rows := make([]corpus.Stored, len(docs))
		for i, d := range docs {
			rows[i] = d.Stored()
		}
		var err error
		if changed, err = a.store.PutDocuments(ctx, rows, a.now()); err != nil {
			return storeTrouble(ctx, err)
		}
	}
	return bot.Notice(additionReport(docs, changed, skipped))
}

// additionReport says what was added and what was skipped and why.
func additionReport(docs []*corpus.Document, changed int, skipped []string) string {
	var b strings.Builder
	switch {
	case len(docs) == 0:
		b.WriteString("Nothing was added.\n")
	case changed == 0:
		fmt.Fprintf(&b, "Already in the knowledge base, unchanged (%d):\n", len(docs))
	default:
		fmt.Fprintf(&b, "Added to the knowledge base (%d new or changed of %d); questions are answered from them within seconds:\n", changed, len(docs))
	}
	for _, d := range docs {
		name := d.Title
		if name == "" {
			name = d.File
		}
		fmt.Fprintf(&b, "• %s (%s)\n", render.EscapeCut(name, 150), render.Plural(len(d.Paragraphs), "paragraph"))
	}
	if len(skipped) > 0 {
		b.WriteString("Skipped:\n")
		for _, s := range skipped {
			b.WriteString("• " + render.EscapeCut(s, 300) + "\n")
		}
	}
	return render.Truncate(b.String(), render.MaxContent)
}

// messageLinks are the distinct web addresses in text, without the
// punctuation that ends a sentence around them.
func messageLinks(text string) []string {
	var links []string
	seen := map[string]bool{}
	for _, l := range linkPattern.FindAllString(text, -1) {
		l = strings.TrimRight(l, ".,;:!?)]}'*_~|")
		if !seen[l] {
			seen[l] = true
			links = append(links, l)
		}
	}
	return links
}
