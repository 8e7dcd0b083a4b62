//go:build js

package page

import "syscall/js"

// split is a text node Highlight split: head is the node that kept the
// first part, tail the node it made for the rest.
type split struct{ head, tail js.Value }

// splits records every split Highlight made, in order, so that Clear,
// given only the document, can join the pieces again. The package serves
// one document: the page the widget runs in.
var splits []split

func recordSplit(head, tail js.Value) {
	splits = append(splits, split{head, tail})
}

// Clear removes everything the widget inserted under doc: it deletes its
// highlights from the page's registry (see paint.go), removes every
// [data-factcheck-ui] element but the marks and nowrap joints, unwraps
// those (moving the page's text nodes back where they were; a joint
// before the marks in it), joins the text nodes Highlight split, and
// withdraws the widget's style sheet. The page's text nodes are then the
// very nodes they were, with their data as it was.
//
// Clear may be called twice, and after the page removed or moved some of
// the widget's elements; it then restores what is left.
func Clear(doc js.Value) {
	unpaint()
	els := doc.Call("querySelectorAll", uiSelector)
	var wrappers []js.Value // in document order: outer ones first
	for i, n := 0, els.Length(); i < n; i++ {
		el := els.Index(i)
		if el.Call("matches", transparentSelector).Bool() {
			wrappers = append(wrappers, el)
		} else {
			el.Call("remove")
		}
	}
	for _, m := range wrappers {
		unwrap(m)
	}
	joinSplits()
	removeStyles(doc)
}

// unwrap replaces the element m with its children.
func unwrap(m js.Value) {
	parent := m.Get("parentNode")
	if parent.IsNull() {
		return // the page removed it
	}
	for c := m.Get("firstChild"); !c.IsNull(); c = m.Get("firstChild") {
		parent.Call("insertBefore", c, m)
	}
	m.Call("remove")
}

// joinSplits undoes, last first, the splits Highlight made: the tail's
// data goes back to the head and the tail leaves. A split whose pieces are
// no longer side by side (the page removed one) is left as it is.
func joinSplits() {
	for i := len(splits) - 1; i >= 0; i-- {
		s := splits[i]
		if s.head.Get("nextSibling").Equal(s.tail) {
			s.head.Call("appendData", s.tail.Get("data"))
			s.tail.Call("remove")
		}
	}
	splits = nil
}
