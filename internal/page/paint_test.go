//go:build js

package page

import (
	"strings"
	"syscall/js"
	"testing"
)

var registry = js.Global().Get("CSS").Get("highlights")

// highlightStyle returns the background and underline colours, and the
// underline, that the ::highlight(name) rules give the element.
var highlightStyle = script("el, name", `const s = getComputedStyle(el, '::highlight(' + name + ')');
	return [s.backgroundColor, s.textDecorationColor, s.textDecorationLine].join(' / ');`)

// TestPaintSharesRegistry: the page's highlights, under the names the
// widget would take or any other, are left as they are; the widget takes
// free names, styles them, and deletes only them.
func TestPaintSharesRegistry(t *testing.T) {
	setBody(t, `<p id="p">alpha beta gamma delta epsilon</p>`)
	html := body.Get("innerHTML").String()
	highlight := js.Global().Get("Highlight")
	pages := map[string]js.Value{"factcheck-disputed": highlight.New(), "factcheck-disputed-2": highlight.New(), "search": highlight.New()}
	for name, h := range pages {
		registry.Call("set", name, h)
	}
	defer func() {
		for name := range pages {
			registry.Call("delete", name)
		}
	}()

	txt := Read(body, Limits{}, nil)
	mustHighlight := func(passage, verdict string) *Mark {
		t.Helper()
		i := mustIndex(t, txt.S, passage)
		m, err := txt.Highlight(i, i+len(passage), verdict, verdict)
		if err != nil {
			t.Fatalf("Highlight(%q): %v", passage, err)
		}
		return m
	}
	d1, d2, v := mustHighlight("beta", "disputed"), mustHighlight("delta", "disputed"), mustHighlight("alpha", "verified")
	if got := registry.Get("size").Int(); got != len(pages) {
		t.Fatalf("%d highlights registered before Show, want the page's %d", got, len(pages))
	}
	txt.Show()
	for name, h := range pages {
		if !registry.Call("get", name).Equal(h) || h.Get("size").Int() != 0 {
			t.Errorf("the page's highlight %q was touched", name)
		}
	}
	ours := map[string][]*Mark{"factcheck-disputed-3": {d1, d2}, "factcheck-verified": {v}}
	for name, marks := range ours {
		h := registry.Call("get", name)
		if !h.Truthy() || h.Get("size").Int() != len(marks) {
			t.Fatalf("the widget's highlight %q is not registered with its %d ranges", name, len(marks))
		}
		for _, m := range marks {
			if !h.Call("has", m.Range).Bool() {
				t.Errorf("%q lacks the range of %q", name, markText(m))
			}
		}
	}
	// The widget's rules style its names, not the page's.
	p := byID("p")
	for name, want := range map[string]string{
		"factcheck-disputed-3": "rgba(220, 38, 38, 0.14) / rgb(185, 28, 28) / underline",
		"factcheck-verified":   "rgba(22, 163, 74, 0.14) / rgb(21, 128, 61) / underline",
		"factcheck-disputed":   "rgba(0, 0, 0, 0) / rgb(0, 0, 0) / none",
	} {
		if got := highlightStyle.Invoke(p, name).String(); got != want {
			t.Errorf("::highlight(%s) is %s, want %s", name, got, want)
		}
	}

	// The page replaced one of the widget's highlights: it is the page's now.
	replaced := highlight.New()
	registry.Call("set", "factcheck-verified", replaced)
	defer registry.Call("delete", "factcheck-verified")
	Clear(document)
	restored(t, html)
	if registry.Call("has", "factcheck-disputed-3").Bool() || !registry.Call("get", "factcheck-verified").Equal(replaced) {
		t.Error("Clear did not delete the widget's highlight, or deleted the page's")
	}
	for name, h := range pages {
		if !registry.Call("get", name).Equal(h) {
			t.Errorf("Clear deleted the page's highlight %q", name)
		}
	}
}

// TestPaintOverlap: a Text paints no passage over one it painted.
func TestPaintOverlap(t *testing.T) {
	setBody(t, `<p>alpha beta gamma</p><p>delta epsilon</p>`)
	txt := Read(body, Limits{}, nil)
	highlight(t, txt, "beta gamma\ndelta")
	for _, passage := range []string{"alpha beta", "gamma", "a\ndelta", "delta epsilon", "alpha beta gamma\ndelta epsilon"} {
		i := mustIndex(t, txt.S, passage)
		if _, err := txt.Highlight(i, i+len(passage), "verified", "verified"); err != errNested {
			t.Errorf("Highlight(%q) over a painted passage: %v, want %v", passage, err, errNested)
		}
	}
	for _, passage := range []string{"alpha", "epsilon"} {
		if got := markText(highlight(t, txt, passage)); got != passage {
			t.Errorf("%q painted as %q", passage, got)
		}
	}
	if n := registry.Call("get", "factcheck-disputed").Get("size").Int(); n != 3 {
		t.Errorf("%d ranges painted, want 3", n)
	}
	if n := body.Call("querySelectorAll", markTag).Length(); n != 0 || !strings.Contains(styleText(highlightNames()), "::highlight(factcheck-disputed)") {
		t.Errorf("%d marks; style sheet:\n%s", n, styleText(highlightNames()))
	}
	Clear(document)
}
