package passage

import "strings"

// Cut returns the end of a segment of text that starts at start (0 or an
// end Cut returned) and runs over at least size bytes, or to the end of
// the text, so that a long text can be searched a segment at a time with
// FindIn. A segment ends at a block boundary before a block that no quote
// can go on into: one that neither opens with a quote mark (English
// style, “…\n“…”), nor closes one (“…\n…,” she said), nor is short
// enough to be something the page inserted between a quote's paragraphs.
//
// What FindIn finds in the segments is what Find finds in the whole text,
// except that a speaker named only in a neighbouring block across a cut
// is not found.
func Cut(text string, start, size int) int {
	for at := start + size; at < len(text); {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			break
		}
		at += i + 1
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		b := trim(text, Span{at, end})
		if b.Start < b.End && !isQuoteMark(firstRune(text[b.Start:])) && !short(text, b) &&
			!closesFirst(text, b, 0) {
			return at
		}
	}
	return len(text)
}

// FindIn is Find over the segment text[start:end], with offsets in text.
func FindIn(text string, start, end int) []Passage {
	ps := Find(text[start:end])
	for i := range ps {
		p := &ps[i]
		p.Span = p.Span.shift(start)
		p.Sentence = p.Sentence.shift(start)
		p.Para = p.Para.shift(start)
	}
	return ps
}

func (s Span) shift(by int) Span { return Span{s.Start + by, s.End + by} }
