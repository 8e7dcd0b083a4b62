//go:build js

package page

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeValues decodes the JSON text JSON.stringify made of an array of n
// strings and nulls; a null becomes "". JSON.stringify escapes a lone
// surrogate as \uXXXX, which becomes U+FFFD, as a lone surrogate does
// when a string crosses into Go. A string without escapes is not copied.
func decodeValues(s string, n int) []string {
	vals := make([]string, 0, n)
	for i := 1; i < len(s) && s[i] != ']'; {
		switch s[i] {
		case ',':
			i++
		case 'n': // null
			vals = append(vals, "")
			i += len("null")
		default: // '"'
			var v string
			v, i = unquote(s, i+1)
			vals = append(vals, v)
		}
	}
	return vals
}

// unquote decodes the JSON string whose contents start at s[i]; it returns
// the string and the index after its closing quote.
func unquote(s string, i int) (string, int) {
	j := i + strings.IndexAny(s[i:], `"\`)
	if s[j] == '"' {
		return s[i:j], j + 1
	}
	b := []byte(s[i:j])
	for s[j] != '"' {
		if s[j] != '\\' {
			k := j + strings.IndexAny(s[j:], `"\`)
			b = append(b, s[j:k]...)
			j = k
			continue
		}
		if s[j+1] == 'u' {
			r, _ := strconv.ParseUint(s[j+2:j+6], 16, 16)
			b = utf8.AppendRune(b, rune(r)) // a surrogate appends U+FFFD
			j += 6
			continue
		}
		b = append(b, unescape[s[j+1]])
		j += 2
	}
	return string(b), j + 1
}

// unescape maps the letter of a two-character JSON escape to its byte.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
