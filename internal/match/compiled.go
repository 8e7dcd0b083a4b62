package match

import (
	"encoding/binary"
	"hash/crc32"
	"strconv"

	"factcheck/internal/bundle"
)

// A compiled bundle is a bundle and its Matcher, written by the publisher's
// tool (factcheck compile) so that the widget loads them without parsing
// JSON or indexing anything. The file:
//
//	offset  size  field
//	0       4     magic "FCB\x00"
//	4       2     format version (FormatVersion), little-endian
//	6       2     reserved, zero
//	8       4     payload length in bytes
//	12      4     CRC-32 (IEEE) of the payload
//	16      …     payload
//
// The payload is the length of the string blob and the blob (every string,
// once), then the bundle's statements and claims and the matcher's fields
// (the codecs below), each a column of little-endian numbers; a string is
// its offset and length in the blob.
const (
	Magic = "FCB\x00"
	// FormatVersion is the version of the format this package writes and
	// reads. Change it whenever the payload's layout changes (a field
	// added to a codec below, or removed).
	FormatVersion = 1
	headerSize    = 16
	// ContentType is the media type of a compiled bundle.
	ContentType = "application/vnd.factcheck.bundle"
)

// FormatError is a compiled bundle that cannot be read.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return "compiled bundle: " + e.Msg }

// IsCompiled reports whether data starts as a compiled bundle does.
func IsCompiled(data []byte) bool {
	return len(data) >= len(Magic) && string(data[:len(Magic)]) == Magic
}

// The codecs of the bundle. A new field of a Statement, Claim, Person or
// Source is one line here (TestCodecsCoverFields fails until it is).
var (
	personCodec = structOf("Person",
		fieldOf("Name", func(p *bundle.Person) *string { return &p.Name }, strs),
		fieldOf("JobTitle", func(p *bundle.Person) *string { return &p.JobTitle }, strs),
		fieldOf("Affiliation", func(p *bundle.Person) *string { return &p.Affiliation }, strs),
	)
	sourceCodec = structOf("Source",
		fieldOf("Name", func(s *bundle.Source) *string { return &s.Name }, strs),
		fieldOf("URL", func(s *bundle.Source) *string { return &s.URL }, strs),
	)
	statementCodec = structOf("Statement",
		fieldOf("ID", func(s *bundle.Statement) *string { return &s.ID }, strs),
		fieldOf("Text", func(s *bundle.Statement) *string { return &s.Text }, strs),
		fieldOf("Speaker", func(s *bundle.Statement) *bundle.Person { return &s.Speaker }, personCodec),
		fieldOf("Date", func(s *bundle.Statement) *string { return &s.Date }, strs),
		fieldOf("Source", func(s *bundle.Statement) *bundle.Source { return &s.Source }, sourceCodec),
	)
	claimCodec = structOf("Claim",
		fieldOf("ID", func(c *bundle.Claim) *string { return &c.ID }, strs),
		fieldOf("Text", func(c *bundle.Claim) *string { return &c.Text }, strs),
		fieldOf("Headline", func(c *bundle.Claim) *string { return &c.Headline }, strs),
		fieldOf("Variants", func(c *bundle.Claim) *[]string { return &c.Variants }, listOf(strs)),
		fieldOf("About", func(c *bundle.Claim) *[]string { return &c.About }, listOf(strs)),
		fieldOf("Claimant", func(c *bundle.Claim) *bundle.Person { return &c.Claimant }, personCodec),
		fieldOf("ClaimDate", func(c *bundle.Claim) *string { return &c.ClaimDate }, strs),
		fieldOf("Rating", func(c *bundle.Claim) *string { return &c.Rating }, strs),
		fieldOf("RatesTrue", func(c *bundle.Claim) *bool { return &c.RatesTrue }, bools),
		fieldOf("Reviewer", func(c *bundle.Claim) *bundle.Person { return &c.Reviewer }, personCodec),
		fieldOf("ReviewDate", func(c *bundle.Claim) *string { return &c.ReviewDate }, strs),
		fieldOf("URL", func(c *bundle.Claim) *string { return &c.URL }, strs),
		fieldOf("DisputedBy", func(c *bundle.Claim) *[]*bundle.Statement { return &c.DisputedBy }, listOf(statementRef)),
	)
	// The bundle's Warnings are not written: factcheck compile reports
	// them to the publisher.
	statementsCodec = listOf(pointers(statementCodec))
	claimsCodec     = listOf(pointers(claimCodec))

	statementRef = refTo("statement", func(e *encoder) map[*bundle.Statement]int32 { return e.statements },
		func(d *decoder) []*bundle.Statement { return d.statements })
	claimRef = refTo("claim", func(e *encoder) map[*bundle.Claim]int32 { return e.claims },
		func(d *decoder) []*bundle.Claim { return d.claims })
)

// What the matcher's numbers index.
var (
	wordID    = &refKind{name: "word", len: func(m *Matcher) int { return len(m.weight) }}
	wordOrNil = &refKind{name: "word", len: func(m *Matcher) int { return len(m.weight) }, none: true}
	stemID    = &refKind{name: "stem", len: func(m *Matcher) int { return len(m.stemText) }}
	docID     = &refKind{name: "statement", len: func(m *Matcher) int { return len(m.statements) }}
	wordingID = &refKind{name: "wording", len: func(m *Matcher) int { return len(m.wordings) }}
	claimID   = &refKind{name: "claim", len: func(m *Matcher) int { return len(m.claims) }}
)

// The codecs of the matcher. A new field of Matcher (or of the structs it
// holds) is one line here (TestCodecsCoverFields fails until it is); a
// number that indexes something is written with refs, and checked; a
// column that mostly rises is written as deltas.
var (
	wordInfoCodec = structOf("wordInfo",
		fieldOf("id", func(w *wordInfo) *int32 { return &w.id }, refs(wordOrNil, int32s)),
		fieldOf("stem", func(w *wordInfo) *int32 { return &w.stem }, refs(stemID, int32s)),
		fieldOf("flags", func(w *wordInfo) *uint8 { return &w.flags }, uint8s),
	)
	spanCodec = structOf("span32",
		fieldOf("start", func(s *span32) *int32 { return &s.start }, deltas),
		fieldOf("end", func(s *span32) *int32 { return &s.end }, deltas),
	)
	postingCodec = structOf("posting",
		fieldOf("doc", func(p *posting) *int32 { return &p.doc }, refs(docID, deltas)),
		fieldOf("pos", func(p *posting) *int32 { return &p.pos }, int32s),
	)
	statementEntryCodec = structOf("statementEntry",
		fieldOf("s", func(s *statementEntry) **bundle.Statement { return &s.s }, statementRef),
		fieldOf("ids", func(s *statementEntry) *[]int32 { return &s.ids }, listOf(refs(wordID, int32s))),
		fieldOf("spans", func(s *statementEntry) *[]span32 { return &s.spans }, listOf(spanCodec)),
		fieldOf("speaker", func(s *statementEntry) *[]int32 { return &s.speaker }, listOf(refs(stemID, int32s))),
	)
	termCodec = structOf("term",
		fieldOf("stem", func(t *term) *int32 { return &t.stem }, refs(stemID, int32s)),
		fieldOf("weight", func(t *term) *float64 { return &t.weight }, float64s),
		fieldOf("name", func(t *term) *bool { return &t.name }, bools),
		fieldOf("number", func(t *term) *bool { return &t.number }, bools),
	)
	wordingEntryCodec = structOf("wordingEntry",
		fieldOf("claim", func(w *wordingEntry) *int32 { return &w.claim }, refs(claimID, int32s)),
		fieldOf("headline", func(w *wordingEntry) *bool { return &w.headline }, bools),
		fieldOf("ids", func(w *wordingEntry) *[]int32 { return &w.ids }, listOf(refs(wordID, int32s))),
		fieldOf("terms", func(w *wordingEntry) *[]term { return &w.terms }, listOf(termCodec)),
		fieldOf("total", func(w *wordingEntry) *float64 { return &w.total }, float64s),
		fieldOf("negated", func(w *wordingEntry) *bool { return &w.negated }, bools),
		fieldOf("denies", func(w *wordingEntry) *bool { return &w.denies }, bools),
		fieldOf("bm25", func(w *wordingEntry) *float64 { return &w.bm25 }, float64s),
	)
	claimEntryCodec = structOf("claimEntry",
		fieldOf("c", func(c *claimEntry) **bundle.Claim { return &c.c }, claimRef),
		fieldOf("subject", func(c *claimEntry) *[]int32 { return &c.subject }, listOf(refs(stemID, int32s))),
		fieldOf("wordings", func(c *claimEntry) *[]int32 { return &c.wordings }, listOf(refs(wordingID, int32s))),
	)
	matcherCodec = structOf("Matcher",
		fieldOf("words", func(m *Matcher) *map[string]wordInfo { return &m.words }, mapOf(strs, wordInfoCodec)),
		fieldOf("stems", func(m *Matcher) *map[string]int32 { return &m.stems }, mapOf(strs, refs(stemID, int32s))),
		fieldOf("stemText", func(m *Matcher) *[]string { return &m.stemText }, listOf(strs)),
		fieldOf("stemMask", func(m *Matcher) *[]uint64 { return &m.stemMask }, listOf(uint64s)),
		fieldOf("weight", func(m *Matcher) *[]float64 { return &m.weight }, listOf(float64s)),
		fieldOf("common", func(m *Matcher) *[]bool { return &m.common }, listOf(bools)),
		fieldOf("idStem", func(m *Matcher) *[]int32 { return &m.idStem }, listOf(refs(stemID, int32s))),
		fieldOf("statements", func(m *Matcher) *[]statementEntry { return &m.statements }, listOf(statementEntryCodec)),
		fieldOf("postStart", func(m *Matcher) *[]int32 { return &m.postStart }, listOf(deltas)),
		fieldOf("postings", func(m *Matcher) *[]posting { return &m.postings }, listOf(postingCodec)),
		fieldOf("claims", func(m *Matcher) *[]claimEntry { return &m.claims }, listOf(claimEntryCodec)),
		fieldOf("wordings", func(m *Matcher) *[]wordingEntry { return &m.wordings }, listOf(wordingEntryCodec)),
		fieldOf("wordingStart", func(m *Matcher) *[]int32 { return &m.wordingStart }, listOf(deltas)),
		fieldOf("wordingPosts", func(m *Matcher) *[]int32 { return &m.wordingPosts }, listOf(refs(wordingID, deltas))),
		fieldOf("stemWeight", func(m *Matcher) *[]float64 { return &m.stemWeight }, listOf(float64s)),
		fieldOf("maxWeight", func(m *Matcher) *float64 { return &m.maxWeight }, float64s),
	)
)

// Encode writes b and m, the Matcher built from it (New(b)), as a compiled
// bundle. It fails only when m does not belong to b.
func Encode(b *bundle.Bundle, m *Matcher) ([]byte, error) {
	e := &encoder{at: map[string]uint32{}, statements: map[*bundle.Statement]int32{}, claims: map[*bundle.Claim]int32{}}
	for i, s := range b.Statements {
		e.statements[s] = int32(i)
	}
	for i, c := range b.Claims {
		e.claims[c] = int32(i)
	}
	statementsCodec.put(e, [][]*bundle.Statement{b.Statements})
	claimsCodec.put(e, [][]*bundle.Claim{b.Claims})
	matcherCodec.put(e, []Matcher{*m})
	if e.err != nil {
		return nil, e.err
	}
	payload := binary.LittleEndian.AppendUint32(make([]byte, 0, 4+len(e.blob)+len(e.body)), uint32(len(e.blob)))
	payload = append(append(payload, e.blob...), e.body...)
	out := make([]byte, headerSize, headerSize+len(payload))
	copy(out, Magic)
	binary.LittleEndian.PutUint16(out[4:], FormatVersion)
	binary.LittleEndian.PutUint32(out[8:], uint32(len(payload)))
	binary.LittleEndian.PutUint32(out[12:], crc32.ChecksumIEEE(payload))
	return append(out, payload...), nil
}

// Decode reads a compiled bundle: the bundle and its Matcher, ready to
// use. Its errors are *FormatError and say what is wrong: not a compiled
// bundle, another format version, a checksum mismatch, where the input
// ends too soon, a count or a number out of range.
func Decode(data []byte) (*Matcher, *bundle.Bundle, error) {
	return DecodePausing(data, nil)
}

// DecodePausing is Decode calling pause (if not nil) between columns and
// between megabytes of the checksum: a caller in a browser gives the page
// a turn there.
func DecodePausing(data []byte, pause func()) (*Matcher, *bundle.Bundle, error) {
	if pause == nil {
		pause = func() {}
	}
	if err := checkHeader(data, pause); err != nil {
		return nil, nil, err
	}
	return decodePayload(data[headerSize:], headerSize, pause)
}

// checksumChunk is how many bytes the checksum covers between pauses.
const checksumChunk = 1 << 20

// checkHeader checks the magic, the version, the length and the checksum.
func checkHeader(data []byte, pause func()) error {
	if !IsCompiled(data) {
		n := min(len(data), len(Magic))
		return &FormatError{Msg: "bad magic " + strconv.Quote(string(data[:n])) + " (want " + strconv.Quote(Magic) + ")"}
	}
	if len(data) < headerSize {
		return &FormatError{Msg: "truncated at byte " + strconv.Itoa(len(data)) + ": the header is " + strconv.Itoa(headerSize) + " bytes"}
	}
	if v := binary.LittleEndian.Uint16(data[4:]); v != FormatVersion {
		return &FormatError{Msg: "format version " + strconv.Itoa(int(v)) + " not supported (want " + strconv.Itoa(FormatVersion) +
			"): compile the bundle again with this widget's factcheck tool"}
	}
	n := uint64(binary.LittleEndian.Uint32(data[8:]))
	if have := uint64(len(data) - headerSize); have < n {
		return &FormatError{Msg: "truncated at byte " + strconv.Itoa(len(data)) + ": the header promises " +
			strconv.FormatUint(headerSize+n, 10) + " bytes"}
	} else if have > n {
		return &FormatError{Msg: strconv.FormatUint(have-n, 10) + " bytes after the payload's end at byte " + strconv.FormatUint(headerSize+n, 10)}
	}
	var sum uint32
	for rest := data[headerSize:]; len(rest) > 0; pause() {
		n := min(len(rest), checksumChunk)
		sum, rest = crc32.Update(sum, crc32.IEEETable, rest[:n]), rest[n:]
	}
	if want := binary.LittleEndian.Uint32(data[12:]); sum != want {
		return &FormatError{Msg: "checksum mismatch (CRC-32 " + hex32(sum) + ", the header says " + hex32(want) + "): the file is corrupted"}
	}
	return nil
}

func hex32(v uint32) string { return "0x" + strconv.FormatUint(uint64(v), 16) }

// decodePayload reads the payload that starts at byte base of the file.
func decodePayload(payload []byte, base int, pause func()) (*Matcher, *bundle.Bundle, error) {
	d := &decoder{data: payload, base: base, field: "string blob", pause: pause}
	blob := d.take(d.count(1))
	if d.err != nil {
		return nil, nil, d.err
	}
	d.blob = string(blob)
	b := &bundle.Bundle{}
	lists := [][]*bundle.Statement{nil}
	d.field = "Bundle.Statements"
	if statementsCodec.get(d, lists); d.err != nil {
		return nil, nil, d.err
	}
	b.Statements, d.statements = lists[0], lists[0]
	claims := [][]*bundle.Claim{nil}
	d.field = "Bundle.Claims"
	if claimsCodec.get(d, claims); d.err != nil {
		return nil, nil, d.err
	}
	b.Claims, d.claims = claims[0], claims[0]
	ms := []Matcher{{}}
	d.field = ""
	if matcherCodec.get(d, ms); d.err != nil {
		return nil, nil, d.err
	}
	m := &ms[0]
	if d.off != len(d.data) {
		return nil, nil, &FormatError{Msg: strconv.Itoa(len(d.data)-d.off) + " bytes left over at byte " + strconv.Itoa(base+d.off)}
	}
	if err := d.checkRefs(m); err != nil {
		return nil, nil, err
	}
	if err := m.checkShape(); err != nil {
		return nil, nil, err
	}
	return m, b, nil
}

// checkShape checks what checkRefs cannot: the arrays that go together
// have the same length, the offsets into postings and wordingPosts rise,
// and each position is inside its statement. A matcher that passes is
// safe to scan with, whatever its numbers say.
func (m *Matcher) checkShape() error {
	words, stems := len(m.weight), len(m.stemText)
	for _, c := range []struct {
		field     string
		have, put int
	}{
		{"common", len(m.common), words},
		{"idStem", len(m.idStem), words},
		{"postStart", len(m.postStart), words + 1},
		{"stemMask", len(m.stemMask), stems},
		{"stemWeight", len(m.stemWeight), stems},
		{"wordingStart", len(m.wordingStart), stems + 1},
	} {
		if c.have != c.put {
			return &FormatError{Msg: "Matcher." + c.field + " has " + strconv.Itoa(c.have) + " entries, want " + strconv.Itoa(c.put)}
		}
	}
	if err := checkOffsets("postStart", m.postStart, len(m.postings)); err != nil {
		return err
	}
	if err := checkOffsets("wordingStart", m.wordingStart, len(m.wordingPosts)); err != nil {
		return err
	}
	for i, p := range m.postings {
		if p.pos < 0 || int(p.pos) >= len(m.statements[p.doc].ids) {
			return &FormatError{Msg: "Matcher.postings[" + strconv.Itoa(i) + "]: position out of range"}
		}
	}
	for i, st := range m.statements {
		if len(st.spans) != len(st.ids) {
			return &FormatError{Msg: "Matcher.statements[" + strconv.Itoa(i) + "]: " + strconv.Itoa(len(st.spans)) +
				" spans for " + strconv.Itoa(len(st.ids)) + " words"}
		}
		for _, sp := range st.spans {
			if sp.start < 0 || sp.start > sp.end || int(sp.end) > len(st.s.Text) {
				return &FormatError{Msg: "Matcher.statements[" + strconv.Itoa(i) + "]: a word's span is out of its text"}
			}
		}
	}
	return nil
}

// checkOffsets checks that start[0] is 0, that the offsets never fall,
// and that the last is n.
func checkOffsets(field string, start []int32, n int) error {
	for i := range start {
		if i == 0 && start[0] != 0 || i > 0 && start[i] < start[i-1] || i == len(start)-1 && int(start[i]) != n {
			return &FormatError{Msg: "Matcher." + field + "[" + strconv.Itoa(i) + "] out of order"}
		}
	}
	return nil
}
