//go:build !js

// Package headless starts the headless Chromium that the end-to-end tests
// and the browser benchmark drive, with the flags this machine needs.
package headless

import (
	"errors"
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
