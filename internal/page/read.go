//go:build js

package page

import (
	"strings"
	"syscall/js"
)

// Limits bound the work of one Read so that a hostile page cannot hang the
// tab. A zero field takes its default: 300,000 nodes, 8 MB of text.
type Limits struct {
	MaxNodes int // nodes visited (elements, text, comments)
	MaxBytes int // bytes of Text.S
}

const (
	defaultMaxNodes = 300_000
	defaultMaxBytes = 8 << 20
)

// Text is the text of an article with a map back to the page's text nodes.
type Text struct {
	// S is the text: the text nodes' data in document order, with "\n"
	// wherever a block element starts or ends (consecutive boundaries
	// give one "\n"; S neither starts nor ends with one). Line breaks in
	// the data read as spaces, as the browser shows them, except inside
	// <pre>: there they stay, and so end a block of S too. The text of a
	// <q> or <blockquote> is between “ and ”, as the reader sees it; a
	// block that attributes a quotation ("— Emily Horne") follows it on
	// its line, after a space (see attribution).
	//
	// A table row is one block, each of its cells ended by "\t" (<td>)
	// or "\v" (<th>), empty ones too, so that the passage finder knows
	// a cell's row, column and header: "Name\vQuote\v\nHorne\t“…”\t".
	// Tabs and vertical tabs in the data read as spaces (as the browser
	// shows them outside <pre>), so that these are the only ones.
	S string
	// Truncated reports that Read stopped at its Limits.
	Truncated bool

	doc    js.Value
	chunks []js.Value // the JavaScript arrays of the nodes Read visited, chunkSize each but the last
	spans  []span     // the pieces of S that came from text nodes, in order
	// highlights is the page's highlight registry, CSS.highlights, when
	// Highlight paints passages with it (see paint.go); undefined when
	// it wraps them in marks.
	highlights js.Value
	painted    [][2]int // the byte ranges of S Highlight painted, in order
	styled     bool     // Highlight adopted the widget's style sheet
}

// span is the piece of Text.S that came from one text node.
type span struct {
	index      int      // the node's place in chunks; -1 for a node Highlight made
	node       js.Value // the node, once Highlight needed it
	start, end int      // bytes of S
	body       int      // UTF-16 offset of the node's first character in body.textContent
}

// node returns the text node of span i.
func (t *Text) node(i int) js.Value {
	sp := &t.spans[i]
	if sp.node.IsUndefined() {
		sp.node = t.chunks[sp.index/chunkSize].Index(sp.index % chunkSize)
	}
	return sp.node
}

// Read collects the text under root in one pass and returns it with a map
// back to the DOM. Root should be document.body or inside it (body offsets
// count from root's start otherwise). pause, when non-nil, is called every
// few thousand nodes so that the caller can yield to the page's event loop;
// it may block. If the page changes under root while it runs, Read reads
// again without pausing.
//
// Read skips what is not article text (scripts, styles, form controls, SVG,
// embedded content, hidden and editable regions, and the widget's own
// elements except its transparent marks) and does not enter shadow roots.
func Read(root js.Value, lim Limits, pause func()) *Text {
	return Article{Root: root, Without: js.Null()}.Read(lim, pause)
}

// Read is the package's Read of a.Root, which also skips a.Without.
func (a Article) Read(lim Limits, pause func()) *Text {
	if lim.MaxNodes <= 0 {
		lim.MaxNodes = defaultMaxNodes
	}
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = defaultMaxBytes
	}
	if pause != nil {
		if t := read(a, lim, pause); t != nil {
			return t
		}
	}
	return read(a, lim, nil)
}

// read is Read; it returns nil if the page changed while pause ran.
func read(a Article, lim Limits, pause func()) *Text {
	root := a.Root
	doc := root.Get("ownerDocument")
	r := &reader{t: &Text{doc: doc, highlights: highlightRegistry()}, maxBytes: lim.MaxBytes}
	w := newWalker(doc, root)
	if a.Without.Truthy() {
		w.leftOut = has(a.Without)
	}
	var changes *watcher
	if pause != nil {
		changes = watch(root)
		defer changes.stop()
	}
	for visited := 0; ; {
		// Ask for one node more than the limit allows, to tell whether
		// the limit cut the read short.
		n := min(chunkSize, lim.MaxNodes-visited+1)
		c := w.fetch(n)
		if c == nil {
			break
		}
		k := len(c.kind)
		if visited+k > lim.MaxNodes {
			k = lim.MaxNodes - visited
			r.t.Truncated = true
		}
		r.t.chunks = append(r.t.chunks, c.nodes)
		if !r.read(c, visited, k) || r.t.Truncated || k < n {
			break
		}
		visited += k
		if pause != nil {
			if pause(); changes.seen() {
				return nil
			}
		}
	}
	// The text before root may have changed while pause ran: it is
	// measured last.
	base := offsetOf(root, doc)
	for i := range r.t.spans {
		r.t.spans[i].body += base
	}
	r.t.S = r.b.String()
	return r.t
}

// reader holds the state of one read.
type reader struct {
	t        *Text
	b        strings.Builder
	maxBytes int
	pos      int     // UTF-16 offset of the next text node from root's start, in body.textContent
	sep      bool    // a block boundary is pending
	open     []frame // the nodes the read is inside of
	skipping int     // how many of them Read skips
	widget   int     // how many of them are the widget's, holding its own text
	pre      int     // how many of them show their line breaks
	// quotes are the quotation elements the read is inside of: whether
	// each one's opening mark is in S yet. It goes in before the
	// element's first text, so that an empty quotation adds nothing.
	quotes []bool
	quoted bool // the last text read is inside a quotation's marks
	// attributing: the block read is a quotation's attribution (see
	// attribution); the marks of the quotations it is in wait.
	attributing bool
	opening     int  // quotations whose opening mark waits for a text
	deeper      int  // quotations inside maxQuoteMarks others: no marks
	cellEnd     bool // S ends with the end of a cell: the spaces between cells are not read
	// cellFresh: the read is in a table cell that has no text yet, where
	// a block boundary (a <p> opening the cell) is none.
	cellFresh bool
}

// frame is what the read knows of a node it visits.
type frame struct {
	block, skip, widget bool // what the element is
	pre                 bool // its line breaks show
	quote               bool // a <q> or <blockquote>, which S puts in quote marks
	cellEnd             byte // for a table cell, what ends it in S: '\t', or '\v' for a header
	last                bool // the node is its parent's last child
}

// The quote marks S puts around the text of a quotation element: a <q>'s
// marks are drawn by the browser, not in the text, and a <blockquote> has
// none; the passage finder sees them as quotes all the same. Like the "\n"
// between blocks, they belong to no text node.
const (
	openMark  = "“"
	closeMark = "”"
	// maxQuoteMarks is how deep quotations nest in marks: a hostile page's
	// thousand nested <blockquote>s must not become a thousand quotes.
	maxQuoteMarks = 3
)

// read reads the first k nodes of c, whose first node is the base-th of
// the walk. It reports false when the byte limit stopped the read.
func (r *reader) read(c *chunk, base, k int) bool {
	for i := range k {
		f := frame{last: c.last[i] != 0}
		if c.kind[i] == kindText {
			if !r.text(base+i, c.values[i]) {
				return false
			}
		} else {
			f.skip, f.widget = c.kind[i] == kindSkip || c.skip[i] != 0, c.ownText[i] != 0
			f.pre = c.kind[i] == kindPre && !f.skip
			f.quote = (c.kind[i] == kindQuote || c.kind[i] == kindQuoteBlock) && !f.skip && r.skipping == 0
			f.block = (c.kind[i] == kindBlock || c.kind[i] == kindQuoteBlock || f.pre) && !f.skip && r.skipping == 0
			if !f.skip && r.skipping == 0 {
				switch c.kind[i] {
				case kindCell:
					f.cellEnd = '\t'
				case kindHeaderCell:
					f.cellEnd = '\v'
				}
			}
			r.enter(f)
		}
		if c.kids[i] != 0 {
			r.open = append(r.open, f)
			continue
		}
		r.leave(f)
		for f.last && len(r.open) > 0 {
			f = r.open[len(r.open)-1]
			r.open = r.open[:len(r.open)-1]
			r.leave(f)
		}
	}
	return true
}

func (r *reader) enter(f frame) {
	if f.block {
		r.boundary()
	}
	switch {
	case f.quote && len(r.quotes) == maxQuoteMarks:
		r.deeper++
	case f.quote:
		r.quotes = append(r.quotes, false)
		r.opening++
	}
	if f.cellEnd != 0 {
		r.cellFresh = true
	}
	if f.skip {
		r.skipping++
	}
	if f.widget {
		r.widget++
	}
	if f.pre {
		r.pre++
	}
}

func (r *reader) leave(f frame) {
	switch {
	case f.quote && r.deeper > 0:
		r.deeper--
	case f.quote:
		opened := r.quotes[len(r.quotes)-1]
		r.quotes = r.quotes[:len(r.quotes)-1]
		if opened {
			r.b.WriteString(closeMark) // right after the quotation's last text
		} else {
			r.opening--
		}
	}
	if f.block {
		r.boundary()
	}
	if f.cellEnd != 0 {
		r.endCell(f.cellEnd)
	}
	if f.skip {
		r.skipping--
	}
	if f.widget {
		r.widget--
	}
	if f.pre {
		r.pre--
	}
}

// boundary notes a block boundary; it becomes one "\n" before the next text.
// A quotation's marks do not cross it: each block of a quotation is quoted
// on its own, as the paragraphs of a long quote are, so that a quoted
// paragraph is not run together with the next (a tweet's text with the
// "— name, date" line under it).
func (r *reader) boundary() {
	if r.b.Len() > 0 && !r.cellFresh {
		r.sep = true
	}
	r.attributing = false
	for k := len(r.quotes) - 1; k >= 0; k-- {
		if r.quotes[k] {
			r.b.WriteString(closeMark)
			r.quotes[k] = false
			r.opening++
		}
	}
}

// endCell ends a table cell with c. Like a block boundary, it closes the
// quotation marks open in the cell. A row stays one block: the boundary
// after the cell's last block is dropped, and the pending "\n" of the
// row's start goes before the end of an empty first cell. Past the byte
// limit, the end is left out.
func (r *reader) endCell(c byte) {
	if r.cellFresh {
		r.cellFresh = false
	} else {
		r.boundary()
		r.sep = false
	}
	n := 1
	if r.sep {
		n++
	}
	if r.b.Len()+n > r.maxBytes {
		return
	}
	if r.sep {
		r.b.WriteByte('\n')
		r.sep = false
	}
	r.b.WriteByte(c)
	r.cellEnd = true
}

// text reads the data s of the index-th node of the walk, a text node. It
// reports false when the byte limit stopped the read.
func (r *reader) text(index int, s string) bool {
	at := r.pos
	if r.widget == 0 {
		r.pos += utf16Len(s)
	}
	if r.skipping > 0 || s == "" || isSpace(s) && (r.sep || r.b.Len() == 0 || r.cellEnd) {
		return true // not read, nothing, or whitespace between blocks or cells
	}
	// A line break of the markup is a space on the screen, not the end
	// of a block: "\n" in S only ever separates blocks, and "\t" and "\v"
	// only end cells. One byte for one, so offsets do not move.
	if r.pre == 0 {
		s = lineBreaks.Replace(s)
	} else {
		s = cellMarks.Replace(s)
	}
	if r.sep && r.quoted && attribution(s) {
		r.attributing = true
	}
	before := 0 // bytes S takes before s: a "\n" or a space, opening marks
	if r.sep {
		before = 1
	}
	if !r.attributing {
		before += r.opening * len(openMark)
	}
	// Room for the closing marks too, so that the limit holds.
	before += len(r.quotes) * len(closeMark)
	room := r.maxBytes - r.b.Len() - before
	cut := len(s) > room
	if cut {
		r.t.Truncated = true
		if s = s[:runeFloor(s, max(room, 0))]; s == "" {
			return false
		}
	}
	switch {
	case r.sep && r.attributing:
		r.b.WriteByte(' ') // on the quotation's line
	case r.sep:
		r.b.WriteByte('\n')
	}
	r.sep = false
	for ; r.opening > 0 && !r.attributing; r.opening-- {
		r.b.WriteString(openMark)
		r.quotes[len(r.quotes)-r.opening] = true
	}
	r.quoted = len(r.quotes) > 0 && !r.attributing
	start := r.b.Len()
	r.b.WriteString(s)
	r.cellEnd, r.cellFresh = false, false
	r.t.spans = append(r.t.spans, span{index: index, start: start, end: r.b.Len(), body: at})
	return !cut
}

// attribution reports whether s, the text that opens a block right after
// a quoted one, opens a quotation's attribution: a dash ("— Emily Horne",
// the byline of an embedded post, a pull quote's source). The reader sees
// it under the quotation and outside it; S puts it on the quotation's
// line, without quote marks, so that the passage finder gives the quote
// its speaker and a post is judged with its byline, as it is written
// where it is not embedded.
func attribution(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "―")
}

// offsetOf returns the UTF-16 offset of root's start in body.textContent,
// not counting widget text.
func offsetOf(root, doc js.Value) int {
	body := doc.Get("body")
	if !body.Truthy() || root.Equal(body) || !body.Call("contains", root).Bool() {
		return 0
	}
	rng := doc.Call("createRange")
	rng.Call("setStart", body, 0)
	rng.Call("setEndBefore", root)
	n := jsLen(rng.Call("toString"))
	const preceding, contains = 2, 8 // Node.DOCUMENT_POSITION_*
	ws := body.Call("querySelectorAll", outerOwnText)
	for i, k := 0, ws.Length(); i < k; i++ {
		w := ws.Index(i)
		if pos := root.Call("compareDocumentPosition", w).Int(); pos&preceding != 0 && pos&contains == 0 {
			n -= jsLen(w.Get("textContent"))
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

// lineBreaks turns the line breaks and tabs of text outside pre blocks
// into spaces; cellMarks the tabs of text inside them.
var (
	lineBreaks = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ", "\v", " ")
	cellMarks  = strings.NewReplacer("\t", " ", "\v", " ")
)
