package jsontree

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// An Encoder appends JSON to Buf, a member or element at a time; it
// writes the commas. It writes what encoding/json's Marshal writes for the
// same values, escapes included.
type Encoder struct {
	Buf  []byte
	more bool // a value precedes in the current container: write a comma
}

// BeginObject and EndObject delimit an object; BeginArray and EndArray an
// array.
func (e *Encoder) BeginObject() { e.open('{') }
func (e *Encoder) EndObject()   { e.close('}') }
func (e *Encoder) BeginArray()  { e.open('[') }
func (e *Encoder) EndArray()    { e.close(']') }

// Name writes a member's name; its value follows.
func (e *Encoder) Name(name string) {
	e.comma()
	e.Buf = append(AppendString(e.Buf, name), ':')
	e.more = false
}

// String, Int and Float write a value.
func (e *Encoder) String(s string) { e.comma(); e.Buf = AppendString(e.Buf, s); e.more = true }
func (e *Encoder) Int(n int) {
	e.comma()
	e.Buf = strconv.AppendInt(e.Buf, int64(n), 10)
	e.more = true
}
func (e *Encoder) Float(f float64) { e.comma(); e.Buf = appendFloat(e.Buf, f); e.more = true }

// Field writes a member with a string value; OptField omits it when the
// value is empty (encoding/json's omitempty).
func (e *Encoder) Field(name, value string) {
	e.Name(name)
	e.String(value)
}

func (e *Encoder) OptField(name, value string) {
	if value != "" {
		e.Field(name, value)
	}
}

func (e *Encoder) open(c byte) {
	e.comma()
	e.Buf = append(e.Buf, c)
	e.more = false
}

func (e *Encoder) close(c byte) {
	e.Buf = append(e.Buf, c)
	e.more = true
}

func (e *Encoder) comma() {
	if e.more {
		e.Buf = append(e.Buf, ',')
	}
}

// appendFloat writes f as encoding/json does: the shortest form that reads
// back the same, in exponent form only for very small or large magnitudes.
// NaN and infinities, which JSON cannot hold, are written as 0.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0')
	}
	abs, format := math.Abs(f), byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string. Like encoding/json it escapes
// <, > and & (so the JSON is safe inside HTML), U+2028 and U+2029 (so it
// is safe inside JavaScript source), and writes invalid UTF-8 as U+FFFD.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
