//go:build !js

package benchmark

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// The peer is what a site would assemble from npm packages instead of the
// widget: approx-string-match and mark.js driven by peer/peer.js. build.sh
// installs the packages (npm ci, from peer/package-lock.json) into
// .cache/peer. On the generated pages both the peer and the widget are
// injected into the page without the widget, once it has loaded, each in
// its own fresh browser, and timed from the injection to their done event:
// fetching their code and the bundle, reading, matching and marking.

//go:embed peer/peer.js
var peerScript []byte

// The peer's files, by URL path, and where its packages' files are in
// node_modules.
const (
	peerScriptPath = "/bench/peer/peer.js"
	peerMarkPath   = "/bench/peer/mark.min.js"
	peerSearchPath = "/bench/peer/approx-string-match.js"
)

var peerModules = map[string]string{
	peerMarkPath:   "mark.js/dist/mark.min.js",
	peerSearchPath: "approx-string-match/build/src/index.js",
}

// hasPeer says whether the peer runs on the workload: on the generated
// pages, whose bundles are statements (the CLEF bundle is claims only).
func (w Workload) hasPeer() bool { return !w.CLEF }

// addPeer serves the peer's script and its packages' files, read from
// nodeModules.
func (s *site) addPeer(nodeModules string) error {
	s.files[peerScriptPath] = file{peerScript, "text/javascript; charset=utf-8"}
	for path, name := range peerModules {
		data, err := os.ReadFile(filepath.Join(nodeModules, name))
		if err != nil {
			return fmt.Errorf("the JavaScript peer: %v (./build.sh bench installs its packages)", err)
		}
		s.files[path] = file{data, "text/javascript; charset=utf-8"}
	}
	return nil
}

// scriptTag is a script element to inject: its attributes.
type scriptTag map[string]string

// widgetTags is the widget's loader, as the workload's page has it.
func widgetTags(w Workload, jsonBundles bool) []scriptTag {
	return []scriptTag{{"src": "/web/factcheck.js", "data-statements": bundlePath(w, jsonBundles), "data-root": "article"}}
}

// peerTags are mark.js and the peer's script after it; with all, the peer
// searches every statement for every quote, not only those that share a
// rare word with it.
func peerTags(w Workload, all bool) []scriptTag {
	peer := scriptTag{"src": peerScriptPath, "data-statements": bundlePath(w, true), "data-root": "article", "data-search": peerSearchPath}
	if all {
		peer["data-candidates"] = "all"
	}
	return []scriptTag{{"src": peerMarkPath}, peer}
}

// inject is a function of the tags and the done event's name: it appends
// the tags to the body (executed in order) and resolves, once the event
// has fired and the long tasks of that moment have been reported, to the
// injection's and the event's times (ms since navigation start), the
// event's detail (the widget's annotations counted) and the long tasks. It
// fails with the text of the widget's notice, if that shows.
const inject = `(tags, event) => new Promise((resolve, reject) => {
	const r = window.__bench;
	let done = false;
	document.addEventListener(event, (e) => {
		const at = performance.now();
		done = true;
		const d = e.detail || {};
		const detail = Array.isArray(d.annotations) ? { annotations: d.annotations.length, ms: d.ms } : d;
		setTimeout(() => resolve(JSON.stringify({ start, at, detail, tasks: r.tasks })), 250);
	}, { once: true });
	const start = performance.now();
	for (const t of tags) {
		const s = document.createElement('script');
		s.async = false;
		for (const [name, value] of Object.entries(t)) s.setAttribute(name, value);
		document.body.append(s);
	}
	r.noticeOr(() => done, reject);
})`

// injectLoad is what inject saw.
type injectLoad struct {
	Start  float64         `json:"start"` // ms from navigation start to the injection
	At     float64         `json:"at"`    // ms from navigation start to the done event
	Detail json.RawMessage `json:"detail"`
	Tasks  [][2]float64    `json:"tasks"` // long tasks since navigation start: start, duration (ms)
}

// PeerWork is what the peer says it did (peer:done's detail).
type PeerWork struct {
	Quotes     int `json:"quotes"`     // quoted passages in the article
	Statements int `json:"statements"` // statements in the bundle
	Searches   int `json:"searches"`   // approx-string-match searches: quote × candidate statement
	Matches    int `json:"matches"`    // quotes found in a statement
	Marks      int `json:"marks"`      // mark elements mark.js inserted
	// Its stages, in ms: load (approx-string-match and the bundle),
	// index, search (with reading the article), mark.
	Phases map[string]float64 `json:"phases"`
	Error  string             `json:"error,omitempty"`
}

// peerPhaseNames are the peer's stages, in order.
var peerPhaseNames = []string{"load", "index", "search", "mark"}

// Injected is a script injected into a workload's page over the runs.
type Injected struct {
	Done    Stat `json:"injection_done_ms"` // injection → done event
	Longest Stat `json:"longest_task_ms"`   // of the long tasks from injection to done
	TBT     Stat `json:"total_blocking_ms"` // of the same
	// The widget's scan (factcheck:done's detail.ms): the rest of Done
	// is loading and starting it.
	Scan Stat `json:"scan_ms"`
	// The peer's stages, as it timed them (PeerWork.Phases).
	Phases map[string]*Stat `json:"phases_ms,omitempty"`
	// Of the last run: the widget's annotations, or the peer's work.
	Annotations int       `json:"annotations,omitempty"`
	Work        *PeerWork `json:"work,omitempty"`
}

func (in *Injected) add(l injectLoad) {
	in.Done.add(l.At - l.Start)
	longest, total := blocking(l.Tasks, l.Start, l.At)
	in.Longest.add(longest)
	in.TBT.add(total)
}

// injectMeasure loads url (the page without the widget) in a fresh
// browser, then injects tags and waits for event.
func injectMeasure(ctx context.Context, cfg Config, url string, tags []scriptTag, event string) (injectLoad, error) {
	var l injectLoad
	b, err := startBrowser(ctx, cfg.Console)
	if err != nil {
		return l, err
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(b.Ctx, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return l, fmt.Errorf("%s: %v", url, err)
	}
	args, err := json.Marshal(tags)
	if err != nil {
		return l, err
	}
	expr := fmt.Sprintf("(%s)(%s, %q)", inject, args, event)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return l, fmt.Errorf("%s, injecting %s: %v", url, tags[len(tags)-1]["src"], err)
	}
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return l, err
	}
	return l, nil
}

// measurePeer injects the widget, then the peer, each into the workload's
// page without the widget in a fresh browser, and records both and how
// many times faster the widget was.
func measurePeer(ctx context.Context, cfg Config, run int, origin string, s *ScanResult) error {
	url := origin + pagePath(s.Workload, false)
	wl, err := injectMeasure(ctx, cfg, url, widgetTags(s.Workload, cfg.JSONBundles), "factcheck:done")
	if err != nil {
		return err
	}
	var widget struct {
		Annotations int
		MS          float64
	}
	if err := json.Unmarshal(wl.Detail, &widget); err != nil {
		return fmt.Errorf("factcheck:done's detail: %v", err)
	}
	pl, err := injectMeasure(ctx, cfg, url, peerTags(s.Workload, cfg.PeerAll), "peer:done")
	if err != nil {
		return err
	}
	var work PeerWork
	if err := json.Unmarshal(pl.Detail, &work); err != nil {
		return fmt.Errorf("peer:done's detail: %v", err)
	}
	if work.Error != "" {
		return fmt.Errorf("%s: the JavaScript peer failed: %s", url, work.Error)
	}
	if s.Widget == nil {
		s.Widget, s.Peer = &Injected{}, &Injected{}
	}
	s.Widget.add(wl)
	s.Widget.Scan.add(widget.MS)
	s.Widget.Annotations = widget.Annotations
	s.Peer.add(pl)
	s.Peer.Work = &work
	addPhases(&s.Peer.Phases, work.Phases)
	w, p := wl.At-wl.Start, pl.At-pl.Start
	if w <= 0 {
		return errors.New("the injected widget took no time")
	}
	s.Faster.add(p / w)
	fmt.Fprintf(cfg.Log, "run %d %s injected: widget done in %.1f ms (scan %.1f ms, %d annotations, long tasks %v), peer in %.1f ms (%d quotes, %d searches, %d marked)\n",
		run, url, w, widget.MS, widget.Annotations, taskList(wl), p, work.Quotes, work.Searches, work.Matches)
	return nil
}

// taskList is the long tasks from the injection on, in ms since the
// injection: start+duration.
func taskList(l injectLoad) string {
	var b strings.Builder
	for _, t := range l.Tasks {
		if t[0]+t[1] >= l.Start {
			fmt.Fprintf(&b, " %.0f+%.0f", t[0]-l.Start, t[1])
		}
	}
	return strings.TrimSpace(b.String())
}
