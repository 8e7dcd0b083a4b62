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
)

const (
	panelTag = "factcheck-panel"
	listID   = "fc-list"
)

// panel is the collapsible summary fixed at the bottom-left of the window:
// how many passages were found to be what, and, expanded, a list of them,
// each jumping to its badge.
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
	old := doc.Call("querySelectorAll", panelTag+"[data-factcheck-ui]")
	for i := old.Length() - 1; i >= 0; i-- {
		old.Index(i).Call("remove")
	}
	host := doc.Call("createElement", panelTag)
	host.Call("setAttribute", "data-factcheck-ui", "")
	mount(host, "aside", &panel{items: items, badges: badges})
	doc.Get("body").Call("appendChild", host)
}

// Render implements vecty.Component.
func (p *panel) Render() vecty.ComponentOrHTML {
	box := vecty.Markup(vecty.Class("panel"), vecty.Attribute("aria-label", "Fact-check"))
	if len(p.items) == 0 {
		return elem.Aside(box, elem.Paragraph(vecty.Markup(vecty.Class("toggle")), vecty.Text(summary(p.items))))
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
				vecty.Attribute("aria-expanded", strconv.FormatBool(p.expanded)),
				vecty.Attribute("aria-controls", listID),
				event.Click(func(*vecty.Event) {
					p.expanded = !p.expanded
					vecty.Rerender(p)
				}),
			),
			vecty.Text(summary(p.items)),
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

// jump opens the badge of entry i.
func (p *panel) jump(i int) {
	if i < len(p.badges) && p.badges[i] != nil {
		p.badges[i].Open()
	}
}

// summary counts items by verdict: "Fact-check: 2 verified · 1 disputed".
func summary(items []Item) string {
	if len(items) == 0 {
		return "Fact-check: no quotes matched"
	}
	counts := map[match.Verdict]int{}
	for _, it := range items {
		counts[it.Finding.Verdict]++
	}
	var parts []string
	for _, v := range []match.Verdict{match.Verified, match.Misquoted, match.Disputed} {
		if n := counts[v]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+v.String())
		}
	}
	return "Fact-check: " + strings.Join(parts, " · ")
}
