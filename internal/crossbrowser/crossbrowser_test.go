//go:build !js

// Package crossbrowser runs the widget's main end-to-end flows in the
// engines other than Chromium's (internal/e2e tests Chromium in depth):
// Firefox (Gecko, over WebDriver BiDi) and WebKitGTK (Safari's engine, over
// classic WebDriver), through internal/webdriver. Each browser starts once;
// its flows run in order on it, and the two browsers run side by side.
//
// go test ./internal/crossbrowser/ -screenshots DIR saves, in DIR (relative
// to the repository root), each engine's demo with a popover open.
//
// Run ./build.sh build first: the tests use web/factcheck.wasm. Outside
// build.sh a missing browser skips its tests; build.sh installs both and
// sets FACTCHECK_REQUIRE_ENGINES=1, which makes a missing one a failure.
package crossbrowser

import (
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"factcheck/internal/devserver"
	"factcheck/internal/webdriver"
)

var screenshots = flag.String("screenshots", "", "save screenshots in this directory (relative to the repository root)")

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// requireEnv, set by build.sh, turns a missing browser into a failure.
const requireEnv = "FACTCHECK_REQUIRE_ENGINES"

// waitTimeout bounds every wait for the page; a healthy page answers in a
// few seconds.
const waitTimeout = 30 * time.Second

// The window of every browser, as in internal/e2e.
const width, height = 1280, 900

var engines = []struct {
	name  string
	start func(ctx context.Context, width, height int) (webdriver.Browser, error)
}{
	{"firefox", webdriver.StartFirefox},
	{"webkit", webdriver.StartWebKit},
}

// flows run in this order on one browser; each loads its own page.
var flows = []struct {
	name string
	run  func(t *testing.T, p *page)
}{
	{"demo verdicts", testVerdicts},
	{"popover by keyboard", testKeyboard},
	{"clear restores the page", testClear},
	{"bookmarklet", testBookmarklet},
	{"no CSS highlights", testNoHighlightAPI},
}

func TestEngines(t *testing.T) {
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "factcheck.wasm")); err != nil {
		t.Fatalf("web/factcheck.wasm is missing: run ./build.sh build first (%v)", err)
	}
	widget := newServer(t)
	news := newServer(t)
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			started := time.Now()
			b, err := e.start(context.Background(), width, height)
			switch {
			case errors.Is(err, webdriver.ErrNotInstalled) && os.Getenv(requireEnv) == "":
				t.Skipf("%v; ./build.sh test installs it", err)
			case err != nil:
				t.Fatalf("starting %s: %v", e.name, err)
			}
			defer func() {
				closing := time.Now()
				if err := b.Close(); err != nil {
					t.Logf("closing %s: %v", b.Name(), err)
				}
				t.Logf("%s closed in %v", b.Name(), time.Since(closing).Round(time.Millisecond))
			}()
			t.Logf("%s started in %v", b.Name(), time.Since(started).Round(time.Millisecond))
			for _, f := range flows {
				t.Run(f.name, func(t *testing.T) {
					f.run(t, &page{t: t, b: b, engine: e.name, widget: widget.URL, news: news.URL})
				})
			}
		})
	}
}

// newServer serves the repository, with the recorder in every HTML page
// (see withRecorder), on its own origin.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := devserver.Handler(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(article))
	})
	ts := httptest.NewServer(withRecorder(mux))
	t.Cleanup(ts.Close)
	return ts
}

// article is a small news page without the widget, for the bookmarklet.
// Its quote is Emily Horne's, word for word (shared/seed statement S1),
// and its second paragraph reports claim C1 in a paragraph that names
// the claim's subjects.
const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title>
<link rel="icon" href="data:,"></head><body>
<article><h1>Biden and Zelensky spoke by phone</h1>
<p>Horne further told the media outlet, “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.”</p>
<p>The call between Joe Biden and Volodymyr Zelensky on Thursday “did not go well”, a senior Ukrainian official said.</p>
</article>
</body></html>`

// recorderJS runs first in every HTML page the servers send. It keeps
// what a site's error monitoring would count (uncaught errors, unhandled
// rejections) and the console's errors, and counts the widget's events:
// classic WebDriver has no console of its own to read.
const recorderJS = `(() => {
	const r = window.__factcheckEngines = { ready: 0, done: 0, errors: [] };
	const text = (x) => { try { return x instanceof Error ? String(x.stack || x) : String(x); } catch (e) { return Object.prototype.toString.call(x); } };
	document.addEventListener('factcheck:ready', () => { r.ready++; });
	document.addEventListener('factcheck:done', () => { r.done++; });
	window.addEventListener('error', (e) => { r.errors.push('uncaught: ' + (e.error ? text(e.error) : e.message)); });
	window.addEventListener('unhandledrejection', (e) => { r.errors.push('unhandled rejection: ' + text(e.reason)); });
	const consoleError = console.error;
	console.error = function (...args) { r.errors.push('console.error: ' + args.map(text).join(' ')); return consoleError.apply(this, args); };
})();`

// noHighlightQuery, in a page's query, deletes the CSS Custom Highlight
// API before the page's scripts run.
const noHighlightQuery = "no-highlight-api"

// withRecorder puts recorderJS at the start of the head of every HTML
// page h sends, before the page's own scripts and the loader.
func withRecorder(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && !strings.HasSuffix(r.URL.Path, ".html") {
			h.ServeHTTP(w, r)
			return
		}
		r = r.Clone(r.Context())
		r.Header.Del("Accept-Encoding") // the body is edited: no compressed variant
		r.Header.Del("If-Modified-Since")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.String()
		script := recorderJS
		if r.URL.Query().Has(noHighlightQuery) {
			script += "\ndelete CSS.highlights;"
		}
		if i := strings.Index(body, "<head>"); i >= 0 {
			i += len("<head>")
			body = body[:i] + "<script>" + script + "</script>" + body[i:]
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(rec.Code)
		w.Write([]byte(body))
	})
}

// page drives one browser for one flow.
type page struct {
	t            *testing.T
	b            webdriver.Browser
	engine       string // "firefox", "webkit"
	widget, news string // the servers' origins
}

// eval evaluates a JavaScript expression (awaiting a promise) and decodes
// its value into T.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	var v T
	if err := p.b.Eval(ctx, expr, &v); err != nil {
		p.t.Fatalf("%s: %v", p.b.Name(), err)
	}
	return v
}

// until polls the page until the JavaScript expression cond is true.
func (p *page) until(cond string) {
	p.t.Helper()
	for deadline := time.Now().Add(waitTimeout); !eval[bool](p, `!!(`+cond+`)`); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: waiting for %s; page errors %v", p.b.Name(), cond, p.errors())
		}
	}
}

func (p *page) navigate(url string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	if err := p.b.Navigate(ctx, url); err != nil {
		p.t.Fatalf("%s: navigate to %s: %v", p.b.Name(), url, err)
	}
}

func (p *page) press(keys ...string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	if err := p.b.Press(ctx, keys...); err != nil {
		p.t.Fatalf("%s: pressing keys: %v", p.b.Name(), err)
	}
}

// errors returns what the recorder kept: page errors and console errors.
func (p *page) errors() []string {
	p.t.Helper()
	return eval[[]string](p, `window.__factcheckEngines ? __factcheckEngines.errors : ['the recorder did not run']`)
}

// noErrors fails the test on any page or console error so far.
func (p *page) noErrors() {
	p.t.Helper()
	for _, e := range p.errors() {
		p.t.Errorf("%s: %s", p.b.Name(), e)
	}
}

// screenshot saves the viewport as DIR/<engine>-name.png when -screenshots
// DIR is set.
func (p *page) screenshot(name string) {
	p.t.Helper()
	if *screenshots == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	png, err := p.b.Screenshot(ctx)
	if err != nil {
		p.t.Fatalf("%s: %v", p.b.Name(), err)
	}
	dir := *screenshots
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Fatal(err)
	}
	path := filepath.Join(dir, p.engine+"-"+name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: %s", path)
}

// load navigates to url and waits for the widget's first scan.
func (p *page) load(url string) {
	p.t.Helper()
	p.navigate(url)
	p.until(`__factcheckEngines.done > 0`)
}

// demoVerdicts are the demo's badges in document order: a snippet of each
// passage and its verdict, as internal/match's TestSeedArticle and
// internal/e2e's seedTable have them (no other passage gets a badge).
var demoVerdicts = []struct{ snippet, verdict string }{
	{"did not go well", "disputed"},
	{"leaking falsehoods", "verified"},
	{"distinct possibility", "verified"},
	{"virtually certain after the ground had frozen", "disputed"},
	{"Anonymous sources are 'leaking' falsehoods", "verified"},
	{"He has said this publicly and we", "verified"},
	{"respond decisively", "verified"},
	{"He also underscored the commitment of the United States", "verified"},
}

// verdictWords are the words the demo's badges show: its bundle's claim
// reviews are rated "Disputed".
var verdictWords = map[string]string{"verified": "Verified", "disputed": "Disputed"}

// finding is a badge as the page shows it, with the text of the marks
// before it and the annotation of the same rank.
type finding struct {
	Verdict string `json:"verdict"` // the badge button's verdict class
	Word    string `json:"word"`    // the badge's word
	Marked  string `json:"marked"`  // the text of the marks since the previous badge
	Exact   string `json:"exact"`   // the annotation's TextQuoteSelector
	Annot   string `json:"annot"`   // the annotation's verdict
}

// findingsJS reads the badges, the passages they follow (marks, or the
// ranges of the widget's highlights where the engine has the CSS Custom
// Highlight API) and the annotations.
const findingsJS = `(() => {
	const annotations = FactCheck.annotations();
	const pieces = [];
	for (const m of document.querySelectorAll('factcheck-mark')) {
		const range = document.createRange();
		range.selectNodeContents(m);
		pieces.push(range);
	}
	for (const [name, h] of (window.CSS && CSS.highlights) || []) {
		if (!/^factcheck-[a-z]+(-\d+)?$/.test(name)) continue;
		for (const s of h) {
			const range = document.createRange();
			range.setStart(s.startContainer, s.startOffset);
			range.setEnd(s.endContainer, s.endOffset);
			pieces.push(range);
		}
	}
	pieces.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
	const out = [];
	let k = 0;
	for (const el of document.querySelectorAll('factcheck-badge')) {
		let marked = '';
		while (k < pieces.length && pieces[k].comparePoint(el, 0) === 1) marked += pieces[k++].toString();
		const b = el.shadowRoot && el.shadowRoot.querySelector('button.badge');
		const a = annotations[out.length];
		out.push({
			verdict: b ? ['verified', 'misquoted', 'misattributed', 'disputed'].filter((v) => b.classList.contains(v)).join() : '',
			word: b ? b.querySelector('.word').textContent : '',
			marked,
			exact: a ? a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact : '',
			annot: a ? a.verdict : '',
		});
	}
	if (annotations.length !== out.length) out.push({ verdict: 'annotations: ' + annotations.length });
	return out;
})()`

// collapse collapses runs of white space to one space and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkDemoVerdicts checks the demo's badges, their words, their marks
// and the annotations against demoVerdicts.
func checkDemoVerdicts(p *page) {
	p.t.Helper()
	got := eval[[]finding](p, findingsJS)
	if len(got) != len(demoVerdicts) {
		p.t.Errorf("%s: %d badges, want %d: %+v", p.b.Name(), len(got), len(demoVerdicts), got)
	}
	for i, f := range got[:min(len(got), len(demoVerdicts))] {
		want := demoVerdicts[i]
		if f.Verdict != want.verdict || f.Annot != want.verdict || f.Word != verdictWords[want.verdict] ||
			!strings.Contains(f.Exact, want.snippet) || collapse(f.Marked) != collapse(f.Exact) {
			p.t.Errorf("%s: badge %d is %s %q on marks %q, annotation %s %q; want %s %q on a passage with %q",
				p.b.Name(), i, f.Verdict, f.Word, f.Marked, f.Annot, f.Exact, want.verdict, verdictWords[want.verdict], want.snippet)
		}
	}
}

// testVerdicts loads the demo: every passage gets its verdict, with a
// badge that says it.
func testVerdicts(t *testing.T, p *page) {
	p.load(p.widget + "/index.html")
	checkDemoVerdicts(p)
	if n := eval[int](p, `__factcheckEngines.ready`); n != 1 {
		t.Errorf("%s: factcheck:ready fired %d times, want 1", p.b.Name(), n)
	}
	p.noErrors()
}

// focusedJS is the focused element, looking into shadow roots.
const focusedJS = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`

// popoverJS is the popover of the badge in window.__badge, when open.
const popoverJS = `__badge.getRootNode().querySelector('[role=dialog]')`

// popoverOpenJS: the popover is in the top layer where the browser has
// the Popover API, and visible everywhere.
const popoverOpenJS = `((p) => !!p && (!HTMLElement.prototype.togglePopover || p.matches(':popover-open')) && p.checkVisibility())(` + popoverJS + `)`

// testKeyboard tabs from the top of the demo to the first badge, opens
// its popover with Enter and closes it with Escape, as a keyboard user
// would.
func testKeyboard(t *testing.T, p *page) {
	p.load(p.widget + "/index.html")
	const tabs = 30 // the demo's masthead, sections and kicker links come first
	reached := false
	for range tabs {
		p.press(webdriver.Tab)
		if eval[bool](p, `((e) => !!e && e.matches('button.badge'))(`+focusedJS+`)`) {
			reached = true
			break
		}
	}
	if !reached {
		t.Fatalf("%s: %d presses of Tab did not reach a badge; focus is on %s", p.b.Name(), tabs,
			eval[string](p, `String(`+focusedJS+`?.outerHTML).slice(0, 200)`))
	}
	eval[bool](p, `(window.__badge = `+focusedJS+`, true)`)
	if first := eval[bool](p, `__badge.getRootNode().host === document.querySelector('factcheck-badge')`); !first {
		t.Errorf("%s: Tab reached a badge other than the first", p.b.Name())
	}

	p.press(webdriver.Enter)
	p.until(popoverOpenJS)
	got := eval[map[string]string](p, `({ text: `+popoverJS+`.innerText, expanded: __badge.getAttribute('aria-expanded') })`)
	if !strings.Contains(collapse(got["text"]), "did not go well") || got["expanded"] != "true" {
		t.Errorf("%s: the open popover reads %q, its badge aria-expanded=%q; want the claim and true", p.b.Name(), got["text"], got["expanded"])
	}

	// Once its opening animation is over.
	eval[bool](p, `Promise.all(`+popoverJS+`.getAnimations().map((a) => a.finished)).then(() => true)`)
	p.screenshot("popover")

	p.press(webdriver.Escape)
	p.until(`!(` + popoverOpenJS + `)`)
	if !eval[bool](p, focusedJS+` === __badge`) {
		t.Errorf("%s: after Escape the focus is on %s, want the badge", p.b.Name(), eval[string](p, `String(`+focusedJS+`?.outerHTML).slice(0, 200)`))
	}
	if got := eval[string](p, `__badge.getAttribute('aria-expanded')`); got != "false" {
		t.Errorf("%s: after Escape the badge has aria-expanded=%q, want false", p.b.Name(), got)
	}
	p.noErrors()
}

// articleNodesJS lists the article's text nodes.
const articleNodesJS = `(() => { const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT), a = []; for (let n; (n = w.nextNode());) a.push(n); return a; })()`

// testClear: FactCheck.clear() gives back the body as the server sent it,
// and after a second scan the article's very text nodes.
func testClear(t *testing.T, p *page) {
	url := p.widget + "/index.html"
	p.load(url)
	sent := eval[string](p, `fetch(`+strconv.Quote(url)+`).then((r) => r.text()).then((h) => new DOMParser().parseFromString(h, 'text/html').body.innerHTML)`)
	const shown = `document.querySelectorAll('factcheck-mark').length + [...((window.CSS && CSS.highlights) || [])].filter(([n]) => n.startsWith('factcheck-')).length`
	if eval[int](p, shown) == 0 {
		t.Fatalf("%s: test bug: the demo has no marks or highlights to clear", p.b.Name())
	}
	restored := func(when string) {
		t.Helper()
		eval[any](p, `FactCheck.clear()`)
		if got := eval[string](p, `document.body.innerHTML`); got != sent {
			t.Fatalf("%s: after %s clear() the body is\n%s\nwant\n%s", p.b.Name(), when, got, sent)
		}
		const left = `[document.querySelectorAll('[data-factcheck-ui]').length, document.adoptedStyleSheets.length, FactCheck.annotations().length]`
		if got := eval[[]int](p, left); len(got) != 3 || got[0]+got[1]+got[2] != 0 {
			t.Errorf("%s: after %s clear(): %v widget elements, style sheets, annotations; want none", p.b.Name(), when, got)
		}
	}
	restored("the first")

	n := eval[int](p, `(window.__nodes = `+articleNodesJS+`).length`)
	if got := eval[int](p, `FactCheck.scan().then((a) => a.length)`); got != len(demoVerdicts) {
		t.Errorf("%s: the second scan found %d passages, want %d", p.b.Name(), got, len(demoVerdicts))
	}
	restored("the second")
	if same := eval[int](p, `((now) => now.length === __nodes.length ? now.filter((x, i) => x === __nodes[i]).length : -1)(`+articleNodesJS+`)`); same != n {
		t.Errorf("%s: after clear() %d of the article's %d text nodes are the page's own", p.b.Name(), same, n)
	}
	p.noErrors()
}

// bookmarkletCode is the script a click on the bookmarklet runs: its
// javascript: URL, percent-decoded as the browser does.
func bookmarkletCode(t *testing.T, origin string) string {
	t.Helper()
	code, err := url.PathUnescape(strings.TrimPrefix(devserver.Bookmarklet(origin), "javascript:"))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// testBookmarklet runs the bookmarklet on a page of another origin: the
// widget loads from the widget's server and badges the article; a second
// click re-scans.
func testBookmarklet(t *testing.T, p *page) {
	p.navigate(p.news + "/article.html")
	code := bookmarkletCode(t, p.widget)
	eval[any](p, code)
	p.until(`__factcheckEngines.ready > 0 && __factcheckEngines.done > 0 || document.querySelector('factcheck-notice')`)
	if eval[bool](p, `!!document.querySelector('factcheck-notice')`) {
		t.Fatalf("%s: the loader showed a notice: %v", p.b.Name(), p.errors())
	}
	if base := eval[string](p, `FactCheck._host.config.base`); base != p.widget+"/web/" {
		t.Errorf("%s: the widget loaded from %s, want %s/web/", p.b.Name(), base, p.widget)
	}
	got := eval[[]finding](p, findingsJS)
	want := []struct{ snippet, verdict string }{{"distinct possibility", "verified"}, {"did not go well", "disputed"}}
	if len(got) != len(want) {
		t.Fatalf("%s: %d badges, want %d: %+v", p.b.Name(), len(got), len(want), got)
	}
	for i, f := range got {
		if f.Verdict != want[i].verdict || f.Annot != want[i].verdict || !strings.Contains(f.Exact, want[i].snippet) {
			t.Errorf("%s: badge %d is %s on %q, want %s on %q", p.b.Name(), i, f.Verdict, f.Exact, want[i].verdict, want[i].snippet)
		}
	}

	eval[any](p, code)
	p.until(`__factcheckEngines.done > 1`)
	if n := eval[int](p, `__factcheckEngines.ready`); n != 1 {
		t.Errorf("%s: factcheck:ready fired %d times, want 1", p.b.Name(), n)
	}
	p.noErrors()
}

// testNoHighlightAPI loads the demo with CSS.highlights deleted before
// the loader runs: the widget marks and badges as before.
func testNoHighlightAPI(t *testing.T, p *page) {
	p.navigate(p.widget + "/index.html?" + noHighlightQuery)
	if eval[bool](p, `'highlights' in CSS`) {
		t.Fatalf("%s: test bug: CSS.highlights is still there", p.b.Name())
	}
	p.until(`__factcheckEngines.done > 0`)
	checkDemoVerdicts(p)
	p.noErrors()
}
