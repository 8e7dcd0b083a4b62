//go:build !js

package webdriver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// miniBrowserGlob is where Debian's libwebkit2gtk-4.1-0 puts MiniBrowser,
// the browser WebKitWebDriver drives.
const miniBrowserGlob = "/usr/lib/*/webkit2gtk-4.*/MiniBrowser"

// webkitPaths finds WebKitWebDriver, MiniBrowser and Xvfb.
func webkitPaths() (driver, browser, xvfb string, err error) {
	if driver, err = exec.LookPath("WebKitWebDriver"); err != nil {
		return "", "", "", fmt.Errorf("WebKitWebDriver: %w (Debian's package webkit2gtk-driver)", ErrNotInstalled)
	}
	browsers, _ := filepath.Glob(miniBrowserGlob)
	if len(browsers) == 0 {
		return "", "", "", fmt.Errorf("MiniBrowser (%s): %w (Debian's package libwebkit2gtk-4.1-0)", miniBrowserGlob, ErrNotInstalled)
	}
	if xvfb, err = xvfbPath(); err != nil {
		return "", "", "", err
	}
	return driver, browsers[0], xvfb, nil
}

// webkit is MiniBrowser, WebKitGTK's browser, driven over classic WebDriver
// by WebKitWebDriver, in an Xvfb display of its own: the GTK port has no
// headless mode.
type webkit struct {
	xvfb, driver *exec.Cmd
	base         string // the session's URL, http://127.0.0.1:port/session/id
	name         string
	client       http.Client
}

// StartWebKit starts Xvfb, WebKitWebDriver and, through a new session,
// MiniBrowser with a window of width×height.
func StartWebKit(ctx context.Context, width, height int) (Browser, error) {
	driverPath, browserPath, xvfbPath, err := webkitPaths()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	w := &webkit{}
	var display string
	w.xvfb, display, err = startXvfb(ctx, xvfbPath, width, height)
	if err != nil {
		w.Close()
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		w.Close()
		return nil, err
	}
	out := newWatchWriter(nil)
	w.driver = exec.Command(driverPath, "--port="+strconv.Itoa(port), "--host=local")
	w.driver.Env = append(os.Environ(), "DISPLAY="+display)
	w.driver.Stdout, w.driver.Stderr = out, out
	if err := startGroup(w.driver); err != nil {
		w.Close()
		return nil, err
	}
	driverURL := "http://127.0.0.1:" + strconv.Itoa(port)
	for {
		var status struct {
			Ready bool `json:"ready"`
		}
		if w.do(ctx, http.MethodGet, driverURL+"/status", nil, &status) == nil && status.Ready {
			break
		}
		select {
		case <-ctx.Done():
			w.Close()
			return nil, fmt.Errorf("WebKitWebDriver did not answer: %w; its output:\n%s", ctx.Err(), out.tail())
		case <-time.After(50 * time.Millisecond):
		}
	}
	var session struct {
		SessionID    string `json:"sessionId"`
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{"binary": browserPath, "args": []string{"--automation"}},
	}}}
	if err := w.do(ctx, http.MethodPost, driverURL+"/session", caps, &session); err != nil {
		w.Close()
		return nil, fmt.Errorf("starting MiniBrowser: %w; WebKitWebDriver's output:\n%s", err, out.tail())
	}
	w.base = driverURL + "/session/" + session.SessionID
	w.name = session.Capabilities.BrowserName + " (WebKitGTK " + session.Capabilities.BrowserVersion + ")"
	if err := w.do(ctx, http.MethodPost, w.base+"/window/rect", map[string]int{"width": width, "height": height}, nil); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// freePort returns a TCP port that was free on 127.0.0.1 a moment ago:
// WebKitWebDriver needs its port on its command line.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// do sends one WebDriver command and decodes the response's value into
// result (nil to drop it).
func (w *webkit) do(ctx context.Context, method, url string, body, result any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("%s %s: %s: %w", method, url, resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(r.Value, &e)
		return fmt.Errorf("%s: %s", e.Error, e.Message)
	}
	if result == nil {
		return nil
	}
	return json.Unmarshal(r.Value, result)
}

func (w *webkit) Name() string { return w.name }

func (w *webkit) Navigate(ctx context.Context, url string) error {
	return w.do(ctx, http.MethodPost, w.base+"/url", map[string]string{"url": url}, nil)
}

func (w *webkit) Eval(ctx context.Context, expr string, v any) error {
	var text string
	// Execute Script awaits the promise the script's body returns.
	err := w.do(ctx, http.MethodPost, w.base+"/execute/sync",
		map[string]any{"script": "return " + evalWrapper(expr), "args": []any{}}, &text)
	if err != nil {
		return fmt.Errorf("evaluate %s: %w", short(expr), err)
	}
	return decodeResult(expr, text, v)
}

func (w *webkit) Press(ctx context.Context, keys ...string) error {
	return w.do(ctx, http.MethodPost, w.base+"/actions", map[string]any{"actions": keyActions(keys)}, nil)
}

func (w *webkit) Screenshot(ctx context.Context) ([]byte, error) {
	var data string
	err := w.do(ctx, http.MethodGet, w.base+"/screenshot", nil, &data)
	return decodePNG(data, err)
}

func (w *webkit) Close() error {
	var err error
	if w.base != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = w.do(ctx, http.MethodDelete, w.base, nil, nil)
		cancel()
	}
	w.client.CloseIdleConnections()
	stop(w.driver)
	stop(w.xvfb)
	return err
}
