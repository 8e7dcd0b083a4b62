package match

import (
	"encoding/binary"
	"math"
	"slices"
	"strconv"

	"factcheck/internal/bundle"
)

// This file holds the building blocks of the compiled bundle's codec
// (compiled.go): columns of numbers, strings and lists. A slice of
// structs is written as one column per field, so that each column is one
// little-endian array and a list of lists is one flat array sliced on
// reading (one allocation, as the Builder lays them out).
//
// The codec is plain functions over an encoder and a decoder, one per
// struct, rather than generic codecs composed per type: each generic
// instantiation was a set of closures with long names, and the widget,
// which only decodes, carried hundreds of kilobytes of them.

// encoder writes a payload: the body, and the strings in one blob.
type encoder struct {
	body []byte
	blob []byte
	at   map[string]uint32 // where each string is in blob
	// The bundle's statements and claims by pointer: the matcher and the
	// claims refer to them by index.
	statements map[*bundle.Statement]int32
	claims     map[*bundle.Claim]int32
	layout     layout
	err        error
}

// decoder reads a payload.
type decoder struct {
	data []byte
	off  int
	base int // data's offset in the file, for messages
	blob string
	// field is the column being read ("Matcher.statements.ids"), for
	// messages.
	field      string
	statements []*bundle.Statement
	claims     []*bundle.Claim
	checks     []refCheck // checked once the whole matcher is read
	pause      func()     // called between columns
	layout     layout
	err        error
	// Reused by the columns that are copied into a struct's field.
	scratch32   []int32
	scratchStrs []string
}

// layout records the fields of each struct that a codec writes or reads,
// in order, for TestCodecsCoverFields; it is nil outside that test.
type layout map[string][]string

func (l layout) add(typ, name string) {
	if l != nil && !slices.Contains(l[typ], name) {
		l[typ] = append(l[typ], name)
	}
}

// col starts writing the column of field name of struct typ.
func (e *encoder) col(typ, name string) *encoder {
	e.layout.add(typ, name)
	return e
}

// col starts reading the column of field name of struct typ, in the
// column named at: messages call it at.name.
func (d *decoder) col(at, typ, name string) *decoder {
	d.pause()
	d.field = at + "." + name
	d.layout.add(typ, name)
	return d
}

func (e *encoder) u32(v uint32) { e.body = binary.LittleEndian.AppendUint32(e.body, v) }

// fail sets the decoder's error, the first only, naming the field and the
// position.
func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = &FormatError{Msg: d.field + ": " + msg + " at byte " + strconv.Itoa(d.base+d.off)}
	}
}

// take returns the next n bytes, or nil and an error when the input ends.
func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.data)-d.off {
		d.err = &FormatError{Msg: "truncated at byte " + strconv.Itoa(d.base+len(d.data)) + ": " + d.field +
			" needs " + strconv.Itoa(n) + " bytes at byte " + strconv.Itoa(d.base+d.off)}
		return nil
	}
	b := d.data[d.off : d.off+n : d.off+n]
	d.off += n
	return b
}

// count reads a count of values of size bytes each and refuses one that
// the bytes left cannot hold.
func (d *decoder) count(size int) int {
	b := d.take(4)
	if b == nil {
		return 0
	}
	n := int(binary.LittleEndian.Uint32(b))
	if left := len(d.data) - d.off; n > left/size {
		d.off -= 4
		d.fail("count " + strconv.Itoa(n) + " out of range (" + strconv.Itoa(left) + " bytes left)")
		return 0
	}
	return n
}

// tmp32 and tmpStrs return a column of n values to read and copy into
// structs at once: the next call reuses it.
func (d *decoder) tmp32(n int) []int32 {
	if cap(d.scratch32) < n {
		d.scratch32 = make([]int32, n)
	}
	return d.scratch32[:n]
}

func (d *decoder) tmpStrs(n int) []string {
	if cap(d.scratchStrs) < n {
		d.scratchStrs = make([]string, n)
	}
	return d.scratchStrs[:n]
}

// A column of int32s is written as its least value and each value's
// distance from it, in as few bytes as the largest distance needs (1, 2
// or 4): word ids, positions and offsets in a bundle are mostly under
// 65,536, so a column takes half the room or less. An empty column is
// nothing.
func (e *encoder) int32s(vs []int32) {
	if len(vs) == 0 {
		return
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	width := widthOf(uint32(hi - lo))
	e.u32(uint32(lo))
	e.body = append(e.body, byte(width))
	for _, v := range vs {
		d := uint32(v - lo)
		switch width {
		case 1:
			e.body = append(e.body, byte(d))
		case 2:
			e.body = binary.LittleEndian.AppendUint16(e.body, uint16(d))
		default:
			e.body = binary.LittleEndian.AppendUint32(e.body, d)
		}
	}
}

// int32s reads a column of len(vs) int32s into vs, and returns vs.
func (d *decoder) int32s(vs []int32) []int32 {
	if len(vs) == 0 {
		return vs
	}
	head := d.take(5)
	if head == nil {
		return vs
	}
	lo, width := int32(binary.LittleEndian.Uint32(head)), int(head[4])
	if width != 1 && width != 2 && width != 4 {
		d.off--
		d.fail("width " + strconv.Itoa(width) + " is not 1, 2 or 4")
		return vs
	}
	b := d.take(width * len(vs))
	if b == nil {
		return vs
	}
	switch width {
	case 1:
		for i := range vs {
			vs[i] = lo + int32(b[i])
		}
	case 2:
		for i := range vs {
			vs[i] = lo + int32(binary.LittleEndian.Uint16(b[2*i:]))
		}
	default:
		for i := range vs {
			vs[i] = lo + int32(binary.LittleEndian.Uint32(b[4*i:]))
		}
	}
	return vs
}

// deltas writes int32s that mostly rise (offsets, positions, sorted
// lists): each as its difference from the one before, small numbers that
// take fewer bytes and compress far better.
func (e *encoder) deltas(vs []int32) {
	ds := make([]int32, len(vs))
	prev := int32(0)
	for i, v := range vs {
		ds[i], prev = v-prev, v
	}
	e.int32s(ds)
}

// deltas reads a column of len(vs) deltas into vs, and returns vs.
func (d *decoder) deltas(vs []int32) []int32 {
	if d.int32s(vs); d.err == nil {
		for i := 1; i < len(vs); i++ {
			vs[i] += vs[i-1]
		}
	}
	return vs
}

// widthOf is how many bytes, 1, 2 or 4, hold v.
func widthOf(v uint32) int {
	switch {
	case v < 1<<8:
		return 1
	case v < 1<<16:
		return 2
	}
	return 4
}

// Floats are written as their bits: a decoded matcher weighs exactly as
// the one that was built.
func (e *encoder) float64s(vs []float64) {
	for _, v := range vs {
		e.body = binary.LittleEndian.AppendUint64(e.body, math.Float64bits(v))
	}
}

func (d *decoder) float64s(vs []float64) []float64 {
	if b := d.take(8 * len(vs)); b != nil {
		for i := range vs {
			vs[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
		}
	}
	return vs
}

func (e *encoder) uint64s(vs []uint64) {
	for _, v := range vs {
		e.body = binary.LittleEndian.AppendUint64(e.body, v)
	}
}

func (d *decoder) uint64s(vs []uint64) []uint64 {
	if b := d.take(8 * len(vs)); b != nil {
		for i := range vs {
			vs[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
	}
	return vs
}

// Bools and uint8s are a byte each; the decoder reads them with take.
func (e *encoder) bools(vs []bool) {
	for _, v := range vs {
		if v {
			e.body = append(e.body, 1)
		} else {
			e.body = append(e.body, 0)
		}
	}
}

func (e *encoder) uint8s(vs []uint8) { e.body = append(e.body, vs...) }

func (d *decoder) bools(vs []bool) []bool {
	for i, b := range d.take(len(vs)) {
		vs[i] = b != 0
	}
	return vs
}

// A string is written as an offset and a length in the blob. Equal
// strings are written once; read strings share the blob's memory.
func (e *encoder) strs(vs []string) {
	for _, s := range vs {
		at, ok := e.at[s]
		if !ok {
			at = uint32(len(e.blob))
			e.at[s] = at
			e.blob = append(e.blob, s...)
		}
		e.u32(at)
		e.u32(uint32(len(s)))
	}
}

func (d *decoder) strs(vs []string) []string {
	b := d.take(8 * len(vs))
	if b == nil {
		return vs
	}
	for i := range vs {
		at, n := uint64(binary.LittleEndian.Uint32(b[8*i:])), uint64(binary.LittleEndian.Uint32(b[8*i+4:]))
		if at+n > uint64(len(d.blob)) {
			d.off -= len(b) - 8*i
			d.fail("string out of range (" + strconv.FormatUint(at, 10) + "+" + strconv.FormatUint(n, 10) +
				" in a blob of " + strconv.Itoa(len(d.blob)) + " bytes)")
			return vs
		}
		vs[i] = d.blob[at : at+n]
	}
	return vs
}

// A column of lists is their lengths, then the values of all of them end
// to end (a column, or a struct's columns): lists writes the lengths and
// returns the values.
func lists[T any](e *encoder, ls [][]T) []T {
	var all []T
	for _, l := range ls {
		e.u32(uint32(len(l)))
		all = append(all, l...)
	}
	return all
}

// lengths reads the lengths of n lists whose values take size bytes or
// more each, and returns where each starts in the values end to end: list
// i is [starts[i], starts[i+1]), and starts[n] is how many values there
// are.
func (d *decoder) lengths(n, size int) []int {
	starts := make([]int, n+1)
	b := d.take(4 * n)
	if b == nil {
		return starts
	}
	for i := range n {
		starts[i+1] = starts[i] + int(binary.LittleEndian.Uint32(b[4*i:]))
	}
	if total, left := starts[n], len(d.data)-d.off; total > left/size {
		d.fail("counts adding up to " + strconv.Itoa(total) + " out of range (" + strconv.Itoa(left) + " bytes left)")
		clear(starts)
	}
	return starts
}

// list reads the length of a single list (a column of one list), as
// lengths does.
func (d *decoder) list(size int) int { return d.lengths(1, size)[1] }

// sub is list i of all, nil when empty.
func sub[T any](all []T, starts []int, i int) []T {
	lo, hi := starts[i], starts[i+1]
	if hi == lo {
		return nil
	}
	return all[lo:hi:hi]
}

// A map is written as its size, then its keys in order (so that a
// compiled bundle is the same bytes every time), then its values in the
// keys' order: sortedKeys writes the size and returns the keys.
func sortedKeys[V any](e *encoder, m map[string]V) []string {
	e.u32(uint32(len(m)))
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// mapOf makes the map of the keys and values read for the column at,
// unless a key is there twice.
func mapOf[V any](d *decoder, at string, keys []string, values []V) map[string]V {
	if d.err != nil {
		return nil
	}
	d.field = at
	m := make(map[string]V, len(keys))
	for i, k := range keys {
		m[k] = values[i]
	}
	if len(m) != len(keys) {
		d.fail("a map holds a key twice")
	}
	return m
}

// gather returns field f of each of ss: the column the encoder writes.
func gather[S, T any](ss []S, f func(*S) T) []T {
	vs := make([]T, len(ss))
	for i := range ss {
		vs[i] = f(&ss[i])
	}
	return vs
}

// A pointer to one of the bundle's statements or claims is written as
// its index.
func refsTo[T any](e *encoder, what string, index map[*T]int32, ps []*T) {
	for _, p := range ps {
		i, ok := index[p]
		if !ok && e.err == nil {
			e.err = &FormatError{Msg: "a " + what + " that the bundle does not list is referred to"}
		}
		e.u32(uint32(i))
	}
}

// readRefs reads len(ps) indexes of all into ps, and returns ps.
func readRefs[T any](d *decoder, what string, all []*T, ps []*T) []*T {
	b := d.take(4 * len(ps))
	if b == nil {
		return ps
	}
	for i := range ps {
		k := binary.LittleEndian.Uint32(b[4*i:])
		if uint64(k) >= uint64(len(all)) {
			d.off -= len(b) - 4*i
			d.fail(what + " " + strconv.FormatUint(uint64(k), 10) + " out of range (the bundle has " + strconv.Itoa(len(all)) + ")")
			return ps
		}
		ps[i] = all[k]
	}
	return ps
}

// refKind is what an int32 of the matcher indexes: words, stems,
// statements, wordings or claims. Such numbers are checked once the whole
// matcher is read, against the length of what they index.
type refKind struct {
	name string
	len  func(m *Matcher) int
	none bool // -1 is allowed: none
}

type refCheck struct {
	kind  *refKind
	vs    []int32
	field string
	end   int // where the values end in the file
}

// refs notes that vs, the column just read, index what kind names, and
// returns vs: vs must not change until they are checked.
func (d *decoder) refs(kind *refKind, vs []int32) []int32 {
	if d.err == nil {
		d.checks = append(d.checks, refCheck{kind, vs, d.field, d.base + d.off})
	}
	return vs
}

// checkRefs checks the numbers that index parts of m.
func (d *decoder) checkRefs(m *Matcher) error {
	for _, r := range d.checks {
		d.pause()
		n := r.kind.len(m)
		for i, v := range r.vs {
			if v >= int32(n) || v < 0 && !(r.kind.none && v == -1) {
				return &FormatError{Msg: r.field + ": " + r.kind.name + " " + strconv.Itoa(int(v)) + " out of range (there are " +
					strconv.Itoa(n) + "), value " + strconv.Itoa(i) + " of the column that ends at byte " + strconv.Itoa(r.end)}
			}
		}
	}
	return nil
}
