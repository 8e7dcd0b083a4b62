package textnorm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A reader walks a text one normalisation segment at a time (a starter and
// the marks that follow it, or a single ASCII byte) and yields each
// segment's comparison form: NFKC, case-folded, with quotes, dashes and
// spaces mapped by mapRune. Segments are the unit of the offset maps:
// every output byte of a segment maps back to the segment's source span.
//
// The text given to a reader must not hold ignorable runes (see clean):
// removing them after NFKC could leave a mark after a different base.
type reader struct {
	s   string
	pos int
	out []byte // comparison form of the current non-ASCII segment
	tmp []byte // scratch for normalisation and folding

	// cache holds runes by their value modulo 256 (a script's block has no
	// collisions), allocated with the first rune that is not ASCII; see
	// lookup.
	cache *[256]runeInfo
}

// runeInfo is what the reader has learnt about one rune.
type runeInfo struct {
	r      rune     // 0: an empty entry (NUL is ASCII, never looked up)
	before bool     // a segment starts with it: it combines with nothing before it
	n      uint8    // the length of its form, or noForm
	form   [10]byte // its comparison form, alone in its segment
}

// noForm marks a rune whose comparison form is too long to keep.
const noForm = 0xff

// next advances to the next segment and returns its comparison form
// (possibly empty, valid until the next call) and its span [start, end) in
// r.s. ok is false at the end of the text.
func (r *reader) next() (form []byte, start, end int, ok bool) {
	start = r.pos
	if start >= len(r.s) {
		return nil, start, start, false
	}
	if c := r.s[start]; c < utf8.RuneSelf && (start+1 == len(r.s) || r.s[start+1] < utf8.RuneSelf) {
		// ASCII followed by ASCII: nothing can combine with it.
		r.pos++
		return asciiForm[c : c+1], start, r.pos, true
	}
	c, size := utf8.DecodeRuneInString(r.s[start:])
	if c == utf8.RuneError && size == 1 {
		r.pos++
		return replacement, start, r.pos, true
	}
	if r.startsSegment(start + size) {
		// Most runes make a segment of their own.
		r.pos += size
		if size == 1 {
			return asciiForm[c : c+1], start, r.pos, true
		}
		return r.single(c, r.s[start:r.pos]), start, r.pos, true
	}
	n := norm.NFKC.NextBoundaryInString(r.s[start:], true)
	if n <= 0 {
		n = len(r.s) - start
	}
	// An invalid byte is a segment of its own, whatever norm makes of it.
	for i := 0; i < n; {
		c, size := utf8.DecodeRuneInString(r.s[start+i : start+n])
		if c == utf8.RuneError && size == 1 {
			n = i
			break
		}
		i += size
	}
	// norm's boundaries go by the runes as written, but a rune whose
	// compatibility form combines backward (the compatibility jamo ㅡ is
	// the conjoining ᅳ, which joins the ᄀ before it into 그) belongs to
	// the segment before it.
	for k := 0; k < maxExtend && start+n < len(r.s) && !r.startsSegment(start+n); k++ {
		_, size := utf8.DecodeRuneInString(r.s[start+n:])
		n += size
	}
	r.pos += n
	seg := r.s[start:r.pos]
	if n == 1 {
		// ASCII before a rune that does not combine with it.
		return asciiForm[seg[0] : seg[0]+1], start, r.pos, true
	}
	if c, size := utf8.DecodeRuneInString(seg); size == n {
		return r.single(c, seg), start, r.pos, true
	}
	r.segment(seg)
	return r.out, start, r.pos, true
}

// maxExtend bounds the runes a segment takes past norm's boundary, so that
// a long run of such runes costs no more than norm's own longest segment.
const maxExtend = 30

// startsSegment reports whether a segment starts at offset i of r.s (i is
// not 0): at the end, at an ASCII byte or an invalid one (nothing combines
// with what comes before them), or at a rune that combines with nothing
// before it, neither as written nor in its comparison form.
func (r *reader) startsSegment(i int) bool {
	if i == len(r.s) || r.s[i] < utf8.RuneSelf {
		return true
	}
	c, size := utf8.DecodeRuneInString(r.s[i:])
	return c == utf8.RuneError && size == 1 || r.lookup(c, r.s[i:i+size]).before
}

// lookup returns what the reader knows of the rune c, encoded as seg,
// learning it if needed: most non-ASCII runes of a text (quotes, dashes,
// accented letters, the letters of other scripts) come back again and
// again.
func (r *reader) lookup(c rune, seg string) *runeInfo {
	if r.cache == nil {
		r.cache = new([256]runeInfo)
	}
	e := &r.cache[int(c)%len(r.cache)]
	if e.r != c {
		r.segment(seg)
		e.r, e.before, e.n = c, norm.NFKC.PropertiesString(seg).BoundaryBefore(), noForm
		if len(r.out) > 0 {
			// The form must not combine backward either: ㅡ's form ᅳ does.
			e.before = e.before && norm.NFKC.Properties(r.out).BoundaryBefore()
		}
		if len(r.out) <= len(e.form) {
			e.n = uint8(copy(e.form[:], r.out))
		}
	}
	return e
}

// single returns the comparison form of seg, the single rune c.
func (r *reader) single(c rune, seg string) []byte {
	if e := r.lookup(c, seg); e.n != noForm {
		return e.form[:e.n]
	}
	r.segment(seg)
	return r.out
}

// segment sets r.out to the comparison form of one non-ASCII segment: its
// compatibility decomposition (NFKD), case-folded rune by rune, composed
// again (NFKC), without ignorable runes, each rune mapped by mapRune.
// Folding the decomposed form is full case folding: the folds that expand
// (İ to i̇, ᾳ to αι, ŉ to ʼn) are decompositions, but for ß.
func (r *reader) segment(seg string) {
	r.tmp = norm.NFKD.AppendString(r.tmp[:0], seg)
	r.out = r.out[:0]
	for i := 0; i < len(r.tmp); {
		c, size := utf8.DecodeRune(r.tmp[i:])
		i += size
		r.out = appendFold(r.out, c)
	}
	r.tmp = norm.NFKC.Append(r.tmp[:0], r.out...)
	r.out = r.out[:0]
	for i := 0; i < len(r.tmp); {
		c, size := utf8.DecodeRune(r.tmp[i:])
		i += size
		if ignorable(c) {
			continue
		}
		r.out = utf8.AppendRune(r.out, mapRune(c))
	}
}

// appendFold appends the case folding of c to dst: the lower case of its
// upper case, for a rune that has other cases (ς, σ and Σ fold to σ; ı, which
// has none, stays ı), and ss for ß and ẞ.
func appendFold(dst []byte, c rune) []byte {
	switch {
	case c == 'ß' || c == 'ẞ':
		return append(dst, "ss"...)
	case unicode.SimpleFold(c) != c:
		c = unicode.ToLower(unicode.ToUpper(c))
	}
	return utf8.AppendRune(dst, c)
}

// replacement is the comparison form of an invalid byte.
var replacement = []byte(string(utf8.RuneError))

// asciiForm is the comparison form of each ASCII byte.
var asciiForm = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(mapRune(unicode.ToLower(rune(c))))
	}
	return t
}()

// mapRune maps a rune of NFKC, case-folded text to its comparison form:
// every double quote to ", every single quote and apostrophe to ', every
// dash to -, every space but '\n' to ' '. Invalid UTF-8 has already become
// U+FFFD.
func mapRune(c rune) rune {
	switch c {
	case '\n':
		return '\n'
	case '"', '“', '”', '„', '‟', '«', '»', '〝', '〞':
		return '"'
	case '\'', '‘', '’', '‚', '‛', '‹', '›', 'ʼ', '′', '`':
		return '\''
	case '−': // minus sign
		return '-'
	}
	// Cherokee folds to its capital letters (CaseFolding.txt), unlike every
	// other script.
	switch {
	case 0xAB70 <= c && c <= 0xABBF:
		return c - 0xAB70 + 0x13A0
	case 0x13F8 <= c && c <= 0x13FD:
		return c - 8
	}
	if unicode.IsSpace(c) {
		return ' '
	}
	if c >= utf8.RuneSelf && unicode.Is(unicode.Pd, c) {
		return '-'
	}
	return c
}

// ignorable reports whether c is dropped from normalised text: the soft
// hyphen and the zero-width characters.
func ignorable(c rune) bool {
	switch c {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// clean returns s without its ignorable runes. When it removed any, it
// also returns where each byte of the result comes from in s (the result's
// bytes are copies of s's, so the byte after clean[i] in s is at
// origin[i]+1); otherwise origin is nil and the result is s.
func clean(s string) (cleaned string, origin []int) {
	first := -1
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if ignorable(c) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	origin = make([]int, 0, len(s))
	removed := false // the rune before was removed
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		invalid := c == utf8.RuneError && size == 1
		switch {
		case ignorable(c):
			removed = true
		case invalid && removed && joins(b, s[i]):
			// Bytes that are not UTF-8 on both sides of what was
			// removed would join into a rune the text does not hold
			// ("\xc2\u00ad\xad" into a soft hyphen). Those before stay,
			// and separate as this one would.
		default:
			b = append(b, s[i:i+size]...)
			for j := range size {
				origin = append(origin, i+j)
			}
			removed = false
		}
		i += size
	}
	return string(b), origin
}

// joins reports whether byte c, appended to b, would end a rune that
// starts in b.
func joins(b []byte, c byte) bool {
	for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
		tail := append(b[len(b)-k:len(b):len(b)], c)
		if r, size := utf8.DecodeRune(tail); r != utf8.RuneError && size == len(tail) {
			return true
		}
	}
	return false
}
