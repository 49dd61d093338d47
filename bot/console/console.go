package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mattn/go-isatty"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/knowledge"
)

// maxConsoleLine bounds one typed line; a longer one ends the console with
// an error rather than being cut silently.
const maxConsoleLine = 1 << 20

const consolePrompt = "briefbot> "

// Run reads commands typed as in Discord from in, one a line, and
// writes each response to out as text, until in ends or ctx is done. kb is
// called for every command, so the knowledge base can be swapped while the
// console runs. A prompt is shown only when in is a terminal.
func Run(ctx context.Context, in io.Reader, out io.Writer, kb func() *knowledge.Base) error {
	cmds := commands.Commands()
	c := &console{out: out, kb: kb, commands: bot.ByName(cmds), route: bot.Router(cmds)}
	interactive := isTerminal(in)
	if interactive {
		fmt.Fprintln(out, "briefbot: type /help for the commands, /quit to leave.")
	}
	lines, readErr := readLines(ctx, in)
	for {
		if interactive {
			fmt.Fprint(out, consolePrompt)
		}
		var line string
		var more bool
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, more = <-lines:
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !more {
			if err := <-readErr; err != nil {
				return fmt.Errorf("console: reading commands: %w", err)
			}
			return nil
		}
		if !c.run(ctx, line) {
			return nil
		}
	}
}

// readLines sends the lines of in until it ends or ctx is done, then closes
// lines; a read error, or nil at the end of input, follows on the second
// channel. Reading runs apart so that a cancelled context is noticed while
// the console waits for a line.
func readLines(ctx context.Context, in io.Reader) (<-chan string, <-chan error) {
	lines, readErr := make(chan string), make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64*1024), maxConsoleLine)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
		}
		readErr <- sc.Err()
	}()
	return lines, readErr
}

// console answers typed lines with its commands; it remembers the "More"
// button of the last answer, for /more.
type console struct {
	out      io.Writer
	kb       func() *knowledge.Base
	commands map[string]bot.Command // by name, to parse lines
	route    bot.Handler
	lastMore string
}

// run answers one line; it returns false when the user asked to leave.
func (c *console) run(ctx context.Context, line string) bool {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "":
		return true
	case "/quit", "/exit":
		return false
	case "/more":
		if c.lastMore == "" {
			fmt.Fprintln(c.out, "There is nothing more to show.")
			return true
		}
		c.answer(ctx, bot.Request{Kind: bot.Component, CustomID: c.lastMore, UserID: "console"})
		return true
	}
	req, err := parseLine(c.commands, line)
	if err != nil {
		fmt.Fprintf(c.out, "%s.\n%s\n", upperFirst(err.Error()), commandList())
		return true
	}
	req.UserID = "console"
	c.answer(ctx, req)
	return true
}

func (c *console) answer(ctx context.Context, req bot.Request) {
	resp := c.route(ctx, c.kb(), req)
	c.lastMore = ""
	if more := moreButton(resp); more != nil {
		c.lastMore = more.CustomID
	}
	fmt.Fprint(c.out, plainResponse(resp))
}

// moreButton returns the response's "More" button, or nil.
func moreButton(r bot.Response) *discordgo.Button {
	for _, btn := range bot.Buttons(r.Components) {
		if _, action, _, ok := bot.ParseCustomID(btn.CustomID); ok && action == commands.ActionMore {
			return &btn
		}
	}
	return nil
}

// commandList names the commands the console accepts.
func commandList() string {
	var names []string
	for _, cmd := range commands.Commands() {
		if cmd.Spec.Description != "" {
			names = append(names, "/"+cmd.Spec.Name)
		}
	}
	names = append(names, "/"+consoleFindSource[0], "/more", "/quit")
	return "Commands: " + strings.Join(names, ", ") + ". Type /help for what each does."
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// isTerminal reports whether r is an interactive terminal. A character
// device is not enough: /dev/null is one.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}
