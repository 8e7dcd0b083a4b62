package textnorm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
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
	tmp []byte // scratch for NFKC and folding

	fold     cases.Caser
	haveFold bool

	cache [64]struct { // see single; r == 0 is an empty entry
		r    rune
		n    uint8
		form [11]byte
	}
}

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
	if c, size := utf8.DecodeRuneInString(r.s[start:]); c == utf8.RuneError && size == 1 {
		r.pos++
		return replacement, start, r.pos, true
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

// single returns the comparison form of seg, the single rune c, from the
// cache of recent runes: most non-ASCII runes of a text (quotes, dashes,
// accented letters) come back again and again.
func (r *reader) single(c rune, seg string) []byte {
	e := &r.cache[int(c)%len(r.cache)]
	if e.r == c {
		return e.form[:e.n]
	}
	r.segment(seg)
	if len(r.out) <= len(e.form) {
		e.r, e.n = c, uint8(copy(e.form[:], r.out))
	}
	return r.out
}

// segment sets r.out to the comparison form of one non-ASCII segment.
func (r *reader) segment(seg string) {
	r.tmp = norm.NFKC.AppendString(r.tmp[:0], seg)
	r.out = r.caseFold(r.out[:0], r.tmp)
	if !norm.NFKC.IsNormal(r.out) {
		// Folding can denormalise (a folded letter may compose with a
		// following mark); normalise again so the result is stable.
		r.tmp = norm.NFKC.Append(r.tmp[:0], r.out...)
		r.out = append(r.out[:0], r.tmp...)
	}
	r.tmp = append(r.tmp[:0], r.out...)
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

// caseFold appends the full case folding of src to dst.
func (r *reader) caseFold(dst, src []byte) []byte {
	if !r.haveFold {
		r.fold = cases.Fold()
		r.haveFold = true
	}
	dst = dst[:cap(dst)]
	if len(dst) < 2*len(src)+utf8.UTFMax {
		dst = make([]byte, 2*len(src)+utf8.UTFMax)
	}
	for {
		r.fold.Reset()
		n, _, err := r.fold.Transform(dst, src, true)
		if err != transform.ErrShortDst {
			return dst[:n]
		}
		dst = make([]byte, 2*len(dst))
	}
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
	// x/text's Fold swaps the case of Cherokee instead of folding it
	// (ꭲ→Ꭲ but Ꭲ→ꭲ); fold to the capital letters, as CaseFolding.txt does.
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
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !ignorable(c) {
			b = append(b, s[i:i+size]...)
			for j := range size {
				origin = append(origin, i+j)
			}
		}
		i += size
	}
	return string(b), origin
}
