// Package jsontree reads JSON into a tree of plain Go values and writes
// JSON strings, without reflection.
//
// The widget needs no more than that: the statement bundle is read as a
// tree and walked by hand, and the annotations are written field by field.
// encoding/json, with the reflection it brings, costs the WebAssembly
// binary about a quarter of its compressed size; and Parse can give the
// page a turn in the middle of a large document, which one call of
// encoding/json cannot.
package jsontree

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A Number is a JSON number as written, so that no number is refused for
// its range or rounded.
type Number string

// Float64 returns the number as a float64.
func (n Number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

// SyntaxError is a byte of the input that makes it not JSON.
type SyntaxError struct {
	Offset int // of the offending byte; len(input) when the input ends too early
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// MaxDepth bounds the nesting of arrays and objects Parse accepts, so that
// a hostile input cannot exhaust the stack.
const MaxDepth = 10000

// pauseEvery is how many values Parse reads between calls of its pause
// function.
const pauseEvery = 512

// Parse reads one JSON value, with nothing but white space around it. An
// object becomes map[string]any (a repeated name keeps its last value),
// an array []any, a string string, a number Number, true and false bool,
// null nil. If pause is not nil, Parse calls it every few hundred values:
// a caller in a browser gives the page a turn there.
func Parse(data []byte, pause func()) (any, error) {
	p := &parser{data: data, pause: pause}
	p.space()
	if p.i == len(data) {
		return nil, &SyntaxError{0, "unexpected end of JSON input"}
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.space(); p.i < len(data) {
		return nil, p.errorf("invalid character " + quoteChar(data[p.i]) + " after top-level value")
	}
	return v, nil
}

type parser struct {
	data  []byte
	i     int
	n     int // values read since the last pause
	pause func()
}

func (p *parser) errorf(msg string) error { return &SyntaxError{p.i, msg} }

func (p *parser) eof() error {
	return &SyntaxError{len(p.data), "unexpected end of JSON input"}
}

func (p *parser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value reads the value at p.i (white space already skipped).
func (p *parser) value(depth int) (any, error) {
	if p.n++; p.pause != nil && p.n >= pauseEvery {
		p.n = 0
		p.pause()
	}
	if p.i == len(p.data) {
		return nil, p.eof()
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		return p.string()
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	default:
		return nil, p.errorf("invalid character " + quoteChar(c) + " looking for beginning of value")
	}
}

func (p *parser) literal(word string) error {
	for k := 0; k < len(word); k++ {
		if p.i == len(p.data) {
			return p.eof()
		}
		if p.data[p.i] != word[k] {
			return p.errorf("invalid character " + quoteChar(p.data[p.i]) + " in literal " + word)
		}
		p.i++
	}
	return nil
}

func (p *parser) object(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, p.errorf("exceeded max depth")
	}
	p.i++ // {
	obj := map[string]any{}
	p.space()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return obj, nil
	}
	for {
		if p.i == len(p.data) {
			return nil, p.eof()
		}
		if p.data[p.i] != '"' {
			return nil, p.errorf("invalid character " + quoteChar(p.data[p.i]) + " looking for beginning of object key string")
		}
		key, err := p.string()
		if err != nil {
			return nil, err
		}
		if p.space(); p.i == len(p.data) {
			return nil, p.eof()
		}
		if p.data[p.i] != ':' {
			return nil, p.errorf("invalid character " + quoteChar(p.data[p.i]) + " after object key")
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		obj[key] = v
		if more, err := p.next('}', "after object key:value pair"); !more {
			return obj, err
		}
	}
}

// next reads what follows a member or element: a comma (more follow) or
// the closing delimiter.
func (p *parser) next(closing byte, where string) (more bool, err error) {
	if p.space(); p.i == len(p.data) {
		return false, p.eof()
	}
	switch p.data[p.i] {
	case ',':
		p.i++
		p.space()
		return true, nil
	case closing:
		p.i++
		return false, nil
	}
	return false, p.errorf("invalid character " + quoteChar(p.data[p.i]) + " " + where)
}

func (p *parser) array(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, p.errorf("exceeded max depth")
	}
	p.i++ // [
	arr := []any{}
	p.space()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return arr, nil
	}
	for {
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
		if more, err := p.next(']', "after array element"); !more {
			return arr, err
		}
	}
}

// number reads a number with JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() (any, error) {
	start := p.i
	if p.data[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.data) && p.data[p.i] == '0':
		p.i++
	case p.digits() == 0:
		return nil, p.bad("in numeric literal")
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return nil, p.bad("after decimal point in numeric literal")
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return nil, p.bad("in exponent of numeric literal")
		}
	}
	return Number(p.data[start:p.i]), nil
}

func (p *parser) digits() int {
	start := p.i
	for p.i < len(p.data) && '0' <= p.data[p.i] && p.data[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}

func (p *parser) bad(where string) error {
	if p.i == len(p.data) {
		return p.eof()
	}
	return p.errorf("invalid character " + quoteChar(p.data[p.i]) + " " + where)
}

// string reads a string; invalid UTF-8 becomes U+FFFD, as in encoding/json.
func (p *parser) string() (string, error) {
	p.i++ // "
	start := p.i
	// The common case: no escapes, all valid: one copy.
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			s := string(p.data[start:p.i])
			p.i++
			return s, nil
		}
		if c == '\\' || c < ' ' || c >= utf8.RuneSelf {
			break
		}
		p.i++
	}
	buf := append([]byte(nil), p.data[start:p.i]...)
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return string(buf), nil
		case c < ' ':
			return "", p.errorf("invalid character " + quoteChar(c) + " in string literal")
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.i++
		default:
			r, size := utf8.DecodeRune(p.data[p.i:])
			buf = utf8.AppendRune(buf, r)
			p.i += size
		}
	}
	return "", p.eof()
}

// escape reads the escape sequence at p.i, joining a UTF-16 surrogate
// pair; a lone surrogate becomes U+FFFD.
func (p *parser) escape() (rune, error) {
	p.i++ // backslash
	if p.i == len(p.data) {
		return 0, p.eof()
	}
	c := p.data[p.i]
	p.i++
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, err := p.hex4()
		if err != nil || !utf16.IsSurrogate(r) {
			return r, err
		}
		if p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
			save := p.i
			p.i += 2
			r2, err := p.hex4()
			if err != nil {
				return 0, err
			}
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				return pair, nil
			}
			p.i = save
		}
		return utf8.RuneError, nil
	}
	p.i--
	return 0, p.errorf("invalid character " + quoteChar(c) + " in string escape code")
}

func (p *parser) hex4() (rune, error) {
	var r rune
	for k := 0; k < 4; k++ {
		if p.i == len(p.data) {
			return 0, p.eof()
		}
		c := p.data[p.i]
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, p.errorf("invalid character " + quoteChar(c) + " in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(d)
		p.i++
	}
	return r, nil
}

// quoteChar writes a byte for an error message, as encoding/json does.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
