//go:build js

// Package page is the widget's part inside the article page: it reads the
// article's DOM into plain text with a map back to the page's text nodes
// (Read), and anchors results back to the page by wrapping the page's own
// text nodes in marks (Highlight, Clear), in the manner of the Hypothesis
// client's anchoring and highlighter.
//
// Every call into JavaScript costs a crossing of the Wasm boundary, and a
// node or string that crosses costs microseconds more, so Read takes the
// page's nodes in chunks of thousands, asking each question of a whole
// chunk in one call (see bulk.go); nodes cross one by one only when
// Highlight needs them.
package page

import "syscall/js"

// Attribute and tag names of the elements the widget inserts. Every such
// element carries UIAttr, so that Clear finds them all and Read skips them.
const (
	UIAttr     = "data-factcheck-ui"
	markTag    = "factcheck-mark"   // transparent wrapper of one page text node
	nowrapTag  = "factcheck-nowrap" // transparent wrapper that keeps a badge on the line of the text before it
	srTag      = "factcheck-sr"     // visually hidden start or end of a passage
	badgeTag   = "factcheck-badge"  // host of a badge, rendered by the caller
	verdictKey = "data-verdict"
)

// What Read skips, besides the elements with these tags: hidden and
// editable regions and the widget's elements other than its marks. The
// hidden attribute's until-found state is text the browser's
// find-in-page reveals, so it is read.
const skipAttrs = `[hidden]:not([hidden="until-found" i]),` +
	`[contenteditable]:not([contenteditable="false" i]),` + widgetText

var (
	skipTags = []string{"script", "style", "noscript", "template", "textarea", "input", "select",
		"option", "datalist", "button", "svg", "iframe", "object", "canvas", "video", "audio"}
	blockTags = []string{"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "menu",
		"section", "article", "aside", "header", "footer", "hgroup", "figure",
		"figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "dl", "dd",
		"dt", "br", "hr", "main", "nav", "form", "fieldset", "legend", "details", "summary",
		"address", "dialog"}
	// preTags are the blocks whose line breaks show: elsewhere a line
	// break in the text is a space, as the browser renders it.
	preTags = []string{"pre", "listing", "xmp", "plaintext"}
)

// widgetText matches the widget's elements other than marks and nowrap
// joints: their text is the widget's, not the page's. Marks and joints are
// transparent: the text inside them is the page's own. outerWidgetText
// matches the outermost of them.
const (
	widgetText      = "[" + UIAttr + "]:not(" + transparent + ")"
	outerWidgetText = widgetText + ":not(" + widgetText + " *)"
)

// transparent lists the widget's elements that hold the page's text.
const transparent = markTag + ", " + nowrapTag

var (
	uiSelector          = js.ValueOf("[" + UIAttr + "]")
	markSelector        = js.ValueOf(markTag)
	transparentSelector = js.ValueOf(transparent)
	outerOwnText        = js.ValueOf(outerWidgetText)
	objectFn            = js.Global().Get("Object")
)

// jsLen returns the length in UTF-16 code units of the JavaScript string s
// without copying it into Go.
func jsLen(s js.Value) int {
	return objectFn.Invoke(s).Get("length").Int()
}

// newElement creates a widget element: one carrying UIAttr.
func newElement(doc js.Value, tag string) js.Value {
	return cloneOf(doc, tag, func() js.Value { return createElement(doc, tag) })
}

// createElement makes a widget element of tag for a template.
func createElement(doc js.Value, tag string) js.Value {
	el := doc.Call("createElement", tag)
	el.Call("setAttribute", UIAttr, "")
	return el
}

// templates are the widget's elements made once per document, by key,
// and cloned: a clone is one crossing into JavaScript, where making an
// element is two or three, each string in them converted and tracked on
// the way (a scan of a long page makes thousands).
var templates struct {
	doc   js.Value
	byKey map[string]js.Value
}

// cloneOf returns a deep clone of doc's template called key, made by make
// on first use.
func cloneOf(doc js.Value, key string, make func() js.Value) js.Value {
	if !templates.doc.Equal(doc) {
		templates.doc, templates.byKey = doc, map[string]js.Value{}
	}
	t, ok := templates.byKey[key]
	if !ok {
		t = make()
		templates.byKey[key] = t
	}
	return cloneNodeFn.Invoke(t, true)
}
