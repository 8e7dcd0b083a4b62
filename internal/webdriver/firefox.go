//go:build !js

package webdriver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// firefoxPrefs go in the fresh profile's user.js. The remote agent sets
// its own recommended preferences for automation (no updates, no safe
// browsing, remote settings pointed nowhere); these add what keeps a
// test machine's Firefox quiet and off the network.
const firefoxPrefs = `user_pref("app.normandy.enabled", false);
user_pref("app.update.auto", false);
user_pref("browser.aboutwelcome.enabled", false);
user_pref("browser.newtabpage.enabled", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("toolkit.telemetry.enabled", false);
`

// bidiListening is how Firefox tells, on stderr, where its remote agent
// listens.
var bidiListening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

// firefoxPath finds Firefox: Debian's firefox-esr, or a firefox on PATH.
func firefoxPath() (string, error) {
	for _, name := range []string{"firefox-esr", "firefox"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("firefox-esr: %w (Debian's package firefox-esr)", ErrNotInstalled)
}

// firefox is a Firefox driven over WebDriver BiDi.
type firefox struct {
	cmd     *exec.Cmd
	profile string
	ws      *wsConn
	name    string
	context string // the browsing context (window) of the page

	mu      sync.Mutex
	nextID  int
	pending map[int]chan bidiResponse
	readErr error // why the read loop stopped
}

type bidiResponse struct {
	Type    string          `json:"type"` // "success", "error" or "event"
	ID      *int            `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

// StartFirefox starts a headless Firefox with a fresh profile, opens a
// WebDriver BiDi session and a window whose viewport is width×height.
func StartFirefox(ctx context.Context, width, height int) (Browser, error) {
	path, err := firefoxPath()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	f := &firefox{pending: map[int]chan bidiResponse{}}
	if f.profile, err = os.MkdirTemp("", "factcheck-firefox-"); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(f.profile, "user.js"), []byte(firefoxPrefs), 0o644); err != nil {
		f.Close()
		return nil, err
	}
	out := newWatchWriter(bidiListening)
	f.cmd = exec.Command(path, "--headless", "--no-remote", "--profile", f.profile, "--remote-debugging-port=0", "about:blank")
	f.cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	f.cmd.Stdout, f.cmd.Stderr = out, out
	if err := startGroup(f.cmd); err != nil {
		f.Close()
		return nil, err
	}
	var wsURL string
	select {
	case wsURL = <-out.found:
	case <-ctx.Done():
		f.Close()
		return nil, fmt.Errorf("firefox did not start its remote agent: %w; its output:\n%s", ctx.Err(), out.tail())
	}
	if f.ws, err = dialWebSocket(ctx, wsURL+"/session"); err != nil {
		f.Close()
		return nil, fmt.Errorf("connecting to firefox's remote agent: %w", err)
	}
	go f.readLoop()

	var session struct {
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	if err := f.call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, &session); err != nil {
		f.Close()
		return nil, err
	}
	f.name = session.Capabilities.BrowserName + " " + session.Capabilities.BrowserVersion
	// The first window never gets the focus: there the keyboard does not
	// activate buttons (Enter on a focused button fires no click). A window
	// opened over BiDi does.
	var window struct {
		Context string `json:"context"`
	}
	if err := f.call(ctx, "browsingContext.create", map[string]any{"type": "window"}, &window); err != nil {
		f.Close()
		return nil, err
	}
	f.context = window.Context
	viewport := map[string]any{"context": f.context, "viewport": map[string]int{"width": width, "height": height}}
	if err := f.call(ctx, "browsingContext.setViewport", viewport, nil); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readLoop hands each response to its caller; events are not subscribed
// to, and so not sent.
func (f *firefox) readLoop() {
	for {
		msg, err := f.ws.ReadMessage()
		f.mu.Lock()
		if err != nil {
			f.readErr = err
			for id, ch := range f.pending {
				close(ch)
				delete(f.pending, id)
			}
			f.mu.Unlock()
			return
		}
		var r bidiResponse
		if json.Unmarshal(msg, &r) == nil && r.ID != nil {
			if ch, ok := f.pending[*r.ID]; ok {
				ch <- r
				delete(f.pending, *r.ID)
			}
		}
		f.mu.Unlock()
	}
}

// call sends a command and decodes its result into result (nil to drop it).
func (f *firefox) call(ctx context.Context, method string, params any, result any) error {
	f.mu.Lock()
	if f.readErr != nil {
		err := f.readErr
		f.mu.Unlock()
		return fmt.Errorf("%s: the connection is gone: %w", method, err)
	}
	f.nextID++
	id := f.nextID
	ch := make(chan bidiResponse, 1)
	f.pending[id] = ch
	f.mu.Unlock()

	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return err
	}
	if err := f.ws.WriteText(msg); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: the connection closed", method)
		}
		if r.Type == "error" {
			return fmt.Errorf("%s: %s: %s", method, r.Error, r.Message)
		}
		if result == nil {
			return nil
		}
		return json.Unmarshal(r.Result, result)
	case <-ctx.Done():
		f.mu.Lock()
		delete(f.pending, id)
		f.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (f *firefox) Name() string { return f.name }

func (f *firefox) Navigate(ctx context.Context, url string) error {
	return f.call(ctx, "browsingContext.navigate", map[string]any{"context": f.context, "url": url, "wait": "complete"}, nil)
}

func (f *firefox) Eval(ctx context.Context, expr string, v any) error {
	var r struct {
		Type   string `json:"type"` // "success" or "exception"
		Result struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := f.call(ctx, "script.evaluate", map[string]any{
		"expression":      evalWrapper(expr),
		"target":          map[string]string{"context": f.context},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &r)
	switch {
	case err != nil:
		return err
	case r.Type == "exception":
		return fmt.Errorf("evaluate %s: %s", short(expr), r.ExceptionDetails.Text)
	case r.Result.Type != "string":
		return fmt.Errorf("evaluate %s: a %s, not JSON text", short(expr), r.Result.Type)
	}
	return decodeResult(expr, r.Result.Value, v)
}

func (f *firefox) Press(ctx context.Context, keys ...string) error {
	return f.call(ctx, "input.performActions", map[string]any{"context": f.context, "actions": keyActions(keys)}, nil)
}

func (f *firefox) Screenshot(ctx context.Context) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	err := f.call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": f.context}, &r)
	return decodePNG(r.Data, err)
}

func (f *firefox) Close() error {
	var err error
	if f.ws != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = f.call(ctx, "browser.close", map[string]any{}, nil)
		cancel()
		f.ws.Close()
	}
	stop(f.cmd)
	if f.profile != "" {
		err = errors.Join(err, os.RemoveAll(f.profile))
	}
	return err
}

// watchWriter keeps the end of a program's output and sends, once, the
// first submatch of pattern (when not nil) in a line of it.
type watchWriter struct {
	pattern *regexp.Regexp
	found   chan string

	mu   sync.Mutex
	line []byte
	last []byte // the end of the output, for error messages
	sent bool
}

// watchTail is how much output a watchWriter keeps.
const watchTail = 8 << 10

func newWatchWriter(pattern *regexp.Regexp) *watchWriter {
	return &watchWriter{pattern: pattern, found: make(chan string, 1)}
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.last = append(w.last, p...)
	if len(w.last) > watchTail {
		w.last = w.last[len(w.last)-watchTail:]
	}
	if w.sent || w.pattern == nil {
		return len(p), nil
	}
	w.line = append(w.line, p...)
	for {
		i := bytes.IndexByte(w.line, '\n')
		if i < 0 {
			break
		}
		if m := w.pattern.FindSubmatch(w.line[:i]); m != nil {
			w.found <- string(m[1])
			w.sent, w.line = true, nil
			break
		}
		w.line = w.line[i+1:]
	}
	return len(p), nil
}

func (w *watchWriter) tail() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return strings.TrimSpace(string(w.last))
}
