//go:build js

package ui

import (
	"github.com/hexops/vecty"

	"factcheck/internal/match"
)

const svgNS = "http://www.w3.org/2000/svg"

// Icon paths, drawn with round strokes in a 16×16 box.
const (
	pathCheck    = "M3.5 8.5l3 3 6-7"
	pathNotEqual = "M3 6h10M3 10h10M10.5 2.5l-5 11"
	pathBang     = "M8 2.5v7M8 13v.5"
	pathSwap     = "M2.5 5.5h10l-3-3M13.5 10.5h-10l3 3"
	pathClose    = "M4 4l8 8M12 4l-8 8"
	pathChevron  = "M4 10l4-4 4 4"
)

// icon is a decorative inline SVG drawn in the current text colour. It is
// hidden from assistive technology: the words beside it carry the meaning.
func icon(d string) *vecty.HTML {
	return vecty.Tag("svg",
		vecty.Markup(
			vecty.Namespace(svgNS),
			vecty.Class("icon"),
			vecty.Attribute("viewBox", "0 0 16 16"),
			vecty.Attribute("aria-hidden", "true"),
			vecty.Attribute("focusable", "false"),
		),
		vecty.Tag("path", vecty.Markup(vecty.Namespace(svgNS), vecty.Attribute("d", d))),
	)
}

// verdictIcon is the icon of v: a tick, a not-equal sign, two arrows
// swapping (the words change hands), or an exclamation mark.
func verdictIcon(v match.Verdict) *vecty.HTML {
	switch v {
	case match.Verified:
		return icon(pathCheck)
	case match.Misquoted:
		return icon(pathNotEqual)
	case match.Misattributed:
		return icon(pathSwap)
	}
	return icon(pathBang)
}
