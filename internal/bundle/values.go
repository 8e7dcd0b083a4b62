package bundle

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"factcheck/internal/jsontree"
)

// The readers below accept the shapes that real feeds give a value: a
// field meant to hold one value may hold an array (its first element is
// used), text may be a JSON-LD value object {"@value": "..."}, and an
// object may be a bare {"@id": ...} reference to another graph node. Any
// other type is an error that names the field.

// single returns the one value a field holds: the first element of an array.
func single(v any) any {
	if a, ok := v.([]any); ok {
		if len(a) == 0 {
			return nil
		}
		return a[0]
	}
	return v
}

// str reads a text value: a string or {"@value": "..."}. Missing is "".
func str(field string, v any) (string, *Error) {
	switch s := single(v).(type) {
	case nil:
		return "", nil
	case string:
		return clean(s), nil
	case map[string]any:
		if s, ok := s["@value"].(string); ok {
			return clean(s), nil
		}
	}
	return "", fieldErr(field, "is %s, want text", kind(single(v)))
}

// strs reads a list of texts. Empty texts are kept, so that indexes match
// the input's; callers drop them.
func strs(field string, v any) ([]string, *Error) {
	a, ok := v.([]any)
	if !ok {
		a = []any{v}
	}
	var out []string
	for i, e := range a {
		s, err := str(elem(field, i, len(a)), e)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// elem names element i of an array field, or the field itself when it
// held a single value.
func elem(field string, i, n int) string {
	if n == 1 {
		return field
	}
	return format("%s[%d]", field, i)
}

// words reads a statement or claim text, which must hold exactly one value
// no longer than MaxTextLen characters. Missing is "".
func words(field string, v any) (string, *Error) {
	if a, ok := v.([]any); ok && len(a) > 1 {
		return "", fieldErr(field, "has %d values, want one", len(a))
	}
	s, err := str(field, v)
	if err != nil {
		return "", err
	}
	return s, checkLen(field, s)
}

// checkLen refuses a text longer than MaxTextLen characters.
func checkLen(field, s string) *Error {
	if n := utf8.RuneCountInString(s); n > MaxTextLen {
		return fieldErr(field, "is %d characters long; the limit is %d", n, MaxTextLen)
	}
	return nil
}

// label reads a name: text, or an object (a DefinedTerm, an Organization)
// with a name.
func (n *node) label(field string, v any) (string, *Error) {
	if m, ok := n.p.resolve(single(v)).(map[string]any); ok {
		if _, ok := m["@value"]; !ok {
			return str(field+".name", m["name"])
		}
	}
	return str(field, v)
}

// person reads a Person or Organization: an object with a name, jobTitle,
// affiliation (or worksFor) and alternateNames, its own and its
// affiliation's, or a plain name.
func (n *node) person(field string, v any) (Person, *Error) {
	var p Person
	var err *Error
	switch w := n.p.resolve(single(v)).(type) {
	case nil:
	case string:
		p.Name = clean(w)
	case map[string]any:
		if p.Name, err = str(field+".name", w["name"]); err != nil {
			return p, err
		}
		if p.JobTitle, err = n.label(field+".jobTitle", w["jobTitle"]); err != nil {
			return p, err
		}
		key := "affiliation"
		if w[key] == nil && w["worksFor"] != nil {
			key = "worksFor"
		}
		if p.Affiliation, err = n.label(field+"."+key, w[key]); err != nil {
			return p, err
		}
		if p.AlternateNames, err = strs(field+".alternateName", w["alternateName"]); err != nil {
			return p, err
		}
		if org, ok := n.p.resolve(single(w[key])).(map[string]any); ok {
			alt, err := strs(field+"."+key+".alternateName", org["alternateName"])
			if err != nil {
				return p, err
			}
			p.AlternateNames = append(p.AlternateNames, alt...)
		}
		if p.AlternateNames = unique(p.AlternateNames, p.Name); len(p.AlternateNames) == 0 {
			p.AlternateNames = nil
		}
	default:
		return p, fieldErr(field, "is %s, want a Person or Organization", kind(w))
	}
	return p, nil
}

// things reads the names of a claim's subjects: Things with a name and
// alternateNames, or plain names. Every name and alternate name is listed
// (empty names and repeats included: the caller removes them).
func (n *node) things(field string, v any) ([]string, *Error) {
	a, ok := v.([]any)
	if !ok {
		a = []any{v}
	}
	var names []string
	for i, e := range a {
		f := elem(field, i, len(a))
		m, ok := n.p.resolve(e).(map[string]any)
		if !ok || m["@value"] != nil {
			s, err := str(f, e)
			if err != nil {
				return nil, fieldErr(f, "is %s, want a Thing or a name", kind(e))
			}
			names = append(names, s)
			continue
		}
		name, err := str(f+".name", m["name"])
		if err != nil {
			return nil, err
		}
		alt, err := strs(f+".alternateName", m["alternateName"])
		if err != nil {
			return nil, err
		}
		names = append(append(names, name), alt...)
	}
	return names, nil
}

// unique returns list in order without repeats, empty strings and except.
// It works in place.
func unique(list []string, except string) []string {
	seen := map[string]bool{"": true, except: true}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// url reads a link: a string or an {"@id": ...} object. Only absolute http
// and https URLs are kept (the UI shows them as links: a javascript: URL
// must never get there); another value is dropped with a warning.
func (n *node) url(field string, v any) (string, *Error) {
	v = single(v)
	if m, ok := v.(map[string]any); ok && m["@id"] != nil {
		v = m["@id"]
	}
	s, err := str(field, v)
	if err != nil || s == "" {
		return "", err
	}
	if WebURLHost(s) == "" {
		n.warn(field, "%q is not an http or https URL, ignored", s)
		return "", nil
	}
	return s, nil
}

// date reads an ISO 8601 date ("2022-01-27", "2022-01", "2022",
// "2022-01-27T10:00:00Z"), kept as published; another text is dropped with
// a warning.
func (n *node) date(field string, v any) (string, *Error) {
	s, err := str(field, v)
	if err != nil || s == "" {
		return "", err
	}
	if !isISODate(s) {
		n.warn(field, "%q is not an ISO 8601 date, ignored", s)
		return "", nil
	}
	return s, nil
}

// isISODate reports whether s starts with an ISO 8601 calendar date:
// YYYY, YYYY-MM or YYYY-MM-DD, the last optionally followed by a time.
func isISODate(s string) bool {
	digits := func(from, to int) bool {
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(s) < 4 || !digits(0, 4):
		return false
	case len(s) == 4:
		return true
	case len(s) < 7 || s[4] != '-' || !digits(5, 7):
		return false
	case len(s) == 7:
		return true
	case len(s) < 10 || s[7] != '-' || !digits(8, 10):
		return false
	}
	return len(s) == 10 || s[10] == 'T' || s[10] == ' '
}

// number reads a number, which feeds also write as a string ("5"). A
// string that is not a number is returned as text (schema.org allows
// text ratings).
func number(field string, v any) (x float64, ok bool, text string, err *Error) {
	switch w := single(v).(type) {
	case nil:
		return 0, false, "", nil
	case jsontree.Number:
		x, perr := w.Float64()
		if perr != nil {
			return 0, false, "", fieldErr(field, "%s is not a usable number", w)
		}
		return x, true, "", nil
	case string:
		s := clean(w)
		x, perr := strconv.ParseFloat(s, 64)
		if perr != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false, s, nil
		}
		return x, true, "", nil
	default:
		return 0, false, "", fieldErr(field, "is %s, want a number", kind(w))
	}
}

// clean makes a text from the bundle safe to show as plain text: control
// characters other than newline and tab are removed (a lone carriage
// return becomes a newline) and the ends are trimmed. Nothing else
// changes: HTML stays literal text, spaces are not collapsed.
func clean(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
