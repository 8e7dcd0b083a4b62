package bundle

import "strings"

// WebURLHost returns the host (with its port, if any) of s when s is an
// absolute http or https URL with a host, the only links the widget makes,
// and "" otherwise: a javascript: or data: URL from a hostile bundle must
// never become a link. (A check, not a parser: the browser parses the
// link; net/url would cost the widget's binary 40 KB.)
func WebURLHost(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] == 0x7f {
			return "" // browsers strip or refuse these; so do we
		}
	}
	rest, ok := cutPrefixFold(s, "https://")
	if !ok {
		rest, ok = cutPrefixFold(s, "http://")
	}
	if !ok {
		return ""
	}
	host := rest
	if i := strings.IndexAny(rest, "/?#\\"); i >= 0 {
		host = rest[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if host == "" || host[0] == ':' {
		return ""
	}
	return host
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
