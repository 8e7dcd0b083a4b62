package passage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of a block.
type sentence struct {
	Span
	block   int
	speaker string
}

// splitSentences splits every block into sentences. A sentence ends at
// . ! ? or … (with the quote marks and brackets that close it) followed by
// a space and an upper-case letter, a digit, an opening mark or a letter
// of a script without case; or at the end of its block. A full stop after
// an abbreviation (Mr. U.S. e.g. J.) ends nothing, nor does a boundary
// inside quote marks when the quote goes on after it.
func splitSentences(text string, blocks []block, quotes []quote) []sentence {
	// The extents of the top-level quotes, without the blocks inserted
	// in them, in order.
	var outer []Span
	gapped := false
	for i := range quotes {
		if quotes[i].parent < 0 {
			outer = quotes[i].outside(outer)
			gapped = gapped || len(quotes[i].gaps) > 0
		}
	}
	if gapped { // the quotes in a gap come after the piece before it
		sort.Slice(outer, func(i, j int) bool { return outer[i].Start < outer[j].Start })
	}
	var out []sentence
	emit := func(s Span, block int) {
		if s = trim(text, s); s.Start < s.End {
			out = append(out, sentence{Span: s, block: block})
		}
	}
	k := 0 // the first quote in outer that may contain the current offset
	for bi := range blocks {
		b := blocks[bi].Span
		start := b.Start
		for i := b.Start; i < b.End; {
			r, size := utf8.DecodeRuneInString(text[i:b.End])
			if !isTerminator(r) {
				i += size
				continue
			}
			end, next, ok := sentenceEnd(text, b, i)
			for k < len(outer) && outer[k].End <= i {
				k++
			}
			if ok && k < len(outer) && outer[k].Start < i && end < outer[k].End {
				ok = false // inside a quote that goes on
			}
			if ok {
				emit(Span{start, end}, bi)
				start = next
			}
			i = max(end, next)
		}
		emit(Span{start, b.End}, bi)
	}
	return out
}

// EndsSentence reports whether a sentence of text ends between offsets
// from and to (the gap between two words), by the rules splitSentences
// cuts sentences with: "did not. Send" ends one, "not U.S. troops" and
// "Mr. Smith" do not. It reads the gap once, however many terminators it
// holds, and no more than abbrevReach bytes of the word before it.
func EndsSentence(text string, from, to int) bool {
	b := Span{max(0, from-abbrevReach), len(text)}
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if !isTerminator(r) {
			i += size
			continue
		}
		end, next, ok := sentenceEnd(text, b, i)
		if ok {
			return true
		}
		i = max(end, next, i+size) // past the run of terminators
	}
	return false
}

// abbrevReach is how far back isAbbrev needs to look: the longest
// abbreviation it knows, with its dots ("approx", "U.S.A.").
const abbrevReach = 16

// sentenceEnd looks at the terminator at offset i of block b and returns
// the end of the sentence it would close (after the terminators and the
// marks closing them), the start of the next sentence, and whether it does
// end a sentence.
func sentenceEnd(text string, b Span, i int) (end, next int, ok bool) {
	first, _ := utf8.DecodeRuneInString(text[i:])
	j := i
	for j < b.End {
		r, size := utf8.DecodeRuneInString(text[j:b.End])
		if !isTerminator(r) {
			break
		}
		j += size
	}
	fullStop := j == i+1 && first == '.'
	for j < b.End {
		r, size := utf8.DecodeRuneInString(text[j:b.End])
		if !isQuoteMark(r) && !strings.ContainsRune(")]}", r) {
			break
		}
		j += size
	}
	end, next = j, j
	for next < b.End {
		r, size := utf8.DecodeRuneInString(text[next:b.End])
		if !unicode.IsSpace(r) {
			break
		}
		next += size
	}
	switch {
	case next == b.End:
		return end, next, true
	case isCJKTerminator(first):
		return end, next, true
	case next == end: // no space after
		return end, next, false
	}
	r, _ := utf8.DecodeRuneInString(text[next:b.End])
	if !startsSentence(r) {
		return end, next, false
	}
	if fullStop && isAbbrev(wordBefore(text, b.Start, i)) {
		return end, next, false
	}
	return end, next, true
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '؟', '।':
		return true
	}
	return isCJKTerminator(r)
}

// isCJKTerminator reports whether r ends a sentence with no space after.
func isCJKTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// startsSentence reports whether a sentence can start with r.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) ||
		isQuoteMark(r) || strings.ContainsRune("([{¿¡", r) ||
		unicode.IsLetter(r) && !unicode.IsLower(r) // scripts without case
}

// wordBefore returns the letters, digits and dots just before offset i
// (not before from).
func wordBefore(text string, from, i int) string {
	j := i
	for j > from {
		r, size := utf8.DecodeLastRuneInString(text[from:j])
		if r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= size
	}
	return text[j:i]
}

// isAbbrev reports whether a full stop after w is part of an abbreviation:
// a title or month (Mr, Dr, St, Jan), an initial (J), or letters with
// dots (U.S, e.g).
func isAbbrev(w string) bool {
	if r, size := utf8.DecodeRuneInString(w); size == len(w) {
		return unicode.IsUpper(r)
	}
	if strings.Contains(w, ".") {
		for _, part := range strings.Split(w, ".") {
			if part == "" || len(part) > 3 || strings.IndexFunc(part, unicode.IsDigit) >= 0 {
				return false
			}
		}
		return true
	}
	i := sort.SearchStrings(abbrevs, w)
	return i < len(abbrevs) && abbrevs[i] == w
}

// abbrevs are the abbreviations a full stop follows inside a sentence,
// sorted.
var abbrevs = []string{
	"Adm", "Apr", "Aug", "Capt", "Col", "Cpl", "Dec", "Det", "Dr", "Feb",
	"Gen", "Gov", "Hon", "Jan", "Jr", "Jul", "Jun", "Lt", "Maj", "Mar",
	"Mr", "Mrs", "Ms", "Mt", "Nov", "Oct", "Pres", "Prof", "Rep", "Rev",
	"Sen", "Sep", "Sept", "Sgt", "Sr", "St", "approx", "etc", "vs",
}
