//go:build js

package ui

import (
	"math"
	"strconv"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"
)

// Badge is the button shown after a passage: the verdict as an icon, a word
// and a colour. It opens a popover with the finding's evidence, rendered
// only while open.
type Badge struct {
	vecty.Core
	item   Item
	host   js.Value // the <factcheck-badge> element
	root   js.Value // host's shadow root
	button *vecty.HTML
	open   bool
}

// openBadge is the badge whose popover is open, if any: only one is open at
// a time across the page.
var openBadge *Badge

// PopoverOpen reports whether a badge's popover is open.
func PopoverOpen() bool { return openBadge != nil }

// MountBadge attaches an open shadow root to host (a <factcheck-badge>
// element; one it already has is cleared and reused), adopts the widget's
// stylesheet into it and renders the Badge for item there. It returns the
// badge so that the caller can open it.
func MountBadge(host js.Value, item Item) *Badge {
	b := NewBadge(host, item)
	b.Mount()
	return b
}

// NewBadge returns the badge for item in host without rendering it yet: a
// page with hundreds of findings can render most of its badges later, a
// few at a time. Mount renders it; Open mounts it first if need be.
func NewBadge(host js.Value, item Item) *Badge {
	return &Badge{item: item, host: host}
}

// Mount renders the badge into its host, once.
func (b *Badge) Mount() {
	if b.Mounted() {
		return
	}
	if openBadge != nil && openBadge.host.Equal(b.host) {
		openBadge = nil // its popover goes with the cleared shadow root
	}
	b.root = mount(b.host, "span", b)
}

// Mounted reports whether the badge has been rendered.
func (b *Badge) Mounted() bool { return !b.root.IsUndefined() }

// Render implements vecty.Component.
func (b *Badge) Render() vecty.ComponentOrHTML {
	f := b.item.Finding
	b.button = elem.Button(
		vecty.Markup(
			prop.Type(prop.TypeButton),
			vecty.Class("badge", f.Verdict.String()),
			vecty.Attribute("aria-label", label(b.item)),
			vecty.Attribute("aria-expanded", strconv.FormatBool(b.open)),
			vecty.Attribute("aria-controls", popoverID),
			event.Click(func(*vecty.Event) { b.toggle() }),
		),
		verdictIcon(f.Verdict),
		elem.Span(vecty.Markup(vecty.Class("word")), vecty.Text(word(f))),
	)
	var pop vecty.ComponentOrHTML
	if b.open {
		pop = &popover{Badge: b}
	}
	return elem.Span(b.button, pop)
}

// Open scrolls the badge into view, focuses its button and opens its
// popover.
func (b *Badge) Open() {
	b.Mount()
	b.host.Call("scrollIntoView", map[string]any{"block": "center", "inline": "nearest", "behavior": "instant"})
	b.button.Node().Call("focus", map[string]any{"preventScroll": true})
	if !b.open {
		b.show()
	}
}

func (b *Badge) toggle() {
	if b.open {
		b.close(true)
	} else {
		b.show()
	}
}

// show opens b's popover, closing any other. The popover itself is shown
// and placed when it mounts.
func (b *Badge) show() {
	if openBadge != nil && openBadge != b {
		openBadge.close(false)
	}
	openBadge = b
	b.open = true
	vecty.Rerender(b)
}

// close closes b's popover, returning focus to b's button if refocus.
func (b *Badge) close(refocus bool) {
	if openBadge == b {
		openBadge = nil
	}
	b.open = false
	vecty.Rerender(b)
	if refocus {
		b.button.Node().Call("focus")
	}
}

// placed is called by b's popover once it is in the DOM: it shows it in the
// top layer, where no overflow:hidden or z-index of the page can clip or
// cover it, and places it.
func (b *Badge) placed() {
	box := b.root.Call("getElementById", popoverID)
	if box.Get("showPopover").Type() == js.TypeFunction {
		box.Call("showPopover")
	}
	b.place()
}

// gap is the space in px between the button and its popover, and between
// the popover and the viewport's edges.
const gap = 6

// place sets the open popover's fixed position: under the button, or
// above it when only there it fits, always inside the viewport. When it
// fits on neither side it takes the roomier one and scrolls within, so
// that it never covers its button.
func (b *Badge) place() {
	box := b.root.Call("getElementById", popoverID)
	if box.IsNull() {
		return
	}
	style := box.Get("style")
	style.Call("removeProperty", "max-height")
	r := b.button.Node().Call("getBoundingClientRect")
	view := b.host.Get("ownerDocument").Get("documentElement")
	vw, vh := view.Get("clientWidth").Float(), view.Get("clientHeight").Float()
	w, h := box.Get("offsetWidth").Float(), box.Get("offsetHeight").Float()

	below := vh - r.Get("bottom").Float() - 2*gap
	above := r.Get("top").Float() - 2*gap
	top := r.Get("bottom").Float() + gap
	switch {
	case h <= below:
	case h <= above:
		top = r.Get("top").Float() - gap - h
	case above > below:
		top = gap
		style.Call("setProperty", "max-height", px(above))
	default:
		style.Call("setProperty", "max-height", px(math.Max(below, 0)))
	}
	style.Call("setProperty", "left", px(clamp(r.Get("left").Float(), gap, vw-w-gap)))
	style.Call("setProperty", "top", px(top))
}

// px writes a CSS length in whole pixels.
func px(v float64) string {
	return strconv.FormatFloat(math.Round(v), 'f', -1, 64) + "px"
}

// clamp limits v to [lo, hi], preferring lo when the range is empty (a box
// larger than the viewport keeps its start in view).
func clamp(v, lo, hi float64) float64 {
	return math.Max(lo, math.Min(v, hi))
}

// listening records that the document-wide listeners are installed.
var listening bool

// listen installs, once, the listeners that act on the open popover: Escape
// closes it and returns focus to its badge, a press outside it closes it,
// and scrolling or resizing moves it along with its badge.
func listen() {
	if listening {
		return
	}
	listening = true
	win := js.Global()
	doc := win.Get("document")
	capture := map[string]any{"capture": true}
	passive := map[string]any{"capture": true, "passive": true}

	doc.Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if openBadge != nil && args[0].Get("key").String() == "Escape" {
			openBadge.close(true)
		}
		return nil
	}), capture)
	// pointerdown, not click: a click in the panel that opens a badge must
	// not then close it as a click outside.
	doc.Call("addEventListener", "pointerdown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if openBadge != nil && !args[0].Call("composedPath").Call("includes", openBadge.host).Bool() {
			openBadge.close(false)
		}
		return nil
	}), capture)
	reposition := js.FuncOf(func(js.Value, []js.Value) any {
		if openBadge != nil {
			openBadge.place()
		}
		return nil
	})
	win.Call("addEventListener", "scroll", reposition, passive)
	win.Call("addEventListener", "resize", reposition, passive)
}
