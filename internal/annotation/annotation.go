// Package annotation turns findings into W3C Web Annotations
// (https://www.w3.org/TR/annotation-model/), the form in which the widget
// hands its results to integrators: window.FactCheck.annotations() and the
// factcheck:done event.
package annotation

import (
	"strconv"
	"unicode/utf8"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// Annotation is one finding as a Web Annotation, with the verdict at the
// top level so that a consumer needs no knowledge of the body to filter.
type Annotation struct {
	Context    string  `json:"@context"`
	ID         string  `json:"id"`
	Type       string  `json:"type"`
	Motivation string  `json:"motivation"`
	Verdict    string  `json:"verdict"`
	Score      float64 `json:"score"`
	Body       Body    `json:"body"`
	Target     Target  `json:"target"`
}

// Body describes what the passage was judged against.
type Body struct {
	Type      string     `json:"type"`
	Purpose   string     `json:"purpose"`
	Value     string     `json:"value"` // one line for people: "Verified: Emily Horne, 27 January 2022"
	Statement *Statement `json:"statement,omitempty"`
	Official  string     `json:"official,omitempty"` // the part of the statement the passage matches
	Claim     *Claim     `json:"claim,omitempty"`
	Diff      []DiffWord `json:"diff,omitempty"`
	// AttributedTo is who the page gives a misattributed passage to.
	AttributedTo string `json:"attributedTo,omitempty"`
}

// Statement is an official statement as the annotation shows it.
type Statement struct {
	ID          string `json:"id"`
	Text        string `json:"text"`
	Speaker     string `json:"speaker"`
	JobTitle    string `json:"jobTitle,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Date        string `json:"date,omitempty"`
	Source      string `json:"source,omitempty"`
	URL         string `json:"url,omitempty"`
}

// Claim is a reviewed claim as the annotation shows it.
type Claim struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Claimant string `json:"claimant,omitempty"`
	Date     string `json:"date,omitempty"`
	Rating   string `json:"rating"`
	Reviewer string `json:"reviewer,omitempty"`
	URL      string `json:"url,omitempty"`
}

// DiffWord is one word of a misquote's difference: op is "equal",
// "insert" (the passage added it) or "delete" (the official said it).
type DiffWord struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Target locates the passage in the page.
type Target struct {
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

// TextQuoteSelector and TextPositionSelector are the Web Annotation
// selectors; positions count UTF-16 code units of document.body.textContent.
type TextQuoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type TextPositionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// contextLen is how many characters of prefix and suffix a quote selector
// carries, as the Hypothesis client does.
const contextLen = 32

// Text is the text a finding's offsets refer to, as read from a page.
type Text interface {
	// Quote returns the page's own text of bytes [start, end): what a
	// quote selector must hold to be found in the document, without the
	// quote marks and separators the reader put in (see page.Text).
	Quote(start, end int) string
	// BodyOffset and BodyEnd map the offset of a passage's start and
	// (exclusive) end to UTF-16 offsets in document.body.textContent.
	BodyOffset(b int) int
	BodyEnd(b int) int
}

// contextBytes is how far before and after a passage its prefix and
// suffix are looked for: contextLen characters of four bytes, and as many
// bytes again of what the reader put in.
const contextBytes = 2 * 4 * contextLen

// New builds the annotation of finding f, number n of the page at source,
// whose offsets refer to text.
func New(f match.Finding, n int, text Text, source string) Annotation {
	a := Annotation{
		Context:    "http://www.w3.org/ns/anno.jsonld",
		ID:         source + "#factcheck-" + strconv.Itoa(n),
		Type:       "Annotation",
		Motivation: "assessing",
		Verdict:    f.Verdict.String(),
		Score:      f.Score,
		Body: Body{
			Type:         "TextualBody",
			Purpose:      "assessing",
			Statement:    statement(f.Statement),
			Official:     f.Official,
			Claim:        claim(f.Claim),
			AttributedTo: f.AttributedTo,
		},
		Target: Target{Source: source, Selector: []any{
			TextQuoteSelector{
				Type:   "TextQuoteSelector",
				Exact:  text.Quote(f.Start, f.End),
				Prefix: lastRunes(text.Quote(max(0, f.Start-contextBytes), f.Start), contextLen),
				Suffix: firstRunes(text.Quote(f.End, f.End+contextBytes), contextLen),
			},
			TextPositionSelector{Type: "TextPositionSelector", Start: text.BodyOffset(f.Start), End: text.BodyEnd(f.End)},
		}},
	}
	for _, d := range f.Diff {
		a.Body.Diff = append(a.Body.Diff, DiffWord{Op: opName(d.Op), Text: d.Text})
	}
	a.Body.Value = summary(f)
	return a
}

func summary(f match.Finding) string {
	switch {
	case f.Verdict == match.Disputed && f.Claim != nil:
		return f.Claim.Rating + ": " + f.Claim.Text
	case f.Verdict == match.Misattributed && f.Statement != nil:
		return "Misattributed: " + f.Statement.Speaker.Name + ", " + f.Statement.Date + ", not " + f.AttributedTo
	case f.Statement != nil:
		return label(f.Verdict) + ": " + f.Statement.Speaker.Name + ", " + f.Statement.Date
	}
	return label(f.Verdict)
}

func label(v match.Verdict) string {
	s := v.String()
	return string(s[0]-'a'+'A') + s[1:]
}

func opName(op match.Op) string {
	switch op {
	case match.Insert:
		return "insert"
	case match.Delete:
		return "delete"
	}
	return "equal"
}

func statement(s *bundle.Statement) *Statement {
	if s == nil {
		return nil
	}
	return &Statement{ID: s.ID, Text: s.Text, Speaker: s.Speaker.Name, JobTitle: s.Speaker.JobTitle,
		Affiliation: s.Speaker.Affiliation, Date: s.Date, Source: s.Source.Name, URL: s.Source.URL}
}

func claim(c *bundle.Claim) *Claim {
	if c == nil {
		return nil
	}
	return &Claim{ID: c.ID, Text: c.Text, Claimant: c.Claimant.Name, Date: c.ClaimDate,
		Rating: c.Rating, Reviewer: c.Reviewer.Name, URL: c.URL}
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
