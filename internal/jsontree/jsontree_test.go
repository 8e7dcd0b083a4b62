package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// stdParse is what encoding/json makes of data, with numbers as Number.
func stdParse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, errors.New("data after the value")
	}
	return convert(v), nil
}

// convert turns json.Number into Number, throughout.
func convert(v any) any {
	switch v := v.(type) {
	case json.Number:
		return Number(v)
	case []any:
		for i := range v {
			v[i] = convert(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = convert(v[k])
		}
	}
	return v
}

var parseCases = []string{
	`{}`, `[]`, `""`, `0`, `-0`, `1.5e+10`, `-12.25E-3`, `true`, `false`, `null`,
	` {"a": [1, 2, {"b": null}], "c": "d", "a": "last wins"} `,
	`"\"\\\/\b\f\n\r\t\u00e9\u2028"`,
	`"\ud83d\ude00 surrogate pair"`, `"\ud83d lone surrogate"`, `"\ude00"`,
	`"héllo “quoted” ‘world’ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"`, "\"invalid \xff utf-8\"",
	`{"@graph":[{"@type":"Quotation","text":"<script>alert(1)</script>"}]}`,
	`[[[[[[]]]]]]`,
	// Not JSON.
	``, ` `, `{`, `[1,]`, `{"a":}`, `{"a" 1}`, `{a:1}`, `[1 2]`, `01`, `1.`, `.5`, `1e`, `-`, `+1`,
	`"abc`, `"\x"`, `"\u12"`, "\"tab\tinside\"", `tru`, `nul`, `[1]x`, `{"a":1}}`, `NaN`,
}

// TestParse: Parse and encoding/json agree on every case: the same tree,
// or both an error.
func TestParse(t *testing.T) {
	for _, in := range parseCases {
		want, wantErr := stdParse([]byte(in))
		got, err := Parse([]byte(in), nil)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("Parse(%q): error %v, encoding/json: %v", in, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) = %#v, want %#v", in, got, want)
		}
	}
}

// TestParseErrorOffset: a syntax error names the offending byte.
func TestParseErrorOffset(t *testing.T) {
	cases := []struct {
		in     string
		offset int
	}{
		{`{"a": 1,, "b": 2}`, 8},
		{`[1, 2, x]`, 7},
		{`{"a": "b"`, 9},
		{`{"a": tru}`, 9},
	}
	for _, tc := range cases {
		_, err := Parse([]byte(tc.in), nil)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset != tc.offset {
			t.Errorf("Parse(%q): %v, want a syntax error at %d", tc.in, err, tc.offset)
		}
	}
}

// TestParseDepth: nesting beyond MaxDepth is refused, not a stack overflow.
func TestParseDepth(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, err := Parse([]byte(deep), nil); err == nil {
		t.Fatal("no error for nesting beyond MaxDepth")
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := Parse([]byte(ok), nil); err != nil {
		t.Fatalf("nesting of MaxDepth: %v", err)
	}
}

// TestParsePause: pause is called as the values go by.
func TestParsePause(t *testing.T) {
	data := []byte("[" + strings.Repeat(`{"a":1},`, 5000) + "0]")
	calls := 0
	if _, err := Parse(data, func() { calls++ }); err != nil {
		t.Fatal(err)
	}
	if want := 10001 / pauseEvery; calls != want {
		t.Fatalf("pause called %d times for 10001 values, want %d", calls, want)
	}
}

// TestEncoder: the Encoder writes what encoding/json writes.
func TestEncoder(t *testing.T) {
	strs := []string{"", "plain", `quote " backslash \ slash /`, "<script>&</script>", "\b\f\n\r\t\x00\x1f\x7f",
		"\u2028\u2029", "héllo “world” 😀", "bad \xff\xfe utf-8", "\xe2\x80"}
	floats := []float64{0, 1, -1, 0.5, 1.0 / 3, 1e-7, 1e21, 123456789, -2.5e-10, math.NaN()}
	var e Encoder
	e.BeginObject()
	e.Name("strings")
	e.BeginArray()
	for _, s := range strs {
		e.String(s)
	}
	e.EndArray()
	e.Name("floats")
	e.BeginArray()
	for _, f := range floats[:len(floats)-1] {
		e.Float(f)
	}
	e.EndArray()
	e.Field("field", "x")
	e.OptField("omitted", "")
	e.Name("int")
	e.Int(-42)
	e.Name("empty")
	e.BeginObject()
	e.EndObject()
	e.EndObject()

	want, err := json.Marshal(map[string]any{"strings": strs, "floats": floats[:len(floats)-1], "field": "x", "int": -42, "empty": map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	// encoding/json sorts map keys; compare as trees, and the strings' bytes.
	var gotTree, wantTree any
	if err := json.Unmarshal(e.Buf, &gotTree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.Buf)
	}
	json.Unmarshal(want, &wantTree)
	if !reflect.DeepEqual(gotTree, wantTree) {
		t.Fatalf("got %s\nwant %s", e.Buf, want)
	}
	for _, s := range strs {
		w, _ := json.Marshal(s)
		if g := AppendString(nil, s); !bytes.Equal(g, w) {
			t.Errorf("AppendString(%q) = %s, want %s", s, g, w)
		}
	}
	for _, f := range floats[:len(floats)-1] {
		w, _ := json.Marshal(f)
		if g := appendFloat(nil, f); !bytes.Equal(g, w) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, g, w)
		}
	}
	if g := appendFloat(nil, floats[len(floats)-1]); string(g) != "0" {
		t.Errorf("NaN written as %s", g)
	}
}

// FuzzParse: Parse agrees with encoding/json on any input.
func FuzzParse(f *testing.F) {
	for _, in := range parseCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := stdParse(data)
		got, err := Parse(data, nil)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("Parse(%q): error %v, encoding/json: %v", data, err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("Parse(%q) = %#v, want %#v", data, got, want)
		}
	})
}

// FuzzAppendString: AppendString writes what encoding/json writes.
func FuzzAppendString(f *testing.F) {
	f.Add("héllo <b>“world”</b>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got, want)
		}
	})
}
