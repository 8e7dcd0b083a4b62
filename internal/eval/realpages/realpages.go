//go:build !js

// Package realpages measures the built widget on real saved article pages:
// Mozilla Readability's test corpus, where each page's expected.html is the
// article text Readability extracts. It tells whether the widget reads the
// article (the root it picks holds the article's words) and badges nothing
// on pages that quote none of the default bundle's officials.
//
// Each page is served from a local server with the widget's loader tag
// appended, as a publisher would add it, and loaded in headless Chromium
// with the default bundle. Every request to another host is failed at once
// (the saved pages' hosts are not reachable here, and waiting for them
// would only slow the load). The pages' own scripts do not run: the page is
// served with a Content Security Policy that allows only the widget's
// scripts. expected.html is what Readability makes of the page's static
// markup, without running its scripts, so the widget reads the same DOM;
// and no page script can change the page under the widget or throw, so
// every uncaught exception is the widget's. A page whose own policy (a
// <meta http-equiv> CSP) forbids WebAssembly keeps the widget out, as it
// would in a reader's browser: the widget cannot run there, and the page
// is left out of the figures, with the reason (Page.NA).
//
// Run needs the built widget (./build.sh build).
package realpages

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"factcheck/internal/devserver"
	"factcheck/internal/headless"
)

// Page is what the widget did on one page.
type Page struct {
	Name   string
	Root   string // the element the widget scanned, as tag#id.class
	Badges int    // annotations of the first scan
	// Coverage is the share of expected.html's words that the text the
	// widget read holds, both as multisets of normalised words (see
	// words); Precision the share of the words read that expected.html
	// holds: how little else (navigation, teasers, comments) was read.
	Coverage, Precision float64
	// NA says why the widget cannot run on the page ("CSP": its own
	// Content Security Policy forbids WebAssembly); such a page is not
	// counted in Report.N.
	NA string
	// Err says why the page could not be measured: the loader's notice,
	// a timeout.
	Err string
	// Thrown are the widget's uncaught exceptions and unhandled
	// rejections on the page (the page's own scripts do not run).
	Thrown []string
}

// Report is the figures of a whole run.
type Report struct {
	Pages  []Page // in the order of their names
	Badges int    // on all pages
	RootOK int    // pages without Err whose Coverage is at least OKCoverage
	N      int    // pages where the widget can run: those without NA
}

// OKCoverage is the coverage at which the widget has read a page's article.
const OKCoverage = 0.95

const (
	// tabs is how many pages load at once: two cores are kept busy
	// while a third page waits for the network.
	tabs = 3
	// pageTimeout bounds one page, from navigation to its figures.
	pageTimeout = 30 * time.Second
)

// Run loads every page of dataDir (each folder holding source.html and
// expected.html) with the widget built in repoRoot/web and measures it.
// The error is for what keeps the whole run from starting: no pages, no
// Chromium, no built widget; a page that fails has Err.
func Run(ctx context.Context, repoRoot, dataDir string) (Report, error) {
	names, err := pageNames(dataDir)
	if err != nil {
		return Report{}, err
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "factcheck.wasm")); err != nil {
		return Report{}, fmt.Errorf("the widget is not built (run ./build.sh build): %v", err)
	}
	widget, err := devserver.Handler(repoRoot)
	if err != nil {
		return Report{}, err
	}
	srv := httptest.NewServer(handler(widget, dataDir))
	defer srv.Close()
	b, err := headless.Start(ctx, "factcheck-realpages-", nil)
	if err != nil {
		return Report{}, err
	}
	defer b.Close()

	rep := Report{Pages: make([]Page, len(names))}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var tabErr error
	var once sync.Once
	for range min(tabs, len(names)) {
		wg.Go(func() {
			t, err := newTab(b, srv.URL)
			if err != nil {
				once.Do(func() { tabErr = err })
				for range jobs { // leave the pages to the other tabs
				}
				return
			}
			defer t.close()
			for i := range jobs {
				rep.Pages[i] = t.measure(dataDir, names[i])
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if tabErr != nil {
		return Report{}, tabErr
	}
	for _, p := range rep.Pages {
		rep.Badges += p.Badges
		if p.NA == "" {
			rep.N++
		}
		if p.NA == "" && p.Err == "" && p.Coverage >= OKCoverage {
			rep.RootOK++
		}
	}
	return rep, nil
}

// pageNames lists the folders of dir that hold a page, sorted.
func pageNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "expected.html")); err == nil {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, errors.New("realpages: no pages (folders with source.html and expected.html) in " + dir)
	}
	slices.Sort(names)
	return names, nil
}

// pagePolicy lets only the widget's scripts run: the page's inline scripts
// and event handlers do not.
const pagePolicy = "script-src 'self' 'wasm-unsafe-eval'"

// handler serves the widget's files under /web/ and each page's
// source.html, with the loader tag after it, under /pages/NAME/.
func handler(widget http.Handler, dataDir string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/web/", widget)
	mux.HandleFunc("/pages/{name}/", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if r.URL.Path != "/pages/"+name+"/" || !filepath.IsLocal(name) {
			http.NotFound(w, r)
			return
		}
		src, err := os.ReadFile(filepath.Join(dataDir, name, "source.html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		// The pages were saved in UTF-8, whatever their <meta charset>
		// says (qq's says gb2312); the header wins over it.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", pagePolicy)
		w.Write(src)
		// After </html>, the parser puts the tag at the end of the body.
		fmt.Fprintf(w, "\n<script src=\"%s/web/factcheck.js\" defer></script>\n", origin(r))
	})
	return mux
}

// origin is the server's origin as the request names it.
func origin(r *http.Request) string { return "http://" + r.Host }

// tab is a browser tab that loads pages from the server at origin.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	origin string

	mu     sync.Mutex
	thrown []string // the uncaught exceptions of the current page
}

// newTab opens a tab of b that loads pages from origin.
func newTab(b *headless.Browser, origin string) (*tab, error) {
	t := &tab{origin: origin}
	t.ctx, t.cancel = chromedp.NewContext(b.Ctx, chromedp.WithListener(t.listen))
	err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		// Every request pauses until listen lets it go on or fails it.
		if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: recorder})
		return err
	}))
	if err != nil {
		t.cancel()
		return nil, fmt.Errorf("opening a tab: %v", err)
	}
	return t, nil
}

func (t *tab) close() { t.cancel() }

// listen runs in the tab's event loop: it must not wait for the browser,
// so it answers paused requests from another goroutine.
func (t *tab) listen(ev any) {
	switch ev := ev.(type) {
	case *fetch.EventRequestPaused:
		local := strings.HasPrefix(ev.Request.URL, t.origin+"/")
		go func() {
			// An error here means the tab is closing.
			if local {
				chromedp.Call(t.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			} else {
				chromedp.Call(t.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID,
					ErrorReason: network.ErrorReasonBlockedByClient})
			}
		}()
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		t.mu.Lock()
		t.thrown = append(t.thrown, text)
		t.mu.Unlock()
	}
}

// recorder runs in every document before anything else. It keeps the
// badges of the first factcheck:done and the text the widget read, taken
// at once, before the page can change, as the widget's reader
// (internal/page.Read) takes it: the text nodes of the root, without what
// it skips and the regions the event says it left out (detail.without).
// textOf puts a space between text nodes, on both sides of the
// comparison, so that words split by markup split alike in expected.html.
const recorder = `(() => {
	const skip = 'script, style, noscript, template, textarea, input, select, option, datalist, button, ' +
		'svg, iframe, object, canvas, video, audio, [hidden]:not([hidden="until-found" i]), ' +
		'[contenteditable]:not([contenteditable="false" i]), [data-factcheck-ui]:not(factcheck-mark)';
	const textOf = (root, without) => {
		const parts = [];
		const tw = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
			n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT :
			n.matches(skip) || without.has(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP);
		for (let n = tw.nextNode(); n; n = tw.nextNode()) parts.push(n.data);
		return parts.join(' ');
	};
	const r = window.__realpages = { done: null, textOf };
	document.addEventListener('factcheck:done', (e) => {
		const root = e.detail.root;
		if (!r.done) r.done = { badges: e.detail.annotations.length, read: root ? textOf(root, new Set(e.detail.without)) : '',
			root: root ? root.localName + (root.id ? '#' + root.id : '') + [...root.classList].map((c) => '.' + c).join('') +
				(e.detail.without.length ? ' without ' + e.detail.without.length : '') : '' };
	});
})();`

// awaitDone is a function of expected.html's markup that waits for the
// first factcheck:done and resolves to the recorder's figures and the
// text of expected.html, or to the loader's notice, as JSON.
const awaitDone = `(expected) => new Promise((resolve, reject) => {
	const r = window.__realpages;
	const check = () => {
		if (r.done) {
			const doc = new DOMParser().parseFromString(expected, 'text/html');
			resolve(JSON.stringify({ ...r.done, expected: r.textOf(doc.body, new Set()) }));
			return;
		}
		const n = document.querySelector('factcheck-notice');
		if (n && n.shadowRoot && n.shadowRoot.textContent.trim()) {
			resolve(JSON.stringify({ notice: n.shadowRoot.textContent.trim() }));
			return;
		}
		setTimeout(check, 50);
	};
	check();
})`

// cspNotice is in the loader's notice when the page's Content Security
// Policy forbids WebAssembly (CSP_MESSAGE in web/factcheck.js).
const cspNotice = "Content Security Policy blocks WebAssembly"

// measure loads one page and returns its figures.
func (t *tab) measure(dataDir, name string) Page {
	p := Page{Name: name}
	expected, err := os.ReadFile(filepath.Join(dataDir, name, "expected.html"))
	if err != nil {
		p.Err = err.Error()
		return p
	}
	arg, _ := json.Marshal(string(expected))
	t.mu.Lock()
	t.thrown = nil
	t.mu.Unlock()

	ctx, cancel := context.WithTimeout(t.ctx, pageTimeout)
	defer cancel()
	var got struct {
		Badges   int    `json:"badges"`
		Root     string `json:"root"`
		Read     string `json:"read"`
		Expected string `json:"expected"`
		Notice   string `json:"notice"`
	}
	err = chromedp.Do(ctx, chromedp.Navigate(t.origin+"/pages/"+name+"/"))
	if err == nil {
		var raw string
		raw, err = chromedp.Run(ctx, chromedp.Evaluate[string]("("+awaitDone+")("+string(arg)+")", chromedp.EvalAwaitPromise))
		if err == nil {
			err = json.Unmarshal([]byte(raw), &got)
		}
	}
	t.mu.Lock()
	thrown := slices.Clone(t.thrown)
	t.mu.Unlock()
	switch {
	case err != nil:
		p.Err = err.Error()
	case strings.Contains(got.Notice, cspNotice):
		p.NA = "CSP"
	case got.Notice != "":
		p.Err = "the loader showed a notice: " + got.Notice
	}
	p.Thrown = thrown
	p.Badges, p.Root = got.Badges, got.Root
	p.Coverage, p.Precision = overlap(words(got.Expected), words(got.Read))
	return p
}
