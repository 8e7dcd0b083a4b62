//go:build !js

// Package webdriver drives the browsers that chromedp cannot, through their
// WebDriver endpoints, for the cross-engine tests: Firefox over WebDriver
// BiDi, spoken straight to its remote agent (Debian ships no geckodriver),
// and WebKitGTK, Safari's engine, over classic WebDriver (WebKitWebDriver
// driving MiniBrowser in an Xvfb display of its own: the GTK port has no
// headless mode). All come from Debian's packages: firefox-esr,
// webkit2gtk-driver and xvfb.
//
// A Browser is one window with one page; the tests navigate it, evaluate
// JavaScript in the page and type on the keyboard.
package webdriver

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Browser is a browser window driven over WebDriver.
type Browser interface {
	// Name is the browser and its version, e.g. "firefox 153.8.0esr".
	Name() string
	// Navigate loads url and waits for its load event.
	Navigate(ctx context.Context, url string) error
	// Eval evaluates a JavaScript expression in the page, awaits it when it
	// is a promise, and decodes its value, sent as JSON, into v (nil to
	// drop it). A thrown exception or a rejection is the error.
	Eval(ctx context.Context, expr string, v any) error
	// Press presses and releases each key in turn at the focused element.
	// Keys are WebDriver key values: a character, or Tab, Enter, Escape.
	Press(ctx context.Context, keys ...string) error
	// Screenshot returns a PNG of the page's viewport.
	Screenshot(ctx context.Context) ([]byte, error)
	// Close ends the session and stops the browser and its helpers.
	Close() error
}

// Keys with no character of their own, as WebDriver names them (the
// specification's table of normalised key values).
const (
	Tab    = "\uE004"
	Enter  = "\uE007"
	Escape = "\uE00C"
)

// ErrNotInstalled is the error of a Start function whose browser, or one of
// its helper programs, is not installed.
var ErrNotInstalled = errors.New("not installed")

// startTimeout bounds a browser's start, from its process to its session.
const startTimeout = 60 * time.Second

// evalWrapper makes an expression's value a JSON string, the one form both
// protocols return alike (BiDi's remote values and classic WebDriver's
// serialisation differ for everything else). undefined becomes null.
func evalWrapper(expr string) string {
	return "(async () => { const v = await (" + expr + "\n); return v === undefined ? 'null' : JSON.stringify(v); })()"
}

// decodeResult decodes the JSON text an evalWrapper expression returned.
func decodeResult(expr, text string, v any) error {
	if v == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(text), v); err != nil {
		return fmt.Errorf("evaluate %s: result %.200s: %w", short(expr), text, err)
	}
	return nil
}

// keyActions are the actions that press and release each key: the same
// source for BiDi's input.performActions and classic WebDriver's Perform
// Actions.
func keyActions(keys []string) []any {
	var steps []any
	for _, k := range keys {
		steps = append(steps, map[string]string{"type": "keyDown", "value": k}, map[string]string{"type": "keyUp", "value": k})
	}
	return []any{map[string]any{"type": "key", "id": "keyboard", "actions": steps}}
}

// decodePNG decodes a screenshot, which both protocols send in base64.
func decodePNG(b64 string, err error) ([]byte, error) {
	if err != nil {
		return nil, fmt.Errorf("screenshot: %w", err)
	}
	return base64.StdEncoding.DecodeString(b64)
}

// short cuts an expression for an error message.
func short(expr string) string {
	expr = strings.Join(strings.Fields(expr), " ")
	if len(expr) > 120 {
		return expr[:120] + "…"
	}
	return expr
}

// startGroup starts cmd as the leader of a new process group, so that stop
// ends it with the processes it starts (Firefox's content processes,
// MiniBrowser and WebKit's web processes).
func startGroup(cmd *exec.Cmd) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd.Start()
}

// stop ends the process group that startGroup started: SIGTERM, then
// SIGKILL if it has not exited after a few seconds.
func stop(cmd *exec.Cmd) {
	if cmd == nil || cmd.Process == nil {
		return
	}
	pgid := cmd.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-exited
	}
	// Children that outlived the leader.
	syscall.Kill(-pgid, syscall.SIGKILL)
}
