package bundletool

import (
	"bytes"
	"strings"
)

// ldScript is the text of one <script type="application/ld+json"> element
// of a page.
type ldScript struct {
	text   []byte
	offset int // of text in the page
}

// ldScripts returns the JSON-LD script elements of an HTML page, in page
// order. Like a browser, it skips comments (a script commented out is not
// there) and takes a script's text as it is, up to the first </script.
func ldScripts(page []byte) []ldScript {
	var out []ldScript
	for i := 0; i < len(page); {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := page[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return out
			}
			i += 4 + end + 3
		case hasPrefixFold(rest, "<script") && len(rest) > 7 && isTagEnd(rest[7]):
			attrs, tagEnd := tagAttributes(page, i+7)
			end := indexFold(page[tagEnd:], "</script")
			if end < 0 {
				end = len(page) - tagEnd
			}
			if isLDJSON(attrs["type"]) {
				out = append(out, ldScript{text: page[tagEnd : tagEnd+end], offset: tagEnd})
			}
			i = tagEnd + end
		default:
			i++
		}
	}
	return out
}

// isTagEnd reports whether c may follow a tag's name.
func isTagEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '>' || c == '/'
}

// isLDJSON reports whether a script's type is JSON-LD (any case, any
// parameters: "application/ld+json; charset=utf-8").
func isLDJSON(typ string) bool {
	typ, _, _ = strings.Cut(typ, ";")
	return strings.EqualFold(strings.TrimSpace(typ), "application/ld+json")
}

// tagAttributes reads the attributes of the tag whose name ends at i, up
// to its '>': names lower-cased, values unquoted. It returns the offset
// after the '>' (len(page) if the tag does not end).
func tagAttributes(page []byte, i int) (map[string]string, int) {
	attrs := map[string]string{}
	for i < len(page) {
		for i < len(page) && (isTagEnd(page[i]) && page[i] != '>') {
			i++
		}
		if i >= len(page) {
			break
		}
		if page[i] == '>' {
			return attrs, i + 1
		}
		start := i
		for i < len(page) && !isTagEnd(page[i]) && page[i] != '=' {
			i++
		}
		name := strings.ToLower(string(page[start:i]))
		if i >= len(page) || page[i] != '=' {
			attrs[name] = ""
			continue
		}
		i++ // '='
		var value string
		if i < len(page) && (page[i] == '"' || page[i] == '\'') {
			q := page[i]
			end := bytes.IndexByte(page[i+1:], q)
			if end < 0 {
				return attrs, len(page)
			}
			value = string(page[i+1 : i+1+end])
			i += end + 2
		} else {
			start := i
			for i < len(page) && !isSpace(page[i]) && page[i] != '>' {
				i++
			}
			value = string(page[start:i])
		}
		if _, dup := attrs[name]; !dup { // the first wins, as in HTML
			attrs[name] = value
		}
	}
	return attrs, len(page)
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// indexFold returns the offset of the first s (ASCII, any case, starting
// with "<") in b, or -1.
func indexFold(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if hasPrefixFold(b[i:], s) {
			return i
		}
	}
	return -1
}

// jsonSpan returns the part of a script's text inside the wrappers that
// pages put around JSON-LD: white space, <!-- -->, CDATA sections, bare or
// in JavaScript comments. ok is false when nothing is left.
func jsonSpan(text []byte) (start, end int, ok bool) {
	start, end = 0, len(text)
	for trimmed := true; trimmed; {
		trimmed = false
		for start < end && isSpace(text[start]) {
			start++
		}
		for end > start && isSpace(text[end-1]) {
			end--
		}
		for _, w := range jsonWrappers {
			if bytes.HasPrefix(text[start:end], []byte(w.open)) {
				start += len(w.open)
				trimmed = true
			}
			if bytes.HasSuffix(text[start:end], []byte(w.close)) {
				end -= len(w.close)
				trimmed = true
			}
		}
	}
	return start, end, start < end
}

// jsonWrappers are what pages write around JSON-LD, longest first.
var jsonWrappers = []struct{ open, close string }{
	{"/*<![CDATA[*/", "/*]]>*/"},
	{"//<![CDATA[", "//]]>"},
	{"<![CDATA[", "]]>"},
	{"<!--", "-->"},
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
