// Package textnorm normalises text for comparison while keeping a map back
// to the original bytes, so that a match found in normalised words can be
// highlighted in the page's own text.
//
// The comparison form of a text is its NFKC form, case-folded, with every
// quote style folded to " or ', every dash to -, every run of spaces to one
// space ('\n' kept: it marks a block boundary), and the soft hyphen and the
// zero-width characters removed. Normalize returns that form whole; Words
// splits it into words.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text, normalised for comparison.
type Word struct {
	// Norm is the word's comparison form: NFKC, case-folded, apostrophes
	// folded to ', soft hyphen and zero-width characters removed.
	Norm string
	// Start, End is the byte span [Start, End) of the word in the original
	// text. A single source character that NFKC expands into several words
	// (½ is 1⁄2) gives each of them its span.
	Start, End int
	// Gap is set when an ellipsis (… or ... or . . .) stands before the
	// word: words were omitted there.
	Gap bool
	// Break is set when a block boundary ('\n') stands before the word.
	Break bool
}

// Words splits s into normalised words.
//
// A word is a run of letters, digits and combining marks, with internal
// apostrophes kept (don't, Ukraine’s → ukraine's) and a . or , between
// digits kept (1.5, 10,000). Apostrophes and quote marks at a word's edges
// are not part of it ('leaking' → leaking, the ’90s → 90s). Hyphens and
// dashes separate words. "&" is the word "and" (its span is the & itself).
// Everything else separates words.
//
// Gap and Break describe what stands before a word, also for the first one.
func Words(s string) []Word {
	return AppendWords(nil, s)
}

// AppendWords is Words appending to dst, to avoid allocation in hot loops.
// When a word's comparison form is the same bytes as its source, its Norm
// is a substring of s and costs no allocation.
func AppendWords(dst []Word, s string) []Word {
	dst, _ = NewSplitter(s).Next(dst, len(s))
	return dst
}

// A Splitter splits a text into words a part at a time, for a caller that
// must give the CPU back now and then: reading a whole text with Next gives
// the words Words gives.
type Splitter struct {
	t      tokenizer
	origin []int // see clean
	done   bool
}

// NewSplitter returns a Splitter of the words of s.
func NewSplitter(s string) *Splitter {
	sp := &Splitter{}
	sp.Reset(s)
	return sp
}

// Reset makes sp a Splitter of the words of s, keeping what it learnt of
// the runes it met: splitting many short texts with one Splitter is
// faster.
func (sp *Splitter) Reset(s string) {
	c, origin := clean(s)
	*sp = Splitter{
		t: tokenizer{s: s, buf: sp.t.buf[:0], norms: sp.t.norms, copied: sp.t.copied,
			r: reader{s: c, out: sp.t.r.out, tmp: sp.t.r.tmp, cache: sp.t.r.cache}},
		origin: origin,
	}
}

// Next reads about n more bytes of the text (at least one character, and
// on to the end of a run of ASCII letters and digits), appends the words
// it completes to dst, and reports whether the text is done.
func (sp *Splitter) Next(dst []Word, n int) ([]Word, bool) {
	t := &sp.t
	if sp.done {
		return dst, true
	}
	t.dst = dst
	limit := t.r.pos + max(n, 1)
	for t.r.pos < limit {
		if sp.origin == nil && t.asciiRun() {
			continue
		}
		form, start, end, ok := t.r.next()
		if !ok {
			break
		}
		if sp.origin != nil {
			start, end = sp.origin[start], sp.origin[end-1]+1
		}
		for i := 0; i < len(form); {
			ch, size := utf8.DecodeRune(form[i:])
			t.rune(ch, form[i:i+size], start, end)
			i += size
		}
	}
	if t.r.pos >= len(t.r.s) {
		t.flush()
		sp.done = true
	}
	dst, t.dst = t.dst, nil
	return dst, sp.done
}

// A tokenizer groups the runes of a text's comparison form into words.
type tokenizer struct {
	s   string
	dst []Word
	r   reader

	inWord     bool
	start, end int    // span in s of the word being read
	lastDigit  bool   // its last rune is a digit
	verbatim   bool   // its Norm is s[start:end]
	buf        []byte // its Norm, unless verbatim
	// norms holds recent Norms that are not substrings of s, by a hash of
	// their bytes, so that a capitalised word met again costs no
	// allocation. It is allocated once copied has counted a few such
	// words: a short text does not need it.
	norms  *[256]string
	copied int

	pending            []byte // ', . or , seen inside a word, kept if a word rune follows
	pendStart, pendEnd int

	dots     int  // full stops seen since the last word, spaces aside
	gap, brk bool // an ellipsis, a '\n' seen since the last word
}

// rune feeds one rune ch, encoded as enc, of the comparison form, from
// the source span [start, end).
func (t *tokenizer) rune(ch rune, enc []byte, start, end int) {
	if isWordRune(ch) {
		if !t.inWord {
			t.inWord, t.verbatim = true, true
			t.start, t.end = start, start
		}
		if t.pending != nil {
			t.add(t.pending, t.pendStart, t.pendEnd)
			t.pending = nil
		}
		t.add(enc, start, end)
		t.lastDigit = unicode.IsDigit(ch)
		return
	}
	if t.inWord && t.pending == nil && (ch == '\'' || (ch == '.' || ch == ',') && t.lastDigit) {
		t.pending = asciiForm[ch : ch+1] // enc does not outlive the segment
		t.pendStart, t.pendEnd = start, end
		return
	}
	t.flush()
	switch ch {
	case '&':
		t.emit("and", start, end)
	case '.':
		if t.dots++; t.dots >= 3 {
			t.gap = true
		}
	case '\n':
		t.brk = true
	case ' ':
	default:
		t.dots = 0
	}
}

// asciiRun reads, at the reader's position, a run of ASCII letters and
// digits at once, or a space; it reports whether there was one. A
// lower-case letter or a digit is its own comparison form. The run leaves
// its last byte to the reader when a non-ASCII rune follows it, which might
// combine with it. The text must be s itself (clean removed nothing).
func (t *tokenizer) asciiRun() bool {
	s, i := t.r.s, t.r.pos
	j := i
	for j < len(s) && asciiAlnum[s[j]] {
		j++
	}
	if j < len(s) && s[j] >= utf8.RuneSelf {
		j--
	}
	if j <= i {
		if i+1 < len(s) && s[i] == ' ' && s[i+1] < utf8.RuneSelf {
			t.flush() // what rune(' ') does
			t.r.pos++
			return true
		}
		return false
	}
	if !t.inWord {
		t.inWord, t.verbatim = true, true
		t.start, t.end = i, i
	}
	if t.pending != nil {
		t.add(t.pending, t.pendStart, t.pendEnd)
		t.pending = nil
	}
	k := i
	if t.verbatim && i == t.end {
		for k < j && (s[k] < 'A' || s[k] > 'Z') {
			k++
		}
		t.end = k
	}
	if k < j {
		if t.verbatim {
			t.verbatim = false
			t.buf = append(t.buf[:0], t.s[t.start:t.end]...)
		}
		for ; k < j; k++ {
			t.buf = append(t.buf, asciiForm[s[k]])
		}
	}
	t.end = j
	t.lastDigit = s[j-1] <= '9'
	t.r.pos = j
	return true
}

// asciiAlnum tells the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// flush ends the word being read, if any; a pending character that no word
// rune followed becomes a separator.
func (t *tokenizer) flush() {
	if !t.inWord {
		return
	}
	t.inWord = false
	if t.verbatim {
		t.emit(t.s[t.start:t.end], t.start, t.end)
	} else {
		t.emit(t.norm(), t.start, t.end)
	}
	if p := t.pending; p != nil {
		t.pending = nil
		t.rune(rune(p[0]), p, t.pendStart, t.pendEnd)
	}
}

// norm returns t.buf as a string, from t.norms if it is there.
func (t *tokenizer) norm() string {
	if t.norms == nil {
		if t.copied++; t.copied < 8 {
			return string(t.buf)
		}
		t.norms = new([256]string)
	}
	h := uint32(2166136261) // FNV-1a
	for _, b := range t.buf {
		h = (h ^ uint32(b)) * 16777619
	}
	e := &t.norms[h%uint32(len(t.norms))]
	if *e != string(t.buf) {
		*e = string(t.buf)
	}
	return *e
}

// add appends enc, from the source span [start, end), to the word being
// read. While the word's comparison form is a copy of its source, nothing
// is copied: Norm will be a substring of s.
func (t *tokenizer) add(enc []byte, start, end int) {
	if t.verbatim {
		if start == t.end && t.s[start:end] == string(enc) {
			t.end = end
			return
		}
		t.verbatim = false
		t.buf = append(t.buf[:0], t.s[t.start:t.end]...)
	}
	t.buf = append(t.buf, enc...)
	t.end = end
}

// emit appends a word and resets the separator state.
func (t *tokenizer) emit(norm string, start, end int) {
	t.dst = append(t.dst, Word{Norm: norm, Start: start, End: end, Gap: t.gap, Break: t.brk})
	t.gap, t.brk, t.dots = false, false, 0
}

// isWordRune reports whether ch belongs to words: letters, digits (any
// number) and combining marks.
func isWordRune(ch rune) bool {
	if ch < utf8.RuneSelf {
		return 'a' <= ch && ch <= 'z' || '0' <= ch && ch <= '9' || 'A' <= ch && ch <= 'Z'
	}
	return unicode.IsLetter(ch) || unicode.IsNumber(ch) || unicode.IsMark(ch)
}

// Normalize returns the comparison form of the whole of s (see the package
// doc; … becomes ..., & stays &) and a map back to s: toOrig has
// len(norm)+1 entries, toOrig[i] is the byte offset in s of the source of
// norm's byte i, and toOrig[len(norm)] == len(s). toOrig is non-decreasing.
func Normalize(s string) (norm string, toOrig []int) {
	c, origin := clean(s)
	r := reader{s: c}
	out := make([]byte, 0, len(s))
	toOrig = make([]int, 0, len(s)+1)
	emit := func(b []byte, at int) {
		out = append(out, b...)
		for range b {
			toOrig = append(toOrig, at)
		}
	}
	space := []byte{' '}
	inSpace, sawNewline, spaceAt := false, false, 0
	for {
		form, start, _, ok := r.next()
		if !ok {
			break
		}
		if origin != nil {
			start = origin[start]
		}
		for i := 0; i < len(form); {
			ch, size := utf8.DecodeRune(form[i:])
			switch ch {
			case ' ':
				if !inSpace {
					inSpace, sawNewline, spaceAt = true, false, start
				}
			case '\n':
				inSpace, sawNewline = true, true
				emit(form[i:i+size], start)
			default:
				if inSpace && !sawNewline {
					emit(space, spaceAt)
				}
				inSpace = false
				emit(form[i:i+size], start)
			}
			i += size
		}
	}
	if inSpace && !sawNewline {
		emit(space, spaceAt)
	}
	return string(out), append(toOrig, len(s))
}

// Key is the words of s joined by single spaces: two strings with the same
// Key are the same words.
func Key(s string) string {
	var b strings.Builder
	for i, w := range Words(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Norm)
	}
	return b.String()
}
