//go:build !js

package benchmark

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"factcheck/internal/headless"
)

// pageTimeout bounds one page's measurement.
const pageTimeout = 3 * time.Minute

// chromiumVersion is what the browser says of itself.
func chromiumVersion(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// browser is one headless Chromium with a fresh profile: nothing cached,
// no compiled code kept from an earlier run.
type browser struct{ *headless.Browser }

// startBrowser starts Chromium with the probe on every page; when console
// is not nil, the pages' console messages are copied to it.
func startBrowser(parent context.Context, console io.Writer) (*browser, error) {
	var opts []chromedp.ContextOption
	if console != nil {
		opts = append(opts, chromedp.WithListener(func(ev any) {
			if ev, ok := ev.(*runtime.EventConsoleAPICalled); ok {
				for _, a := range ev.Args {
					fmt.Fprintf(console, "console.%s: %s\n", ev.Type, a.Value)
				}
			}
		}))
	}
	probeEveryPage := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
		return err
	})
	b, err := headless.Start(parent, "factcheck-bench-", probeEveryPage, opts...)
	if err != nil {
		return nil, err
	}
	return &browser{b}, nil
}

// probe runs in every document before the page's own scripts: it records
// long tasks (from the start, buffered) and when the widget's
// factcheck:done or the hello floor's hello:done event fires, in ms since
// navigation start, with the scan's badges counted by verdict. Its
// noticeOr(settled, reject) checks every 50 ms until settled() is true,
// and rejects with the text of the loader's notice if one shows first.
const probe = `(() => {
	const r = window.__bench = { tasks: [], done: null, error: '' };
	r.noticeOr = (settled, reject) => {
		const check = () => {
			if (settled()) return;
			const n = document.querySelector('factcheck-notice');
			if (n && n.shadowRoot && n.shadowRoot.textContent.trim()) {
				reject(new Error('the loader showed a notice: ' + n.shadowRoot.textContent.trim()));
				return;
			}
			setTimeout(check, 50);
		};
		check();
	};
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) r.tasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) {
		r.error = 'no longtask observer: ' + e;
	}
	document.addEventListener('factcheck:done', (e) => {
		if (r.done) return;
		const verdicts = {};
		for (const a of e.detail.annotations) verdicts[a.verdict] = (verdicts[a.verdict] || 0) + 1;
		r.done = { at: performance.now(), ms: e.detail.ms, phases: e.detail.phases, busy: e.detail.busy, annotations: e.detail.annotations.length, verdicts };
	});
	document.addEventListener('hello:done', () => {
		if (!r.done) r.done = { at: performance.now(), ms: 0, annotations: 0 };
	});
})();`

// awaitDone evaluates to the probe's record as JSON once the page's done
// event has fired and the long tasks of that moment have been reported,
// or fails with the text of the loader's notice.
const awaitDone = `new Promise((resolve, reject) => {
	const r = window.__bench;
	r.noticeOr(() => {
		if (r.done) setTimeout(() => resolve(JSON.stringify(r)), 250);
		return r.done !== null;
	}, reject);
})`

// load is what the probe saw of one page load.
type load struct {
	Done struct {
		At float64 `json:"at"` // ms from navigation start to the done event
		MS float64 `json:"ms"` // the widget's own figure (detail.ms)
		// The scan's stages (detail.phases): bundle, read, match, mark,
		// annotate.
		Phases map[string]float64 `json:"phases"`
		// Their busy time (detail.busy): without the widget's waits on
		// the browser.
		Busy        map[string]float64 `json:"busy"`
		Annotations int                `json:"annotations"`
		Verdicts    map[string]int     `json:"verdicts"` // annotations by verdict
	} `json:"done"`
	Tasks [][2]float64 `json:"tasks"` // long tasks: start, duration (ms)
	Error string       `json:"error"`
}

// open navigates to url and waits for its done event.
func (b *browser) open(url string) (load, error) {
	ctx, cancel := context.WithTimeout(b.Ctx, pageTimeout)
	defer cancel()
	var l load
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return l, fmt.Errorf("%s: %v", url, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](awaitDone, chromedp.EvalAwaitPromise))
	if err != nil {
		return l, fmt.Errorf("%s: %v", url, err)
	}
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return l, err
	}
	if l.Error != "" {
		return l, fmt.Errorf("%s: %s", url, l.Error)
	}
	return l, nil
}

// treeWalk is the floor of reading a page: a plain TreeWalker pass that
// collects the text of the article, timed in the page.
const treeWalk = `(() => {
	const root = document.querySelector('article') || document.body;
	const t0 = performance.now();
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const parts = [];
	for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
	const text = parts.join('');
	const ms = performance.now() - t0;
	return text.length > 0 ? ms : -1;
})()`

// walk loads url and times treeWalk on it.
func (b *browser) walk(url string) (float64, error) {
	ctx, cancel := context.WithTimeout(b.Ctx, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, fmt.Errorf("%s: %v", url, err)
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](treeWalk))
	if err == nil && ms < 0 {
		err = errors.New("the page has no text")
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %v", url, err)
	}
	return ms, nil
}
