//go:build js

package page

import "syscall/js"

// css styles the widget's elements in the page's light DOM. It selects
// only the widget's own elements, so the page's elements are untouched.
// The backgrounds are translucent, over whatever the page's background
// is; the text keeps the page's font and colour. A nowrap joint holds
// only a character or two and the badge host, so no space of the page's
// is in it for white-space to collapse; a mark split for the joint shows
// no rounded corners at the seam.
const css = `
factcheck-mark {
	font: inherit;
	color: inherit;
	text-decoration-line: underline;
	text-decoration-thickness: 2px;
	text-underline-offset: 0.15em;
	text-decoration-skip-ink: none;
	border-radius: 2px;
	-webkit-box-decoration-break: clone;
	box-decoration-break: clone;
}
factcheck-mark[data-verdict="verified"] { background-color: rgb(22 163 74 / 0.14); text-decoration-color: #15803d; }
factcheck-mark[data-verdict="misquoted"] { background-color: rgb(217 119 6 / 0.18); text-decoration-color: #b45309; }
factcheck-mark[data-verdict="disputed"] { background-color: rgb(220 38 38 / 0.14); text-decoration-color: #b91c1c; }
factcheck-mark[data-verdict="misattributed"] { background-color: rgb(139 85 201 / 0.16); text-decoration-color: #7c3aed; }
@media (prefers-color-scheme: dark) {
	factcheck-mark[data-verdict="verified"] { background-color: rgb(74 222 128 / 0.2); text-decoration-color: #4ade80; }
	factcheck-mark[data-verdict="misquoted"] { background-color: rgb(251 191 36 / 0.2); text-decoration-color: #fbbf24; }
	factcheck-mark[data-verdict="disputed"] { background-color: rgb(248 113 113 / 0.2); text-decoration-color: #f87171; }
	factcheck-mark[data-verdict="misattributed"] { background-color: rgb(192 132 252 / 0.2); text-decoration-color: #c084fc; }
}
@media (forced-colors: active) {
	factcheck-mark { background-color: transparent; text-decoration-color: Highlight; }
}
factcheck-sr {
	position: absolute;
	width: 1px;
	height: 1px;
	margin: -1px;
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

// sheet is the widget's constructed style sheet, made on first use: no
// <style> element and no style attribute, which a page's Content Security
// Policy may forbid.
var sheet js.Value

// ensureStyles adopts the widget's style sheet in doc, once.
func ensureStyles(doc js.Value) {
	if sheet.IsUndefined() {
		sheet = doc.Get("defaultView").Get("CSSStyleSheet").New()
		sheet.Call("replaceSync", css)
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
