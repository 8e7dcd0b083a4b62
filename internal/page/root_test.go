//go:build js

package page

import (
	"strings"
	"testing"
)

// paras returns n paragraphs of story text, each about 220 characters.
func paras(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("<p>The council met on Tuesday evening to debate the budget, and the mayor said, " +
			"after a long session that ran past midnight, that the city would keep its libraries open " +
			"on weekends for at least another year (paragraph " + strings.Repeat("i", i+1) + ").</p>")
	}
	return b.String()
}

// links returns a list of n links, each about 60 characters.
func links(n int) string {
	var b strings.Builder
	b.WriteString("<ul>")
	for range n {
		b.WriteString(`<li><a href="/other">Another story about the council and the weekend libraries</a></li>`)
	}
	b.WriteString("</ul>")
	return b.String()
}

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
		{"teasers beside the story", `<main id="m">` +
			`<article id="t1"><h2><a href="/a">The weekend libraries, a year on</a></h2><p>Readers tell us how the libraries changed their weekends.</p></article>` +
			`<article id="story"><h1>Council keeps libraries open</h1>` + paras(4) + `</article>` +
			`<article id="t2"><h2><a href="/b">Budget night in pictures</a></h2><p>The council chamber, the protest outside and the vote.</p></article></main>`, "", "story", false},
		{"related stories longer than the story, mostly links", `<article id="story"><h1>Council keeps libraries open</h1>` + paras(3) + `</article>` +
			`<article id="related"><h2>Related</h2>` + links(20) + `</article>`, "", "story", false},
		{"comments longer than the story", `<div id="page"><div id="story"><h1>Council keeps libraries open</h1>` + paras(3) + `</div>` +
			`<section id="comments"><h2>12 comments</h2>` + strings.Repeat(`<div class="comment">`+paras(2)+`</div>`, 4) + `</section></div>`, "", "story", false},
		{"no article element", `<header><nav>` + links(6) + `</nav></header><div id="wrap"><div class="sidebar">` + links(15) + `</div>` +
			`<div id="content"><h1>Council keeps libraries open</h1>` + paras(4) + `</div></div><footer>` + links(5) + `</footer>`, "", "content", false},
		{"a hint on the story's wrapper", `<nav>` + links(6) + `</nav><div id="wrap" class="layout-has-sidebar"><div id="story">` + paras(4) + `</div></div>`, "", "wrap", false},
		{"headline linked to the story", `<nav>` + links(6) + `</nav><article id="a"><h2><a href="/self">Council keeps the city's libraries open on weekends for another year</a></h2>` +
			`<div id="text">` + paras(3) + `</div></article>`, "", "a", false},
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
			// Pausing between chunks picks the same root.
			if paused, _ := Root(document, tt.selector, func() {}); !paused.Equal(root) {
				t.Fatalf("Root(%q) with pauses = #%s, want #%s", tt.selector, paused.Get("id"), tt.wantID)
			}
		})
	}
}
