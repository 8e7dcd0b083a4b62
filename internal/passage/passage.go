// Package passage finds the passages of an article worth checking against
// official statements: the words inside quote marks, and every sentence
// (for claims reported without quote marks). Each passage comes with the
// sentence and block around it and, where the text says so, who spoke it.
//
// The input is plain text whose blocks (paragraphs, headlines, list items,
// captions, table rows) are separated by one or more '\n'. Within a block,
// '\t' ends a table cell and '\v' ends a header cell (th): a block holding
// either is a table row, "Name\v“quote”\t" (see page.Read). Quotes and
// sentences do not cross a cell; a quote or sentence in a cell that names
// no speaker takes one from its row (a header cell, a cell of a column
// headed "Speaker", or a cell that is only a name) or from its column's
// header cell. Offsets are bytes of that text. Find never panics and runs
// in linear time: marks that cannot be paired are ignored and the search
// for a speaker looks only at a bounded window of words.
package passage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a passage is.
type Kind int

const (
	Quote    Kind = iota + 1 // words inside quote marks
	Sentence                 // a whole sentence (for claims reported without quote marks)
)

// Span is the byte span [Start, End) of a passage in the text.
type Span struct{ Start, End int }

// Passage is one quoted span or sentence of a text.
type Passage struct {
	Kind Kind
	// Span is, for a Quote, the quoted words without the marks, trimmed of
	// spaces and of a final comma (“…,” she said); for a Sentence, the
	// sentence trimmed of spaces.
	Span
	// Sentence is the sentence containing the passage (for a Sentence,
	// equal to Span; for a quote running over several sentences, the span
	// covering them).
	Sentence Span
	// Para is the block ('\n'-separated, trimmed) containing Start: for
	// a passage in a table cell, the whole row.
	Para Span
	// Pieces, for a quote whose marks run around text that is not part of
	// it, are the parts of Span that are the quote's words, in order: a
	// quote split over paragraphs where the page inserted a related-link
	// box or an advertisement between them, “…\nRead more: …\n…,” she
	// said. The words of Span outside Pieces are not the speaker's. Nil
	// when all of Span is the quote's. Find also returns each piece as a
	// Quote of its own (same Speaker and Depth, no Pieces), after the
	// whole: a matcher that reads Pieces judges the whole quote on its
	// words; one that does not still judges every piece.
	Pieces []Span
	// Depth is the quote nesting: 0 top level, 1 a quote inside a quote...
	Depth int
	// Speaker is who the text says spoke the quoted words (for a
	// Sentence, the words reported), as written: "Emily Horne", "the White
	// House", "a senior Ukrainian official". It is empty when the sentence
	// names nobody or only a pronoun (she, he, they, it).
	Speaker string
}

// Find returns the quotes and sentences of text in order of Start (a
// passage before those it contains).
func Find(text string) []Passage {
	blocks := splitBlocks(text)
	quotes := findQuotes(text, blocks)
	sentences := splitSentences(text, blocks, quotes)
	attribute(text, blocks, quotes, sentences)

	out := make([]Passage, 0, len(quotes)+len(sentences))
	for _, s := range sentences {
		out = append(out, Passage{
			Kind: Sentence, Span: s.Span, Sentence: s.Span,
			Para: blocks[s.block].para, Speaker: s.speaker,
		})
	}
	for _, q := range quotes {
		p := Passage{
			Kind: Quote, Span: q.content, Sentence: q.sentence, Pieces: q.pieces(text),
			Para: blocks[q.block].para, Depth: q.depth, Speaker: q.speaker,
		}
		out = append(out, p)
		// Each piece of a split quote is a quote too, so that a piece
		// is judged on its own words, whatever the matcher makes of the
		// text between them.
		for _, pc := range p.Pieces {
			out = append(out, Passage{
				Kind: Quote, Span: pc, Sentence: q.sentence,
				Para: blocks[blockOf(blocks, pc.Start)].para, Depth: q.depth, Speaker: q.speaker,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// block is a stretch of text that quotes and sentences do not cross: a
// paragraph, or a cell of a table row.
type block struct {
	Span      // trimmed
	para Span // the paragraph, or the row of the cell, trimmed
	// col is the cell's column, counting the cells of its row from 0;
	// -1 outside a table row. header: the cell ended with '\v' (th).
	col    int
	header bool
}

// whole reports whether the block is its whole paragraph, not one cell of
// a row of several.
func (b *block) whole() bool { return b.Span == b.para }

// splitBlocks returns the blocks of text: its '\n'-separated paragraphs,
// and the cells of those that are table rows, trimmed of spaces, leaving
// out blank ones.
func splitBlocks(text string) []block {
	var blocks []block
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		para := trim(text, Span{start, end})
		if para.Start < para.End {
			blocks = appendCells(blocks, text, Span{start, end}, para)
		}
		start = end + 1
	}
	return blocks
}

// appendCells appends the blocks of the paragraph line (untrimmed; para is
// it trimmed): the paragraph itself, or its cells when it is a table row.
func appendCells(blocks []block, text string, line, para Span) []block {
	if strings.IndexAny(text[line.Start:line.End], "\t\v") < 0 {
		return append(blocks, block{Span: para, para: para, col: -1})
	}
	col := 0
	for start := line.Start; start < line.End; col++ {
		end := strings.IndexAny(text[start:line.End], "\t\v")
		if end < 0 {
			end = line.End
		} else {
			end += start
		}
		if c := trim(text, Span{start, end}); c.Start < c.End {
			blocks = append(blocks, block{Span: c, para: para, col: col, header: end < line.End && text[end] == '\v'})
		}
		start = end + 1
	}
	return blocks
}

// blockOf returns the index of the block containing offset p, or of the
// last block starting before it.
func blockOf(blocks []block, p int) int {
	return max(sort.Search(len(blocks), func(i int) bool { return blocks[i].Start > p })-1, 0)
}

// trim returns s without the spaces at its edges.
func trim(text string, s Span) Span {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += size
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= size
	}
	return s
}
