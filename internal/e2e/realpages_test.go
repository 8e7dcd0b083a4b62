//go:build !js

package e2e

import (
	"context"
	"flag"
	"testing"
	"time"

	fceval "factcheck/internal/eval"
	"factcheck/internal/eval/realpages"
)

var realPagesDir = flag.String("realpages", "", "the saved real pages (default: shared/data/readability in a folder above the repository)")

// minRootOK is the share of the real pages where the widget runs whose
// article it must read. It reads 128 of 129 today (toc-missing's own CSP
// keeps the widget out; firefox-nightly-blog's expected.html holds its
// comments, which the widget leaves out).
const minRootOK = 0.98

// TestRealPages loads Mozilla Readability's saved pages with the widget
// and the default bundle: none of them quotes the bundle's officials, so
// no page may get a badge; the root the widget picks must hold the
// article's words on nearly every page; and the widget must not throw.
func TestRealPages(t *testing.T) {
	requireBuild(t)
	dir := *realPagesDir
	if dir == "" {
		if dir = fceval.SharedData("readability"); dir == "" {
			t.Skip("no shared/data/readability in a folder above: pass -realpages DIR")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	rep, err := realpages.Run(ctx, repoRoot, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages in %v, %d where the widget runs: the text read holds the article on %d (%.1f%%), %d badges",
		len(rep.Pages), time.Since(start).Round(time.Millisecond), rep.N, rep.RootOK, 100*float64(rep.RootOK)/float64(rep.N), rep.Badges)
	for _, p := range rep.Pages {
		if p.Badges > 0 {
			t.Errorf("%s: %d badges with the default bundle", p.Name, p.Badges)
		}
		for _, e := range p.Thrown {
			t.Errorf("%s: the widget threw: %s", p.Name, e)
		}
		switch {
		case p.NA != "":
			t.Logf("%s: n/a (%s): the widget cannot run there; not counted", p.Name, p.NA)
		case p.Err != "":
			t.Logf("%s: %s", p.Name, p.Err)
		case p.Coverage < realpages.OKCoverage:
			t.Logf("%s: coverage %.3f, precision %.3f, root %.80s", p.Name, p.Coverage, p.Precision, p.Root)
		}
	}
	if share := float64(rep.RootOK) / float64(rep.N); share < minRootOK {
		t.Errorf("the text read holds the article on %d of %d pages where the widget runs (%.3f), want at least %.2f", rep.RootOK, rep.N, share, minRootOK)
	}
}
