//go:build js

package page

import (
	"slices"
	"sort"
	"strconv"
	"syscall/js"
)

// Where the browser has the CSS Custom Highlight API, Highlight paints a
// passage with a Highlight of its verdict instead of wrapping its text in
// marks: no element goes into the page's text to be laid out, and the
// page's text nodes keep their parents. The registry of highlights
// (CSS.highlights) is shared with the page and anything else on it: the
// widget registers its highlights under names of its own, "factcheck-"
// and the verdict ("factcheck-verified"), with a number after it when the
// name is taken, and deletes only the names it registered, while they
// still hold its highlights.

// highlightRegistry returns CSS.highlights, or undefined where the browser
// lacks the API (or the page removed it).
func highlightRegistry() js.Value {
	css := js.Global().Get("CSS")
	if !css.Truthy() || js.Global().Get("Highlight").Type() != js.TypeFunction {
		return js.Undefined()
	}
	if reg := css.Get("highlights"); reg.Type() == js.TypeObject {
		return reg
	}
	return js.Undefined()
}

// painter is one of the widget's highlights.
type painter struct {
	name      string
	highlight js.Value
}

// painters are the widget's highlights, by verdict. The package serves one
// document: the page the widget runs in.
var painters = map[string]*painter{}

var (
	highlightCtor   = js.Global().Get("Highlight")
	staticRangeCtor = js.Global().Get("StaticRange")
	// rangeInit is the StaticRange constructor's argument, reused: paint
	// sets the containers and end offset of each range (it holds on to
	// the last range's nodes, as the range does).
	rangeInit = js.ValueOf(map[string]any{"startOffset": 0})
)

// painterFor returns the widget's highlight for verdict, made with a name
// free in reg when there is none. It is registered by Show.
func painterFor(reg js.Value, verdict string) *painter {
	if p := painters[verdict]; p != nil {
		return p
	}
	p := &painter{name: freeName(reg, verdict), highlight: highlightCtor.New()}
	painters[verdict] = p
	return p
}

// freeName returns "factcheck-" and verdict, with "-2", "-3"... after it
// when the page (or anyone) registered that name in reg.
func freeName(reg js.Value, verdict string) string {
	base := "factcheck-" + verdict
	name := base
	for n := 2; reg.Call("has", name).Bool(); n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	return name
}

// Show registers the widget's highlights, so that the browser draws the
// passages Highlight painted since the last call. Chromium (as its
// HighlightRegistry reads; not measured here) computes the markers of
// every range of every registered highlight again at the next frame after
// a highlight or the document changed, so a scan adds its ranges to
// highlights not yet registered and calls Show once, at the end:
// registered during the scan, each of the scan's turns would compute all
// the ranges painted so far. A name taken meanwhile by someone else
// gives way to a free one.
func (t *Text) Show() {
	if !t.highlights.Truthy() || len(painters) == 0 {
		return
	}
	for verdict, p := range painters {
		got := t.highlights.Call("get", p.name)
		if got.Equal(p.highlight) {
			continue
		}
		if !got.IsUndefined() {
			p.name = freeName(t.highlights, verdict)
		}
		t.highlights.Call("set", p.name, p.highlight)
	}
	ensureStyles(t.doc)
}

// highlightNames returns the names of the widget's highlights, by verdict.
func highlightNames() map[string]string {
	names := make(map[string]string, len(painters))
	for v, p := range painters {
		names[v] = p.name
	}
	return names
}

// paint adds the text from the start of span first to the end of span
// last to verdict's highlight, as a StaticRange: a live Range would be
// updated by the browser at every change of the document. The passage's
// splits are made by then, and those of other passages split no node it
// starts or ends in (each passage's text starts and ends a node), so the
// offsets stay true.
func (t *Text) paint(first, last int, verdict string) (js.Value, *painter) {
	sp := t.spans[last]
	rangeInit.Set("startContainer", t.node(first))
	rangeInit.Set("endContainer", t.node(last))
	rangeInit.Set("endOffset", utf16Len(t.S[sp.start:sp.end]))
	r := staticRangeCtor.New(rangeInit)
	p := painterFor(t.highlights, verdict)
	p.highlight.Call("add", r)
	return r, p
}

// Unpaint takes the mark's passage out of its highlight, and Repaint puts
// it back, so that a page with many passages keeps painted only those in
// view: at each frame in which the document changed, Chromium works out
// every range of every registered highlight again (measured on a
// 200k-word page: 160 ms a frame with 3,480 ranges, against 18 ms with
// none). Neither does anything to a passage in marks.
func (m *Mark) Unpaint() {
	if m.painter != nil {
		m.painter.highlight.Call("delete", m.Range)
	}
}

// Repaint is the inverse of Unpaint.
func (m *Mark) Repaint() {
	if m.painter != nil {
		m.painter.highlight.Call("add", m.Range)
	}
}

// unpaint deletes the widget's highlights from the registry, those it
// still holds, and empties them.
func unpaint() {
	reg := highlightRegistry()
	for v, p := range painters {
		if !reg.IsUndefined() && reg.Call("get", p.name).Equal(p.highlight) {
			reg.Call("delete", p.name)
		}
		p.highlight.Call("clear")
		delete(painters, v)
	}
}

// claim records the text [start, end) of S as painted, and reports false,
// recording nothing, when it overlaps text t painted before: a highlight,
// unlike a mark, leaves nothing in the page for a later Highlight to see.
func (t *Text) claim(start, end int) bool {
	i := sort.Search(len(t.painted), func(i int) bool { return t.painted[i][1] > start })
	if i < len(t.painted) && t.painted[i][0] < end {
		return false
	}
	t.painted = slices.Insert(t.painted, i, [2]int{start, end})
	return true
}
