//go:build js

package main

import (
	"strings"
	"sync"
	"syscall/js"
	"time"

	"factcheck/internal/page"
	"factcheck/internal/ui"
)

// Debounce of the watcher: a scan starts once the page has been quiet for
// quietFor after a change, and at the latest maxWait after the first
// change, so that a page that never stops changing (a live ticker) is
// still scanned, every maxWait.
const (
	quietFor = 400 * time.Millisecond
	maxWait  = 2 * time.Second
)

// watcher re-scans the page when its article changes after a scan (live
// blogs, infinite scroll, client-side rendering) and when the page
// navigates without loading a new document (history.pushState, popstate).
//
// Two MutationObservers look at the page: one at the scanned root (child
// lists and text, in the whole subtree), one at the document (child lists
// only), which matters only once the root has left the document because
// the page replaced it. The widget's own changes are not the page's:
// scan suspends the watcher while it changes the DOM, and resuming
// discards the records those changes made. While suspended the watcher
// still listens during the turns a scan gives the page (see turn), and
// records whose nodes are all widget elements (or comments, scripts and
// the like) never count.
//
// The observers' callbacks only sort records and reset a timer; the scan
// runs in its own goroutine. One scan runs at a time: changes during a
// scan ask for exactly one follow-up scan.
type watcher struct {
	rescan func(gen uint64) // runs a scan unless gen is no longer current

	doc             js.Value
	content, frame  js.Value // MutationObservers of the root and of the document
	contentOpts     js.Value
	frameOpts       js.Value
	navigationAPI   bool // navigation 'navigatesuccess' is available
	contentCallback js.Func
	frameCallback   js.Func
	navCallback     js.Func

	mu        sync.Mutex // never held across a wait: the callbacks take it
	active    bool       // watching, from a scan until clear()
	suspended bool       // the widget is changing the DOM
	arg       js.Value   // the argument of the last scan: undefined, a selector or an element
	root      js.Value   // the root the last scan read
	url       string     // the page's URL without fragment at the last scan or navigation
	gen       uint64     // bumped when a scan starts or watching stops
	timer     *time.Timer
	first     time.Time // the first change not yet scheduled for a scan; zero when none
	running   bool      // a rescan goroutine is running
	again     bool      // a change arrived during that rescan: run one more
}

// newWatcher makes an inactive watcher; start activates it. rescan is
// called in a goroutine of its own.
func newWatcher(rescan func(gen uint64)) *watcher {
	w := &watcher{rescan: rescan, doc: js.Global().Get("document"), arg: js.Undefined(), root: js.Null()}
	w.contentCallback = js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.active && !w.suspended && pageChange(args[0]) {
			w.changed()
		}
		return nil
	})
	w.frameCallback = js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.active && !w.suspended {
			w.frameChanged(args[0])
		}
		return nil
	})
	w.navCallback = js.FuncOf(func(js.Value, []js.Value) any {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.active {
			w.checkURL()
		}
		return nil
	})
	mo := js.Global().Get("MutationObserver")
	w.content = mo.New(w.contentCallback)
	w.frame = mo.New(w.frameCallback)
	w.contentOpts = js.ValueOf(map[string]any{"childList": true, "subtree": true, "characterData": true})
	w.frameOpts = js.ValueOf(map[string]any{"childList": true, "subtree": true})

	// The Navigation API reports every same-document navigation, pushState
	// included, without touching the page's functions. Without it,
	// popstate reports back and forward, and the document observer notices
	// a pushState by the URL when the page re-renders.
	if nav := js.Global().Get("navigation"); nav.Type() == js.TypeObject && nav.Get("addEventListener").Type() == js.TypeFunction {
		w.navigationAPI = true
		nav.Call("addEventListener", "navigatesuccess", w.navCallback)
	} else {
		js.Global().Call("addEventListener", "popstate", w.navCallback)
	}
	return w
}

// start watches root, the element a scan is about to read; arg is the
// scan's argument, used again by rescans. The watcher is suspended until
// resume: the scan is about to change the DOM. Changes before start are
// the scan's to see, so pending ones are dropped.
func (w *watcher) start(arg, root js.Value) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.gen++
	w.active, w.suspended = true, true
	w.arg, w.root = arg, root
	w.url = pageURL()
	w.unschedule()
	w.content.Call("disconnect")
	w.content.Call("observe", root, w.contentOpts)
	w.frame.Call("disconnect")
	w.frame.Call("observe", w.doc, w.frameOpts)
}

// suspend stops counting changes: what follows is the widget's. Changes
// the page made before are counted first.
func (w *watcher) suspend() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.active || w.suspended {
		return
	}
	if pageChange(w.content.Call("takeRecords")) {
		w.changed()
	}
	w.frameChanged(w.frame.Call("takeRecords"))
	w.suspended = true
}

// resume counts changes again, dropping those made while suspended.
func (w *watcher) resume() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.active || !w.suspended {
		return
	}
	w.content.Call("takeRecords")
	w.frame.Call("takeRecords")
	w.suspended = false
}

// turn runs yield, which gives the page's event loop a turn, with the
// watcher listening if a scan had suspended it: what the page changes
// during its turn is the page's.
func (w *watcher) turn(yield func()) {
	w.mu.Lock()
	suspended := w.active && w.suspended
	w.mu.Unlock()
	if !suspended {
		yield()
		return
	}
	w.resume()
	yield()
	w.suspend()
}

// stop stops watching until the next start, and cancels scheduled scans.
func (w *watcher) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.gen++
	w.active, w.suspended = false, false
	w.unschedule()
	w.content.Call("disconnect")
	w.frame.Call("disconnect")
	w.root = js.Null()
}

// current reports whether a rescan scheduled in generation gen is still
// wanted: no scan started and clear() did not stop watching since.
func (w *watcher) current(gen uint64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.active && w.gen == gen
}

// scanArg is the argument a rescan passes to scan: the last scan's, but
// an element the page removed gives way to the configured root again.
func (w *watcher) scanArg() js.Value {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.arg.Type() == js.TypeObject && !w.arg.Get("isConnected").Bool() {
		return js.Undefined()
	}
	return w.arg
}

// frameChanged counts document records: they matter once the root left
// the document. Without the Navigation API it also notices a new URL.
// w.mu is held.
func (w *watcher) frameChanged(records js.Value) {
	if !w.navigationAPI {
		w.checkURL()
	}
	if !w.root.Truthy() || w.root.Get("isConnected").Bool() {
		return
	}
	if pageChange(records) {
		w.changed()
	}
}

// checkURL counts a navigation to another URL (not just another fragment)
// as a change. w.mu is held.
func (w *watcher) checkURL() {
	if u := pageURL(); u != w.url {
		w.url = u
		w.changed()
	}
}

// changed schedules a rescan: quietFor from now, but no later than
// maxWait after the first change still waiting. w.mu is held.
func (w *watcher) changed() {
	now := time.Now()
	if w.first.IsZero() {
		w.first = now
	}
	d := min(quietFor, w.first.Add(maxWait).Sub(now))
	if w.timer == nil {
		w.timer = time.AfterFunc(d, w.fire)
	} else {
		w.timer.Reset(d)
	}
}

// unschedule drops the changes waiting for a scan. w.mu is held.
func (w *watcher) unschedule() {
	if w.timer != nil {
		w.timer.Stop()
	}
	w.first = time.Time{}
	w.again = false
}

// fire starts the rescan goroutine, or asks the running one for one more.
func (w *watcher) fire() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.active || w.first.IsZero() {
		return
	}
	w.first = time.Time{}
	if w.running {
		w.again = true
		return
	}
	w.running = true
	go w.run(w.gen)
}

func (w *watcher) run(gen uint64) {
	for {
		w.rescan(gen)
		w.mu.Lock()
		if !w.active || !w.again {
			w.running, w.again = false, false
			w.mu.Unlock()
			return
		}
		w.again = false
		gen = w.gen
		w.mu.Unlock()
	}
}

// pageChange reports whether any of the MutationRecords may change the
// article's text: a change of text (not of a comment), or a node added or
// removed that is not inert. It stops at the first such record.
func pageChange(records js.Value) bool {
	for i, n := 0, records.Length(); i < n; i++ {
		r := records.Index(i)
		if r.Get("type").String() != "childList" {
			if r.Get("target").Get("nodeType").Int() != commentNode {
				return true
			}
			continue
		}
		if !allInert(r.Get("addedNodes")) || !allInert(r.Get("removedNodes")) {
			return true
		}
	}
	return false
}

const (
	elementNode = 1
	commentNode = 8
)

// inertTags are the elements whose coming and going changes no text the
// widget reads (page.Read skips them): what pages and their ads insert
// into articles all the time.
var inertTags = map[string]bool{"SCRIPT": true, "STYLE": true, "LINK": true, "META": true,
	"NOSCRIPT": true, "TEMPLATE": true, "IFRAME": true}

// allInert reports whether every node of the NodeList is inert: a widget
// element, a comment (frameworks' placeholders) or one of inertTags.
func allInert(nodes js.Value) bool {
	for i, n := 0, nodes.Length(); i < n; i++ {
		node := nodes.Index(i)
		switch node.Get("nodeType").Int() {
		case commentNode:
		case elementNode:
			if !node.Call("hasAttribute", page.UIAttr).Bool() && !inertTags[node.Get("nodeName").String()] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// pageURL is the page's URL without its fragment: following a link to an
// anchor is no navigation to re-scan for.
func pageURL() string {
	u := js.Global().Get("location").Get("href").String()
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return u
}

// popoverPoll is how often a rescan waiting for an open popover checks.
const popoverPoll = 500 * time.Millisecond

// autoScan is the watcher's scan of generation gen. A root that cannot be
// found (the page went to a view without its article) takes the widget
// off the page and waits for the next change; other errors are shown and
// stop the watching (see scanUnasked).
func (w *widget) autoScan(gen uint64) {
	// A scan replaces the badges, and with them a popover the reader is
	// reading (a live blog's ticking clock would close it every few
	// seconds): wait until it is closed.
	for ui.PopoverOpen() {
		time.Sleep(popoverPoll)
	}
	w.mu.Lock()
	if !w.watch.current(gen) {
		w.mu.Unlock()
		return
	}
	arg := w.watch.scanArg()
	if _, err := w.root(arg, w.pauser(sliceBudget)); err != nil {
		if w.annotations.Length() > 0 {
			console("info", "factcheck: nothing to check: "+err.Error())
		}
		w.watch.suspend()
		w.stopBadges()
		page.Clear(w.doc)
		w.annotations = js.Global().Get("Array").New()
		w.watch.resume()
		w.mu.Unlock()
		return
	}
	w.mu.Unlock()
	w.scanUnasked(arg)
}

// reset removes the widget from the page and stops watching, as clear()
// does. w.mu is held.
func (w *widget) reset() {
	w.watch.stop()
	w.stopBadges()
	page.Clear(w.doc)
	w.annotations = js.Global().Get("Array").New()
}
