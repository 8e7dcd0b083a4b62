//go:build js

package page

import (
	"strings"
	"syscall/js"
)

// chunkSize is how many nodes Read takes from the page at a time; Read's
// pause function is called between chunks.
const chunkSize = 4096

// Built-in functions of the page's JavaScript that Read applies to a whole
// chunk of nodes in one call (through Array.from, Uint8Array.from and
// Array.prototype.map), so that no node crosses into Go one by one: a node
// or string that crosses costs microseconds, a chunk's worth of bytes
// hardly more than one. No code is compiled (no eval, no Function
// constructor): each is a DOM or language built-in, at most bound.
var (
	arrayCtor   = js.Global().Get("Array")
	uint8Array  = js.Global().Get("Uint8Array")
	setCtor     = js.Global().Get("Set")
	jsonObject  = js.Global().Get("JSON")
	nodeProto   = js.Global().Get("Node").Get("prototype")
	nodeNameOf  = unbound(getter(nodeProto, "nodeName"))
	nodeValueOf = unbound(getter(nodeProto, "nodeValue"))
	nextOf      = unbound(getter(nodeProto, "nextSibling"))
	hasChildren = unbound(nodeProto.Get("hasChildNodes"))
	isNull      = objectFn.Get("is").Call("bind", js.Undefined(), js.Null())
	kindOf      = kinds()

	// What Highlight asks of single nodes, bound like the above:
	// f.Invoke(node, args...) is node.f(args...), and passes no method or
	// property name for JavaScript to decode, as Call and Get do every
	// time (thousands of times on a long page).
	elementProto    = js.Global().Get("Element").Get("prototype")
	parentElementOf = unbound(getter(nodeProto, "parentElement"))
	isConnectedOf   = unbound(getter(nodeProto, "isConnected"))
	dataLengthOf    = unbound(getter(js.Global().Get("CharacterData").Get("prototype"), "length"))
	closestFn       = unbound(elementProto.Get("closest"))
	cloneNodeFn     = unbound(nodeProto.Get("cloneNode"))
	splitTextFn     = unbound(js.Global().Get("Text").Get("prototype").Get("splitText"))

	skipAttrSelector = js.ValueOf(skipAttrs)
	ownTextSelector  = js.ValueOf(widgetText)
)

// What a node is to Read, by its nodeName. Comments and inline elements
// are nothing to it (0).
const (
	kindText       = 1 + iota // a text or CDATA section node
	kindBlock                 // a block element
	kindSkip                  // an element Read skips with what it holds
	kindPre                   // a block element whose line breaks show
	kindQuote                 // an inline quotation (<q>): its marks are the browser's
	kindQuoteBlock            // a block quotation (<blockquote>)
	kindLink                  // a link (<a>): Root counts its text against the element around it
	kindCell                  // a table cell (<td>)
	kindHeaderCell            // a table header cell (<th>)
)

// kinds returns a function from a nodeName to its kind: Map.get bound to a
// map of the names. Element names are upper case in HTML documents, lower
// case in others and for SVG elements.
func kinds() js.Value {
	entries := []any{[]any{"#text", kindText}, []any{"#cdata-section", kindText}}
	for kind, tags := range map[int][]string{kindBlock: blockTags, kindSkip: skipTags, kindPre: preTags,
		kindQuote: {"q"}, kindQuoteBlock: {"blockquote"}, kindLink: {"a"}, kindCell: {"td"}, kindHeaderCell: {"th"}} {
		for _, tag := range tags {
			entries = append(entries, []any{tag, kind}, []any{strings.ToUpper(tag), kind})
		}
	}
	m := js.Global().Get("Map").New(entries)
	return m.Get("get").Call("bind", m)
}

// getter returns the get function of the accessor property name of proto.
func getter(proto js.Value, name string) js.Value {
	return objectFn.Call("getOwnPropertyDescriptor", proto, name).Get("get")
}

// unbound turns the method f into a function of its receiver:
// unbound(f)(x, args...) is f.call(x, args...). Made as f.call.bind(f).
func unbound(f js.Value) js.Value {
	return f.Get("call").Call("bind", f)
}

// walker hands out the nodes under a root, all kinds of them, in document
// order, a chunk at a time. It does not enter shadow roots.
type walker struct {
	next          js.Value // the TreeWalker's nextNode, bound to it
	skip, ownText js.Value // membership of the elements under root matching a selector; see matching
	// leftOut is the membership of the regions Read leaves out besides
	// (Article.Without), or null.
	leftOut js.Value
	// Root's: membership of boilerplate regions and of <article>s, or
	// null.
	boiler, article js.Value
}

func newWalker(doc, root js.Value) *walker {
	const showAll = 0xFFFFFFFF // NodeFilter.SHOW_ALL
	tw := doc.Call("createTreeWalker", root, showAll)
	return &walker{
		next:    tw.Get("nextNode").Call("bind", tw),
		skip:    matching(root, skipAttrSelector),
		ownText: matching(root, ownTextSelector),
		leftOut: js.Null(),
		boiler:  js.Null(),
		article: js.Null(),
	}
}

// matching returns a function telling whether a node is one of the
// elements under root that match selector, or null when none does.
func matching(root, selector js.Value) js.Value {
	return has(setCtor.New(root.Call("querySelectorAll", selector)))
}

// has returns the membership function of a JavaScript Set, or null when
// the set is empty.
func has(set js.Value) js.Value {
	if set.Get("size").Int() == 0 {
		return js.Null()
	}
	return set.Get("has").Call("bind", set)
}

// chunk is nodes in document order, with what Read needs to know of each.
// Knowing whether a node has children and whether it is its parent's last
// child is knowing where every element ends.
type chunk struct {
	nodes   js.Value // the JavaScript array of the nodes
	kind    []byte   // kindText, kindBlock, ... kindHeaderCell, or 0
	kids    []byte   // 1: the node has children
	last    []byte   // 1: the node has no next sibling
	skip    []byte   // 1: Read skips the element and what it holds: for its attributes, or left out
	ownText []byte   // 1: a widget element other than a mark
	boiler  []byte   // 1: a boilerplate region (Root's walks only)
	article []byte   // 1: an <article> (Root's walks only)
	values  []string // nodeValue: the data of text nodes and comments; "" for null
}

// fetch takes up to n more nodes; it returns nil when there are none.
func (w *walker) fetch(n int) *chunk {
	nodes := arrayCtor.Call("from", map[string]any{"length": n}, w.next)
	if end := nodes.Call("indexOf", js.Null()).Int(); end >= 0 {
		if end == 0 {
			return nil
		}
		nodes.Set("length", end) // the walk ended
		n = end
	}
	skip := bytesOf(nodes, w.skip, n)
	if !w.leftOut.IsNull() {
		for i, out := range bytesOf(nodes, w.leftOut, n) {
			skip[i] |= out
		}
	}
	return &chunk{
		nodes:   nodes,
		kind:    bytesOf(nodes.Call("map", nodeNameOf), kindOf, n),
		kids:    bytesOf(nodes, hasChildren, n),
		last:    bytesOf(nodes.Call("map", nextOf), isNull, n),
		skip:    skip,
		ownText: bytesOf(nodes, w.ownText, n),
		boiler:  bytesOf(nodes, w.boiler, n),
		article: bytesOf(nodes, w.article, n),
		values:  decodeValues(jsonObject.Call("stringify", nodes.Call("map", nodeValueOf)).String(), n),
	}
}

// bytesOf returns f applied to each of the n elements of the array xs, as
// bytes (true is 1); all zero when f is null.
func bytesOf(xs, f js.Value, n int) []byte {
	b := make([]byte, n)
	if !f.IsNull() {
		js.CopyBytesToGo(b, uint8Array.Call("from", xs, f))
	}
	return b
}

// watcher notes whether anything under a root changed that Read relies on.
type watcher struct {
	observer js.Value
	callback js.Func
	changed  bool
}

func watch(root js.Value) *watcher {
	w := &watcher{}
	w.callback = js.FuncOf(func(js.Value, []js.Value) any {
		w.changed = true
		return nil
	})
	w.observer = js.Global().Get("MutationObserver").New(w.callback)
	w.observer.Call("observe", root, map[string]any{
		"subtree":         true,
		"childList":       true,
		"characterData":   true,
		"attributeFilter": []any{"hidden", "contenteditable", UIAttr},
	})
	return w
}

// seen reports whether a change happened since watch.
func (w *watcher) seen() bool {
	return w.changed || w.observer.Call("takeRecords").Length() > 0
}

func (w *watcher) stop() {
	w.observer.Call("disconnect")
	w.callback.Release()
}
