package match

import (
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strconv"

	"factcheck/internal/bundle"
)

// This file holds the building blocks of the compiled bundle's codec
// (compiled.go): codecs of values, lists, maps and structs, written column
// by column. A struct's codec is the list of its fields, one line each;
// a slice of structs is written as one column per field, so that each
// column is one little-endian array and a list of lists is one flat array
// sliced on reading (one allocation, as the Builder lays them out).

// codec writes and reads a column: n values of T, end to end.
type codec[T any] struct {
	put func(e *encoder, vs []T)
	get func(d *decoder, vs []T) // fills vs; on error sets d.err
	// size is the fewest bytes one value takes: a count read from the
	// input is refused past the bytes left divided by it, so that a
	// hostile count cannot make the reader allocate much more than the
	// input's size.
	size int
	// fields names a struct's fields in order (structOf), for the test
	// that every field is written.
	fields []string
}

// encoder writes a payload: the body, and the strings in one blob.
type encoder struct {
	body []byte
	blob []byte
	at   map[string]uint32 // where each string is in blob
	// The bundle's statements and claims by pointer: the matcher and the
	// claims refer to them by index.
	statements map[*bundle.Statement]int32
	claims     map[*bundle.Claim]int32
	err        error
}

// decoder reads a payload.
type decoder struct {
	data []byte
	off  int
	base int // data's offset in the file, for messages
	blob string
	// field is the field being read ("Matcher.statements.ids"), for
	// messages.
	field      string
	statements []*bundle.Statement
	claims     []*bundle.Claim
	refs       []refCheck // checked once the whole matcher is read
	pause      func()     // called between columns
	err        error
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
	if left := len(d.data) - d.off; n > left/max(size, 1) {
		d.off -= 4
		d.fail("count " + strconv.Itoa(n) + " out of range (" + strconv.Itoa(left) + " bytes left)")
		return 0
	}
	return n
}

// fixed is the codec of a fixed-size value.
func fixed[T any](size int, put func([]byte, T) []byte, get func([]byte) T) codec[T] {
	return codec[T]{
		size: size,
		put: func(e *encoder, vs []T) {
			for _, v := range vs {
				e.body = put(e.body, v)
			}
		},
		get: func(d *decoder, vs []T) {
			b := d.take(size * len(vs))
			if b == nil {
				return
			}
			for i := range vs {
				vs[i] = get(b[i*size:])
			}
		},
	}
}

// int32s is the codec of int32s: a column is written as its least value
// and each value's distance from it, in as few bytes as the largest
// distance needs (1, 2 or 4): word ids, positions and offsets in a bundle
// are mostly under 65,536, so a column takes half the room or less.
var int32s = codec[int32]{
	size: 1,
	put: func(e *encoder, vs []int32) {
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
	},
	get: func(d *decoder, vs []int32) {
		if len(vs) == 0 {
			return
		}
		head := d.take(5)
		if head == nil {
			return
		}
		lo, width := int32(binary.LittleEndian.Uint32(head)), int(head[4])
		if width != 1 && width != 2 && width != 4 {
			d.off--
			d.fail("width " + strconv.Itoa(width) + " is not 1, 2 or 4")
			return
		}
		b := d.take(width * len(vs))
		if b == nil {
			return
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
	},
}

// deltas is the codec of int32s that mostly rise (offsets, positions,
// sorted lists): each is written as its difference from the one before,
// small numbers that take fewer bytes and compress far better.
var deltas = codec[int32]{
	size: int32s.size,
	put: func(e *encoder, vs []int32) {
		ds := make([]int32, len(vs))
		prev := int32(0)
		for i, v := range vs {
			ds[i], prev = v-prev, v
		}
		int32s.put(e, ds)
	},
	get: func(d *decoder, vs []int32) {
		if int32s.get(d, vs); d.err != nil {
			return
		}
		for i := 1; i < len(vs); i++ {
			vs[i] += vs[i-1]
		}
	},
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

var (
	uint64s = fixed(8, binary.LittleEndian.AppendUint64, binary.LittleEndian.Uint64)
	// Floats are written as their bits: a decoded matcher weighs exactly
	// as the one that was built.
	float64s = fixed(8, func(b []byte, v float64) []byte { return binary.LittleEndian.AppendUint64(b, math.Float64bits(v)) },
		func(b []byte) float64 { return math.Float64frombits(binary.LittleEndian.Uint64(b)) })
	uint8s = fixed(1, func(b []byte, v uint8) []byte { return append(b, v) }, func(b []byte) uint8 { return b[0] })
	bools  = fixed(1, func(b []byte, v bool) []byte {
		if v {
			return append(b, 1)
		}
		return append(b, 0)
	}, func(b []byte) bool { return b[0] != 0 })
)

// strs is the codec of strings: an offset and a length in the blob. Equal
// strings are written once; read strings share the blob's memory.
var strs = codec[string]{
	size: 8,
	put: func(e *encoder, vs []string) {
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
	},
	get: func(d *decoder, vs []string) {
		b := d.take(8 * len(vs))
		if b == nil {
			return
		}
		for i := range vs {
			at, n := uint64(binary.LittleEndian.Uint32(b[8*i:])), uint64(binary.LittleEndian.Uint32(b[8*i+4:]))
			if at+n > uint64(len(d.blob)) {
				d.off -= len(b) - 8*i
				d.fail("string out of range (" + strconv.FormatUint(at, 10) + "+" + strconv.FormatUint(n, 10) +
					" in a blob of " + strconv.Itoa(len(d.blob)) + " bytes)")
				return
			}
			vs[i] = d.blob[at : at+n]
		}
	},
}

// listOf is the codec of slices of T: the lengths, then the elements of
// all the slices end to end, read into one array.
func listOf[T any](c codec[T]) codec[[]T] {
	return codec[[]T]{
		size: 4,
		put: func(e *encoder, vs [][]T) {
			var all []T
			for _, v := range vs {
				e.u32(uint32(len(v)))
				all = append(all, v...)
			}
			c.put(e, all)
		},
		get: func(d *decoder, vs [][]T) {
			b := d.take(4 * len(vs))
			if b == nil {
				return
			}
			total := 0
			for i := range vs {
				total += int(binary.LittleEndian.Uint32(b[4*i:]))
			}
			if left := len(d.data) - d.off; total > left/max(c.size, 1) {
				d.fail("counts adding up to " + strconv.Itoa(total) + " out of range (" + strconv.Itoa(left) + " bytes left)")
				return
			}
			all := make([]T, total)
			if c.get(d, all); d.err != nil {
				return
			}
			lo := 0
			for i := range vs {
				hi := lo + int(binary.LittleEndian.Uint32(b[4*i:]))
				if hi > lo {
					vs[i] = all[lo:hi:hi]
				}
				lo = hi
			}
		},
	}
}

// mapOf is the codec of maps: the sizes, then the keys of all the maps in
// order (so that a compiled bundle is the same bytes every time), then
// their values.
func mapOf[K ~string, V any](keys codec[K], values codec[V]) codec[map[K]V] {
	return codec[map[K]V]{
		size: 4,
		put: func(e *encoder, ms []map[K]V) {
			var ks []K
			var vs []V
			for _, m := range ms {
				e.u32(uint32(len(m)))
				sorted := slices.Sorted(maps.Keys(m))
				ks = append(ks, sorted...)
				for _, k := range sorted {
					vs = append(vs, m[k])
				}
			}
			keys.put(e, ks)
			values.put(e, vs)
		},
		get: func(d *decoder, ms []map[K]V) {
			sizes := make([]int, len(ms))
			total := 0
			for i := range ms {
				sizes[i] = d.count(keys.size + values.size)
				total += sizes[i]
			}
			if left := len(d.data) - d.off; total > left/max(keys.size+values.size, 1) {
				d.fail("map sizes adding up to " + strconv.Itoa(total) + " out of range (" + strconv.Itoa(left) + " bytes left)")
			}
			if d.err != nil {
				return
			}
			ks, vs := make([]K, total), make([]V, total)
			if keys.get(d, ks); d.err == nil {
				values.get(d, vs)
			}
			if d.err != nil {
				return
			}
			lo := 0
			for i := range ms {
				m := make(map[K]V, sizes[i])
				for j := lo; j < lo+sizes[i]; j++ {
					m[ks[j]] = vs[j]
				}
				if len(m) != sizes[i] {
					d.fail("a map holds a key twice")
					return
				}
				ms[i] = m
				lo += sizes[i]
			}
		},
	}
}

// field is one field of a struct S in a struct's codec.
type field[S any] struct {
	name string
	size int
	put  func(e *encoder, ss []S)
	get  func(d *decoder, ss []S)
}

// fieldOf is field name of S, at at, written with c.
func fieldOf[S, T any](name string, at func(*S) *T, c codec[T]) field[S] {
	return field[S]{
		name: name,
		size: c.size,
		put: func(e *encoder, ss []S) {
			vs := make([]T, len(ss))
			for i := range ss {
				vs[i] = *at(&ss[i])
			}
			c.put(e, vs)
		},
		get: func(d *decoder, ss []S) {
			vs := make([]T, len(ss))
			if c.get(d, vs); d.err != nil {
				return
			}
			for i := range ss {
				*at(&ss[i]) = vs[i]
			}
		},
	}
}

// structOf is the codec of a struct: its fields, a column each. It names
// its columns typ.field in messages.
func structOf[S any](typ string, fields ...field[S]) codec[S] {
	c := codec[S]{
		put: func(e *encoder, ss []S) {
			for _, f := range fields {
				f.put(e, ss)
			}
		},
		get: func(d *decoder, ss []S) {
			outer := d.field
			for _, f := range fields {
				if d.field = typ + "." + f.name; outer != "" {
					d.field = outer + "." + f.name
				}
				if f.get(d, ss); d.err != nil {
					return
				}
				d.pause()
			}
			d.field = outer
		},
	}
	for _, f := range fields {
		c.size += f.size
		c.fields = append(c.fields, f.name)
	}
	return c
}

// pointers is the codec of pointers to values written with c; the values
// read are in one array.
func pointers[T any](c codec[T]) codec[*T] {
	return codec[*T]{
		size:   c.size,
		fields: c.fields,
		put: func(e *encoder, ps []*T) {
			vs := make([]T, len(ps))
			for i, p := range ps {
				vs[i] = *p
			}
			c.put(e, vs)
		},
		get: func(d *decoder, ps []*T) {
			vs := make([]T, len(ps))
			if c.get(d, vs); d.err != nil {
				return
			}
			for i := range ps {
				ps[i] = &vs[i]
			}
		},
	}
}

// refTo is the codec of a pointer to one of the bundle's statements or
// claims, written as its index: list returns the decoded ones, index the
// encoder's index of them.
func refTo[T any](what string, index func(*encoder) map[*T]int32, list func(*decoder) []*T) codec[*T] {
	return codec[*T]{
		size: 4,
		put: func(e *encoder, ps []*T) {
			for _, p := range ps {
				i, ok := index(e)[p]
				if !ok && e.err == nil {
					e.err = &FormatError{Msg: "a " + what + " that the bundle does not list is referred to"}
				}
				e.u32(uint32(i))
			}
		},
		get: func(d *decoder, ps []*T) {
			b := d.take(4 * len(ps))
			if b == nil {
				return
			}
			all := list(d)
			for i := range ps {
				k := binary.LittleEndian.Uint32(b[4*i:])
				if uint64(k) >= uint64(len(all)) {
					d.off -= len(b) - 4*i
					d.fail(what + " " + strconv.FormatUint(uint64(k), 10) + " out of range (the bundle has " + strconv.Itoa(len(all)) + ")")
					return
				}
				ps[i] = all[k]
			}
		},
	}
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

// refs is the codec of int32s, written with c, that index what kind
// names.
func refs(kind *refKind, c codec[int32]) codec[int32] {
	return codec[int32]{
		size: c.size,
		put:  c.put,
		get: func(d *decoder, vs []int32) {
			if c.get(d, vs); d.err == nil {
				d.refs = append(d.refs, refCheck{kind, vs, d.field, d.base + d.off})
			}
		},
	}
}

// checkRefs checks the numbers that index parts of m.
func (d *decoder) checkRefs(m *Matcher) error {
	for _, r := range d.refs {
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
