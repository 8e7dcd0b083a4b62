//go:build js

package page

import (
	"errors"
	"strings"
	"syscall/js"
	"testing"
)

// byID returns the element with the id.
func byID(id string) js.Value {
	return document.Call("getElementById", id)
}

// restored fails the test unless Clear gave back the body's innerHTML
// exactly and the nodes held before are the page's nodes again.
func restored(t *testing.T, html string, held ...js.Value) {
	t.Helper()
	if got := body.Get("innerHTML").String(); got != html {
		t.Fatalf("after Clear innerHTML =\n%s\nwant\n%s", got, html)
	}
	for _, n := range held {
		if !n.Get("isConnected").Bool() {
			t.Fatalf("node %q left the page", n.Get("data"))
		}
	}
	if n := document.Get("adoptedStyleSheets").Length(); n != 0 {
		t.Fatalf("%d adopted style sheets left", n)
	}
}

func TestHighlightAcrossInline(t *testing.T) {
	modes(t, func(t *testing.T, painted bool) {
		setBody(t, `<p id="p">Officials said “we will <a id="l" href="#target">build the <em>new</em> bridge</a> next year” on Friday.</p>`)
		html := body.Get("innerHTML").String()
		p, link := byID("p"), byID("l")
		first, last := p.Get("firstChild"), p.Get("lastChild")
		clicks := 0
		onClick := js.FuncOf(func(this js.Value, args []js.Value) any {
			clicks++
			args[0].Call("preventDefault")
			return nil
		})
		defer onClick.Release()
		link.Call("addEventListener", "click", onClick)

		txt := Read(body, Limits{}, nil)
		passage := "we will build the new bridge next year"
		m := highlight(t, txt, passage)
		if got := markText(m); got != passage {
			t.Fatalf("marks hold %q", got)
		}
		if painted {
			if len(m.Elements) != 0 || p.Call("querySelector", markTag).Truthy() {
				t.Fatalf("marks in a painted page: %s", p.Get("innerHTML"))
			}
			hl := js.Global().Get("CSS").Get("highlights").Call("get", "factcheck-disputed")
			if !hl.Truthy() || !hl.Call("has", m.Range).Bool() || hl.Get("size").Int() != 1 {
				t.Fatal("the range is not in the highlight factcheck-disputed, alone")
			}
			m.Unpaint()
			if hl.Get("size").Int() != 0 {
				t.Fatal("Unpaint left the range in the highlight")
			}
			m.Repaint()
			if !hl.Call("has", m.Range).Bool() || hl.Get("size").Int() != 1 {
				t.Fatal("Repaint did not put the range back in the highlight")
			}
		} else {
			if len(m.Elements) != 5 {
				t.Fatalf("%d marks, want 5 (one per text node)", len(m.Elements))
			}
			for _, el := range m.Elements {
				if v := el.Call("getAttribute", "data-verdict").String(); v != "disputed" || !el.Call("hasAttribute", UIAttr).Bool() {
					t.Fatalf("mark %s", el.Get("outerHTML"))
				}
			}
		}
		if href := link.Call("getAttribute", "href").String(); href != "#target" {
			t.Fatalf("link href %q", href)
		}
		if got := link.Get("textContent").String(); !strings.Contains(got, "build the new bridge") {
			t.Fatalf("link text %q", got)
		}
		if !first.Get("parentNode").Equal(p) || first.Get("data").String() != "Officials said “" {
			t.Fatalf("the page's first node: %q in <%s>", first.Get("data"), first.Get("parentNode").Get("localName"))
		}
		start, end := firstOf(m).Get("previousSibling"), m.Host.Get("previousSibling")
		if start.Get("localName").String() != srTag || start.Get("textContent").String() != "Start of disputed passage" ||
			end.Get("localName").String() != srTag || end.Get("textContent").String() != "End of disputed passage" {
			t.Fatalf("markers %s ... %s", start.Get("outerHTML"), end.Get("outerHTML"))
		}
		joint := lastOf(m).Get("nextSibling")
		closer := joint.Get("firstChild")
		if joint.Get("localName").String() != nowrapTag || closer.Get("data").String() != "”" || !closer.Get("nextSibling").Equal(end) ||
			m.Host.Get("localName").String() != badgeTag || !m.Host.Call("hasAttribute", UIAttr).Bool() {
			t.Fatalf("host %v is not after the closing quote mark, in a nowrap joint with it: %s", m.Host.Get("outerHTML"), p.Get("innerHTML"))
		}
		if sheets := document.Get("adoptedStyleSheets"); sheets.Length() != 1 || !sheets.Index(0).Equal(sheet) {
			t.Fatal("the style sheet is not adopted once")
		}
		link.Call("click")
		if clicks != 1 {
			t.Fatalf("the link's click handler ran %d times", clicks)
		}

		Clear(document)
		restored(t, html, first, last)
		if !p.Get("firstChild").Equal(first) || first.Get("data").String() != "Officials said “we will " {
			t.Fatalf("first node %q", first.Get("data"))
		}
		link.Call("click")
		if clicks != 2 {
			t.Fatalf("after Clear the link's click handler ran %d times in all", clicks)
		}
	})
}

// TestHighlightInLink: nothing but marks goes into a link, so that the
// link keeps its text and name and the badge is not a button in a link.
func TestHighlightInLink(t *testing.T) {
	tests := []struct{ name, html, passage string }{
		{"ends in a link", `<p>He said we will <a id="l" href="#t">build the <em>bridge</em></a> soon.</p>`, "we will build the bridge"},
		{"starts in a link", `<p>He said <a id="l" href="#t">we <em>will</em> build</a> the bridge soon.</p>`, "will build the bridge"},
		{"inside a link", `<p><a id="l" href="#t"><span>He said “we will build the bridge”</span></a> soon.</p>`, "we will build the bridge"},
	}
	modes(t, func(t *testing.T, _ bool) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				setBody(t, tt.html)
				html := body.Get("innerHTML").String()
				link := byID("l")
				text := link.Get("textContent").String()
				m := highlight(t, Read(body, Limits{}, nil), tt.passage)
				if got := link.Get("textContent").String(); got != text {
					t.Errorf("link text %q, want %q", got, text)
				}
				if n := link.Call("querySelectorAll", "[data-factcheck-ui]:not(factcheck-mark)").Length(); n != 0 {
					t.Errorf("%d widget elements in the link: %s", n, link.Get("outerHTML"))
				}
				if !m.Host.Get("isConnected").Bool() || link.Call("contains", m.Host).Bool() {
					t.Errorf("the badge host is not after the link: %s", body.Get("innerHTML"))
				}
				if got := markText(m); got != tt.passage {
					t.Errorf("marks hold %q, want %q", got, tt.passage)
				}
				Clear(document)
				restored(t, html)
			})
		}
	})
}

func TestHighlightBlocks(t *testing.T) {
	tests := []struct {
		name, html, passage string
		parent              string // local name of every mark's parent
		marks               int
	}{
		// One mark per text node, and one for the last character, which
		// shares a nowrap joint with the badge.
		{"table cells", `<table><tbody><tr><td>alpha beta</td> <td>gamma delta</td></tr>
			<tr><td>eps</td></tr></tbody></table>`, "beta\tgamma delta\t\neps", "td", 4},
		{"list", "<ul>\n <li>one two</li>\n <li>three <b>four</b></li>\n</ul>", "two\nthree", "li", 3},
		{"paragraphs", "<div><p>First para.</p>\n<p>Second para.</p></div>", "para.\nSecond", "p", 3},
		{"pre", "<pre>line 1\n  line 2\nline 3</pre>", "1\n  line 2", "pre", 2},
	}
	modes(t, func(t *testing.T, painted bool) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				setBody(t, tt.html)
				html := body.Get("innerHTML").String()
				txt := Read(body, Limits{}, nil)
				m := highlight(t, txt, tt.passage)
				ends := []js.Value{firstOf(m), lastOf(m)}
				if !painted {
					if len(m.Elements) != tt.marks {
						t.Fatalf("%d marks, want %d", len(m.Elements), tt.marks)
					}
					ends = m.Elements
				} else if n := body.Call("querySelectorAll", markTag).Length(); n != 0 {
					t.Fatalf("%d marks in a painted page", n)
				}
				for _, el := range ends {
					parent := el.Get("parentNode")
					if parent.Get("localName").String() == nowrapTag {
						parent = parent.Get("parentNode")
					}
					if p := parent.Get("localName").String(); p != tt.parent {
						t.Fatalf("a mark in <%s>, want <%s>", p, tt.parent)
					}
				}
				if got, want := markText(m), strings.NewReplacer("\n", "", "\t", "").Replace(tt.passage); tt.parent != "pre" && got != want {
					t.Fatalf("marks hold %q, want %q", got, want)
				}
				Clear(document)
				restored(t, html)
			})
		}
	})
}

func TestHighlightTwiceInOneNode(t *testing.T) {
	modes(t, func(t *testing.T, painted bool) {
		setBody(t, `<p id="p">alpha beta gamma delta epsilon</p>`)
		html := body.Get("innerHTML").String()
		node := byID("p").Get("firstChild")
		txt := Read(body, Limits{}, nil)
		a := highlight(t, txt, "delta")
		b := highlight(t, txt, "beta")
		c := highlight(t, txt, "alpha")
		for _, c := range []struct {
			m    *Mark
			want string
		}{{a, "delta"}, {b, "beta"}, {c, "alpha"}} {
			if got := markText(c.m); got != c.want {
				t.Fatalf("mark holds %q, want %q", got, c.want)
			}
		}
		if got := byID("p").Get("textContent").String(); !strings.Contains(got, "alpha") {
			t.Fatalf("text %q", got)
		}
		// The read after highlighting sees the page's own text, and
		// passages are not highlighted twice: marks are seen in the page,
		// painted passages by the Text that painted them.
		again := Read(body, Limits{}, nil)
		if again.S != txt.S {
			t.Fatalf("second read %q, want %q", again.S, txt.S)
		}
		over := again
		if painted {
			over = txt
		}
		for _, passage := range []string{"beta", "gamma delta", "alpha beta"} {
			i := strings.Index(over.S, passage)
			if _, err := over.Highlight(i, i+len(passage), "verified", "verified"); !errors.Is(err, errNested) {
				t.Fatalf("Highlight(%q) over marks: %v, want %v", passage, err, errNested)
			}
		}
		if got := markText(highlight(t, over, "gamma")); got != "gamma" {
			t.Fatalf("mark holds %q, want gamma", got)
		}
		Clear(document)
		restored(t, html, node)
		if !byID("p").Get("firstChild").Equal(node) || byID("p").Get("childNodes").Length() != 1 {
			t.Fatal("the page's text node was not joined back")
		}
		Clear(document) // twice is fine
		restored(t, html, node)
	})
}

// codeUnits lists a JavaScript string's UTF-16 code units.
var codeUnits = script("s", `return Array.from({length: s.length}, (_, i) => s.charCodeAt(i)).join()`)

func TestHighlightSurrogates(t *testing.T) {
	modes(t, func(t *testing.T, painted bool) {
		setBody(t, `<p id="p">x😀y😀z 👨‍👩‍👧 e</p>`)
		html := body.Get("innerHTML").String()
		node := byID("p").Get("firstChild")
		txt := Read(body, Limits{}, nil)
		for _, passage := range []string{"😀y😀", "👨‍👩‍👧"} {
			if got := markText(highlight(t, txt, passage)); got != passage {
				t.Fatalf("mark holds %q, want %q", got, passage)
			}
		}
		if got := node.Get("data").String(); got != "x" {
			t.Fatalf("the page's node holds %q", got)
		}
		Clear(document)
		restored(t, html, node)

		// Lone surrogates, which reach Go as U+FFFD, split where they are.
		setBody(t, `<p id="p"></p>`)
		node = document.Call("createTextNode", js.Global().Get("String").Call("fromCharCode", 'a', 0xD800, 'b', 0xDC00, 'c'))
		byID("p").Call("append", node)
		html = body.Get("innerHTML").String()
		txt = Read(body, Limits{}, nil)
		m := highlight(t, txt, "b\uFFFD")
		var units []string
		for _, n := range []js.Value{firstOf(m), lastOf(m)} {
			if !painted {
				n = n.Get("firstChild")
			}
			units = append(units, codeUnits.Invoke(n.Get("data")).String())
		}
		if got := strings.Join(units, " "); got != "98 56320" {
			t.Fatalf("marks hold code units %s, want 98 56320 (the last character on its own)", got)
		}
		Clear(document)
		restored(t, html, node)
		if got := codeUnits.Invoke(node.Get("data")).String(); got != "97,55296,98,56320,99" {
			t.Fatalf("node holds code units %s", got)
		}
	})
}

func TestClearAfterPageRemovedMark(t *testing.T) {
	withoutHighlightAPI(t)
	setBody(t, `<p id="p">alpha <b>beta</b> gamma delta</p><p id="q">other text</p>`)
	first := byID("p").Get("firstChild")
	txt := Read(body, Limits{}, nil)
	m := highlight(t, txt, "alpha beta gamma")
	highlight(t, txt, "other")
	// A framework re-render drops " gamma" (its last character is in a
	// mark of its own).
	m.Elements[2].Call("remove")
	m.Elements[3].Call("remove")
	Clear(document)
	if got, want := body.Get("innerHTML").String(), `<button id="doneButton" style="display: none;" disabled="">Done</button><p id="p">alpha <b>beta</b> delta</p><p id="q">other text</p>`; got != want {
		t.Fatalf("innerHTML %s, want %s", got, want)
	}
	if !first.Get("isConnected").Bool() || first.Get("data").String() != "alpha " {
		t.Fatalf("the page's node %q", first.Get("data"))
	}
	// The read from before Clear is stale where the page changed.
	i := strings.Index(txt.S, "gamma")
	if _, err := txt.Highlight(i, i+len("gamma"), "verified", "verified"); !errors.Is(err, errChanged) {
		t.Fatalf("Highlight on a removed node: %v, want %v", err, errChanged)
	}
	Clear(document)
}

func TestHighlightErrors(t *testing.T) {
	setBody(t, `<p>alpha</p> <p>beta</p>`)
	html := body.Get("innerHTML").String()
	txt := Read(body, Limits{}, nil) // "alpha\nbeta"
	tests := []struct {
		start, end int
		want       error
	}{
		{-1, 3, errRange},
		{3, 3, errRange},
		{4, 2, errRange},
		{0, 11, errRange},
		{5, 6, errNoText},
	}
	for _, tt := range tests {
		if _, err := txt.Highlight(tt.start, tt.end, "verified", "verified"); !errors.Is(err, tt.want) {
			t.Errorf("Highlight(%d, %d): %v, want %v", tt.start, tt.end, err, tt.want)
		}
	}
	setBody(t, `<p>é</p>`)
	txt = Read(body, Limits{}, nil)
	if _, err := txt.Highlight(1, 2, "verified", "verified"); !errors.Is(err, errRange) {
		t.Errorf("Highlight inside a character: %v", err)
	}
	setBody(t, `<p>alpha</p> <p>beta</p>`)
	if got := body.Get("innerHTML").String(); got != html {
		t.Fatalf("failed Highlights changed the page: %s", got)
	}
}

// pageTextOf is the page's text in el: its text without the widget's own.
var pageTextOf = script("el", `const c = el.cloneNode(true);
	for (const e of c.querySelectorAll('`+outerWidgetText+`')) e.remove();
	return c.textContent;`)

// TestHighlightNowrap: the badge host shares a nowrap joint with the
// character before it, a whole character as a reader sees it, so that the
// badge cannot wrap onto a line of its own; Clear gives the page back.
func TestHighlightNowrap(t *testing.T) {
	tests := []struct {
		name, html, passage string
		joint               string // the page's text in the joint
		lastMark            string // the text of the last mark
	}{
		{"closing quote mark", `<p>He said “we will build the bridge” on Friday.</p>`, "we will build the bridge", "”", "we will build the bridge"},
		{"closing marks", `<p>He said “she told us ‘we will build the bridge’” on Friday.</p>`, "we will build the bridge", "’”", "we will build the bridge"},
		{"closing mark in its own node", `<p>He said “<em>we will build the bridge</em>”, on Friday.</p>`, "we will build the bridge", "”", "we will build the bridge"},
		{"no closing mark", `<p>He said we will build the bridge soon.</p>`, "we will build the bridge soon", "n", "n"},
		{"last node one character", `<p>He said we will build <b>a</b> bridge.</p>`, "will build a", "a", "a"},
		{"combining mark", "<p>They met at the cafe\u0301 today.</p>", "met at the cafe\u0301", "e\u0301", "e\u0301"},
		{"flag", "<p>He flew to 🇺🇦🇺🇦 and back.</p>", "flew to 🇺🇦🇺🇦", "🇺🇦", "🇺🇦"},
		{"emoji sequence", "<p>The family 👨‍👩‍👧 came.</p>", "The family 👨‍👩‍👧", "👨‍👩‍👧", "👨‍👩‍👧"},
		{"conjunct", "<p>यह परीक्ष और</p>", "यह परीक्ष", "क्ष", "क्ष"},
	}
	modes(t, func(t *testing.T, _ bool) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				setBody(t, tt.html)
				html := body.Get("innerHTML").String()
				p := body.Call("querySelector", "p")
				text := p.Get("textContent").String()
				m := highlight(t, Read(body, Limits{}, nil), tt.passage)
				joint := m.Host.Get("parentElement")
				if joint.Get("localName").String() != nowrapTag || !joint.Call("hasAttribute", UIAttr).Bool() {
					t.Fatalf("the badge host is not in a nowrap joint: %s", p.Get("innerHTML"))
				}
				if got := pageTextOf.Invoke(joint).String(); got != tt.joint {
					t.Errorf("the joint holds %q of the page's text, want %q: %s", got, tt.joint, p.Get("innerHTML"))
				}
				if got := lastOf(m).Get("textContent").String(); got != tt.lastMark {
					t.Errorf("the last mark holds %q, want %q", got, tt.lastMark)
				}
				if got := markText(m); got != tt.passage {
					t.Errorf("the marks hold %q, want %q", got, tt.passage)
				}
				if got := pageTextOf.Invoke(p).String(); got != text {
					t.Errorf("the page's text is %q, was %q", got, text)
				}
				Clear(document)
				restored(t, html)
			})
		}
	})
}

func TestLastCharacter(t *testing.T) {
	tests := []struct{ s, want string }{
		{"", ""},
		{"bridge ", ""},
		{"bridge\u00a0", ""},
		{"bridge", "e"},
		{"the cafe\u0301", "e\u0301"},
		{"x🇺🇦🇺🇦", "🇺🇦"},
		{"🇺🇦", "🇺🇦"},
		{"ok 👍🏽", "👍🏽"},
		{"I ❤️", "❤️"},
		{"a 👨‍👩‍👧", "👨‍👩‍👧"},
		{"परीक्ष", "क्ष"},
		{"“", "“"},
	}
	for _, tt := range tests {
		if got := lastCharacter(tt.s); got != len(tt.want) {
			t.Errorf("lastCharacter(%q) = %d bytes, want %d (%q)", tt.s, got, len(tt.want), tt.want)
		}
	}
}
