// Package passage finds the passages of an article worth checking against
// official statements: the words inside quote marks, and every sentence
// (for claims reported without quote marks). Each passage comes with the
// sentence and block around it and, where the text says so, who spoke it.
//
// The input is plain text whose blocks (paragraphs, headlines) are
// separated by one or more '\n'. Offsets are bytes of that text. Find never
// panics and runs in linear time: marks that cannot be paired are ignored
// and the search for a speaker looks only at a bounded window of words.
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
	// Para is the block ('\n'-separated, trimmed) containing Start.
	Para Span
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
	attribute(text, quotes, sentences)

	out := make([]Passage, 0, len(quotes)+len(sentences))
	for _, s := range sentences {
		out = append(out, Passage{
			Kind: Sentence, Span: s.Span, Sentence: s.Span,
			Para: blocks[s.block], Speaker: s.speaker,
		})
	}
	for _, q := range quotes {
		out = append(out, Passage{
			Kind: Quote, Span: q.content, Sentence: q.sentence,
			Para: blocks[q.block], Depth: q.depth, Speaker: q.speaker,
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// splitBlocks returns the '\n'-separated blocks of text, trimmed of spaces,
// leaving out blank ones.
func splitBlocks(text string) []Span {
	var blocks []Span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if b := trim(text, Span{start, end}); b.Start < b.End {
			blocks = append(blocks, b)
		}
		start = end + 1
	}
	return blocks
}

// blockOf returns the index of the block containing offset p, or of the
// last block starting before it.
func blockOf(blocks []Span, p int) int {
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
