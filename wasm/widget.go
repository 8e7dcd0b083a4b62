//go:build js

package main

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"factcheck/internal/annotation"
	"factcheck/internal/match"
	"factcheck/internal/page"
	"factcheck/internal/ui"
)

// version is the widget's version, as window.FactCheck.version reports it.
const version = "0.1.0"

// sliceBudget is how long the widget works before giving the page a turn:
// well under the 50 ms that makes a long task.
const sliceBudget = 16 * time.Millisecond

// markSliceBudget is sliceBudget while the scan inserts badges into the
// page: after each slice the browser lays the changed page out again, and
// on a long page that costs about as much for one change as for a
// hundred (3-5 ms of layout alone for a 200k-word page, as much again to
// paint), so marking works in longer slices, still under the 50 ms of a
// long task.
const markSliceBudget = 40 * time.Millisecond

// errStopped ends a scan that clear() interrupted.
var errStopped = errors.New("the scan was stopped by clear()")

// eagerBadges is how many badges a scan renders before it is done; the
// rest are rendered as they come into view (see whenVisible).
const eagerBadges = 16

// paintedLimit is how many passages a scan's highlights may hold, painted
// at once; past it, only those in view are painted (see page.Mark.Unpaint
// for why).
const paintedLimit = 100

// readLimits bound the page text one scan reads.
var readLimits = page.Limits{MaxNodes: 300_000, MaxBytes: 8 << 20}

// config is what the loader read from its script tag and FactCheckConfig.
type config struct {
	statements string // bundle URL; "" means the embedded default
	// bundle is the loader's fetch of statements (host.bundle), started
	// while the widget loaded (a Promise of a Response), until
	// loadMatcher takes it; undefined when there is none.
	bundle   js.Value
	root     string          // CSS selector of the article root; "" means guess
	verdicts map[string]bool // which verdicts to badge
}

func readConfig(v js.Value) config {
	c := config{verdicts: map[string]bool{}}
	if s := v.Get("statements"); s.Type() == js.TypeString {
		c.statements = s.String()
	}
	if s := v.Get("root"); s.Type() == js.TypeString {
		c.root = s.String()
	}
	if list := v.Get("verdicts"); list.Type() == js.TypeObject {
		for i := 0; i < list.Length(); i++ {
			c.verdicts[strings.TrimSpace(list.Index(i).String())] = true
		}
	}
	if len(c.verdicts) == 0 {
		for _, v := range []match.Verdict{match.Verified, match.Misquoted, match.Misattributed, match.Disputed} {
			c.verdicts[v.String()] = true
		}
	}
	return c
}

// widget is the running fact-checker of one page.
type widget struct {
	host js.Value // the loader's FactCheck._host
	cfg  config
	doc  js.Value
	y    *yielder
	// watch re-scans when the page changes; scan and clear tell it when.
	watch *watcher

	mu          sync.Mutex // one scan at a time
	matcher     *match.Matcher
	annotations js.Value // the last scan's annotations (a JS array)
	broken      error    // set after a panic: the widget stays inert
	// gen counts scans and clear() calls: a scan that sees it changed
	// stops.
	gen      int
	stopLazy func() // stops rendering the last scan's badges as they show
	// bundleNotice tells the reader that the bundle loaded in part.
	bundleNotice string
}

func newWidget(host js.Value, cfg config) *widget {
	return &widget{host: host, cfg: cfg, doc: js.Global().Get("document"), y: newYielder(),
		annotations: js.Global().Get("Array").New()}
}

// api returns the object the loader forwards window.FactCheck's methods to.
func (w *widget) api() js.Value {
	o := js.Global().Get("Object").New()
	o.Set("version", version)
	o.Set("scan", js.FuncOf(func(_ js.Value, args []js.Value) any {
		root := js.Undefined()
		if len(args) > 0 {
			root = args[0]
		}
		return w.scanAsync(root)
	}))
	o.Set("annotations", js.FuncOf(func(js.Value, []js.Value) any {
		return w.annotations
	}))
	// annotations and clear must not wait for w.mu: a scan holding it
	// waits in turn for the event loop this call is blocking. clear stops
	// the scan instead.
	o.Set("clear", js.FuncOf(func(js.Value, []js.Value) any {
		w.gen++
		w.reset()
		return nil
	}))
	return o
}

// scanAsync starts a scan and returns a Promise of its annotations.
func (w *widget) scanAsync(root js.Value) js.Value {
	var resolve, reject js.Value
	executor := js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	})
	promise := js.Global().Get("Promise").New(executor)
	executor.Release()
	go func() {
		anns, err := w.scan(root)
		if errors.Is(err, errStopped) {
			resolve.Invoke(js.Global().Get("Array").New())
			return
		}
		if err != nil {
			w.report(err)
			reject.Invoke(js.Global().Get("Error").New("factcheck: " + err.Error()))
			return
		}
		resolve.Invoke(anns)
	}()
	return promise
}

// scanUnasked runs a scan that no caller of FactCheck.scan() waits for:
// the first one, and the watcher's. Its failure is reported and stops
// the watching, and goes no further: with no caller to catch it, a
// rejected promise would be an unhandled rejection, which sites count in
// their error monitoring.
func (w *widget) scanUnasked(root js.Value) {
	if _, err := w.scan(root); err != nil && !errors.Is(err, errStopped) {
		w.watch.stop()
		w.report(err)
	}
}

// report tells the reader why a scan failed, in the loader's notice,
// which also logs it with console.error.
func (w *widget) report(err error) {
	w.host.Call("notice", err.Error(), "error")
}

// scan runs one whole scan; a panic anywhere below is turned into an
// error here, at the JavaScript boundary, and leaves the widget inert.
func (w *widget) scan(root js.Value) (anns js.Value, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.broken != nil {
		return js.Undefined(), w.broken
	}
	defer func() {
		if r := recover(); r != nil {
			w.watch.stop()
			w.broken = errors.New("the widget failed and stopped (" + panicText(r) + "); the page was restored")
			func() {
				defer func() { recover() }()
				page.Clear(w.doc)
			}()
			anns, err = js.Undefined(), w.broken
		}
	}()
	w.gen++
	gen := w.gen
	clock := startPhases()
	pause := w.pauser(sliceBudget)
	m, err := w.loadMatcher(pause)
	if err != nil {
		return js.Undefined(), err
	}
	clock.lap("bundle")
	article, err := w.root(root, pause)
	if err != nil {
		return js.Undefined(), err
	}
	w.stopBadges()
	w.watch.start(root, article.Root) // suspended: the DOM changes until resume are the widget's
	defer w.watch.resume()
	page.Clear(w.doc)
	if w.bundleNotice != "" { // shown once, after Clear would remove it
		w.host.Call("notice", w.bundleNotice, "info")
		w.bundleNotice = ""
	}
	text := article.Read(readLimits, pause)
	if text.Truncated {
		w.host.Call("notice", "This page is too large to check whole: only its first part was checked.", "info")
	}
	clock.lap("read")
	findings := w.match(m, text.S, pause)
	clock.lap("match")
	if w.gen != gen {
		return js.Undefined(), errStopped
	}
	// Past paintedLimit findings, only the passages in view are painted.
	windowed := len(findings) > paintedLimit
	items, badges, marks := w.mark(text, findings, windowed, w.pauser(markSliceBudget), gen)
	if w.gen != gen {
		return js.Undefined(), errStopped
	}
	ui.MountPanel(w.doc, items, badges)
	w.watch.resume()
	clock.lap("mark")
	w.annotations = w.annotate(text, items, pause)
	clock.lap("annotate")
	w.stopLazy = w.whenVisible(badges, marks, windowed)
	detail := js.Global().Get("Object").New()
	detail.Set("annotations", w.annotations)
	detail.Set("ms", clock.total())
	detail.Set("phases", clock.js(clock.ms))
	detail.Set("busy", clock.js(clock.busy))
	detail.Set("root", article.Root)
	detail.Set("without", arrayOf(article.Without))
	dispatch("factcheck:done", detail)
	return w.annotations, nil
}

// pauser returns the function that long loops call between steps: after
// budget of work it gives the page a turn.
func (w *widget) pauser(budget time.Duration) func() {
	slice := time.Now()
	return func() {
		if time.Since(slice) > budget {
			w.y.yield()
			slice = time.Now()
		}
	}
}

// match runs the engine over the text and keeps the configured verdicts.
func (w *widget) match(m *match.Matcher, text string, pause func()) []match.Finding {
	sc := m.NewScan(text)
	for !sc.Step(8) {
		pause()
	}
	var kept []match.Finding
	for _, f := range sc.Findings() {
		if w.cfg.verdicts[f.Verdict.String()] {
			kept = append(kept, f)
		}
	}
	return kept
}

// mark highlights each finding's passage, shows them all at the end (see
// page.Text.Show), and mounts the first eagerBadges badges; the caller
// mounts the rest when they show (see whenVisible). When windowed it
// leaves the passages unpainted: whenVisible paints those in view. A
// passage the page changed since it was read is skipped with a warning.
// It stops early if clear() is called while it gives the page a turn.
func (w *widget) mark(text *page.Text, findings []match.Finding, windowed bool, pause func(), gen int) ([]ui.Item, []*ui.Badge, []*page.Mark) {
	items := make([]ui.Item, 0, len(findings))
	badges := make([]*ui.Badge, 0, len(findings))
	marks := make([]*page.Mark, 0, len(findings))
	for i := range findings {
		f := &findings[i]
		mark, err := text.Highlight(f.Start, f.End, f.Verdict.String(), f.Verdict.String())
		if err != nil {
			console("warn", "factcheck: cannot mark a passage: "+err.Error())
			continue
		}
		if windowed {
			mark.Unpaint()
		}
		marks = append(marks, mark)
		item := ui.Item{Finding: f, Passage: text.S[f.Start:f.End]}
		items = append(items, item)
		if len(badges) < eagerBadges {
			badges = append(badges, ui.MountBadge(mark.Host, item))
		} else {
			badges = append(badges, ui.NewBadge(mark.Host, item))
		}
		if pause(); w.gen != gen {
			break
		}
	}
	if w.gen == gen {
		text.Show()
	}
	return items, badges, marks
}

// whenVisible renders the badges past the first eagerBadges as they come
// into view and, when windowed, paints the passages in view and unpaints
// those that leave it; a printout paints them all, from beforeprint to
// afterprint. It returns the function that stops it.
func (w *widget) whenVisible(badges []*ui.Badge, marks []*page.Mark, windowed bool) (stop func()) {
	if !windowed && len(badges) <= eagerBadges {
		return nil
	}
	hosts := make([]js.Value, len(marks))
	for i, m := range marks {
		hosts[i] = m.Host
	}
	inView := make([]bool, len(marks))
	stopWatching := ui.WhenVisible(hosts, func(i int, visible bool) {
		inView[i] = visible
		switch {
		case visible:
			badges[i].Mount()
			if windowed {
				marks[i].Repaint()
			}
		case windowed:
			marks[i].Unpaint()
		}
	})
	if !windowed {
		return stopWatching
	}
	outOfView := func(paint func(*page.Mark)) js.Func {
		return js.FuncOf(func(js.Value, []js.Value) any {
			for i, m := range marks {
				if !inView[i] {
					paint(m)
				}
			}
			return nil
		})
	}
	before, after := outOfView((*page.Mark).Repaint), outOfView((*page.Mark).Unpaint)
	win := js.Global()
	win.Call("addEventListener", "beforeprint", before)
	win.Call("addEventListener", "afterprint", after)
	return func() {
		stopWatching()
		win.Call("removeEventListener", "beforeprint", before)
		win.Call("removeEventListener", "afterprint", after)
		before.Release()
		after.Release()
	}
}

// stopBadges stops rendering the last scan's badges as they show.
func (w *widget) stopBadges() {
	if w.stopLazy != nil {
		w.stopLazy()
		w.stopLazy = nil
	}
}

// annotate returns the items as a JavaScript array of Web Annotations,
// written as JSON in Go and parsed by the browser: one crossing instead of
// one per field.
func (w *widget) annotate(text *page.Text, items []ui.Item, pause func()) js.Value {
	source := js.Global().Get("location").Get("href").String()
	data := []byte{'['}
	for i, it := range items {
		if i > 0 {
			data = append(data, ',')
		}
		a := annotation.New(*it.Finding, i, text, source)
		data = a.AppendJSON(data)
		pause()
	}
	data = append(data, ']')
	return js.Global().Get("JSON").Call("parse", string(data))
}

// root resolves the article: an element or selector given to scan(),
// else the configured selector, else the page's best guess.
func (w *widget) root(arg js.Value, pause func()) (page.Article, error) {
	switch {
	case arg.Type() == js.TypeObject && arg.Get("nodeType").Type() == js.TypeNumber:
		return page.Article{Root: arg, Without: js.Null()}, nil
	case arg.Type() == js.TypeString:
		return page.Root(w.doc, arg.String(), pause)
	case arg.Type() == js.TypeUndefined || arg.Type() == js.TypeNull:
		return page.Root(w.doc, w.cfg.root, pause)
	}
	return page.Article{}, errors.New("scan(root): root must be an element or a CSS selector")
}

// arrayOf returns the elements of a JavaScript Set, or of none for null,
// as an array.
func arrayOf(set js.Value) js.Value {
	if set.IsNull() {
		return js.Global().Get("Array").New()
	}
	return js.Global().Get("Array").Call("from", set)
}

// plural writes n and noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// panicText describes a recovered panic value.
func panicText(r any) string {
	switch r := r.(type) {
	case error:
		return r.Error()
	case string:
		return r
	}
	return "an unexpected value"
}

func console(level, msg string) { js.Global().Get("console").Call(level, msg) }
