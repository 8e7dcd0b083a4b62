//go:build js

package page

import "testing"

func TestRoot(t *testing.T) {
	tests := []struct {
		name, html, selector string
		wantID               string // id of the expected root; "" for body
		wantErr              bool
	}{
		{"selector", `<div id="a"><p>x</p></div><article id="b">long long long text</article>`, "#a", "a", false},
		{"selector list", `<section id="s"><p>x</p></section>`, "nav, #s", "s", false},
		{"invalid selector", `<p>x</p>`, "p[", "", true},
		{"invalid selector 2", `<p>x</p>`, "##x", "", true},
		{"matches nothing", `<p>x</p>`, "#missing", "", true},
		{"no article", `<div><p>x</p></div>`, "", "", false},
		{"one article", `<div>site</div><article id="a"><p>x</p></article>`, "", "a", false},
		{"several articles", `<article id="a">short</article><article id="b">the longest of them all</article><article id="c">middle one</article>`, "", "b", false},
		{"article before main", `<main id="m"><article id="a">x</article> much more text in main</main>`, "", "a", false},
		{"articleBody", `<div itemprop="articleBody" id="ab">x</div><main id="m">y</main>`, "", "ab", false},
		{"main", `<div role="main" id="r">x</div><main id="m">y</main>`, "", "m", false},
		{"role main", `<div role="main" id="r">x</div>`, "", "r", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setBody(t, tt.html)
			root, err := Root(document, tt.selector, nil)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Root(%q) = %v, want an error", tt.selector, root)
				}
				return
			}
			if err != nil {
				t.Fatalf("Root(%q): %v", tt.selector, err)
			}
			if tt.wantID == "" {
				if !root.Equal(body) {
					t.Fatalf("Root(%q) = <%s>, want body", tt.selector, root.Get("localName"))
				}
				return
			}
			if id := root.Get("id").String(); id != tt.wantID {
				t.Fatalf("Root(%q) = #%s, want #%s", tt.selector, id, tt.wantID)
			}
		})
	}
}
