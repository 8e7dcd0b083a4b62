package wasmdata

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// section is a module's section as the tests write it.
type section struct {
	id   byte
	body []byte
}

func encodeModule(sections ...section) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		m = append(m, s.id)
		m = binary.AppendUvarint(m, uint64(len(s.body)))
		m = append(m, s.body...)
	}
	return m
}

// dataSection writes segments as Go's linker does: active, memory 0, an
// i32.const offset.
func dataSection(segs ...segment) section {
	return section{sectionData, writeData(segs)}
}

// Sections that are not data: a type section and a memory section, which
// Join must copy unchanged.
var (
	typeSection   = section{1, []byte{1, 0x60, 0, 0}}
	memorySection = section{5, []byte{1, 0, 1}}
)

// decodeModule splits a module into its sections, failing the test on a
// malformed one.
func decodeModule(t *testing.T, m []byte) []section {
	t.Helper()
	if !bytes.HasPrefix(m, []byte("\x00asm\x01\x00\x00\x00")) {
		t.Fatalf("no module header: % x", m[:min(len(m), 8)])
	}
	var out []section
	for rest := m[8:]; len(rest) > 0; {
		size, n := binary.Uvarint(rest[1:])
		if n <= 0 || int(size) > len(rest)-1-n {
			t.Fatalf("malformed section %d", rest[0])
		}
		out = append(out, section{rest[0], rest[1+n : 1+n+int(size)]})
		rest = rest[1+n+int(size):]
	}
	return out
}

// memory returns the memory a module's data segments write, from the
// first byte written to the last, where that is, and how many segments
// there are.
func memory(t *testing.T, m []byte) (mem []byte, base uint32, count int) {
	t.Helper()
	var segs []segment
	for _, s := range decodeModule(t, m) {
		if s.id == sectionData {
			var err error
			if segs, err = readData(s.body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(segs) == 0 {
		return nil, 0, 0
	}
	base = segs[0].addr
	for _, seg := range segs {
		base = min(base, seg.addr)
	}
	for _, seg := range segs {
		if end := int(seg.addr-base) + len(seg.data); end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[seg.addr-base:], seg.data)
	}
	return mem, base, len(segs)
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		name   string
		segs   []segment
		maxGap int
		want   []segment
	}{
		{"gap under the limit", []segment{{16, []byte{1, 2}}, {21, []byte{3}}}, 8,
			[]segment{{16, []byte{1, 2, 0, 0, 0, 3}}}},
		{"gap at the limit", []segment{{16, []byte{1}}, {25, []byte{2}}}, 8,
			[]segment{{16, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 2}}}},
		{"gap over the limit", []segment{{16, []byte{1}}, {26, []byte{2}}}, 8,
			[]segment{{16, []byte{1}}, {26, []byte{2}}}},
		{"adjacent", []segment{{0, []byte{1}}, {1, []byte{2}}}, 0,
			[]segment{{0, []byte{1, 2}}}},
		{"a run, then a far one", []segment{{0, []byte{1}}, {3, []byte{2}}, {6, []byte{3}}, {1000, []byte{4}}}, 4,
			[]segment{{0, []byte{1, 0, 0, 2, 0, 0, 3}}, {1000, []byte{4}}}},
		// Go's linker writes some sections' segments after those at
		// higher addresses.
		{"out of address order", []segment{{100, []byte{5}}, {0, []byte{1}}, {2, []byte{2}}, {98, []byte{4}}}, 4,
			[]segment{{0, []byte{1, 0, 2}}, {98, []byte{4, 0, 5}}}},
		{"address past 2 GiB", []segment{{0x8000_0000, []byte{1}}, {0x8000_0002, []byte{2}}}, 4,
			[]segment{{0x8000_0000, []byte{1, 0, 2}}}},
		{"no segments", nil, 8, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := encodeModule(typeSection, memorySection, dataSection(tc.segs...))
			out, err := Join(in, tc.maxGap)
			if err != nil {
				t.Fatal(err)
			}
			sections := decodeModule(t, out)
			if len(sections) != 3 || !slices.Equal(sections[0].body, typeSection.body) || !slices.Equal(sections[1].body, memorySection.body) {
				t.Errorf("the other sections changed: %v", sections)
			}
			got, err := readData(sections[2].body)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, tc.want, func(a, b segment) bool { return a.addr == b.addr && bytes.Equal(a.data, b.data) }) {
				t.Errorf("segments %v, want %v", got, tc.want)
			}
			before, baseBefore, _ := memory(t, in)
			if after, base, _ := memory(t, out); base != baseBefore || !bytes.Equal(before, after) {
				t.Errorf("the memory changed: at %d\n% x\nwas, at %d\n% x", base, after, baseBefore, before)
			}
		})
	}
}

// TestJoinDataCount: the data count section, when there is one, counts
// the joined segments.
func TestJoinDataCount(t *testing.T) {
	in := encodeModule(memorySection, section{sectionDataCount, []byte{3}},
		dataSection(segment{0, []byte{1}}, segment{2, []byte{2}}, segment{500, []byte{3}}))
	out, err := Join(in, 8)
	if err != nil {
		t.Fatal(err)
	}
	sections := decodeModule(t, out)
	if len(sections) != 3 || sections[1].id != sectionDataCount || !slices.Equal(sections[1].body, []byte{2}) {
		t.Errorf("sections %v: want the data count 2", sections)
	}
}

// TestJoinWithoutData: a module without data is returned as it is.
func TestJoinWithoutData(t *testing.T) {
	in := encodeModule(typeSection, memorySection)
	out, err := Join(in, MaxGap)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, in) {
		t.Errorf("got % x, want % x", out, in)
	}
}

func TestJoinErrors(t *testing.T) {
	// segmentWith is a data section of one segment after the flags and
	// offset expression given.
	segmentWith := func(head ...byte) []byte {
		return encodeModule(section{sectionData, append(append([]byte{1}, head...), 1, 7)})
	}
	for _, tc := range []struct {
		name   string
		module []byte
		want   string
	}{
		{"empty", nil, "not a WebAssembly module"},
		{"text", []byte("(module)"), "not a WebAssembly module"},
		{"version 2", []byte("\x00asm\x02\x00\x00\x00"), "not a WebAssembly module"},
		{"section too long", append(encodeModule(typeSection), 5, 10, 1), "section 5 at byte 14: size out of range"},
		{"passive segment", segmentWith(1), "segment 0: flags 1: only active segments of memory 0"},
		{"another memory", segmentWith(2, 1, opI32Const, 0, opEnd), "segment 0: flags 2"},
		{"offset from a global", segmentWith(0, 0x23, 0, opEnd), "segment 0: the offset is not an i32.const"},
		{"offset not ended", segmentWith(0, opI32Const, 0, opI32Const), "segment 0: malformed offset"},
		{"segment too long", encodeModule(section{sectionData, []byte{1, 0, opI32Const, 0, opEnd, 9, 1}}),
			"segment 0: size out of range"},
		{"bytes after the segments", encodeModule(section{sectionData, []byte{1, 0, opI32Const, 0, opEnd, 1, 1, 0}}),
			"1 bytes after the last segment"},
		{"overlapping segments", encodeModule(dataSection(segment{10, []byte{1, 2, 3}}, segment{12, []byte{4}})),
			"the segments at 10 and 12 overlap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Join(tc.module, MaxGap)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Join = %d bytes, %v; want an error with %q", len(out), err, tc.want)
			}
		})
	}
}

// TestJoinGoModule joins the segments of a real module, the benchmark's
// hello floor built as build.sh builds the widget: it starts with the
// same memory, has far fewer segments, and compresses smaller.
func TestJoinGoModule(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	path := filepath.Join(t.TempDir(), "hello.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", path, "./internal/benchmark/hello")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Join(in, MaxGap)
	if err != nil {
		t.Fatal(err)
	}
	before, baseBefore, segmentsBefore := memory(t, in)
	after, base, segmentsAfter := memory(t, out)
	if base != baseBefore || !bytes.Equal(before, after) {
		t.Error("the joined module's memory differs")
	}
	if segmentsAfter*10 > segmentsBefore {
		t.Errorf("%d segments joined into %d: want a tenth or fewer", segmentsBefore, segmentsAfter)
	}
	inSections, outSections := decodeModule(t, in), decodeModule(t, out)
	if len(inSections) != len(outSections) {
		t.Fatalf("%d sections, want %d", len(outSections), len(inSections))
	}
	for i, s := range inSections {
		if s.id != outSections[i].id || s.id != sectionData && !bytes.Equal(s.body, outSections[i].body) {
			t.Errorf("section %d (id %d) changed", i, s.id)
		}
	}
	if zin, zout := gzipped(t, in), gzipped(t, out); zout >= zin {
		t.Errorf("gzip -9: %d bytes joined, %d before", zout, zin)
	}
}

func gzipped(t *testing.T, data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}
