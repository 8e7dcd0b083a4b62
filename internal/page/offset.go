//go:build js

package page

import (
	"sort"
	"unicode/utf8"
)

// BodyOffset maps a byte offset in S to the UTF-16 code-unit offset in
// document.body.textContent as it was before the widget changed anything:
// the text of widget elements is not counted, the text of skipped page
// elements (such as scripts) is. A separator Read added maps to the offset
// of the next text; the end of S maps to the end of the last text.
func (t *Text) BodyOffset(b int) int {
	if len(t.spans) == 0 {
		return 0
	}
	b = runeFloor(t.S, min(max(b, 0), len(t.S)))
	i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].end > b })
	if i == len(t.spans) {
		last := t.spans[i-1]
		return last.body + utf16Len(t.S[last.start:last.end])
	}
	sp := t.spans[i]
	if b <= sp.start {
		return sp.body
	}
	return sp.body + utf16Len(t.S[sp.start:b])
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
