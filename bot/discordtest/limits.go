package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Discord's limits, some missing or wrong in the OpenAPI file (it allows
// 4000 characters of content and 6000 for a choice value).
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTotal       = 6000
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxAuthorName       = 256
	maxChoices          = 25
	maxChoiceText       = 100
)

type embedText struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

// messageLimits checks a message body: lengths in characters, and
// allowed_mentions present with an empty parse list, so nobody is pinged.
func messageLimits(body []byte) error {
	var m struct {
		Content         string      `json:"content"`
		Embeds          []embedText `json:"embeds"`
		AllowedMentions *struct {
			Parse *[]string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	var errs []error
	if n := utf8.RuneCountInString(m.Content); n > maxContent {
		errs = append(errs, fmt.Errorf("content has %d characters, limit %d", n, maxContent))
	}
	if len(m.Embeds) > maxEmbeds {
		errs = append(errs, fmt.Errorf("%d embeds, limit %d", len(m.Embeds), maxEmbeds))
	}
	total := 0
	for k, e := range m.Embeds {
		n, err := embedLimits(e)
		if err != nil {
			errs = append(errs, fmt.Errorf("embed %d: %w", k, err))
		}
		total += n
	}
	if total > maxEmbedTotal {
		errs = append(errs, fmt.Errorf("embeds have %d characters in all, limit %d", total, maxEmbedTotal))
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(*m.AllowedMentions.Parse) != 0 {
		errs = append(errs, errors.New(`allowed_mentions must be sent with "parse": []`))
	}
	return errors.Join(errs...)
}

// embedLimits checks one embed and returns the characters it counts
// towards the message's total.
func embedLimits(e embedText) (int, error) {
	var errs []error
	check := func(what, s string, limit int) int {
		n := utf8.RuneCountInString(s)
		if n > limit {
			errs = append(errs, fmt.Errorf("%s has %d characters, limit %d", what, n, limit))
		}
		return n
	}
	total := check("title", e.Title, maxEmbedTitle) + check("description", e.Description, maxEmbedDescription)
	if len(e.Fields) > maxEmbedFields {
		errs = append(errs, fmt.Errorf("%d fields, limit %d", len(e.Fields), maxEmbedFields))
	}
	for _, f := range e.Fields {
		total += check("field name", f.Name, maxFieldName) + check("field value", f.Value, maxFieldValue)
	}
	if e.Footer != nil {
		total += check("footer", e.Footer.Text, maxFooter)
	}
	if e.Author != nil {
		total += check("author", e.Author.Name, maxAuthorName)
	}
	return total, errors.Join(errs...)
}

// choiceLimits checks autocomplete choices: at most 25, names and values
// of at most 100 characters.
func choiceLimits(data []byte) error {
	var d struct {
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return err
	}
	var errs []error
	if len(d.Choices) > maxChoices {
		errs = append(errs, fmt.Errorf("%d choices, limit %d", len(d.Choices), maxChoices))
	}
	for k, c := range d.Choices {
		value, _ := c.Value.(string)
		if utf8.RuneCountInString(c.Name) > maxChoiceText || utf8.RuneCountInString(value) > maxChoiceText {
			errs = append(errs, fmt.Errorf("choice %d: name or value over %d characters", k, maxChoiceText))
		}
	}
	return errors.Join(errs...)
}
