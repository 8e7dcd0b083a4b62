package passage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is.
type tokKind uint8

const (
	word  tokKind = iota // letters and digits, with internal - ' ’ and dots
	punct                // one punctuation mark or symbol
	hole                 // a quote, marks included: its words are not the text's own
)

// token is one word, punctuation mark or quote of a sentence, as seen by
// the search for attribution cues.
type token struct {
	Span
	kind  tokKind
	quote int // for a hole, the index of the quote
}

// tokenize appends to toks the tokens of region of text. holes are the
// indexes of the quotes in region to be read as single tokens, in order;
// the words inside them are not read.
func tokenize(toks []token, text string, region Span, quotes []quote, holes []int) []token {
	h := 0
	for i := region.Start; i < region.End; {
		for h < len(holes) && quotes[holes[h]].close.End <= i {
			h++
		}
		limit := region.End
		if h < len(holes) {
			q := &quotes[holes[h]]
			if q.open.Start <= i && q.inGap(i) {
				h++ // the region is in a block inserted into q
				continue
			}
			if q.open.Start <= i {
				toks = append(toks, token{Span: q.extent(), kind: hole, quote: holes[h]})
				i = q.close.End
				continue
			}
			limit = min(limit, q.open.Start)
		}
		r, size := utf8.DecodeRuneInString(text[i:limit])
		switch {
		case unicode.IsSpace(r):
		case isWordRune(r):
			size = wordEnd(text, i, limit) - i
			toks = append(toks, token{Span: Span{i, i + size}, kind: word})
		default:
			toks = append(toks, token{Span: Span{i, i + size}, kind: punct})
		}
		i += size
	}
	return toks
}

// wordEnd returns the end of the word starting at i (not after limit):
// word runes joined by - ' ’ or a dot (Biden-Zelensky, official’s, U.S),
// with the full stop of an abbreviation (Mr., U.S.).
func wordEnd(text string, i, limit int) int {
	j := i
	for j < limit {
		r, size := utf8.DecodeRuneInString(text[j:limit])
		if !isWordRune(r) {
			if !strings.ContainsRune("-‐‑'’.", r) || j+size >= limit {
				break
			}
			if next, _ := utf8.DecodeRuneInString(text[j+size : limit]); !isWordRune(next) {
				break
			}
		}
		j += size
	}
	if j < limit && text[j] == '.' && isAbbrev(text[i:j]) {
		j++
	}
	return j
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
