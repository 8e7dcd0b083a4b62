//go:build js

package ui

import (
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// IDs inside a badge's shadow root (each root is its own ID scope).
const (
	popoverID = "fc-pop"
	titleID   = "fc-pop-title"
)

// popover is the box a badge opens: what the passage was found to be, and
// the official record behind the verdict. It is rendered only while open.
type popover struct {
	vecty.Core
	Badge *Badge `vecty:"prop"`
}

// Mount implements vecty.Mounter: the box is in the DOM, show and place it.
func (p *popover) Mount() { p.Badge.placed() }

// Render implements vecty.Component.
func (p *popover) Render() vecty.ComponentOrHTML {
	f := p.Badge.item.Finding
	var body vecty.List
	switch f.Verdict {
	case match.Verified:
		body = verifiedBody(f)
	case match.Misquoted:
		body = misquotedBody(f)
	case match.Misattributed:
		body = misattributedBody(f)
	default:
		body = disputedBody(f)
	}
	return elem.Div(
		vecty.Markup(
			prop.ID(popoverID),
			vecty.Class("pop", f.Verdict.String()),
			vecty.Attribute("role", "dialog"),
			vecty.Attribute("aria-labelledby", titleID),
			vecty.Attribute("popover", "manual"),
		),
		elem.Div(vecty.Markup(vecty.Class("head")),
			elem.Heading2(vecty.Markup(prop.ID(titleID), vecty.Class("title")),
				verdictIcon(f.Verdict), vecty.Text(title(f))),
			elem.Button(
				vecty.Markup(
					prop.Type(prop.TypeButton),
					vecty.Class("close"),
					vecty.Attribute("aria-label", "Close"),
					event.Click(func(*vecty.Event) { p.Badge.close(true) }),
				),
				icon(pathClose),
			),
		),
		body,
	)
}

// title is the popover's heading.
func title(f *match.Finding) string {
	switch f.Verdict {
	case match.Verified:
		return "Verified quote"
	case match.Misquoted:
		return "Misquoted"
	case match.Misattributed:
		return "Misattributed quote"
	}
	return "Disputed claim"
}

func verifiedBody(f *match.Finding) vecty.List {
	return vecty.List{
		lead("These words match the official record."),
		quote(official(f)),
		attribution(f.Statement),
	}
}

func misquotedBody(f *match.Finding) vecty.List {
	return vecty.List{
		lead("The article’s wording differs from what was said."),
		changes(f.Diff),
		section("Official wording"),
		quote(official(f)),
		attribution(f.Statement),
	}
}

// misattributedBody says whom the article gives the words to, and who
// said them, when and where; and what differs when the article's words
// are not exactly the official's.
func misattributedBody(f *match.Finding) vecty.List {
	s := f.Statement
	if s == nil {
		s = &bundle.Statement{}
	}
	to := shorten(f.AttributedTo, speakerMax)
	if to == "" {
		to = "someone else"
	}
	by := s.Speaker.Name
	if by == "" {
		by = "someone else"
	}
	body := vecty.List{
		elem.Paragraph(vecty.Markup(vecty.Class("lead")),
			vecty.Text("The article gives these words to "), elem.Strong(vecty.Text(to)),
			vecty.Text(". On the record, "), elem.Strong(vecty.Text(by)), vecty.Text(" said them."),
		),
	}
	if len(f.Diff) > 0 {
		body = append(body, changes(f.Diff))
	}
	return append(body, section("Who said it"), quote(official(f)), attribution(f.Statement))
}

// changes is a word diff under its heading, with its key.
func changes(words []match.DiffWord) vecty.List {
	return vecty.List{
		section("What changed"),
		diff(words),
		elem.Paragraph(vecty.Markup(vecty.Class("key")),
			elem.DeletedText(vecty.Text("struck through")), vecty.Text(": the official’s words; "),
			elem.InsertedText(vecty.Text("underlined")), vecty.Text(": the article’s."),
		),
	}
}

func disputedBody(f *match.Finding) vecty.List {
	c := f.Claim
	if c == nil {
		c = &bundle.Claim{}
	}
	return vecty.List{
		review(c),
		section("The claim"),
		quote(c.Text),
		meta(madeBy(c.Claimant.Name), date(c.ClaimDate)),
		record(f.Statement),
	}
}

// record is the statement that disputes a claim: its words and who said
// them, when and where.
func record(s *bundle.Statement) vecty.List {
	if s == nil {
		return nil
	}
	return vecty.List{section("What the record says"), quote(s.Text), attribution(s)}
}

// review says how the fact-check rated the claim, and who rated it, linked
// to the review when it has a safe URL.
func review(c *bundle.Claim) *vecty.HTML {
	r := shorten(c.Rating, ratingMax)
	if r == "" {
		r = "Disputed"
	}
	by := c.Reviewer.Name
	if by == "" {
		by = "a fact-check"
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("lead")),
		vecty.Text("Rated "),
		elem.Strong(vecty.Markup(vecty.Class("rating")), vecty.Text(r)),
		vecty.Text(" by "),
		link(by, c.URL),
		vecty.If(c.ReviewDate != "", vecty.Text(", "), date(c.ReviewDate)),
		vecty.Text("."),
	)
}

// diff shows a word diff: runs of the official's words the passage dropped
// or changed struck through, runs the passage added underlined, each with
// visually hidden text so that screen readers say which is which.
func diff(words []match.DiffWord) *vecty.HTML {
	var out vecty.List
	for i := 0; i < len(words); {
		j := i
		var run []string
		for ; j < len(words) && words[j].Op == words[i].Op; j++ {
			run = append(run, words[j].Text)
		}
		if len(out) > 0 {
			out = append(out, vecty.Text(" "))
		}
		text := strings.Join(run, " ")
		switch words[i].Op {
		case match.Delete:
			out = append(out, elem.DeletedText(hidden("official: "), vecty.Text(text)))
		case match.Insert:
			out = append(out, elem.InsertedText(hidden("article: "), vecty.Text(text)))
		default:
			out = append(out, vecty.Text(text))
		}
		i = j
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("diff")), out)
}

// attribution says who made a statement, in what role, when and where.
func attribution(s *bundle.Statement) vecty.List {
	if s == nil {
		return nil
	}
	r := role(s.Speaker)
	return vecty.List{
		elem.Paragraph(vecty.Markup(vecty.Class("by")),
			elem.Span(vecty.Markup(vecty.Class("name")), vecty.Text(s.Speaker.Name)),
			vecty.If(r != "", elem.Span(vecty.Markup(vecty.Class("role")), vecty.Text(r))),
		),
		meta(date(s.Date), source(s.Source)),
	}
}

// source names where a statement was published, linked when it has a safe
// URL.
func source(s bundle.Source) vecty.ComponentOrHTML {
	if s.Name == "" && s.URL == "" {
		return nil
	}
	return link(s.Name, s.URL)
}

// link is an anchor to href opening in a new tab when href is an http(s)
// URL, otherwise just text. With no text, the link shows its URL's host.
func link(text, href string) vecty.ComponentOrHTML {
	host := bundle.WebURLHost(href)
	if host == "" {
		if text == "" {
			return nil
		}
		return vecty.Text(text)
	}
	if text == "" {
		text = host
	}
	return elem.Anchor(
		vecty.Markup(
			prop.Href(href),
			vecty.Attribute("target", "_blank"),
			vecty.Attribute("rel", "noopener noreferrer"),
		),
		vecty.Text(text),
		hidden(" (opens in a new tab)"),
	)
}

// date is an ISO date shown as "27 January 2022", in a <time> element.
func date(iso string) vecty.ComponentOrHTML {
	if iso == "" {
		return nil
	}
	return elem.Time(vecty.Markup(vecty.Attribute("datetime", iso)), vecty.Text(formatDate(iso)))
}

// madeBy is "Made by <name>", or nothing without a name.
func madeBy(name string) vecty.ComponentOrHTML {
	if name == "" {
		return nil
	}
	return vecty.Text("Made by " + name)
}

// meta is a small line of parts separated by middle dots; nothing when every
// part is empty.
func meta(parts ...vecty.ComponentOrHTML) vecty.ComponentOrHTML {
	var line vecty.List
	for _, p := range parts {
		if p == nil {
			continue
		}
		if len(line) > 0 {
			line = append(line, elem.Span(vecty.Markup(vecty.Attribute("aria-hidden", "true")), vecty.Text(" · ")))
		}
		line = append(line, p)
	}
	if len(line) == 0 {
		return nil
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("meta")), line)
}

func lead(text string) *vecty.HTML {
	return elem.Paragraph(vecty.Markup(vecty.Class("lead")), vecty.Text(text))
}

func section(text string) *vecty.HTML {
	return elem.Heading3(vecty.Markup(vecty.Class("section")), vecty.Text(text))
}

func quote(text string) *vecty.HTML {
	return elem.BlockQuote(vecty.Markup(vecty.Class("quote")), vecty.Text(text))
}

// hidden is text for screen readers only.
func hidden(text string) *vecty.HTML {
	return elem.Span(vecty.Markup(vecty.Class("vh")), vecty.Text(text))
}
