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

// quote is a quoted span being assembled by findQuotes and attribute.
type quote struct {
	open, close Span // the marks
	content     Span // the words between them, trimmed
	block       int  // the block of content.Start
	parent      int  // index of the quote containing this one, or -1
	depth       int

	sentence            Span // the sentences covering content
	firstSent, lastSent int  // their indexes
	speaker             string
	spokenAfter, hasCue bool // the speaker was named after the quote; by any cue
}

// extent is the quote with its marks.
func (q *quote) extent() Span { return Span{q.open.Start, q.close.End} }

// opener is an opening mark waiting for its closer.
type opener struct {
	Span
	closers string // the marks that close it
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
func findQuotes(text string, blocks []Span) []quote {
	sc := quoteScanner{text: text}
	skip := -1 // a continuation mark, already paired
	for bi, b := range blocks {
		sc.bounds = b
		for i := b.Start; i < b.End; {
			r, size := utf8.DecodeRuneInString(text[i:b.End])
			if i != skip && isQuoteMark(r) {
				sc.mark(r, Span{i, i + size})
			}
			i += size
		}
		// An unclosed quote goes on in the next block if that block
		// opens with a mark of the same family (English style); otherwise
		// it is dropped, as are the quotes opened inside it.
		if len(sc.stack) > 0 && bi+1 < len(blocks) {
			next := blocks[bi+1].Start
			r, _ := utf8.DecodeRuneInString(text[next:])
			first, _ := utf8.DecodeRuneInString(text[sc.stack[0].Start:])
			if closersOf(r) != "" && family(r) == family(first) {
				sc.stack, skip = sc.stack[:1], next
				continue
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

// nest sets the parent and depth of quotes sorted by opening mark. Quotes
// nest properly: closing a quote drops the unclosed quotes inside it.
func nest(quotes []quote) {
	var open []int
	for i := range quotes {
		q := &quotes[i]
		for len(open) > 0 && quotes[open[len(open)-1]].close.End <= q.open.Start {
			open = open[:len(open)-1]
		}
		q.parent, q.depth = -1, len(open)
		if len(open) > 0 {
			q.parent = open[len(open)-1]
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

// mark handles the quote mark r at s. Marks that both open and close (" ')
// and the ones that are also apostrophes (’) are told apart by context.
func (sc *quoteScanner) mark(r rune, s Span) {
	prev, next := sc.around(s)
	// Opening context: after a space, an opening bracket, a dash or
	// another mark, before a non-space. Closing context: after a
	// non-space, before a space, punctuation or the end of the block.
	opening := opensAfter(prev) && next >= 0 && !unicode.IsSpace(next)
	closing := prev >= 0 && !unicode.IsSpace(prev) && closesBefore(next)
	switch r {
	case '"', '\'':
		if closing && sc.close(r, s, r == '"') {
			return
		}
		if opening {
			sc.open(r, s)
		}
	case '’':
		// Closes a ‘ open at this depth; otherwise an apostrophe
		// (Ukraine’s, the ’90s, students’).
		if closing {
			sc.close(r, s, false)
		}
	case '‘', '“':
		// Also the closers of German ‚…‘ and „…“.
		if closing && sc.close(r, s, false) {
			return
		}
		if next >= 0 && !unicode.IsSpace(next) {
			sc.open(r, s)
		}
	case '”', '»', '›':
		// French spacing puts a space before » (« mot »).
		if sc.close(r, s, true) {
			return
		}
		if opening {
			sc.open(r, s)
		}
	case '«', '‹':
		if closing && sc.close(r, s, false) {
			return
		}
		if next >= 0 {
			sc.open(r, s)
		}
	case '„', '「', '『':
		if next >= 0 {
			sc.open(r, s)
		}
	case '‚':
		if opening {
			sc.open(r, s)
		}
	case '」', '』':
		sc.close(r, s, true)
	}
}

// around returns the runes before and after s in the current block, -1 at
// its edges.
func (sc *quoteScanner) around(s Span) (prev, next rune) {
	prev, next = -1, -1
	if s.Start > sc.bounds.Start {
		prev, _ = utf8.DecodeLastRuneInString(sc.text[sc.bounds.Start:s.Start])
	}
	if s.End < sc.bounds.End {
		next, _ = utf8.DecodeRuneInString(sc.text[s.End:sc.bounds.End])
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
				sc.quotes = append(sc.quotes, quote{open: o.Span, close: s, content: c})
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
