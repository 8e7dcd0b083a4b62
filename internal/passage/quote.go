package passage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNesting bounds the quotes open at once; marks opening more are
// ignored, so that a text of unpaired marks stays linear.
const maxNesting = 8

// A quote left open at the end of a paragraph may close a few blocks on,
// past what the page inserted between its paragraphs (a related-link box,
// "Advertisement", a pull quote): at most maxInserted blocks of at most
// maxInsertedWords words each. Longer text between is the article's own
// prose, and the marks are not a pair.
const (
	maxInserted      = 3
	maxInsertedWords = 16
)

// quote is a quoted span being assembled by findQuotes and attribute.
type quote struct {
	open, close Span   // the marks
	content     Span   // the words between them, trimmed
	gaps        []Span // what lies between its pieces: blocks the page inserted
	block       int    // the block of content.Start
	parent      int    // index of the quote containing this one, or -1
	depth       int

	sentence            Span // the sentences covering content
	firstSent, lastSent int  // their indexes
	speaker             string
	spokenAfter, hasCue bool // the speaker was named after the quote; by any cue
}

// extent is the quote with its marks.
func (q *quote) extent() Span { return Span{q.open.Start, q.close.End} }

// inGap reports whether offset p lies in one of the quote's gaps.
func (q *quote) inGap(p int) bool {
	for _, g := range q.gaps {
		if g.Start <= p && p < g.End {
			return true
		}
	}
	return false
}

// pieces returns the parts of the quote's content around its gaps,
// trimmed, without the mark that reopens the quote after a gap (English
// style), or nil when it has none.
func (q *quote) pieces(text string) []Span {
	if len(q.gaps) == 0 {
		return nil
	}
	out := make([]Span, 0, len(q.gaps)+1)
	start := q.content.Start
	fam := family(firstRune(text[q.open.Start:]))
	for _, g := range q.gaps {
		if p := trim(text, Span{start, g.Start}); p.Start < p.End {
			out = append(out, p)
		}
		start = g.End
		if r, size := utf8.DecodeRuneInString(text[start:]); family(r) == fam {
			start += size
		}
	}
	if p := trim(text, Span{start, q.content.End}); p.Start < p.End {
		out = append(out, p)
	}
	return out
}

// outside returns the quote's extent without its gaps: the stretches of
// text it holds.
func (q *quote) outside(out []Span) []Span {
	start := q.open.Start
	for _, g := range q.gaps {
		out = append(out, Span{start, g.Start})
		start = g.End
	}
	return append(out, Span{start, q.close.End})
}

// opener is an opening mark waiting for its closer.
type opener struct {
	Span
	closers string // the marks that close it
	gaps    []Span // the blocks inserted in the quote so far
}

// closersOf returns the marks that close a quote opened by r: English,
// German, Polish, French, Scandinavian, Swiss and CJK pairs, and the mixed
// ASCII and typographic pairs that real articles have ("…” and “…").
func closersOf(r rune) string {
	switch r {
	case '“':
		return `”"`
	case '"':
		return `"”`
	case '„':
		return `“”"`
	case '‘':
		return `’'`
	case '\'':
		return `'’`
	case '‚':
		return `‘’'`
	case '«':
		return "»"
	case '»':
		return "«"
	case '‹':
		return "›"
	case '›':
		return "‹"
	case '「':
		return "」"
	case '『':
		return "』"
	case '”': // Swedish and Finnish ”…”
		return "”"
	}
	return ""
}

// family groups marks of one kind: a quote running over a paragraph break
// reopens with a mark of its own family.
func family(r rune) int {
	switch r {
	case '"', '“', '”', '„':
		return 1
	case '\'', '‘', '’', '‚':
		return 2
	case '«', '»':
		return 3
	case '‹', '›':
		return 4
	case '「', '」':
		return 5
	case '『', '』':
		return 6
	}
	return 0
}

// isQuoteMark reports whether r is a quote mark (or an apostrophe).
func isQuoteMark(r rune) bool { return family(r) != 0 }

// findQuotes pairs the quote marks of text, block by block, and returns
// the quotes in order of their opening mark, with parent and depth set.
func findQuotes(text string, blocks []block) []quote {
	sc := quoteScanner{text: text}
	skip := -1      // a continuation mark, already paired
	resume := -1    // the block where the held quote goes on
	var held opener // a quote open across inserted blocks
	for bi := range blocks {
		b := blocks[bi].Span
		if bi == resume {
			sc.stack, resume = append(sc.stack[:0], held), -1
		}
		sc.bounds = b
		for i := b.Start; i < b.End; {
			r, size := utf8.DecodeRuneInString(text[i:b.End])
			if i != skip && isQuoteMark(r) {
				sc.mark(r, Span{i, i + size})
			}
			i += size
		}
		// An unclosed quote goes on in a later block if the marks say
		// so (see resumes); otherwise it is dropped, as are the quotes
		// opened inside it. Inside an inserted block, nothing goes on.
		if len(sc.stack) > 0 && resume < 0 {
			if next, continued, ok := resumes(text, blocks, bi, sc.stack[0]); ok {
				top := sc.stack[0]
				if continued {
					skip = blocks[next].Start
				}
				if next == bi+1 {
					sc.stack = append(sc.stack[:0], top)
					continue
				}
				top.gaps = append(top.gaps[:len(top.gaps):len(top.gaps)], Span{b.End, blocks[next].Start})
				held, resume = top, next
			}
		}
		sc.stack = sc.stack[:0]
	}
	quotes := sc.quotes
	sort.Slice(quotes, func(i, j int) bool { return quotes[i].open.Start < quotes[j].open.Start })
	for i := range quotes {
		quotes[i].block = blockOf(blocks, quotes[i].content.Start)
	}
	nest(quotes)
	return quotes
}

// resumes tells where the quote o, open at the end of block bi, goes on:
// in block next, which either opens with a mark of o's family (English
// style: “…\n“…” – continued) or closes o with a mark of its family
// before opening any (“…\n…,” she said). Up to maxInserted short blocks
// may stand between (what the page inserted between two paragraphs of a
// quote). A cell of a table row goes on nowhere.
func resumes(text string, blocks []block, bi int, o opener) (next int, continued, ok bool) {
	if !blocks[bi].whole() {
		return 0, false, false
	}
	fam := family(firstRune(text[o.Start:]))
	for next = bi + 1; next < len(blocks) && next <= bi+1+maxInserted; next++ {
		b := &blocks[next]
		if !b.whole() {
			return 0, false, false
		}
		if r := firstRune(text[b.Start:]); closersOf(r) != "" && family(r) == fam {
			return next, true, true
		}
		if closesFirst(text, b.Span, fam) {
			return next, false, true
		}
		if !short(text, b.Span) {
			break
		}
	}
	return 0, false, false
}

// closesFirst reports whether block b closes a quote of family fam (any
// family if 0) left open before it: whether the first mark of the family
// in b that opens or closes, closes, and is a closing quote mark rather
// than an inch or foot sign (after a digit: 27" screen) or an apostrophe
// (a single mark closes only next to punctuation: ‘…,’ she said; not the
// students’ union).
func closesFirst(text string, b Span, fam int) bool {
	var decided [7]bool // by family
	for i := b.Start; i < b.End; {
		r, size := utf8.DecodeRuneInString(text[i:b.End])
		f := family(r)
		if f != 0 && (fam == 0 || f == fam) && !decided[f] {
			prev, next := around(text, b, Span{i, i + size})
			closes, opens := role(r, prev, next)
			measure := (r == '"' || r == '\'') && unicode.IsDigit(prev)
			apostrophe := f == 2 && !unicode.IsPunct(prev) && next >= 0 && !unicode.IsPunct(next)
			if closes && !measure && !apostrophe {
				return true
			}
			decided[f] = closes || opens
		}
		i += size
	}
	return false
}

// short reports whether block b is a few words at most: what a page
// inserts between paragraphs, not prose.
func short(text string, b Span) bool {
	words := 0
	inWord := false
	for i := b.Start; i < b.End; i++ {
		space := text[i] == ' ' || text[i] == '\t'
		if !space && !inWord {
			if words++; words > maxInsertedWords {
				return false
			}
		}
		inWord = !space
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// nest sets the parent and depth of quotes sorted by opening mark. Quotes
// nest properly: closing a quote drops the unclosed quotes inside it. A
// quote in the gap of another (in a block inserted between its pieces) is
// not inside it.
func nest(quotes []quote) {
	var open []int
	for i := range quotes {
		q := &quotes[i]
		for len(open) > 0 && quotes[open[len(open)-1]].close.End <= q.open.Start {
			open = open[:len(open)-1]
		}
		q.parent, q.depth = -1, 0
		for k := len(open) - 1; k >= 0; k-- {
			if p := &quotes[open[k]]; !p.inGap(q.open.Start) {
				q.parent, q.depth = open[k], p.depth+1
				break
			}
		}
		open = append(open, i)
	}
}

// quoteScanner pairs quote marks with a stack of open quotes.
type quoteScanner struct {
	text   string
	bounds Span // the block being read
	stack  []opener
	quotes []quote
}

// mark handles the quote mark r at s: it closes the innermost open quote
// it can close, or else opens one, as role says.
func (sc *quoteScanner) mark(r rune, s Span) {
	prev, next := around(sc.text, sc.bounds, s)
	closes, opens := role(r, prev, next)
	if closes && sc.close(r, s, deepCloser(r)) {
		return
	}
	if opens {
		sc.open(r, s)
	}
}

// role tells whether the quote mark r, between the runes prev and next (-1
// at the edges of its block), can close a quote and can open one. Marks
// that both open and close (" ') and the ones that are also apostrophes
// (’) are told apart by context. Opening context: after a space, an
// opening bracket, a dash or another mark, before a non-space. Closing
// context: after a non-space, before a space, punctuation or the end of
// the block.
func role(r, prev, next rune) (closes, opens bool) {
	opening := opensAfter(prev) && next >= 0 && !unicode.IsSpace(next)
	closing := prev >= 0 && !unicode.IsSpace(prev) && closesBefore(next)
	switch r {
	case '"', '\'':
		return closing, opening
	case '’':
		// Closes a ‘ open at this depth; otherwise an apostrophe
		// (Ukraine’s, the ’90s, students’).
		return closing, false
	case '‘', '“':
		// Also the closers of German ‚…‘ and „…“.
		return closing, next >= 0 && !unicode.IsSpace(next)
	case '”', '»', '›':
		// French spacing puts a space before » (« mot »).
		return true, opening
	case '«', '‹':
		return closing, next >= 0
	case '„', '「', '『':
		return false, next >= 0
	case '‚':
		return false, opening
	case '」', '』':
		return true, false
	}
	return false, false
}

// deepCloser reports whether r closes an open quote below unclosed ones
// (dropping them), rather than only the innermost.
func deepCloser(r rune) bool {
	return strings.ContainsRune(`"”»›」』`, r)
}

// around returns the runes before and after s in block b, -1 at its edges.
func around(text string, b, s Span) (prev, next rune) {
	prev, next = -1, -1
	if s.Start > b.Start {
		prev, _ = utf8.DecodeLastRuneInString(text[b.Start:s.Start])
	}
	if s.End < b.End {
		next, _ = utf8.DecodeRuneInString(text[s.End:b.End])
	}
	return prev, next
}

func opensAfter(prev rune) bool {
	return prev < 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{/:", prev) ||
		unicode.Is(unicode.Pd, prev) || isQuoteMark(prev)
}

func closesBefore(next rune) bool {
	return next < 0 || unicode.IsSpace(next) || unicode.IsPunct(next) || unicode.IsSymbol(next)
}

func (sc *quoteScanner) open(r rune, s Span) {
	if len(sc.stack) < maxNesting {
		sc.stack = append(sc.stack, opener{Span: s, closers: closersOf(r)})
	}
}

// close closes, with the mark r at s, the innermost open quote that r
// closes: the top one, or when deep any one, dropping the unclosed quotes
// inside it. It reports whether r closed a quote.
func (sc *quoteScanner) close(r rune, s Span, deep bool) bool {
	for k := len(sc.stack) - 1; k >= 0; k-- {
		o := sc.stack[k]
		if strings.ContainsRune(o.closers, r) {
			sc.stack = sc.stack[:k]
			if c := quoted(sc.text, Span{o.End, s.Start}); c.Start < c.End {
				sc.quotes = append(sc.quotes, quote{open: o.Span, close: s, content: c, gaps: o.gaps})
			}
			return true
		}
		if !deep {
			break
		}
	}
	return false
}

// quoted returns the quoted words between two marks: without the spaces
// at the edges, nor the comma that American style puts inside the closing
// mark (“…,” she said), which belongs to the sentence around.
func quoted(text string, s Span) Span {
	s = trim(text, s)
	for s.End > s.Start && text[s.End-1] == ',' {
		s = trim(text, Span{s.Start, s.End - 1})
	}
	return s
}
