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
			a, err := Root(document, tt.selector, nil)
			root := a.Root
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
			if !a.Without.IsNull() {
				t.Fatalf("Root(%q) leaves out %d elements, want none", tt.selector, a.Without.Get("size").Int())
			}
			// Pausing between chunks picks the same root.
			if paused, _ := Root(document, tt.selector, func() {}); !paused.Root.Equal(root) {
				t.Fatalf("Root(%q) with pauses = #%s, want #%s", tt.selector, paused.Root.Get("id"), tt.wantID)
			}
		})
	}
}

// TestRootNotClearly checks pages where no element is clearly the article:
// Root takes the body, and reading it leaves out the navigation, the link
// lists and the comment sections, but reads every part of the story.
func TestRootNotClearly(t *testing.T) {
	nav := `<nav>` + links(6) + `</nav>`
	tests := []struct {
		name, html string
		read       []string // in the text read
		notRead    []string // not in it
	}{
		{"sections of a manual beside its table of contents", nav + `<div id="doc"><div id="toc">` + links(20) + `</div>` +
			`<div id="s1"><h2>Section one</h2>` + paras(3) + `</div>` +
			// "sharing" is a boilerplate hint; only landmarks and
			// comment sections are left out of a body read whole.
			`<div id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>` + paras(3) + `</div>` +
			`<div id="s3"><h2>Section three</h2>` + paras(3) + `</div></div>` +
			`<div id="comments"><p>A reader comments that the libraries were always open on weekends in the old days.</p></div>`,
			[]string{"Section one", "Sharing with a single developer", "Section three"},
			[]string{"Another story", "A reader comments"}},
		{"a story laid out in table cells, no paragraph long enough", nav + `<table><tr><td id="c1"><p>The dog crossed the bridge with a piece of meat in its mouth.</p></td>` +
			`<td id="c2">He looked down.<br>He saw another dog.<br>He barked.<br>The meat fell.</td></tr></table>`,
			[]string{"The dog crossed the bridge", "He saw another dog", "The meat fell"},
			[]string{"Another story"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setBody(t, tt.html)
			a, err := Root(document, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Root.Equal(body) {
				t.Fatalf("Root = <%s id=%q>, want body", a.Root.Get("localName"), a.Root.Get("id"))
			}
			if paused, _ := Root(document, "", func() {}); !paused.Root.Equal(body) ||
				paused.Without.Get("size").Int() != a.Without.Get("size").Int() {
				t.Fatalf("with pauses, Root = <%s> without %d elements, want body without %d",
					paused.Root.Get("localName"), paused.Without.Get("size").Int(), a.Without.Get("size").Int())
			}
			before := body.Get("textContent")
			txt := a.Read(Limits{}, nil)
			for _, s := range tt.read {
				// Offsets are the page's, past what was left out.
				if got, want := txt.BodyOffset(mustIndex(t, txt.S, s)), jsIndex(before, s); got != want {
					t.Errorf("BodyOffset(%q) = %d, want %d", s, got, want)
				}
			}
			for _, s := range tt.notRead {
				if strings.Contains(txt.S, s) {
					t.Errorf("%q was read: %q", s, txt.S)
				}
			}
		})
	}
}
