package bundle

import (
	"bytes"
	"strconv"

	"factcheck/internal/jsontree"
)

// Limits on what Parse accepts, so that a hostile or broken bundle cannot
// stall the page that loads it.
const (
	MaxBytes   = 8 << 20 // size of the input
	MaxDepth   = 64      // nesting of JSON objects and arrays
	MaxNodes   = 50000   // nodes in the graph
	MaxTextLen = 5000    // characters (runes) in one statement or claim text
)

// decode checks the size and nesting of data and decodes it, calling pause
// (if not nil) now and then. Numbers stay jsontree.Number so that no
// number is refused for its range.
func decode(data []byte, pause func()) (any, error) {
	if len(data) > MaxBytes {
		return nil, &Error{Msg: "the bundle is " + byteSize(len(data)) + "; the limit is " + byteSize(MaxBytes)}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // byte order mark, as some editors save
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return nil, &Error{Msg: "the bundle is empty"}
	}
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	v, err := jsontree.Parse(data, pause)
	// jsontree's errors are its *SyntaxError, unwrapped: a type assertion
	// (errors.As would link a second reflection package into the widget).
	syntax, isSyntax := err.(*jsontree.SyntaxError)
	switch {
	case isSyntax && syntax.Offset == len(data):
		return nil, errorAt(data, len(data), "invalid JSON: the input ends in the middle of a value")
	case isSyntax:
		return nil, errorAt(data, syntax.Offset, "invalid JSON: %v", err)
	case err != nil:
		return nil, &Error{Msg: "invalid JSON: " + err.Error()}
	}
	return v, nil
}

// checkDepth scans data, skipping strings, and fails at the first object or
// array nested deeper than MaxDepth. It runs before decoding so that the
// decoder never recurses deeply.
func checkDepth(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringEnd(data, i+1)
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return errorAt(data, i, "JSON is nested deeper than %d levels", MaxDepth)
			}
		case '}', ']':
			depth-- // unbalanced input is left for the decoder to report
		}
	}
	return nil
}

// stringEnd returns the index of the quote that ends the JSON string whose
// contents start at i (len(data) if none does): the first quote preceded
// by an even number of backslashes.
func stringEnd(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return len(data)
		}
		i += j
		k := i
		for data[k-1] == '\\' { // the string's opening quote stops this
			k--
		}
		if (i-k)%2 == 0 {
			return i
		}
		i++
	}
}

// graphItems returns the nodes of a decoded bundle: the @graph array of a
// top-level object, a top-level array, or a single top-level node.
func graphItems(v any) ([]any, error) {
	switch v := v.(type) {
	case map[string]any:
		g, ok := v["@graph"]
		if !ok {
			if _, ok := v["@type"]; !ok {
				// Not a node either: most likely some other JSON.
				return nil, &Error{Msg: "the bundle is an object with neither @graph nor @type, want a JSON-LD graph or node"}
			}
			return []any{v}, nil
		}
		switch g := g.(type) {
		case []any:
			return g, nil
		case map[string]any:
			return []any{g}, nil
		default:
			return nil, &Error{Field: "@graph", Msg: "is " + kind(g) + ", want an array of nodes"}
		}
	case []any:
		return v, nil
	default:
		return nil, &Error{Msg: "the bundle is " + kind(v) + ", want a JSON-LD object or an array of nodes"}
	}
}

// byteSize formats n bytes for a message.
func byteSize(n int) string {
	return strconv.Itoa(n) + " bytes (" + strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB)"
}
