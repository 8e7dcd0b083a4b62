//go:build js

package page

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall/js"
	"unicode"
	"unicode/utf8"
)

// Mark is one passage highlighted in the page.
type Mark struct {
	// Host is the <factcheck-badge data-factcheck-ui> element after the
	// passage, its closing quote marks and any link it ends in; the
	// caller attaches a shadow root and renders into it.
	Host js.Value
	// Range is the passage's StaticRange in the widget's highlight of its
	// verdict, where the browser has the CSS Custom Highlight API (see
	// paint.go); undefined where it has not.
	Range js.Value
	// painter is the highlight that paints Range.
	painter *painter
	// Elements are, where the browser lacks the API, the
	// <factcheck-mark> elements, in document order. The last character
	// of a passage that ends without a closing quote mark has a mark of
	// its own (see nowrapEnd).
	Elements []js.Value
}

// Errors of Highlight.
var (
	errRange   = errors.New("page: passage out of range")
	errNoText  = errors.New("page: passage holds no text to mark")
	errNested  = errors.New("page: passage is already highlighted")
	errChanged = errors.New("page: the page's text changed since it was read")
)

// Highlight shows the passage [start, end) (byte offsets in S) in the page
// and inserts a badge host right after it. Where the browser has the CSS
// Custom Highlight API the passage is painted by a highlight of its
// verdict (see paint.go) and no element goes into its text; elsewhere
// each text node of the passage that is not only whitespace is moved, not
// recreated, into a <factcheck-mark data-factcheck-ui data-verdict=verdict>
// put where it was, so the page's elements (links, emphasis, table cells)
// stay as they are. A node the passage covers in part is first split with
// Text.splitText: the page's node keeps the first part. A visually hidden
// marker for screen readers ("Start of disputed passage" for label
// "disputed") goes before the passage, another ("End of ...") before the
// badge host; neither they nor the host go inside a link or other
// interactive element (see outside). The host and the character before
// it are kept on one line (see nowrap).
//
// Highlight fails, changing nothing, if the passage is empty, holds only
// whitespace, is already highlighted, or its nodes left the page or
// changed since Read.
func (t *Text) Highlight(start, end int, verdict string, label string) (*Mark, error) {
	first, last, err := t.locate(start, end)
	if err != nil {
		return nil, err
	}
	if err := t.check(first, last); err != nil {
		return nil, err
	}
	painted := t.highlights.Truthy()
	if painted && !t.claim(max(start, t.spans[first].start), min(end, t.spans[last].end)) {
		return nil, errNested
	}
	// Split at the end first: when the passage lies in one node, the
	// node keeps its start and the start offset stays valid.
	if cut := min(end, t.spans[last].end); cut < t.spans[last].end {
		t.split(last, cut)
	}
	if cut := max(start, t.spans[first].start); cut > t.spans[first].start {
		t.split(first, cut)
		first, last = first+1, last+1
	}

	m := &Mark{}
	// wrapTail wraps the passage's text nodes: in marks, or not at all
	// when a highlight paints them.
	wrapTail := func(node js.Value) js.Value { return node }
	if !painted {
		wrapTail = func(node js.Value) js.Value {
			el := wrap(t.doc, node, verdict)
			m.Elements = append(m.Elements, el)
			return el
		}
		for i := first; i <= last; i++ {
			if sp := t.spans[i]; !isSpace(t.S[sp.start:sp.end]) {
				wrapTail(t.node(i))
			}
		}
	}
	head, tail := t.node(first), t.node(last)
	if !painted {
		head, tail = m.Elements[0], m.Elements[len(m.Elements)-1]
	}
	outside(head).Call("before", srMarker(t.doc, "Start of", label))
	m.Host = newElement(t.doc, badgeTag)
	after := tail
	var joint js.Value
	if j, n := t.closers(end); n > 0 {
		// The badge goes after the quote's closing mark: “…” [Verified].
		if end+n < t.spans[j].end {
			t.split(j, end+n)
		}
		after = t.node(j)
		joint = t.nowrap(after)
	} else {
		var split bool
		if joint, split = t.nowrapEnd(tail, last, wrapTail); split {
			last++ // the passage's last character is a node of its own now
		}
	}
	if joint.IsNull() {
		outside(after).Call("after", srMarker(t.doc, "End of", label), m.Host)
	} else {
		joint.Call("append", srMarker(t.doc, "End of", label), m.Host)
	}
	if painted {
		m.Range, m.painter = t.paint(first, last, verdict)
	}
	if !t.styled { // Show styles the highlights painted since
		ensureStyles(t.doc)
		t.styled = true
	}
	return m, nil
}

// nowrap keeps the badge on the line of the character before it: the
// node holding that character and the badge host (appended by the caller)
// go into a <factcheck-nowrap data-factcheck-ui>, which does not wrap,
// put where the node was. Where that would put the badge inside a link or
// another interactive element (see outside), it returns null: the badge
// goes after the element, and may wrap alone, rather than into it.
func (t *Text) nowrap(node js.Value) js.Value {
	if !outside(node).Equal(node) {
		return js.Null()
	}
	joint := newElement(t.doc, nowrapTag)
	node.Call("before", joint)
	joint.Call("append", node)
	return joint
}

// nowrapEnd is nowrap for a passage that ends without a closing quote
// mark: last is the passage's last text node, or the mark holding it, the
// text of span i. The last character of that text is split off into a
// node of its own, which goes into the joint as wrapTail wraps it (in a
// mark of its own, or bare under a highlight); the rest of the passage
// wraps as before; split reports that span i was split. It returns null,
// changing nothing, when that character is a space or in an interactive
// element.
func (t *Text) nowrapEnd(last js.Value, i int, wrapTail func(js.Value) js.Value) (joint js.Value, split bool) {
	sp := t.spans[i]
	n := lastCharacter(t.S[sp.start:sp.end])
	if n == 0 || !outside(last).Equal(last) {
		return js.Null(), false
	}
	if n == sp.end-sp.start {
		return t.nowrap(last), false
	}
	t.split(i, sp.end-n)
	tail := wrapTail(t.node(i + 1))
	joint = newElement(t.doc, nowrapTag)
	last.Call("after", joint)
	joint.Call("append", tail)
	return joint, true
}

// lastCharacter returns the length in bytes of the last character of s as
// a reader sees it (a base with its combining marks, an emoji sequence, a
// flag, an Indic conjunct), so that splitting it off does not cut one
// apart; 0 when s is empty or ends in a space.
func lastCharacter(s string) int {
	r, size := utf8.DecodeLastRuneInString(s)
	if size == 0 || unicode.IsSpace(r) {
		return 0
	}
	i, flags := len(s)-size, 0
	for i > 0 {
		if regionalIndicator(r) {
			flags++
		}
		p, psize := utf8.DecodeLastRuneInString(s[:i])
		joined := clings(r) || p == zwj || conjunctLinker(p) ||
			regionalIndicator(r) && regionalIndicator(p) && flags%2 == 1
		if !joined {
			break
		}
		r, i = p, i-psize
	}
	return len(s) - i
}

const zwj = '\u200d'

// clings reports whether r attaches to the character before it: a
// combining mark, a joiner, a variation selector, a skin tone, a tag.
func clings(r rune) bool {
	return unicode.Is(unicode.M, r) || r == zwj ||
		r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF ||
		r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F
}

// regionalIndicator reports whether r is half of a flag.
func regionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// conjunctLinker reports whether r is a virama that joins the consonants
// around it into one conjunct (Unicode's InCB=Linker).
func conjunctLinker(r rune) bool {
	switch r {
	case 0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D:
		return true
	}
	return false
}

// interactive matches the elements that nothing of the widget may go
// into: a button inside a link is invalid HTML and a click on it would
// follow the link, and a marker's text would change the link's name.
var interactive = js.ValueOf("a[href], button, label, summary, [role=link], [role=button]")

// outside returns the outermost interactive element holding node, or node
// itself when there is none.
func outside(node js.Value) js.Value {
	for el := parentElementOf.Invoke(node); !el.IsNull(); el = parentElementOf.Invoke(el) {
		if el = closestFn.Invoke(el, interactive); el.IsNull() {
			break
		}
		node = el
	}
	return node
}

// closers returns the span that starts right at end (no separator between)
// and how many bytes of closing quote marks open it; 0 when there is none.
func (t *Text) closers(end int) (j, n int) {
	j = sort.Search(len(t.spans), func(i int) bool { return t.spans[i].start >= end })
	if j == len(t.spans) || t.spans[j].start != end {
		return j, 0
	}
	rest := t.S[end:t.spans[j].end]
	for n < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[n:])
		if !strings.ContainsRune(`"'”’»›」』`, r) {
			break
		}
		n += size
	}
	return j, n
}

// locate returns the first and last spans holding non-whitespace text of
// the passage [start, end).
func (t *Text) locate(start, end int) (first, last int, err error) {
	if start < 0 || end > len(t.S) || start >= end {
		return 0, 0, rangeError(start, end, "in "+strconv.Itoa(len(t.S))+" bytes")
	}
	if !utf8.RuneStart(t.S[start]) || end < len(t.S) && !utf8.RuneStart(t.S[end]) {
		return 0, 0, rangeError(start, end, "splits a character")
	}
	first = sort.Search(len(t.spans), func(i int) bool { return t.spans[i].end > start })
	last = sort.Search(len(t.spans), func(i int) bool { return t.spans[i].start >= end }) - 1
	part := func(i int) string {
		sp := t.spans[i]
		return t.S[max(start, sp.start):min(end, sp.end)]
	}
	for first <= last && isSpace(part(first)) {
		first++
	}
	for last >= first && isSpace(part(last)) {
		last--
	}
	if first > last {
		return 0, 0, errNoText
	}
	return first, last, nil
}

// check makes sure the nodes of spans first..last are still in the page,
// as Read saw them, and not inside a mark.
func (t *Text) check(first, last int) error {
	painted := t.highlights.Truthy() // no marks: claim tells a passage painted before
	for i := first; i <= last; i++ {
		sp, node := t.spans[i], t.node(i)
		if !isConnectedOf.Invoke(node).Bool() {
			return errChanged
		}
		// Only the last span can be a part of its node: the one Read cut
		// at its byte limit.
		n, want := dataLengthOf.Invoke(node).Int(), utf16Len(t.S[sp.start:sp.end])
		if n != want && !(t.Truncated && i == len(t.spans)-1 && n > want) {
			return errChanged
		}
		if painted {
			continue
		}
		if p := parentElementOf.Invoke(node); p.Truthy() && closestFn.Invoke(p, markSelector).Truthy() {
			return errNested
		}
	}
	return nil
}

// split splits the node of span i at byte at of S: the node keeps the
// first part, a new node holds the rest and gets a span of its own.
func (t *Text) split(i, at int) {
	head, sp := t.node(i), &t.spans[i]
	k := utf16Len(t.S[sp.start:at])
	tail := splitTextFn.Invoke(head, k)
	recordSplit(head, tail)
	rest := span{index: -1, node: tail, start: at, end: sp.end, body: sp.body + k}
	sp.end = at
	t.spans = slices.Insert(t.spans, i+1, rest)
}

// wrap moves the text node into a new mark put where the node was.
func wrap(doc, node js.Value, verdict string) js.Value {
	m := cloneOf(doc, markTag+" "+verdict, func() js.Value {
		m := createElement(doc, markTag)
		m.Call("setAttribute", verdictKey, verdict)
		return m
	})
	node.Get("parentNode").Call("insertBefore", m, node)
	m.Call("appendChild", node)
	return m
}

// srMarker returns a visually hidden marker such as "Start of disputed
// passage".
func srMarker(doc js.Value, what, label string) js.Value {
	return cloneOf(doc, srTag+" "+what+" "+label, func() js.Value {
		el := createElement(doc, srTag)
		el.Set("textContent", strings.Join(strings.Fields(what+" "+label+" passage"), " "))
		return el
	})
}

// rangeError is errRange for the passage [start, end), saying why.
func rangeError(start, end int, why string) error {
	return &wrapped{errRange, "[" + strconv.Itoa(start) + ", " + strconv.Itoa(end) + ") " + why}
}

// wrapped is err with details: errors.Is finds err.
type wrapped struct {
	err     error
	details string
}

func (w *wrapped) Error() string { return w.err.Error() + ": " + w.details }
func (w *wrapped) Unwrap() error { return w.err }
