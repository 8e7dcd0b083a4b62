//go:build !js

// Package headless starts the headless Chromium that the end-to-end tests
// and the browser benchmark drive, with the flags this machine needs.
package headless

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"

	"github.com/chromedp/chromedp"
)

// Path finds Chromium as build.sh does.
func Path() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser or google-chrome on PATH (./build.sh test installs Chromium)")
}

// Options are the allocator options of a headless Chromium at path with
// the fresh profile directory dir, and a 1280×900 window. Run as root on a
// closed network, Chromium needs no sandbox and none of its background
// traffic.
func Options(path, dir string) []chromedp.ExecAllocatorOption {
	return append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.DisableGPU,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 900),
	)
}

// Browser is a running headless Chromium with a fresh profile.
type Browser struct {
	Ctx    context.Context // the browser's first tab; new tabs derive from it
	cancel context.CancelFunc
	dir    string
}

// Start starts Chromium with a fresh profile directory (named after
// prefix) and opts for its first tab; first, when not nil, runs in that
// tab before Start returns (to install a script on every page, say).
func Start(parent context.Context, prefix string, first chromedp.Action[chromedp.Void], opts ...chromedp.ContextOption) (*Browser, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(parent, Options(path, dir)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx, opts...)
	b := &Browser{Ctx: ctx, dir: dir, cancel: func() { cancelCtx(); cancelAlloc() }}
	var steps []chromedp.Action[chromedp.Void]
	if first != nil {
		steps = append(steps, first)
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting Chromium: %v", err)
	}
	return b, nil
}

// Close stops Chromium and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.dir)
}
