//go:build js

package page

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Quote returns the page's own text of bytes [start, end) of S: the text
// of its text nodes, without the quote marks and separators Read put
// between them, as a TextQuoteSelector must quote it to be found in the
// document ("“Two.” — Emily Horne" is "Two.— Emily Horne" there).
func (t *Text) Quote(start, end int) string {
	start, end = t.clamp(start), t.clamp(end)
	var b strings.Builder
	for i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].end > start }); i < len(t.spans) && t.spans[i].start < end; i++ {
		b.WriteString(t.S[max(t.spans[i].start, start):min(t.spans[i].end, end)])
	}
	return b.String()
}

// BodyOffset maps a byte offset in S to the UTF-16 code-unit offset in
// document.body.textContent as it was before the widget changed anything:
// the text of widget elements is not counted, the text of skipped page
// elements (such as scripts) is. An offset between two texts, as a
// separator Read added is, maps to the start of the next text; the end of
// S maps to the end of the last text. Use it for the start of a passage.
func (t *Text) BodyOffset(b int) int {
	b = t.clamp(b)
	i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].end > b })
	if i == len(t.spans) {
		return t.bodyAt(i-1, b)
	}
	return t.bodyAt(i, b)
}

// BodyEnd is BodyOffset for the exclusive end of a passage: an offset
// between two texts maps to the end of the text before it, so the range
// [BodyOffset(start), BodyEnd(end)) of body.textContent holds no text that
// follows the passage, such as a skipped <script> or the whitespace
// between two blocks.
func (t *Text) BodyEnd(b int) int {
	b = t.clamp(b)
	i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].start >= b })
	if i == 0 {
		return t.bodyAt(0, b)
	}
	return t.bodyAt(i-1, b)
}

// clamp returns b within S, at the start of its character.
func (t *Text) clamp(b int) int {
	return runeFloor(t.S, min(max(b, 0), len(t.S)))
}

// bodyAt maps b to a body offset within span i, or to its start or end
// when b lies before or after it.
func (t *Text) bodyAt(i, b int) int {
	if len(t.spans) == 0 {
		return 0
	}
	sp := t.spans[i]
	return sp.body + utf16Len(t.S[sp.start:min(max(b, sp.start), sp.end)])
}

// utf16Len returns the number of UTF-16 code units of the valid UTF-8 s:
// one per rune, two for a rune outside the Basic Multilingual Plane (the
// runes whose encoding starts with a byte of 0xF0 or more). A lone
// surrogate in the page's string reached Go as one U+FFFD, which is one
// code unit too.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xC0 != 0x80 {
			n++
		}
		if c >= 0xF0 {
			n++
		}
	}
	return n
}

// runeFloor returns the largest rune boundary of s at or before i.
func runeFloor(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
