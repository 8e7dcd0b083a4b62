//go:build !js

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// demoWith is the demo, index.html, with script run before the widget's
// loader.
func demoWith(t *testing.T, script string) string {
	t.Helper()
	html, err := os.ReadFile(filepath.Join(repoRoot, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const loader = `<script src="web/factcheck.js"`
	if strings.Count(string(html), loader) != 1 {
		t.Fatalf("test bug: the demo has no single %s", loader)
	}
	return strings.Replace(string(html), loader, "<script>"+script+"</script>\n"+loader, 1)
}

// TestWidgetWithoutHighlightAPI: where the browser lacks the CSS Custom
// Highlight API the widget marks passages with elements, as it did
// before the API, and clear() takes them out.
func TestWidgetWithoutHighlightAPI(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{"/demo.html": {body: demoWith(t, `delete CSS.highlights;`)}}, repoHandler(t))
	tb := newTab(t)
	tb.run(t, chromedp.EmulateViewport(1280, 900))
	if _, notice := tb.load(t, srv.URL+"/demo.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	if eval[bool](t, tb, `!!(window.CSS && CSS.highlights)`) {
		t.Fatal("test bug: CSS.highlights is there")
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, seedTable)
	if s.Marks < len(s.Findings) || s.Painted != 0 {
		t.Errorf("%d marks and %d painted ranges for %d findings; want marks", s.Marks, s.Painted, len(s.Findings))
	}
	tb.viewShot(t, "fallback-marks")
	checkClear(t, tb, srv.URL+"/demo.html", s)
	tb.noErrors(t)
}

// highlightStyleJS returns the background and underline colours that the
// page's style sheets give the text of the first paragraph in
// ::highlight(name), as "background / underline".
func highlightStyleJS(name string) string {
	return `((s) => s.backgroundColor + ' / ' + s.textDecorationColor)(getComputedStyle(document.querySelector('article p'), '::highlight(` + name + `)'))`
}

// TestWidgetHighlightNames: the page's own highlights, under the names the
// widget would take, stay the page's; the widget paints under free names
// in its colours, light and dark, and clear() deletes only its own.
func TestWidgetHighlightNames(t *testing.T) {
	const pageHighlights = `const h = new Highlight();
const r = new Range();
r.selectNodeContents(document.querySelector('h1'));
h.add(r);
CSS.highlights.set('factcheck-verified', h);
CSS.highlights.set('factcheck-disputed', new Highlight());
window.__pageHighlights = [...CSS.highlights];
const style = document.createElement('style');
style.textContent = '::highlight(factcheck-verified) { background-color: rgb(1, 2, 3); text-decoration-color: rgb(4, 5, 6); }';
document.head.append(style);`
	srv := pagesServer(t, map[string]testPage{"/demo.html": {body: demoWith(t, pageHighlights)}}, repoHandler(t))
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/demo.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	const pageKept = `__pageHighlights.every(([name, h]) => CSS.highlights.get(name) === h) && __pageHighlights[0][1].size === 1`
	if !eval[bool](t, tb, pageKept) {
		t.Error("the widget touched the page's highlights")
	}
	names := eval[map[string]int](t, tb, `Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size]))`)
	if len(names) != 4 || names["factcheck-verified-2"] == 0 || names["factcheck-disputed-2"] == 0 {
		t.Errorf("highlights (name: ranges) %v; want the page's two and the widget's factcheck-verified-2 and factcheck-disputed-2", names)
	}
	if n, badges := names["factcheck-verified-2"]+names["factcheck-disputed-2"], eval[int](t, tb, `document.querySelectorAll('factcheck-badge').length`); n != badges {
		t.Errorf("%d painted ranges, %d badges", n, badges)
	}
	looks := map[string][2]string{
		"factcheck-verified-2": {"rgba(22, 163, 74, 0.14) / rgb(21, 128, 61)", "rgba(74, 222, 128, 0.2) / rgb(74, 222, 128)"},
		"factcheck-disputed-2": {"rgba(220, 38, 38, 0.14) / rgb(185, 28, 28)", "rgba(248, 113, 113, 0.2) / rgb(248, 113, 113)"},
		"factcheck-verified":   {"rgb(1, 2, 3) / rgb(4, 5, 6)", "rgb(1, 2, 3) / rgb(4, 5, 6)"},
	}
	for scheme, dark := range map[string]bool{"light": false, "dark": true} {
		features := []*emulation.MediaFeature{}
		if dark {
			features = append(features, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
		}
		tb.run(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
			return err
		}))
		for name, want := range looks {
			i := 0
			if dark {
				i = 1
			}
			if got := eval[string](t, tb, highlightStyleJS(name)); got != want[i] {
				t.Errorf("%s scheme: ::highlight(%s) is %s, want %s", scheme, name, got, want[i])
			}
		}
	}
	eval[any](t, tb, `FactCheck.clear()`)
	if got := eval[[]string](t, tb, `[...CSS.highlights.keys()]`); len(got) != 2 || !eval[bool](t, tb, pageKept) {
		t.Errorf("after clear() the highlights are %q, want the page's two, as they were", got)
	}
	tb.noErrors(t)
}

// TestHighlightsInView: on a page with more passages than the widget keeps
// painted at once, the passages near the viewport are painted and those
// far from it are not; scrolling paints the passages it brings into view
// and unpaints those it leaves. A printout paints them all. Every passage
// keeps its badge host and annotation.
func TestHighlightsInView(t *testing.T) {
	const n = 160 // over the widget's paintedLimit
	var article strings.Builder
	article.WriteString("<h1>Briefings</h1>\n")
	for i := range n {
		article.WriteString(`<p id="p` + strconv.Itoa(i) + `">` + leaking + `</p>` +
			"<p>Reporters waited outside the briefing room for most of the afternoon.</p>\n")
	}
	url := serveLate(t, map[string]string{"/many.html": latePage("Many", article.String(), "")})
	tb := newTab(t)
	tb.load(t, url+"/many.html")
	if got := eval[int](t, tb, `FactCheck.annotations().length`); got != n {
		t.Fatalf("%d annotations, want %d", got, n)
	}
	if got := eval[int](t, tb, `document.querySelectorAll('factcheck-badge').length`); got != n {
		t.Fatalf("%d badge hosts, want %d", got, n)
	}
	// painted reports which of the first and the last passage are in the
	// widget's highlights, and how many are.
	painted := `(() => {
		let first = false, last = false, count = 0;
		for (const [name, h] of CSS.highlights) {
			if (!name.startsWith('factcheck-')) continue;
			for (const r of h) {
				count++;
				const p = r.startContainer.parentElement.closest('p');
				first ||= p.id === 'p0';
				last ||= p.id === 'p` + strconv.Itoa(n-1) + `';
			}
		}
		return [first, last, count];
	})()`
	wait := func(what string, first, last bool) []any {
		t.Helper()
		var got []any
		tb.waitUntil(t, what, func() bool {
			got = eval[[]any](t, tb, painted)
			return got[0] == first && got[1] == last
		})
		if c := got[2].(float64); c == 0 || c >= n {
			t.Fatalf("%v ranges painted of %d passages, want those in view", c, n)
		}
		return got
	}
	wait("the first passages painted, not the last", true, false)
	eval[bool](t, tb, `(document.getElementById('p`+strconv.Itoa(n-1)+`').scrollIntoView(), true)`)
	wait("the last passages painted, the first unpainted", false, true)

	// A printout shows every passage painted, and then the view again.
	if got := eval[[]any](t, tb, `dispatchEvent(new Event('beforeprint')), (`+painted+`)`); got[2] != float64(n) {
		t.Errorf("while printing, %v ranges painted, want all %d", got[2], n)
	}
	eval[bool](t, tb, `(dispatchEvent(new Event('afterprint')), true)`)
	wait("after printing, the last passages painted, the first unpainted", false, true)
	tb.noErrors(t)
}
