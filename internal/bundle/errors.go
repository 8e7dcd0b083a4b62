package bundle

import (
	"bytes"
	"unicode/utf8"
)

// Error is a problem with a bundle. Parse returns one when the input cannot
// be used at all; the same type, formatted, makes the warnings about single
// nodes, so that every message has the same shape:
//
//	line 3, column 14: invalid JSON: invalid character '}' looking for beginning of value
//	@graph[3] (Quotation #s3): text is empty
type Error struct {
	// Line and Column (1-based, column in characters) locate JSON syntax
	// and nesting errors in the input; both are 0 for other problems.
	Line, Column int
	// Node names the node at fault: "@graph[3] (Quotation #s3)". It is
	// empty when the problem is the input as a whole.
	Node string
	// Field is the field at fault, as a path inside the node
	// ("itemReviewed.author"); empty when the problem is the whole node.
	Field string
	// Msg says what is wrong: "is empty".
	Msg string
}

func (e *Error) Error() string {
	var b bytes.Buffer
	if e.Line > 0 {
		b.WriteString(format("line %d, column %d: ", e.Line, e.Column))
	}
	if e.Node != "" {
		b.WriteString(e.Node)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	b.WriteString(e.Msg)
	return b.String()
}

// fieldErr returns an error about one field; the caller fills in the node.
func fieldErr(field, msg string, args ...any) *Error {
	return &Error{Field: field, Msg: format(msg, args...)}
}

// errorAt returns an error located at byte offset off of data.
func errorAt(data []byte, off int, msg string, args ...any) *Error {
	line, column := Position(data, off)
	return &Error{Line: line, Column: column, Msg: format(msg, args...)}
}

// Position returns the line and column (1-based, the column in characters)
// of byte offset off of data, as Error gives them.
func Position(data []byte, off int) (line, column int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[lineStart:]) + 1
}

// kind names the JSON type of a decoded value, for messages.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default: // jsontree.Number
		return "a number"
	}
}
