//go:build js

package page

import (
	"slices"
	"strings"
	"syscall/js"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	document = js.Global().Get("document")
	body     = document.Get("body")
	// harness is wasmbrowsertest's button, which must stay in the page
	// for the test run to finish. Its text, "Done", is body text before
	// every test's content that Read skips but body offsets count.
	harness = document.Call("getElementById", "doneButton")
)

// setBody replaces the page's body content with html (tests only: the
// package itself never uses innerHTML) and clears the widget's state.
func setBody(t testing.TB, html string) {
	t.Helper()
	Clear(document)
	body.Set("innerHTML", html)
	body.Call("prepend", harness)
}

// script returns a JavaScript function made from source (tests only).
func script(params, source string) js.Value {
	return js.Global().Get("Function").New(params, source)
}

// bodyUnits returns document.body.textContent without the widget's text,
// as UTF-16 code units. A lone surrogate becomes U+FFFD, one unit as well,
// so offsets are kept.
func bodyUnits() []uint16 {
	clone := body.Call("cloneNode", true)
	ui := clone.Call("querySelectorAll", outerWidgetText)
	for i := range ui.Length() {
		ui.Index(i).Call("remove")
	}
	return utf16.Encode([]rune(clone.Get("textContent").String()))
}

// verifyMap checks the map of txt against the page: each span's node holds
// the span's text, and every character of S that came from the page sits
// at its BodyOffset in units (the body's text as the test captured it).
func verifyMap(t *testing.T, txt *Text, units []uint16) {
	t.Helper()
	for i, sp := range txt.spans {
		data := txt.node(i).Get("data").String()
		if got := txt.S[sp.start:sp.end]; got != data && got != lineBreaks.Replace(data) && got != cellMarks.Replace(data) &&
			!(txt.Truncated && i == len(txt.spans)-1 && (strings.HasPrefix(data, got) || strings.HasPrefix(lineBreaks.Replace(data), got))) {
			t.Fatalf("span %d holds %q, its node %q", i, got, data)
		}
	}
	for b, r := range txt.S {
		if (r == '\n' || r == '\t' || r == '\v' || r == ' ' || string(r) == openMark || string(r) == closeMark) && inSeparator(txt, b) {
			continue // a block boundary (a space before an attribution), or a quotation's mark
		}
		off := txt.BodyOffset(b)
		want := utf16.AppendRune(nil, r)
		if off < 0 || off+len(want) > len(units) {
			t.Fatalf("BodyOffset(%d) = %d, body has %d units", b, off, len(units))
		}
		if got := units[off : off+len(want)]; !slices.Equal(got, want) {
			if r == ' ' && strings.ContainsRune("\n\r\t\v", rune(got[0])) {
				continue // a line break outside <pre>, a tab
			}
			t.Fatalf("S[%d] = %q, body at BodyOffset %d holds %q", b, r, off, string(utf16.Decode(got)))
		}
	}
}

// inSeparator reports whether byte b of S is a separator or mark Read
// added.
func inSeparator(txt *Text, b int) bool {
	for _, sp := range txt.spans {
		if b >= sp.start && b < sp.end {
			return false
		}
	}
	return true
}

// jsIndex returns the UTF-16 index of sub in the JavaScript string s.
func jsIndex(s js.Value, sub string) int {
	return js.Global().Get("String").Get("prototype").Get("indexOf").Call("call", s, sub).Int()
}

// mustIndex returns the byte index of sub in s, failing the test if absent.
func mustIndex(t testing.TB, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	return i
}

// highlight highlights the first occurrence of passage in txt, and
// shows it.
func highlight(t *testing.T, txt *Text, passage string) *Mark {
	t.Helper()
	i := mustIndex(t, txt.S, passage)
	m, err := txt.Highlight(i, i+len(passage), "disputed", "disputed")
	if err != nil {
		t.Fatalf("Highlight(%q): %v", passage, err)
	}
	txt.Show()
	return m
}

// markText returns the page text the marks wrap (their sr markers left
// out), or the highlight paints, without whitespace-only nodes.
func markText(m *Mark) string {
	if !m.Range.IsUndefined() {
		return rangeText.Invoke(m.Range).String()
	}
	var b strings.Builder
	for _, el := range m.Elements {
		for c := el.Get("firstChild"); !c.IsNull(); c = c.Get("nextSibling") {
			if c.Get("nodeType").Int() == 3 { // a text node
				b.WriteString(c.Get("data").String())
			}
		}
	}
	return b.String()
}

// rangeText is the page's text in the StaticRange r, as markText.
var rangeText = script("r", `const range = document.createRange();
	range.setStart(r.startContainer, r.startOffset);
	range.setEnd(r.endContainer, r.endOffset);
	const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	let s = '';
	for (let n; (n = w.nextNode());) {
		if (!range.intersectsNode(n) || !n.data.trim() || n.parentElement.closest('`+widgetText+`')) continue;
		s += n.data.slice(n === range.startContainer ? range.startOffset : 0, n === range.endContainer ? range.endOffset : n.length);
	}
	return s;`)

// firstOf and lastOf return the first and last mark of m, or the text
// nodes its range starts and ends in.
func firstOf(m *Mark) js.Value {
	if !m.Range.IsUndefined() {
		return m.Range.Get("startContainer")
	}
	return m.Elements[0]
}

func lastOf(m *Mark) js.Value {
	if !m.Range.IsUndefined() {
		return m.Range.Get("endContainer")
	}
	return m.Elements[len(m.Elements)-1]
}

// modes runs test twice: where the browser has the CSS Custom Highlight
// API (painted), and where it lacks it, deleted for the test as a page
// without it lacks it.
func modes(t *testing.T, test func(t *testing.T, painted bool)) {
	t.Helper()
	t.Run("highlights", func(t *testing.T) {
		if highlightRegistry().IsUndefined() {
			t.Fatal("the browser lacks the CSS Custom Highlight API")
		}
		test(t, true)
	})
	t.Run("marks", func(t *testing.T) {
		withoutHighlightAPI(t)
		test(t, false)
	})
}

// deleteHighlightAPI deletes CSS.highlights and returns a function that
// puts it back.
var deleteHighlightAPI = script("", `const d = Object.getOwnPropertyDescriptor(CSS, 'highlights');
	delete CSS.highlights;
	return () => Object.defineProperty(CSS, 'highlights', d);`)

// withoutHighlightAPI deletes CSS.highlights until the test ends.
func withoutHighlightAPI(t *testing.T) {
	t.Helper()
	restore := deleteHighlightAPI.Invoke()
	t.Cleanup(func() { restore.Invoke() })
	if !highlightRegistry().IsUndefined() {
		t.Fatal("CSS.highlights is still there")
	}
}

// validUTF8 fails the test unless s is valid UTF-8.
func validUTF8(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("S is not valid UTF-8: %q", s)
	}
}
