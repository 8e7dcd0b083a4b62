//go:build js

package ui

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"factcheck/internal/match"
	"factcheck/internal/page"
)

const (
	panelTag = "factcheck-panel"
	listID   = "fc-list"
)

// panel is the collapsible summary in the bottom-left corner of the
// window: collapsed, a small pill of counts by verdict, narrow enough to
// stay in the margin beside a centred article; expanded, the summary in
// words and a list of the passages, each jumping to its badge.
type panel struct {
	vecty.Core
	items    []Item
	badges   []*Badge
	expanded bool
}

// MountPanel renders the summary panel for items, in its own host element
// <factcheck-panel data-factcheck-ui> appended to doc's body. Clicking the
// panel's entry i opens badges[i]. A panel mounted before is removed first.
func MountPanel(doc js.Value, items []Item, badges []*Badge) {
	old := doc.Call("querySelectorAll", panelTag+"["+page.UIAttr+"]")
	for i := old.Length() - 1; i >= 0; i-- {
		old.Index(i).Call("remove")
	}
	host := doc.Call("createElement", panelTag)
	host.Call("setAttribute", page.UIAttr, "")
	mount(host, "aside", &panel{items: items, badges: badges})
	doc.Get("body").Call("appendChild", host)
}

// Render implements vecty.Component.
func (p *panel) Render() vecty.ComponentOrHTML {
	text := summary(p.items)
	box := vecty.Markup(vecty.ClassMap{"panel": true, "open": p.expanded}, vecty.Attribute("aria-label", "Fact-check"))
	if len(p.items) == 0 {
		return elem.Aside(box, elem.Paragraph(
			vecty.Markup(vecty.Class("toggle"), vecty.Attribute("title", text)),
			elem.Span(vecty.Markup(vecty.Class("summary", "vh")), vecty.Text(text)),
			elem.Span(vecty.Markup(vecty.Attribute("aria-hidden", "true")), vecty.Text("No matches")),
		))
	}
	// The list is built only while it shows: a long page's hundreds of
	// hidden entries would cost their rendering on every scan.
	var entries vecty.List
	for i, it := range p.items[:p.shown()] {
		entries = append(entries, elem.ListItem(elem.Button(
			vecty.Markup(
				prop.Type(prop.TypeButton),
				vecty.Class("entry", it.Finding.Verdict.String()),
				event.Click(func(*vecty.Event) { p.jump(i) }),
			),
			verdictIcon(it.Finding.Verdict),
			elem.Span(vecty.Markup(vecty.Class("word")), vecty.Text(word(it.Finding))),
			elem.Span(vecty.Markup(vecty.Class("passage")), vecty.Text(shorten(it.Passage, passageMax))),
		)))
	}
	return elem.Aside(box,
		elem.Button(
			vecty.Markup(
				prop.Type(prop.TypeButton),
				vecty.Class("toggle"),
				vecty.Attribute("title", text),
				vecty.Attribute("aria-expanded", strconv.FormatBool(p.expanded)),
				vecty.Attribute("aria-controls", listID),
				event.Click(func(*vecty.Event) {
					p.expanded = !p.expanded
					vecty.Rerender(p)
				}),
			),
			elem.Span(vecty.Markup(vecty.Class("summary")), vecty.Text(text)),
			counts(p.items),
			icon(pathChevron),
		),
		elem.OrderedList(
			vecty.Markup(prop.ID(listID), vecty.Class("entries"), vecty.Property("hidden", !p.expanded)),
			entries,
		),
	)
}

// shown is how many entries the list holds: all while expanded, else none.
func (p *panel) shown() int {
	if p.expanded {
		return len(p.items)
	}
	return 0
}

// counts is the collapsed panel's pill: each verdict's icon and count, in
// its colour. Screen readers read the summary instead.
func counts(items []Item) *vecty.HTML {
	n := tally(items)
	var out vecty.List
	for _, v := range verdicts {
		if n[v] > 0 {
			out = append(out, elem.Span(vecty.Markup(vecty.Class("count", v.String())),
				verdictIcon(v), vecty.Text(strconv.Itoa(n[v]))))
		}
	}
	return elem.Span(vecty.Markup(vecty.Class("counts"), vecty.Attribute("aria-hidden", "true")), out)
}

// jump opens the badge of entry i.
func (p *panel) jump(i int) {
	if i < len(p.badges) && p.badges[i] != nil {
		p.badges[i].Open()
	}
}

// verdicts is the order in which the panel counts verdicts.
var verdicts = []match.Verdict{match.Verified, match.Misquoted, match.Misattributed, match.Disputed}

// tally counts items by verdict.
func tally(items []Item) map[match.Verdict]int {
	n := map[match.Verdict]int{}
	for _, it := range items {
		n[it.Finding.Verdict]++
	}
	return n
}

// summary counts items by verdict: "Fact-check: 2 verified · 1 disputed".
func summary(items []Item) string {
	if len(items) == 0 {
		return "Fact-check: no quotes matched"
	}
	n := tally(items)
	var parts []string
	for _, v := range verdicts {
		if n[v] > 0 {
			parts = append(parts, strconv.Itoa(n[v])+" "+v.String())
		}
	}
	return "Fact-check: " + strings.Join(parts, " · ")
}
