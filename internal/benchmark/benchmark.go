//go:build !js

// Package benchmark measures the built widget in headless Chromium, as
// issue 5 asks: the demo's cold start, scans of generated workloads and of
// the CLEF tweets (their time, long tasks, total blocking time and
// badges), the bytes of the widget's files, and beside each figure its
// floor: a Go hello-world wasm's cold start and size, a plain JavaScript
// TreeWalker pass over the same page; and on the generated pages its peer,
// the JavaScript pipeline a site would assemble instead (peer.go).
//
// Every page load runs in a fresh browser profile. The widget's files come
// from the repository (build them first), served as the devserver serves
// them; the workloads' pages and bundles are generated (internal/workload)
// or made of the CLEF data, and served from the same in-process server.
// Speed is reported, never asserted: this is `./build.sh bench`, not a
// test.
package benchmark

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"factcheck/internal/headless"
)

// Config says what to measure.
type Config struct {
	Root      string     // the repository root
	Web       string     // serve /web/ (the widget's files) from here; "" means Root/web
	Runs      int        // page loads per figure
	Demo      bool       // measure the demo's cold start (and its floor)
	Workloads []Workload // scan these
	CLEFDir   string     // the CLEF-2020 Task 2 data, for the CLEF workload
	// JSONBundles serves the workloads' bundles as JSON-LD, which the
	// widget parses and indexes, instead of compiled (factcheck compile).
	JSONBundles bool
	// The JavaScript peer's node_modules (approx-string-match, mark.js),
	// needed when a generated workload is measured.
	PeerModules string
	PeerAll     bool // the peer searches every statement for every quote
	NoPeer      bool // measure the widget alone
	// Profile, when not empty, is a folder where each page's first load
	// leaves a CPU profile (page.cpuprofile); the top functions go to Log.
	// Build the widget without -s to see Go's function names.
	Profile string
	Log     io.Writer // progress, one line per page load
	Console io.Writer // if not nil, the pages' console messages
}

// Run measures and returns the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	chromium, err := headless.Path()
	if err != nil {
		return nil, err
	}
	r := &Report{Go: runtime.Version(), Chromium: chromiumVersion(chromium), CPUs: runtime.NumCPU(), Runs: cfg.Runs, Bundles: bundleFormat(cfg.JSONBundles), PeerAll: cfg.PeerAll}
	web := cfg.Web
	if web == "" {
		web = filepath.Join(cfg.Root, "web")
	}
	for _, name := range []string{"factcheck.wasm", "factcheck.js", "wasm_exec.js"} {
		s, err := measureSize(filepath.Join(web, name), name)
		if err != nil {
			return nil, fmt.Errorf("%v (run ./build.sh build first)", err)
		}
		r.Sizes = append(r.Sizes, s)
	}

	tmp, err := os.MkdirTemp("", "factcheck-bench-hello-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	hello, err := buildHello(cfg.Root, tmp)
	if err != nil {
		return nil, err
	}
	if r.HelloSize, err = measureSize(hello, "hello.wasm"); err != nil {
		return nil, err
	}

	fmt.Fprintln(cfg.Log, "generating the workloads")
	site, err := newSite(cfg.Workloads, cfg.CLEFDir, filepath.Join(cfg.Root, ".cache"), cfg.Log, cfg.JSONBundles)
	if err != nil {
		return nil, err
	}
	if !cfg.NoPeer && slices.ContainsFunc(site.workloads, Workload.hasPeer) {
		if err := site.addPeer(cfg.PeerModules); err != nil {
			return nil, err
		}
	}
	origin, stop, err := site.serve(cfg.Root, web, tmp)
	if err != nil {
		return nil, err
	}
	defer stop()

	if cfg.Demo {
		r.Demo, r.Hello = &Timing{}, &Timing{}
	}
	for _, w := range site.workloads {
		r.Scans = append(r.Scans, &ScanResult{Workload: w,
			PageBytes:   len(site.files[pagePath(w, true)].body),
			BundleBytes: len(site.files[bundlePath(w, cfg.JSONBundles)].body)})
	}
	for run := 1; run <= cfg.Runs; run++ {
		if cfg.Demo {
			if err := measure(ctx, cfg, run, origin, "/index.html", r.Demo, nil); err != nil {
				return nil, err
			}
			if err := measure(ctx, cfg, run, origin, helloPagePath, r.Hello, nil); err != nil {
				return nil, err
			}
		}
		for _, s := range r.Scans {
			plain := origin + pagePath(s.Workload, false)
			if err := measure(ctx, cfg, run, origin, pagePath(s.Workload, true), &s.Timing, func(b *browser) error {
				ms, err := b.walk(plain)
				s.TreeWalker.add(ms)
				return err
			}); err != nil {
				return nil, err
			}
			if s.hasPeer() && !cfg.NoPeer {
				if err := measurePeer(ctx, cfg, run, origin, s); err != nil {
					return nil, err
				}
			}
		}
	}
	return r, nil
}

// measure loads the page at path of origin in a fresh browser, records
// the load in t, then runs after (if any) in the same browser.
func measure(ctx context.Context, cfg Config, run int, origin, path string, t *Timing, after func(*browser) error) error {
	b, err := startBrowser(ctx, cfg.Console)
	if err != nil {
		return err
	}
	defer b.Close()
	url := origin + path
	profile := cfg.Profile != "" && run == 1
	if profile {
		if err := b.startProfile(origin); err != nil {
			return err
		}
	}
	l, err := b.open(url)
	if err != nil {
		return err
	}
	if profile {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		if err := b.stopProfile(cfg.Profile, name, cfg.Log); err != nil {
			return err
		}
	}
	t.add(l)
	fmt.Fprintf(cfg.Log, "run %d %s: done at %.1f ms, detail.ms %.1f, %d annotations, %d long tasks\n",
		run, url, l.Done.At, l.Done.MS, l.Done.Annotations, len(l.Tasks))
	if after != nil {
		return after(b)
	}
	return nil
}
