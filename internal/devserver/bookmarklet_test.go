package devserver

import (
	"net/url"
	"strings"
	"testing"
)

func TestBookmarklet(t *testing.T) {
	tests := []struct {
		origin, script string
	}{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/web/factcheck.js"},
		{"https://cdn.example/", "https://cdn.example/web/factcheck.js"},
		{"https://cdn.example/fact%20check", "https://cdn.example/fact%20check/web/factcheck.js"},
	}
	for _, tt := range tests {
		got := Bookmarklet(tt.origin)
		body, ok := strings.CutPrefix(got, "javascript:")
		if !ok {
			t.Fatalf("Bookmarklet(%q) = %q: not a javascript: URL", tt.origin, got)
		}
		code, err := url.PathUnescape(body)
		if err != nil {
			t.Fatalf("Bookmarklet(%q): %v", tt.origin, err)
		}
		if !strings.Contains(code, `"`+tt.script+`"`) {
			t.Errorf("Bookmarklet(%q) runs %s; want it to load %s", tt.origin, code, tt.script)
		}
		if strings.ContainsAny(body, " \n#") {
			t.Errorf("Bookmarklet(%q) = %q: has characters a URL must not", tt.origin, got)
		}
	}
}
