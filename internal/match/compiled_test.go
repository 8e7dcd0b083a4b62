package match

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/workload"
)

// findingsText writes findings with everything a badge shows, statements
// and claims by ID, so that two matchers' findings compare as text.
func findingsText(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d-%d %v %.17g official=%q to=%q", f.Start, f.End, f.Verdict, f.Score, f.Official, f.AttributedTo)
		if f.Statement != nil {
			fmt.Fprintf(&b, " statement=%s", f.Statement.ID)
		}
		if f.Claim != nil {
			fmt.Fprintf(&b, " claim=%s", f.Claim.ID)
		}
		fmt.Fprintf(&b, " diff=%v\n", f.Diff)
	}
	return b.String()
}

func mustEncode(t testing.TB, b *bundle.Bundle) []byte {
	t.Helper()
	data, err := Encode(b, New(b))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCompiledRoundTrip: a decoded matcher finds what the built one finds,
// and the decoded bundle is the bundle, on the seed article, the other
// outlets' texts and a generated workload.
func TestCompiledRoundTrip(t *testing.T) {
	var texts []string
	for _, name := range []string{"testdata/article.txt", "testdata/outlets/kyivpost.txt",
		"testdata/outlets/newsweek.txt", "testdata/outlets/reuters.txt", "testdata/outlets/unrelated.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	generated, err := bundle.Parse(workload.Bundle(1000, 100, 7))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		b     *bundle.Bundle
		texts []string
	}{
		{"default", bundle.Default(), texts},
		{"workload", generated, []string{strings.Join(workload.Article(generated, 20_000, 500, 3), "\n")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			built := New(tc.b)
			data := mustEncode(t, tc.b)
			decoded, b, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(b, withoutEmpty(tc.b)) {
				t.Error("the decoded bundle differs from the bundle")
			}
			found := 0
			for i, text := range tc.texts {
				got, want := findingsText(decoded.Check(text)), findingsText(built.Check(text))
				if got != want {
					t.Errorf("text %d: the decoded matcher finds\n%s\nthe built one\n%s", i, got, want)
				}
				found += strings.Count(want, "\n")
			}
			if found < 10 {
				t.Errorf("only %d findings: the texts test little", found)
			}
			// The same bundle compiles to the same bytes.
			if again := mustEncode(t, tc.b); !slices.Equal(again, data) {
				t.Error("two compilations of one bundle differ")
			}
		})
	}
}

// withoutEmpty returns a copy of b as a decoded bundle is: no warnings,
// nil for an empty list.
func withoutEmpty(b *bundle.Bundle) *bundle.Bundle {
	out := &bundle.Bundle{Statements: b.Statements}
	for _, c := range b.Claims {
		c := *c
		for _, list := range []*[]string{&c.Variants, &c.About} {
			if len(*list) == 0 {
				*list = nil
			}
		}
		if len(c.DisputedBy) == 0 {
			c.DisputedBy = nil
		}
		out.Claims = append(out.Claims, &c)
	}
	return out
}

// TestCodecsCoverFields fails when a field of Matcher, of a struct it
// holds, or of the bundle is not written and read, in the order of the
// struct's fields: add it to the struct's writer and reader in
// compiled.go (a line each) and raise FormatVersion.
func TestCodecsCoverFields(t *testing.T) {
	b := bundle.Default()
	e := newEncoder(b)
	e.layout = layout{}
	e.encode(b, New(b))
	d := &decoder{data: mustEncode(t, b)[headerSize:], base: headerSize, pause: func() {}, layout: layout{}}
	if _, _, err := d.payload(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		layout layout
	}{{"writes", e.layout}, {"reads", d.layout}} {
		written := map[reflect.Type][]string{
			// Written by hand in encode; Warnings stay with the publisher.
			reflect.TypeFor[bundle.Bundle](): {"Statements", "Claims", "Warnings"},
		}
		for _, typ := range []reflect.Type{reflect.TypeFor[Matcher](), reflect.TypeFor[wordInfo](), reflect.TypeFor[span32](),
			reflect.TypeFor[posting](), reflect.TypeFor[statementEntry](), reflect.TypeFor[term](), reflect.TypeFor[wordingEntry](),
			reflect.TypeFor[claimEntry](), reflect.TypeFor[bundle.Statement](), reflect.TypeFor[bundle.Claim](),
			reflect.TypeFor[bundle.Person](), reflect.TypeFor[bundle.Source]()} {
			if names, ok := c.layout[typ.Name()]; ok {
				written[typ] = names
			}
		}
		seen := map[reflect.Type]bool{}
		var walk func(typ reflect.Type)
		walk = func(typ reflect.Type) {
			switch typ.Kind() {
			case reflect.Pointer, reflect.Slice, reflect.Array:
				walk(typ.Elem())
			case reflect.Map:
				walk(typ.Key())
				walk(typ.Elem())
			case reflect.Struct:
				if seen[typ] {
					return
				}
				seen[typ] = true
				names, ok := written[typ]
				if !ok {
					t.Errorf("the codec never %s a %v (compiled.go)", c.name, typ)
					return
				}
				var fields []string
				for i := range typ.NumField() {
					fields = append(fields, typ.Field(i).Name)
					walk(typ.Field(i).Type)
				}
				if !slices.Equal(fields, names) {
					t.Errorf("%v has the fields %v; the codec %s %v", typ, fields, c.name, names)
				}
			}
		}
		walk(reflect.TypeFor[Matcher]())
		walk(reflect.TypeFor[bundle.Bundle]())
	}
}

// resum sets a compiled bundle's checksum to its payload's.
func resum(data []byte) []byte {
	binary.LittleEndian.PutUint32(data[12:], crc32.ChecksumIEEE(data[headerSize:]))
	return data
}

// TestDecodeErrors: every broken file gets an error that says what is
// wrong.
func TestDecodeErrors(t *testing.T) {
	b := bundle.Default()
	good := mustEncode(t, b)
	edit := func(f func(d []byte) []byte) []byte { return f(slices.Clone(good)) }
	// encodeBroken compiles the default bundle with a matcher broken by
	// breaks, as a hostile file could be.
	encodeBroken := func(breaks func(m *Matcher)) []byte {
		m := *New(b)
		breaks(&m)
		data, err := Encode(b, &m)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, `bad magic "" (want "FCB\x00")`},
		{"JSON", []byte(`{"@graph": []}`), `bad magic "{\"@g" (want "FCB\x00")`},
		{"short header", good[:10], "truncated at byte 10: the header is 16 bytes"},
		{"another version", edit(func(d []byte) []byte { d[4] = FormatVersion + 1; return d }),
			"format version " + strconv.Itoa(FormatVersion+1) + " not supported (want " + strconv.Itoa(FormatVersion) + ")"},
		{"truncated", good[:len(good)/2], fmt.Sprintf("truncated at byte %d: the header promises %d bytes", len(good)/2, len(good))},
		{"bytes after", append(slices.Clone(good), 0), "1 bytes after the payload's end at byte " + fmt.Sprint(len(good))},
		{"bit flip", edit(func(d []byte) []byte { d[len(d)/2] ^= 4; return d }), "checksum mismatch (CRC-32 0x"},
		{"blob too long", edit(func(d []byte) []byte {
			binary.LittleEndian.PutUint32(d[headerSize:], 1<<30)
			return resum(d)
		}), fmt.Sprintf("string blob: count 1073741824 out of range (%d bytes left) at byte 16", len(good)-headerSize-4)},
		{"payload cut short", edit(func(d []byte) []byte {
			d = d[:len(d)-8]
			binary.LittleEndian.PutUint32(d[8:], uint32(len(d)-headerSize))
			return resum(d)
		}), fmt.Sprintf("truncated at byte %d: Matcher.maxWeight needs 8 bytes at byte %d", len(good)-8, len(good)-8)},
		{"stem out of range", encodeBroken(func(m *Matcher) {
			m.idStem = slices.Clone(m.idStem)
			m.idStem[3] = int32(len(m.stemText))
		}), fmt.Sprintf("Matcher.idStem: stem %d out of range (there are %d), value 3 of the column that ends at byte", len(New(b).stemText), len(New(b).stemText))},
		{"postings out of order", encodeBroken(func(m *Matcher) {
			m.postStart = slices.Clone(m.postStart)
			m.postStart[1], m.postStart[2] = m.postStart[2]+1, m.postStart[1]
		}), "Matcher.postStart[2] out of order"},
		{"span out of its text", encodeBroken(func(m *Matcher) {
			m.statements = slices.Clone(m.statements)
			m.statements[0].spans = slices.Clone(m.statements[0].spans)
			m.statements[0].spans[0].end = 1 << 20
		}), "Matcher.statements[0]: a word's span is out of its text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, bn, err := Decode(tc.data)
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("Decode = %v, %v, %v: want a *FormatError", m, bn, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to hold %q", err, tc.want)
			}
		})
	}
}

// FuzzDecode checks that no input makes Decode panic, and that a matcher
// it accepts never makes a scan panic. The payload is also read without
// its checksum, so that the fuzzer's changes reach the codec.
func FuzzDecode(f *testing.F) {
	good, err := Encode(bundle.Default(), New(bundle.Default()))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	generated, err := bundle.Parse(workload.Bundle(5, 3, 1))
	if err != nil {
		f.Fatal(err)
	}
	small, err := Encode(generated, New(generated))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	for _, n := range []int{0, 3, 15, 16, 20, len(small) / 2, len(small) - 1} {
		f.Add(small[:n])
	}
	for _, at := range []int{4, 8, 12, 16, 17, 40, len(small) / 3, len(small) / 2, len(small) - 8} {
		flipped := slices.Clone(small)
		flipped[at] ^= 0x10
		f.Add(flipped)
	}
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func([]byte) (*Matcher, *bundle.Bundle, error){Decode, decodeUnchecked} {
			m, b, err := read(data)
			if err != nil {
				var fe *FormatError
				if !errors.As(err, &fe) || m != nil || b != nil {
					t.Fatalf("got %v, %v, %v: want only a *FormatError", m, b, err)
				}
				continue
			}
			m.Check(string(text))
		}
	})
}

// decodeUnchecked reads a compiled bundle past its header, whatever the
// header says.
func decodeUnchecked(data []byte) (*Matcher, *bundle.Bundle, error) {
	if len(data) < headerSize {
		return nil, nil, &FormatError{Msg: "short"}
	}
	return decodePayload(data[headerSize:], headerSize, func() {})
}

// BenchmarkDecode reads compiled workload bundles; BenchmarkParseAndIndex
// is what it replaces.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		bn, err := bundle.Parse(workload.Bundle(n, n/10, 1))
		if err != nil {
			b.Fatal(err)
		}
		data := mustEncode(b, bn)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseAndIndex(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		data := workload.Bundle(n, n/10, 1)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				bn, err := bundle.Parse(data)
				if err != nil {
					b.Fatal(err)
				}
				New(bn)
			}
		})
	}
}
