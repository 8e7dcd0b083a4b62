//go:build !js

// Package e2e tests the built widget end to end: the devserver serves the
// repository, a headless Chromium loads pages through the loader, and the
// tests watch the page, its events and its console as a reader's browser
// would. Run ./build.sh build first: the tests use web/factcheck.wasm.
//
// go test ./internal/e2e/ -screenshots DIR saves screenshots in DIR
// (relative to the repository root); -run TestWidgetDemo -screenshots web
// renews the README's web/screenshot.png and the demo's other pictures
// (a popover open, the dark scheme).
package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"factcheck/internal/devserver"
	"factcheck/internal/headless"
)

var screenshots = flag.String("screenshots", "", "save screenshots in this directory (relative to the repository root)")

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// waitTimeout bounds every wait for the page; a healthy page answers in a
// few seconds.
const waitTimeout = 30 * time.Second

// browser is the one Chromium of the test binary, started on first use.
var browser struct {
	once sync.Once
	b    *headless.Browser
	err  error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if browser.b != nil {
		browser.b.Close()
	}
	os.Exit(code)
}

// requireBuild fails the test when the widget has not been built.
func requireBuild(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "factcheck.wasm")); err != nil {
		t.Fatalf("web/factcheck.wasm is missing: run ./build.sh build first (%v)", err)
	}
}

// devServer starts the devserver on the repository, on 127.0.0.1.
func devServer(t *testing.T) *httptest.Server {
	t.Helper()
	requireBuild(t)
	h, err := devserver.Handler(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// testPage is one response of a pages server.
type testPage struct {
	body string
	csp  string // Content-Security-Policy header, if any
}

// pagesServer starts a server on 127.0.0.1, on its own port and so its own
// origin, that answers the paths in pages with their page and every other
// path with fallback (404 when nil).
func pagesServer(t *testing.T, pages map[string]testPage, fallback http.Handler) *httptest.Server {
	t.Helper()
	if fallback == nil {
		fallback = http.NotFoundHandler()
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			fallback.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if p.csp != "" {
			w.Header().Set("Content-Security-Policy", p.csp)
		}
		fmt.Fprint(w, p.body)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// articlePage is a small news page around the given markup. The article
// holds reported speech the widget may badge.
func articlePage(title, extra string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>
<link rel="icon" href="data:,"></head><body>
<article><h1>` + title + `</h1>
<p>Horne further told the media outlet, “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.”</p>
<p>The call between the two presidents “did not go well”, a senior official said.</p>
</article>
` + extra + `
</body></html>`
}

// tab is a fresh browser tab, with what its pages wrote to the console.
type tab struct {
	ctx     context.Context
	mu      sync.Mutex
	log     []consoleLine
	allowed []string // page errors the test provokes on purpose (see allowPageError)
}

type consoleLine struct {
	kind string // "error", "warning", "log", ..., "exception" or "unhandledrejection"
	text string
}

// Kinds of page errors: what a site's error monitoring counts.
const (
	exceptionKind = "exception"          // Runtime.exceptionThrown: an uncaught error (Puppeteer's pageerror)
	rejectionKind = "unhandledrejection" // the window's unhandledrejection event
)

// pageErrorBinding is the function the recorder calls, through a
// Runtime binding, on the window's unhandledrejection events.
const pageErrorBinding = "__factcheckE2EPageError"

func (l consoleLine) String() string { return l.kind + ": " + l.text }

// recorder runs in every document of a tab before the page's scripts. It
// counts the widget's events, keeps the details of factcheck:done, and
// reports every unhandledrejection event to the harness: it listens
// first, so a page's own listener cannot hide one.
const recorder = `(() => {
	const r = window.__factcheckE2E = { ready: 0, done: [] };
	document.addEventListener('factcheck:ready', () => { r.ready++; });
	document.addEventListener('factcheck:done', (e) => { r.done.push(e.detail); });
	const report = window.` + pageErrorBinding + `;
	window.addEventListener('unhandledrejection', (e) => {
		let reason;
		try {
			reason = e.reason instanceof Error ? e.reason.stack || String(e.reason) : String(e.reason);
		} catch (err) {
			reason = Object.prototype.toString.call(e.reason);
		}
		report(reason);
	});
})();`

// newTab opens a tab in the shared browser; it closes when the test ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	browser.once.Do(func() { browser.b, browser.err = headless.Start(context.Background(), "factcheck-e2e-", nil) })
	if browser.err != nil {
		t.Fatal(browser.err)
	}
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(browser.b.Ctx, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: pageErrorBinding}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
		return err
	}))
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// Cleanups run last first: this one while the tab is still open.
	t.Cleanup(func() {
		for _, l := range tb.pageErrors() {
			t.Errorf("page error %v", l)
		}
	})
	return tb
}

// allowPageError lets the tab's pages throw, or leave unhandled, errors
// whose text holds text: for a test that provokes a page-script error on
// purpose. Every other page error still fails the test.
func (tb *tab) allowPageError(text string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.allowed = append(tb.allowed, text)
}

// pageErrors returns the uncaught exceptions and unhandled rejections of
// the tab's pages so far, but those allowPageError allowed. Every test
// fails on them when it ends (see newTab): they land in sites' error
// monitoring.
func (tb *tab) pageErrors() []consoleLine {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var errs []consoleLine
	for _, l := range tb.log {
		if l.kind != exceptionKind && l.kind != rejectionKind {
			continue
		}
		if !slices.ContainsFunc(tb.allowed, func(a string) bool { return strings.Contains(l.text, a) }) {
			errs = append(errs, l)
		}
	}
	return errs
}

// listen keeps the console messages, uncaught exceptions and unhandled
// rejections. It runs in the tab's event loop: it must return fast.
func (tb *tab) listen(ev any) {
	var line consoleLine
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		parts := make([]string, len(ev.Args))
		for i, a := range ev.Args {
			parts[i] = remoteText(a)
		}
		line = consoleLine{string(ev.Type), strings.Join(parts, " ")}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + remoteText(d.Exception)
		}
		line = consoleLine{exceptionKind, text}
	case *runtime.EventBindingCalled:
		if ev.Name != pageErrorBinding {
			return
		}
		line = consoleLine{rejectionKind, ev.Payload}
	default:
		return
	}
	tb.mu.Lock()
	tb.log = append(tb.log, line)
	tb.mu.Unlock()
}

// remoteText is how the console shows a value.
func remoteText(o *runtime.RemoteObject) string {
	if o.Type == runtime.RemoteObjectTypeString {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
	}
	if o.Description != "" {
		return o.Description
	}
	if len(o.Value) > 0 {
		return string(o.Value)
	}
	if o.UnserializableValue != "" {
		return string(o.UnserializableValue)
	}
	return string(o.Type)
}

// console returns the messages so far.
func (tb *tab) console() []consoleLine {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.log)
}

// waitUntil waits for cond, a condition on what the tab recorded (its
// console, its page errors), which the browser reports on its own time;
// it fails the test after waitTimeout.
func (tb *tab) waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(waitTimeout); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s; console %v", what, tb.console())
		}
	}
}

// logCount counts the console lines of the given kind with exactly the
// given text.
func (tb *tab) logCount(kind, text string) int {
	n := 0
	for _, l := range tb.console() {
		if l.kind == kind && l.text == text {
			n++
		}
	}
	return n
}

// consoleErrors returns the console errors and uncaught exceptions so far.
func (tb *tab) consoleErrors() []consoleLine {
	var errs []consoleLine
	for _, l := range tb.console() {
		if l.kind == string(runtime.ConsoleAPICalledTypeError) || l.kind == exceptionKind || l.kind == rejectionKind {
			errs = append(errs, l)
		}
	}
	return errs
}

// noErrors fails the test if the page logged an error or threw.
func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	for _, l := range tb.consoleErrors() {
		t.Errorf("console %v", l)
	}
}

func (tb *tab) navigate(t *testing.T, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its value into T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// state is what the page has shown of the widget so far.
type state struct {
	Ready  int               `json:"ready"`  // factcheck:ready events
	Done   []json.RawMessage `json:"done"`   // details of factcheck:done events
	Notice string            `json:"notice"` // text of the loader's notices
}

// stateJS evaluates to the page's state as a JSON string.
const stateJS = `(() => {
	const r = window.__factcheckE2E || { ready: 0, done: [] };
	const host = document.querySelector('factcheck-notice');
	const notice = host && host.shadowRoot ?
		[...host.shadowRoot.querySelectorAll('.message')].map((m) => m.textContent).join('\n') : '';
	return JSON.stringify({ ready: r.ready, done: r.done, notice });
})()`

// waitFor polls the page until cond, a JavaScript expression over s (the
// state), holds, and returns the state.
func (tb *tab) waitFor(t *testing.T, cond string) state {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout+5*time.Second)
	defer cancel()
	expr := `((s) => (` + cond + `) ? JSON.stringify(s) : false)(JSON.parse(` + stateJS + `))`
	raw, err := chromedp.Run(ctx, chromedp.Poll[string](expr,
		chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
		defer cancel()
		now, _ := chromedp.Run(ctx, chromedp.Evaluate[string](stateJS))
		t.Fatalf("waiting for %s: %v; page state %s; console %v", cond, err, now, tb.console())
	}
	var s state
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// load navigates to url and waits for the first factcheck:done event or a
// notice from the loader. It returns the event's detail as JSON, or the
// notice's text.
func (tb *tab) load(t *testing.T, url string) (detail json.RawMessage, notice string) {
	t.Helper()
	tb.navigate(t, url)
	s := tb.waitFor(t, `s.done.length > 0 || s.notice !== ''`)
	if len(s.Done) > 0 {
		return s.Done[0], s.Notice
	}
	return nil, s.Notice
}

// screenshot saves the whole page as DIR/name.png when -screenshots DIR
// is set, and returns the file's path ("" when not saved).
func (tb *tab) screenshot(t *testing.T, name string) string {
	t.Helper()
	return tb.saveShot(t, name, chromedp.FullScreenshot(100))
}

// viewShot is screenshot of the viewport only.
func (tb *tab) viewShot(t *testing.T, name string) string {
	t.Helper()
	return tb.saveShot(t, name, chromedp.CaptureScreenshot())
}

func (tb *tab) saveShot(t *testing.T, name string, shot chromedp.Action[[]byte]) string {
	t.Helper()
	if *screenshots == "" {
		return ""
	}
	dir := *screenshots
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	return path
}
