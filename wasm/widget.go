//go:build js

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"factcheck/internal/annotation"
	"factcheck/internal/bundle"
	"factcheck/internal/match"
	"factcheck/internal/page"
	"factcheck/internal/ui"
)

// version is the widget's version, as window.FactCheck.version reports it.
const version = "0.1.0"

// sliceBudget is how long the widget works before giving the page a turn:
// well under the 50 ms that makes a long task.
const sliceBudget = 8 * time.Millisecond

// readLimits bound the page text one scan reads.
var readLimits = page.Limits{MaxNodes: 300_000, MaxBytes: 8 << 20}

// config is what the loader read from its script tag and FactCheckConfig.
type config struct {
	statements string          // bundle URL; "" means the embedded default
	root       string          // CSS selector of the article root; "" means guess
	verdicts   map[string]bool // which verdicts to badge
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
		for _, v := range []match.Verdict{match.Verified, match.Misquoted, match.Disputed} {
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
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.annotations
	}))
	o.Set("clear", js.FuncOf(func(js.Value, []js.Value) any {
		w.watch.stop()
		if !w.mu.TryLock() {
			// A scan is running, and a callback must not wait for it
			// (the scan needs the event loop): clear once it is done.
			go func() {
				w.mu.Lock()
				defer w.mu.Unlock()
				w.reset()
			}()
			return nil
		}
		defer w.mu.Unlock()
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
		if err != nil {
			w.host.Call("notice", err.Error(), "error")
			reject.Invoke(js.Global().Get("Error").New("factcheck: " + err.Error()))
			return
		}
		resolve.Invoke(anns)
	}()
	return promise
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
			w.broken = fmt.Errorf("the widget failed and stopped (%v); the page was restored", r)
			func() {
				defer func() { recover() }()
				page.Clear(w.doc)
			}()
			anns, err = js.Undefined(), w.broken
		}
	}()
	start := time.Now()
	m, err := w.loadMatcher()
	if err != nil {
		return js.Undefined(), err
	}
	el, err := w.root(root)
	if err != nil {
		return js.Undefined(), err
	}
	w.watch.start(root, el) // suspended: the DOM changes until resume are the widget's
	defer w.watch.resume()
	page.Clear(w.doc)
	slice := time.Now()
	pause := func() {
		if time.Since(slice) > sliceBudget {
			w.y.yield()
			slice = time.Now()
		}
	}
	text := page.Read(el, readLimits, pause)
	if text.Truncated {
		console("warn", "factcheck: the page is too large; only its first part was checked")
	}
	sc := m.NewScan(text.S)
	for !sc.Step(8) {
		pause()
	}
	var findings []match.Finding
	for _, f := range sc.Findings() {
		if w.cfg.verdicts[f.Verdict.String()] {
			findings = append(findings, f)
		}
	}
	items := make([]ui.Item, 0, len(findings))
	badges := make([]*ui.Badge, 0, len(findings))
	list := make([]annotation.Annotation, 0, len(findings))
	source := js.Global().Get("location").Get("href").String()
	for i := range findings {
		f := &findings[i]
		mark, err := text.Highlight(f.Start, f.End, f.Verdict.String(), f.Verdict.String())
		if err != nil {
			console("warn", "factcheck: cannot mark a passage: "+err.Error())
			continue
		}
		item := ui.Item{Finding: f, Passage: text.S[f.Start:f.End]}
		items = append(items, item)
		badges = append(badges, ui.MountBadge(mark.Host, item))
		list = append(list, annotation.New(*f, len(list), text.S, source, text.BodyOffset))
		pause()
	}
	ui.MountPanel(w.doc, items, badges)
	w.watch.resume()
	data, err := json.Marshal(list)
	if err != nil {
		return js.Undefined(), err
	}
	w.annotations = js.Global().Get("JSON").Call("parse", string(data))
	detail := js.Global().Get("Object").New()
	detail.Set("annotations", w.annotations)
	detail.Set("ms", float64(time.Since(start).Microseconds())/1000)
	dispatch("factcheck:done", detail)
	return w.annotations, nil
}

// root resolves the article root: an element or selector given to scan(),
// else the configured selector, else the page's best guess.
func (w *widget) root(arg js.Value) (js.Value, error) {
	switch {
	case arg.Type() == js.TypeObject && arg.Get("nodeType").Type() == js.TypeNumber:
		return arg, nil
	case arg.Type() == js.TypeString:
		return page.Root(w.doc, arg.String())
	case arg.Type() == js.TypeUndefined || arg.Type() == js.TypeNull:
		return page.Root(w.doc, w.cfg.root)
	}
	return js.Undefined(), errors.New("scan(root): root must be an element or a CSS selector")
}

// loadMatcher parses and indexes the bundle once.
func (w *widget) loadMatcher() (*match.Matcher, error) {
	if w.matcher != nil {
		return w.matcher, nil
	}
	b := bundle.Default()
	if w.cfg.statements != "" {
		data, err := fetchBytes(w.cfg.statements, bundle.MaxBytes)
		if err != nil {
			return nil, err
		}
		if b, err = bundle.Parse(data); err != nil {
			return nil, fmt.Errorf("the statement bundle %s is not usable: %v", w.cfg.statements, err)
		}
	}
	for _, warning := range b.Warnings {
		console("warn", "factcheck: statement bundle: "+warning)
	}
	w.matcher = match.New(b)
	return w.matcher, nil
}

func console(level, msg string) { js.Global().Get("console").Call(level, msg) }
