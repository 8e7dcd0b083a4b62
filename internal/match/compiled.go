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
	FormatVersion = 2
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

// The codec of the bundle and of the matcher: a function per struct that
// writes it and one that reads it, a column per field in the same order.
// A new field of a Statement, Claim, Person or Source, of Matcher or of a
// struct it holds, is a line in each (TestCodecsCoverFields fails until it
// is, and FormatVersion must change). A number that indexes something is
// read with refs, and checked; a column that mostly rises is written as
// deltas. A struct's reader takes the name of the column it is in from
// d.field, and the fewest bytes one of its values takes is its ...Size,
// so that a hostile count cannot make the reader allocate much more than
// the input's size.

// newEncoder returns an encoder for b and its matcher, which refer to b's
// statements and claims by index.
func newEncoder(b *bundle.Bundle) *encoder {
	e := &encoder{at: map[string]uint32{}, statements: map[*bundle.Statement]int32{}, claims: map[*bundle.Claim]int32{}}
	for i, s := range b.Statements {
		e.statements[s] = int32(i)
	}
	for i, c := range b.Claims {
		e.claims[c] = int32(i)
	}
	return e
}

// encode writes the bundle's statements and claims, then the matcher. The
// bundle's Warnings are not written: factcheck compile reports them to the
// publisher.
func (e *encoder) encode(b *bundle.Bundle, m *Matcher) {
	e.statementList(b.Statements)
	e.claimList(b.Claims)
	e.matcher(m)
}

// decode reads what encode writes.
func (d *decoder) decode() (*Matcher, *bundle.Bundle) {
	b := &bundle.Bundle{}
	d.field = "Bundle.Statements"
	b.Statements = d.statementList()
	d.statements = b.Statements
	d.field = "Bundle.Claims"
	b.Claims = d.claimList()
	d.claims = b.Claims
	d.field = "Matcher"
	m := &Matcher{}
	d.matcher(m)
	return m, b
}

func (e *encoder) persons(ps []bundle.Person) {
	e.col("Person", "Name").strs(gather(ps, func(p *bundle.Person) string { return p.Name }))
	e.col("Person", "JobTitle").strs(gather(ps, func(p *bundle.Person) string { return p.JobTitle }))
	e.col("Person", "Affiliation").strs(gather(ps, func(p *bundle.Person) string { return p.Affiliation }))
	e.col("Person", "AlternateNames").strs(lists(e, gather(ps, func(p *bundle.Person) []string { return p.AlternateNames })))
}

// personSize: three strings and a list of strings.
const personSize = 3*8 + 4

func (d *decoder) persons(ps []bundle.Person) []bundle.Person {
	at := d.field
	for i, s := range d.col(at, "Person", "Name").strs(d.tmpStrs(len(ps))) {
		ps[i].Name = s
	}
	for i, s := range d.col(at, "Person", "JobTitle").strs(d.tmpStrs(len(ps))) {
		ps[i].JobTitle = s
	}
	for i, s := range d.col(at, "Person", "Affiliation").strs(d.tmpStrs(len(ps))) {
		ps[i].Affiliation = s
	}
	altStarts := d.col(at, "Person", "AlternateNames").lengths(len(ps), 8)
	alts := d.strs(make([]string, altStarts[len(ps)]))
	for i := range ps {
		ps[i].AlternateNames = sub(alts, altStarts, i)
	}
	return ps
}

func (e *encoder) sources(ss []bundle.Source) {
	e.col("Source", "Name").strs(gather(ss, func(s *bundle.Source) string { return s.Name }))
	e.col("Source", "URL").strs(gather(ss, func(s *bundle.Source) string { return s.URL }))
}

const sourceSize = 2 * 8

func (d *decoder) sources(ss []bundle.Source) []bundle.Source {
	at := d.field
	for i, s := range d.col(at, "Source", "Name").strs(d.tmpStrs(len(ss))) {
		ss[i].Name = s
	}
	for i, s := range d.col(at, "Source", "URL").strs(d.tmpStrs(len(ss))) {
		ss[i].URL = s
	}
	return ss
}

// The bundle's statements are a list of them; the values read are in one
// array.
func (e *encoder) statementList(ps []*bundle.Statement) {
	ss := make([]bundle.Statement, len(ps))
	for i, p := range ps {
		ss[i] = *p
	}
	ss = lists(e, [][]bundle.Statement{ss})
	e.col("Statement", "ID").strs(gather(ss, func(s *bundle.Statement) string { return s.ID }))
	e.col("Statement", "Text").strs(gather(ss, func(s *bundle.Statement) string { return s.Text }))
	e.col("Statement", "Speaker").persons(gather(ss, func(s *bundle.Statement) bundle.Person { return s.Speaker }))
	e.col("Statement", "Date").strs(gather(ss, func(s *bundle.Statement) string { return s.Date }))
	e.col("Statement", "Source").sources(gather(ss, func(s *bundle.Statement) bundle.Source { return s.Source }))
}

const statementSize = 3*8 + personSize + sourceSize

func (d *decoder) statementList() []*bundle.Statement {
	at := d.field
	ss := make([]bundle.Statement, d.list(statementSize))
	for i, s := range d.col(at, "Statement", "ID").strs(d.tmpStrs(len(ss))) {
		ss[i].ID = s
	}
	for i, s := range d.col(at, "Statement", "Text").strs(d.tmpStrs(len(ss))) {
		ss[i].Text = s
	}
	for i, p := range d.col(at, "Statement", "Speaker").persons(make([]bundle.Person, len(ss))) {
		ss[i].Speaker = p
	}
	for i, s := range d.col(at, "Statement", "Date").strs(d.tmpStrs(len(ss))) {
		ss[i].Date = s
	}
	for i, s := range d.col(at, "Statement", "Source").sources(make([]bundle.Source, len(ss))) {
		ss[i].Source = s
	}
	if d.err != nil || len(ss) == 0 {
		return nil
	}
	ps := make([]*bundle.Statement, len(ss))
	for i := range ss {
		ps[i] = &ss[i]
	}
	return ps
}

func (e *encoder) claimList(ps []*bundle.Claim) {
	cs := make([]bundle.Claim, len(ps))
	for i, p := range ps {
		cs[i] = *p
	}
	cs = lists(e, [][]bundle.Claim{cs})
	e.col("Claim", "ID").strs(gather(cs, func(c *bundle.Claim) string { return c.ID }))
	e.col("Claim", "Text").strs(gather(cs, func(c *bundle.Claim) string { return c.Text }))
	e.col("Claim", "Headline").strs(gather(cs, func(c *bundle.Claim) string { return c.Headline }))
	e.col("Claim", "Variants").strs(lists(e, gather(cs, func(c *bundle.Claim) []string { return c.Variants })))
	e.col("Claim", "About").strs(lists(e, gather(cs, func(c *bundle.Claim) []string { return c.About })))
	e.col("Claim", "Claimant").persons(gather(cs, func(c *bundle.Claim) bundle.Person { return c.Claimant }))
	e.col("Claim", "ClaimDate").strs(gather(cs, func(c *bundle.Claim) string { return c.ClaimDate }))
	e.col("Claim", "Rating").strs(gather(cs, func(c *bundle.Claim) string { return c.Rating }))
	e.col("Claim", "RatesTrue").bools(gather(cs, func(c *bundle.Claim) bool { return c.RatesTrue }))
	e.col("Claim", "Reviewer").persons(gather(cs, func(c *bundle.Claim) bundle.Person { return c.Reviewer }))
	e.col("Claim", "ReviewDate").strs(gather(cs, func(c *bundle.Claim) string { return c.ReviewDate }))
	e.col("Claim", "URL").strs(gather(cs, func(c *bundle.Claim) string { return c.URL }))
	refsTo(e.col("Claim", "DisputedBy"), "statement", e.statements,
		lists(e, gather(cs, func(c *bundle.Claim) []*bundle.Statement { return c.DisputedBy })))
}

// claimSize: eight strings, two lists of strings, two people, a bool and
// a list of statements.
const claimSize = 8*8 + 2*4 + 2*personSize + 1 + 4

func (d *decoder) claimList() []*bundle.Claim {
	at := d.field
	cs := make([]bundle.Claim, d.list(claimSize))
	for i, s := range d.col(at, "Claim", "ID").strs(d.tmpStrs(len(cs))) {
		cs[i].ID = s
	}
	for i, s := range d.col(at, "Claim", "Text").strs(d.tmpStrs(len(cs))) {
		cs[i].Text = s
	}
	for i, s := range d.col(at, "Claim", "Headline").strs(d.tmpStrs(len(cs))) {
		cs[i].Headline = s
	}
	variantStarts := d.col(at, "Claim", "Variants").lengths(len(cs), 8)
	variants := d.strs(make([]string, variantStarts[len(cs)]))
	aboutStarts := d.col(at, "Claim", "About").lengths(len(cs), 8)
	about := d.strs(make([]string, aboutStarts[len(cs)]))
	for i := range cs {
		cs[i].Variants, cs[i].About = sub(variants, variantStarts, i), sub(about, aboutStarts, i)
	}
	for i, p := range d.col(at, "Claim", "Claimant").persons(make([]bundle.Person, len(cs))) {
		cs[i].Claimant = p
	}
	for i, s := range d.col(at, "Claim", "ClaimDate").strs(d.tmpStrs(len(cs))) {
		cs[i].ClaimDate = s
	}
	for i, s := range d.col(at, "Claim", "Rating").strs(d.tmpStrs(len(cs))) {
		cs[i].Rating = s
	}
	for i, b := range d.col(at, "Claim", "RatesTrue").take(len(cs)) {
		cs[i].RatesTrue = b != 0
	}
	for i, p := range d.col(at, "Claim", "Reviewer").persons(make([]bundle.Person, len(cs))) {
		cs[i].Reviewer = p
	}
	for i, s := range d.col(at, "Claim", "ReviewDate").strs(d.tmpStrs(len(cs))) {
		cs[i].ReviewDate = s
	}
	for i, s := range d.col(at, "Claim", "URL").strs(d.tmpStrs(len(cs))) {
		cs[i].URL = s
	}
	starts := d.col(at, "Claim", "DisputedBy").lengths(len(cs), 4)
	disputedBy := readRefs(d, "statement", d.statements, make([]*bundle.Statement, starts[len(cs)]))
	for i := range cs {
		cs[i].DisputedBy = sub(disputedBy, starts, i)
	}
	if d.err != nil || len(cs) == 0 {
		return nil
	}
	ps := make([]*bundle.Claim, len(cs))
	for i := range cs {
		ps[i] = &cs[i]
	}
	return ps
}

// What the matcher's numbers index.
var (
	wordID    = &refKind{name: "word", len: func(m *Matcher) int { return len(m.weight) }}
	wordOrNil = &refKind{name: "word", len: func(m *Matcher) int { return len(m.weight) }, none: true}
	stemID    = &refKind{name: "stem", len: func(m *Matcher) int { return len(m.stemText) }}
	docID     = &refKind{name: "statement", len: func(m *Matcher) int { return len(m.statements) }}
	wordingID = &refKind{name: "wording", len: func(m *Matcher) int { return len(m.wordings) }}
	claimID   = &refKind{name: "claim", len: func(m *Matcher) int { return len(m.claims) }}
)

func (e *encoder) matcher(m *Matcher) {
	words := sortedKeys(e.col("Matcher", "words"), m.words)
	e.strs(words)
	e.wordInfos(gather(words, func(k *string) wordInfo { return m.words[*k] }))
	stems := sortedKeys(e.col("Matcher", "stems"), m.stems)
	e.strs(stems)
	e.int32s(gather(stems, func(k *string) int32 { return m.stems[*k] }))
	e.col("Matcher", "stemText").strs(lists(e, [][]string{m.stemText}))
	e.col("Matcher", "stemMask").uint64s(lists(e, [][]uint64{m.stemMask}))
	e.col("Matcher", "weight").float64s(lists(e, [][]float64{m.weight}))
	e.col("Matcher", "common").bools(lists(e, [][]bool{m.common}))
	e.col("Matcher", "idStem").int32s(lists(e, [][]int32{m.idStem}))
	e.col("Matcher", "statements").statementEntries(lists(e, [][]statementEntry{m.statements}))
	e.col("Matcher", "postStart").deltas(lists(e, [][]int32{m.postStart}))
	e.col("Matcher", "postings").postings(lists(e, [][]posting{m.postings}))
	e.col("Matcher", "claims").claimEntries(lists(e, [][]claimEntry{m.claims}))
	e.col("Matcher", "wordings").wordingEntries(lists(e, [][]wordingEntry{m.wordings}))
	e.col("Matcher", "wordingStart").deltas(lists(e, [][]int32{m.wordingStart}))
	e.col("Matcher", "wordingPosts").deltas(lists(e, [][]int32{m.wordingPosts}))
	e.col("Matcher", "stemWeight").float64s(lists(e, [][]float64{m.stemWeight}))
	e.col("Matcher", "maxWeight").float64s([]float64{m.maxWeight})
}

func (d *decoder) matcher(m *Matcher) {
	at := d.field
	n := d.col(at, "Matcher", "words").count(8 + wordInfoSize)
	words := d.strs(make([]string, n))
	m.words = mapOf(d, at+".words", words, d.wordInfos(make([]wordInfo, n)))
	n = d.col(at, "Matcher", "stems").count(8 + 1)
	stems := d.strs(make([]string, n))
	m.stems = mapOf(d, d.field, stems, d.refs(stemID, d.int32s(make([]int32, n))))
	m.stemText = d.strs(make([]string, d.col(at, "Matcher", "stemText").list(8)))
	m.stemMask = d.uint64s(make([]uint64, d.col(at, "Matcher", "stemMask").list(8)))
	m.weight = d.float64s(make([]float64, d.col(at, "Matcher", "weight").list(8)))
	m.common = d.bools(make([]bool, d.col(at, "Matcher", "common").list(1)))
	m.idStem = d.refs(stemID, d.int32s(make([]int32, d.col(at, "Matcher", "idStem").list(1))))
	m.statements = d.statementEntries(make([]statementEntry, d.col(at, "Matcher", "statements").list(statementEntrySize)))
	m.postStart = d.deltas(make([]int32, d.col(at, "Matcher", "postStart").list(1)))
	m.postings = d.postings(make([]posting, d.col(at, "Matcher", "postings").list(postingSize)))
	m.claims = d.claimEntries(make([]claimEntry, d.col(at, "Matcher", "claims").list(claimEntrySize)))
	m.wordings = d.wordingEntries(make([]wordingEntry, d.col(at, "Matcher", "wordings").list(wordingEntrySize)))
	m.wordingStart = d.deltas(make([]int32, d.col(at, "Matcher", "wordingStart").list(1)))
	m.wordingPosts = d.refs(wordingID, d.deltas(make([]int32, d.col(at, "Matcher", "wordingPosts").list(1))))
	m.stemWeight = d.float64s(make([]float64, d.col(at, "Matcher", "stemWeight").list(8)))
	var maxWeight [1]float64
	m.maxWeight = d.col(at, "Matcher", "maxWeight").float64s(maxWeight[:])[0]
}

func (e *encoder) wordInfos(ws []wordInfo) {
	e.col("wordInfo", "id").int32s(gather(ws, func(w *wordInfo) int32 { return w.id }))
	e.col("wordInfo", "stem").int32s(gather(ws, func(w *wordInfo) int32 { return w.stem }))
	e.col("wordInfo", "flags").uint8s(gather(ws, func(w *wordInfo) uint8 { return w.flags }))
}

const wordInfoSize = 1 + 1 + 1

func (d *decoder) wordInfos(ws []wordInfo) []wordInfo {
	at := d.field
	for i, v := range d.refs(wordOrNil, d.col(at, "wordInfo", "id").int32s(make([]int32, len(ws)))) {
		ws[i].id = v
	}
	for i, v := range d.refs(stemID, d.col(at, "wordInfo", "stem").int32s(make([]int32, len(ws)))) {
		ws[i].stem = v
	}
	for i, b := range d.col(at, "wordInfo", "flags").take(len(ws)) {
		ws[i].flags = b
	}
	return ws
}

func (e *encoder) spans(ss []span32) {
	e.col("span32", "start").deltas(gather(ss, func(s *span32) int32 { return s.start }))
	e.col("span32", "end").deltas(gather(ss, func(s *span32) int32 { return s.end }))
}

const spanSize = 1 + 1

func (d *decoder) spans(ss []span32) []span32 {
	at := d.field
	for i, v := range d.col(at, "span32", "start").deltas(d.tmp32(len(ss))) {
		ss[i].start = v
	}
	for i, v := range d.col(at, "span32", "end").deltas(d.tmp32(len(ss))) {
		ss[i].end = v
	}
	return ss
}

func (e *encoder) postings(ps []posting) {
	e.col("posting", "doc").deltas(gather(ps, func(p *posting) int32 { return p.doc }))
	e.col("posting", "pos").int32s(gather(ps, func(p *posting) int32 { return p.pos }))
}

const postingSize = 1 + 1

func (d *decoder) postings(ps []posting) []posting {
	at := d.field
	for i, v := range d.refs(docID, d.col(at, "posting", "doc").deltas(make([]int32, len(ps)))) {
		ps[i].doc = v
	}
	for i, v := range d.col(at, "posting", "pos").int32s(d.tmp32(len(ps))) {
		ps[i].pos = v
	}
	return ps
}

func (e *encoder) statementEntries(ss []statementEntry) {
	refsTo(e.col("statementEntry", "s"), "statement", e.statements, gather(ss, func(s *statementEntry) *bundle.Statement { return s.s }))
	e.col("statementEntry", "ids").int32s(lists(e, gather(ss, func(s *statementEntry) []int32 { return s.ids })))
	e.col("statementEntry", "spans").spans(lists(e, gather(ss, func(s *statementEntry) []span32 { return s.spans })))
	e.col("statementEntry", "speaker").int32s(lists(e, gather(ss, func(s *statementEntry) []int32 { return s.speaker })))
}

const statementEntrySize = 4 + 4 + 4 + 4

func (d *decoder) statementEntries(ss []statementEntry) []statementEntry {
	at := d.field
	for i, s := range readRefs(d.col(at, "statementEntry", "s"), "statement", d.statements, make([]*bundle.Statement, len(ss))) {
		ss[i].s = s
	}
	starts := d.col(at, "statementEntry", "ids").lengths(len(ss), 1)
	ids := d.refs(wordID, d.int32s(make([]int32, starts[len(ss)])))
	for i := range ss {
		ss[i].ids = sub(ids, starts, i)
	}
	starts = d.col(at, "statementEntry", "spans").lengths(len(ss), spanSize)
	spans := d.spans(make([]span32, starts[len(ss)]))
	for i := range ss {
		ss[i].spans = sub(spans, starts, i)
	}
	starts = d.col(at, "statementEntry", "speaker").lengths(len(ss), 1)
	speaker := d.refs(stemID, d.int32s(make([]int32, starts[len(ss)])))
	for i := range ss {
		ss[i].speaker = sub(speaker, starts, i)
	}
	return ss
}

func (e *encoder) terms(ts []term) {
	e.col("term", "stem").int32s(gather(ts, func(t *term) int32 { return t.stem }))
	e.col("term", "weight").float64s(gather(ts, func(t *term) float64 { return t.weight }))
	e.col("term", "name").bools(gather(ts, func(t *term) bool { return t.name }))
	e.col("term", "number").bools(gather(ts, func(t *term) bool { return t.number }))
}

const termSize = 1 + 8 + 1 + 1

func (d *decoder) terms(ts []term) []term {
	at := d.field
	for i, v := range d.refs(stemID, d.col(at, "term", "stem").int32s(make([]int32, len(ts)))) {
		ts[i].stem = v
	}
	for i, v := range d.col(at, "term", "weight").float64s(make([]float64, len(ts))) {
		ts[i].weight = v
	}
	for i, b := range d.col(at, "term", "name").take(len(ts)) {
		ts[i].name = b != 0
	}
	for i, b := range d.col(at, "term", "number").take(len(ts)) {
		ts[i].number = b != 0
	}
	return ts
}

func (e *encoder) wordingEntries(ws []wordingEntry) {
	e.col("wordingEntry", "claim").int32s(gather(ws, func(w *wordingEntry) int32 { return w.claim }))
	e.col("wordingEntry", "headline").bools(gather(ws, func(w *wordingEntry) bool { return w.headline }))
	e.col("wordingEntry", "ids").int32s(lists(e, gather(ws, func(w *wordingEntry) []int32 { return w.ids })))
	e.col("wordingEntry", "terms").terms(lists(e, gather(ws, func(w *wordingEntry) []term { return w.terms })))
	e.col("wordingEntry", "total").float64s(gather(ws, func(w *wordingEntry) float64 { return w.total }))
	e.col("wordingEntry", "negated").bools(gather(ws, func(w *wordingEntry) bool { return w.negated }))
	e.col("wordingEntry", "denies").bools(gather(ws, func(w *wordingEntry) bool { return w.denies }))
	e.col("wordingEntry", "bm25").float64s(gather(ws, func(w *wordingEntry) float64 { return w.bm25 }))
}

const wordingEntrySize = 1 + 1 + 4 + 4 + 8 + 1 + 1 + 8

func (d *decoder) wordingEntries(ws []wordingEntry) []wordingEntry {
	at := d.field
	for i, v := range d.refs(claimID, d.col(at, "wordingEntry", "claim").int32s(make([]int32, len(ws)))) {
		ws[i].claim = v
	}
	for i, b := range d.col(at, "wordingEntry", "headline").take(len(ws)) {
		ws[i].headline = b != 0
	}
	starts := d.col(at, "wordingEntry", "ids").lengths(len(ws), 1)
	ids := d.refs(wordID, d.int32s(make([]int32, starts[len(ws)])))
	for i := range ws {
		ws[i].ids = sub(ids, starts, i)
	}
	starts = d.col(at, "wordingEntry", "terms").lengths(len(ws), termSize)
	terms := d.terms(make([]term, starts[len(ws)]))
	for i := range ws {
		ws[i].terms = sub(terms, starts, i)
	}
	for i, v := range d.col(at, "wordingEntry", "total").float64s(make([]float64, len(ws))) {
		ws[i].total = v
	}
	for i, b := range d.col(at, "wordingEntry", "negated").take(len(ws)) {
		ws[i].negated = b != 0
	}
	for i, b := range d.col(at, "wordingEntry", "denies").take(len(ws)) {
		ws[i].denies = b != 0
	}
	for i, v := range d.col(at, "wordingEntry", "bm25").float64s(make([]float64, len(ws))) {
		ws[i].bm25 = v
	}
	return ws
}

func (e *encoder) claimEntries(cs []claimEntry) {
	refsTo(e.col("claimEntry", "c"), "claim", e.claims, gather(cs, func(c *claimEntry) *bundle.Claim { return c.c }))
	e.col("claimEntry", "subject").int32s(lists(e, gather(cs, func(c *claimEntry) []int32 { return c.subject })))
	e.col("claimEntry", "wordings").int32s(lists(e, gather(cs, func(c *claimEntry) []int32 { return c.wordings })))
}

const claimEntrySize = 4 + 4 + 4

func (d *decoder) claimEntries(cs []claimEntry) []claimEntry {
	at := d.field
	for i, c := range readRefs(d.col(at, "claimEntry", "c"), "claim", d.claims, make([]*bundle.Claim, len(cs))) {
		cs[i].c = c
	}
	starts := d.col(at, "claimEntry", "subject").lengths(len(cs), 1)
	subject := d.refs(stemID, d.int32s(make([]int32, starts[len(cs)])))
	for i := range cs {
		cs[i].subject = sub(subject, starts, i)
	}
	starts = d.col(at, "claimEntry", "wordings").lengths(len(cs), 1)
	wordings := d.refs(wordingID, d.int32s(make([]int32, starts[len(cs)])))
	for i := range cs {
		cs[i].wordings = sub(wordings, starts, i)
	}
	return cs
}

// Encode writes b and m, the Matcher built from it (New(b)), as a compiled
// bundle. It fails only when m does not belong to b.
func Encode(b *bundle.Bundle, m *Matcher) ([]byte, error) {
	e := newEncoder(b)
	e.encode(b, m)
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
	d := &decoder{data: payload, base: base, pause: pause}
	return d.payload()
}

func (d *decoder) payload() (*Matcher, *bundle.Bundle, error) {
	d.field = "string blob"
	blob := d.take(d.count(1))
	if d.err != nil {
		return nil, nil, d.err
	}
	d.blob = string(blob)
	m, b := d.decode()
	if d.err != nil {
		return nil, nil, d.err
	}
	if d.off != len(d.data) {
		return nil, nil, &FormatError{Msg: strconv.Itoa(len(d.data)-d.off) + " bytes left over at byte " + strconv.Itoa(d.base+d.off)}
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
