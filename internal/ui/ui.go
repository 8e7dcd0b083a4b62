//go:build js

// Package ui shows the engine's findings to the reader: a Badge after each
// passage, the Popover it opens, and a summary Panel. They are vecty
// components, each rendered inside a shadow root so that the page's styles
// cannot reach them and theirs cannot reach the page. All text is set as
// text, never parsed as HTML: statement and claim texts come from a bundle
// that may be hostile.
package ui

import (
	_ "embed"
	"syscall/js"

	"github.com/hexops/vecty"

	"factcheck/internal/match"
)

// Item is one finding as shown to the reader.
type Item struct {
	Finding *match.Finding
	Passage string // the passage's text as it appears on the page (for labels)
}

//go:embed style.css
var styleText string

// sheets is an array of the one constructed stylesheet that every shadow
// root adopts (adoptedStyleSheets copies it); see styleSheets.
var sheets js.Value

// openShadow is attachShadow's argument: an open shadow root.
var openShadow = js.ValueOf(map[string]any{"mode": "open"})

// styleSheets returns sheets, constructing the stylesheet on first use. A
// constructed sheet needs no <style> element, so a page's
// Content-Security-Policy style-src rules do not block it.
func styleSheets() js.Value {
	if sheets.IsUndefined() {
		sheet := js.Global().Get("CSSStyleSheet").New()
		sheet.Call("replaceSync", styleText)
		sheets = js.ValueOf([]any{sheet})
	}
	return sheets
}

// mount renders c into host's open shadow root, attaching the root if host
// has none and clearing it if it has. vecty replaces the node it renders
// into, so c is rendered into a placeholder element of tag, which must be
// the tag c's Render returns.
func mount(host js.Value, tag string, c vecty.Component) js.Value {
	listen()
	root := host.Get("shadowRoot")
	if root.IsNull() {
		root = host.Call("attachShadow", openShadow)
	} else {
		root.Call("replaceChildren")
	}
	root.Set("adoptedStyleSheets", styleSheets())
	placeholder := host.Get("ownerDocument").Call("createElement", tag)
	root.Call("appendChild", placeholder)
	if err := vecty.RenderIntoNode(placeholder, c); err != nil {
		panic(err) // c renders a different tag: a bug in this package
	}
	return root
}
