//go:build js

package page

import (
	"maps"
	"strings"
	"syscall/js"
)

// look is how the passages of one verdict are drawn over the page's text:
// a translucent background, over whatever the page's background is, and
// an underline, in the light and the dark scheme. The text keeps the
// page's font and colour.
type look struct {
	verdict                          string
	light, lightLine, dark, darkLine string // background and underline colours
}

var looks = []look{
	{"verified", "rgb(22 163 74 / 0.14)", "#15803d", "rgb(74 222 128 / 0.2)", "#4ade80"},
	{"misquoted", "rgb(217 119 6 / 0.18)", "#b45309", "rgb(251 191 36 / 0.2)", "#fbbf24"},
	{"disputed", "rgb(220 38 38 / 0.14)", "#b91c1c", "rgb(248 113 113 / 0.2)", "#f87171"},
	{"misattributed", "rgb(139 85 201 / 0.16)", "#7c3aed", "rgb(192 132 252 / 0.2)", "#c084fc"},
}

// underline is the underline of marks and highlights alike.
const underline = `text-decoration-line: underline;
	text-decoration-thickness: 2px;
	text-underline-offset: 0.15em;
	text-decoration-skip-ink: none;`

// baseCSS styles the widget's elements in the page's light DOM. It selects
// only the widget's own elements, so the page's elements are untouched. A
// nowrap joint holds only a character or two and the badge host, so no
// space of the page's is in it for white-space to collapse; a mark split
// for the joint shows no rounded corners at the seam. A screen-reader
// marker is visually hidden as a clipped inline block that takes no room
// on its line, not as an absolutely positioned box, whose containing block
// would be far up the page (often its root), laid out again for each new
// marker.
const baseCSS = `
factcheck-mark {
	font: inherit;
	color: inherit;
	` + underline + `
	border-radius: 2px;
	-webkit-box-decoration-break: clone;
	box-decoration-break: clone;
}
factcheck-sr {
	display: inline-block;
	width: 1px;
	height: 1px;
	margin: 0 -1px 0 0;
	padding: 0;
	border: 0;
	overflow: hidden;
	clip: rect(0 0 0 0);
	clip-path: inset(50%);
	white-space: nowrap;
}
factcheck-badge {
	display: inline;
	margin: 0 0.15em;
}
factcheck-nowrap {
	white-space: nowrap;
}
factcheck-mark:has(+ factcheck-nowrap > factcheck-mark:first-child) {
	border-start-end-radius: 0;
	border-end-end-radius: 0;
}
factcheck-mark + factcheck-nowrap > factcheck-mark:first-child {
	border-start-start-radius: 0;
	border-end-start-radius: 0;
}
`

// styleText is the widget's style sheet: baseCSS, each verdict's look on
// its marks and on its highlight, for those of highlights (verdict →
// registered name) that are registered.
func styleText(highlights map[string]string) string {
	var b strings.Builder
	b.WriteString(baseCSS)
	rules := func(colour func(look) (bg, line string)) {
		for _, l := range looks {
			sel := markTag + `[` + verdictKey + `="` + l.verdict + `"]`
			if name, ok := highlights[l.verdict]; ok {
				sel += ", ::highlight(" + name + ")"
			}
			bg, line := colour(l)
			b.WriteString(sel + " { background-color: " + bg + "; text-decoration-color: " + line + "; }\n")
		}
	}
	rules(func(l look) (string, string) { return l.light, l.lightLine })
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	rules(func(l look) (string, string) { return l.dark, l.darkLine })
	b.WriteString("}\n")
	selectors := []string{markTag}
	for _, l := range looks {
		if name, ok := highlights[l.verdict]; ok {
			selectors = append(selectors, "::highlight("+name+")")
			b.WriteString("::highlight(" + name + ") { " + underline + " }\n")
		}
	}
	b.WriteString("@media (forced-colors: active) {\n" + strings.Join(selectors, ", ") +
		" { background-color: transparent; text-decoration-color: Highlight; }\n}\n")
	return b.String()
}

// sheet is the widget's constructed style sheet, made on first use: no
// <style> element and no style attribute, which a page's Content Security
// Policy may forbid. sheetHighlights are the highlight names its text
// styles.
var (
	sheet           js.Value
	sheetHighlights = map[string]string{}
)

// ensureStyles adopts the widget's style sheet in doc, once, with the
// looks of the highlights registered so far.
func ensureStyles(doc js.Value) {
	if sheet.IsUndefined() {
		sheet = doc.Get("defaultView").Get("CSSStyleSheet").New()
		sheet.Call("replaceSync", styleText(sheetHighlights))
	}
	if names := highlightNames(); !maps.Equal(names, sheetHighlights) {
		sheetHighlights = names
		sheet.Call("replaceSync", styleText(sheetHighlights))
	}
	adopted := doc.Get("adoptedStyleSheets")
	for i, n := 0, adopted.Length(); i < n; i++ {
		if adopted.Index(i).Equal(sheet) {
			return
		}
	}
	doc.Set("adoptedStyleSheets", adopted.Call("concat", js.ValueOf([]any{sheet})))
}

// removeStyles withdraws the widget's style sheet from doc.
func removeStyles(doc js.Value) {
	if sheet.IsUndefined() {
		return
	}
	adopted := doc.Get("adoptedStyleSheets")
	kept := make([]any, 0, adopted.Length())
	for i, n := 0, adopted.Length(); i < n; i++ {
		if s := adopted.Index(i); !s.Equal(sheet) {
			kept = append(kept, s)
		}
	}
	if len(kept) < adopted.Length() {
		doc.Set("adoptedStyleSheets", js.ValueOf(kept))
	}
}
