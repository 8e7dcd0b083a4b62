//go:build js

package page

import (
	"strings"
	"syscall/js"
)

// Limits bound the work of one Read so that a hostile page cannot hang the
// tab. A zero field takes its default: 300,000 nodes, 8 MB of text.
type Limits struct {
	MaxNodes int // elements and text nodes visited
	MaxBytes int // bytes of Text.S
}

const (
	defaultMaxNodes = 300_000
	defaultMaxBytes = 8 << 20
	pauseEvery      = 4096 // nodes between calls of Read's pause function
)

// Text is the text of an article with a map back to the page's text nodes.
type Text struct {
	// S is the text: the text nodes' data in document order, with "\n"
	// wherever a block element starts or ends (consecutive boundaries
	// give one "\n"; S neither starts nor ends with one).
	S string
	// Truncated reports that Read stopped at its Limits.
	Truncated bool

	doc   js.Value
	spans []span // the pieces of S that came from text nodes, in order
}

// span is the piece of Text.S that came from one text node.
type span struct {
	node       js.Value
	start, end int // bytes of S
	body       int // UTF-16 offset of the node's first character in body.textContent
}

// Read collects the text under root in one pass and returns it with a map
// back to the DOM. Root should be document.body or inside it (body offsets
// count from root's start otherwise). pause, when non-nil, is called every
// few thousand nodes so that the caller can yield to the page's event loop;
// it may block.
//
// Read skips what is not article text (scripts, styles, form controls, SVG,
// embedded content, hidden and editable regions, and the widget's own
// elements except its transparent marks) and does not enter shadow roots.
func Read(root js.Value, lim Limits, pause func()) *Text {
	if lim.MaxNodes <= 0 {
		lim.MaxNodes = defaultMaxNodes
	}
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = defaultMaxBytes
	}
	doc := root.Get("ownerDocument")
	r := &reader{
		t:       &Text{doc: doc},
		lim:     lim,
		pause:   pause,
		widgets: doc.Call("querySelector", uiTextElement).Truthy(),
	}
	r.pos = r.offsetOf(root, doc)
	r.walk(root)
	r.t.S = r.b.String()
	return r.t
}

// reader holds the state of one Read.
type reader struct {
	t       *Text
	b       strings.Builder
	lim     Limits
	pause   func()
	widgets bool // the page holds widget text that body offsets must not count
	pos     int  // UTF-16 offset in body.textContent of the next text node
	sep     bool // a block boundary is pending
	visited int
}

// frame is an element the walk is inside of.
type frame struct {
	el    js.Value
	block bool
}

// walk visits the nodes under root in document order with an explicit
// stack, so a deeply nested page cannot exhaust the goroutine's stack. It
// asks for each node's type, its next sibling, and for an element whether
// to skip or enter it and whether it is a block.
func (r *reader) walk(root js.Value) {
	var open []frame
	node := root.Get("firstChild")
	for {
		for node.IsNull() {
			if len(open) == 0 {
				return
			}
			f := open[len(open)-1]
			open = open[:len(open)-1]
			if f.block {
				r.boundary()
			}
			node = f.el.Get("nextSibling")
		}
		if r.visited++; r.visited > r.lim.MaxNodes {
			r.t.Truncated = true
			return
		}
		if r.pause != nil && r.visited%pauseEvery == 0 {
			r.pause()
		}
		switch node.Get("nodeType").Int() {
		case textNode, cdataNode:
			if !r.text(node) {
				return
			}
		case elementNode:
			if enter, block := r.element(node); enter {
				if block {
					r.boundary()
				}
				open = append(open, frame{node, block})
				node = node.Get("firstChild")
				continue
			}
		}
		node = node.Get("nextSibling")
	}
}

// element tells whether the walk enters el and whether el is a block. For
// a skipped element it counts the element's text towards body offsets.
func (r *reader) element(el js.Value) (enter, block bool) {
	if !el.Call("matches", skipOrBlock).Bool() {
		return true, false // the common inline element: one question
	}
	if el.Call("matches", skipSelector).Bool() {
		r.pos += r.pageTextLen(el)
		return false, false
	}
	return true, true
}

// pageTextLen returns the length of the page's own text in a skipped
// element: its textContent less any widget text inside it.
func (r *reader) pageTextLen(el js.Value) int {
	if el.Call("matches", uiSelector).Bool() {
		return 0
	}
	n := jsLen(el.Get("textContent"))
	if r.widgets {
		ws := el.Call("querySelectorAll", uiTextElement)
		for i, k := 0, ws.Length(); i < k; i++ {
			n -= jsLen(ws.Index(i).Get("textContent"))
		}
	}
	return n
}

// boundary notes a block boundary; it becomes one "\n" before the next text.
func (r *reader) boundary() {
	if r.b.Len() > 0 {
		r.sep = true
	}
}

// text appends a text node's data to S. It reports false when the byte
// limit stopped the read.
func (r *reader) text(node js.Value) bool {
	s := node.Get("data").String()
	at := r.pos
	r.pos += utf16Len(s)
	if s == "" || isSpace(s) && (r.sep || r.b.Len() == 0) {
		return true // nothing, or whitespace between blocks
	}
	sep := 0
	if r.sep {
		sep = 1
	}
	if room := r.lim.MaxBytes - r.b.Len() - sep; len(s) > room {
		r.t.Truncated = true
		s = s[:runeFloor(s, max(room, 0))]
		if s == "" {
			return false
		}
	}
	if r.sep {
		r.b.WriteByte('\n')
		r.sep = false
	}
	start := r.b.Len()
	r.b.WriteString(s)
	r.t.spans = append(r.t.spans, span{node: node, start: start, end: r.b.Len(), body: at})
	return !r.t.Truncated
}

// offsetOf returns the UTF-16 offset of root's start in body.textContent,
// not counting widget text.
func (r *reader) offsetOf(root, doc js.Value) int {
	body := doc.Get("body")
	if !body.Truthy() || root.Equal(body) || !body.Call("contains", root).Bool() {
		return 0
	}
	rng := doc.Call("createRange")
	rng.Call("setStart", body, 0)
	rng.Call("setEndBefore", root)
	n := jsLen(rng.Call("toString"))
	if r.widgets {
		const preceding, contains = 2, 8 // Node.DOCUMENT_POSITION_*
		ws := body.Call("querySelectorAll", uiTextElement)
		for i, k := 0, ws.Length(); i < k; i++ {
			w := ws.Index(i)
			if pos := root.Call("compareDocumentPosition", w).Int(); pos&preceding != 0 && pos&contains == 0 {
				n -= jsLen(w.Get("textContent"))
			}
		}
	}
	return n
}

// isSpace reports whether s is only HTML whitespace.
func isSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			return false
		}
	}
	return true
}
