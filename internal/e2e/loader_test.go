//go:build !js

package e2e

import (
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"factcheck/internal/devserver"
)

const cspMessage = "This page's Content Security Policy blocks WebAssembly; " +
	"the fact-check widget needs script-src 'wasm-unsafe-eval'."

// repoHandler serves the repository, as the devserver does.
func repoHandler(t *testing.T) http.Handler {
	t.Helper()
	requireBuild(t)
	h, err := devserver.Handler(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// loaderTag is the loader's script tag with extra attributes.
func loaderTag(attrs string) string {
	return `<script src="/web/factcheck.js" ` + attrs + `></script>`
}

func TestLoaderCSPBlocked(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{
		"/plain.html": {body: articlePage("CSP", "")},
		"/csp.html":   {body: articlePage("CSP", loaderTag("")), csp: "script-src 'self'"},
	}, repoHandler(t))
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/plain.html")
	want := eval[string](t, tb, `document.querySelector('article').innerHTML`)

	_, notice := tb.load(t, srv.URL+"/csp.html")
	if notice != cspMessage {
		t.Errorf("notice %q, want %q", notice, cspMessage)
	}
	tb.screenshot(t, "csp-notice")
	if got := eval[string](t, tb, `document.querySelector('article').innerHTML`); got != want {
		t.Errorf("the article changed:\n%s\nwant\n%s", got, want)
	}
	if got := eval[string](t, tb, `[...document.querySelectorAll('[data-factcheck-ui], script')].map((e) => e.localName).join()`); got != "script,factcheck-notice" {
		t.Errorf("elements left on the page: %s, want the loader's script and the notice", got)
	}
	if role := eval[string](t, tb, `document.querySelector('factcheck-notice').shadowRoot.querySelector('.box').getAttribute('role')`); role != "alert" {
		t.Errorf("notice role %q, want alert", role)
	}
	var precise, logged bool
	for _, l := range tb.consoleErrors() {
		logged = logged || l.text == "factcheck: "+cspMessage
		precise = precise || strings.Contains(l.text, "CompileError") && strings.Contains(l.text, "Content Security Policy")
	}
	if !logged || !precise {
		t.Errorf("console %v: want the notice and the browser's CompileError", tb.console())
	}

	// Asking again retries, fails the same way, and does not stack notices.
	if got := eval[string](t, tb, `FactCheck.scan().then(() => 'resolved', (e) => 'rejected')`); got != "rejected" {
		t.Errorf("FactCheck.scan() %s, want rejected", got)
	}
	if n := eval[int](t, tb, `document.querySelector('factcheck-notice').shadowRoot.querySelectorAll('.box').length`); n != 1 {
		t.Errorf("%d notices, want 1", n)
	}
	if n := eval[int](t, tb, `FactCheck.annotations().length`); n != 0 {
		t.Errorf("FactCheck.annotations() has %d entries, want none", n)
	}
}

func TestLoadedTwice(t *testing.T) {
	twice := loaderTag("defer") + loaderTag("defer")
	srv := pagesServer(t, map[string]testPage{"/twice.html": {body: articlePage("Twice", twice)}}, repoHandler(t))
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/twice.html")
	s := tb.waitFor(t, `s.ready > 0 && s.done.length > 0 || s.notice !== ''`)
	if s.Notice != "" {
		t.Fatalf("notice: %s", s.Notice)
	}
	const widgetUI = `document.querySelectorAll('[data-factcheck-ui]').length`
	ui := eval[int](t, tb, widgetUI)
	// One mark run, badge and annotation per passage, one panel.
	first := readShown(t, tb)
	checkConsistent(t, first)
	if len(first.Findings) == 0 {
		t.Errorf("nothing badged")
	}

	// Once attached, loading again re-scans.
	eval[bool](t, tb, `(() => { const s = document.createElement('script'); s.src = '/web/factcheck.js'; document.body.append(s); return true; })()`)
	s = tb.waitFor(t, `s.done.length > `+strconv.Itoa(len(s.Done)))
	if s.Ready != 1 {
		t.Errorf("factcheck:ready fired %d times, want 1", s.Ready)
	}
	if n := eval[int](t, tb, `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/factcheck.wasm')).length`); n != 1 {
		t.Errorf("factcheck.wasm fetched %d times, want 1", n)
	}
	if got := eval[int](t, tb, widgetUI); got != ui {
		t.Errorf("%d widget elements after the re-scan, %d before", got, ui)
	}
	again := readShown(t, tb)
	checkConsistent(t, again)
	if fmt.Sprint(again.Findings) != fmt.Sprint(first.Findings) {
		t.Errorf("the re-scan shows %v, the first scan %v", again.Findings, first.Findings)
	}
	tb.noErrors(t)
}

func TestLoaderConfig(t *testing.T) {
	tests := []struct {
		name, head, tag string
		want            map[string]any // base and statements relative to the server
	}{
		{
			name: "defaults",
			tag:  loaderTag(""),
			want: map[string]any{"statements": nil, "root": nil, "verdicts": []any{"verified", "misquoted", "misattributed", "disputed"}, "base": "/web/"},
		},
		{
			name: "tag wins over FactCheckConfig",
			head: `<script>window.FactCheckConfig = { statements: '/ignored.jsonld', root: 'main', verdicts: ['verified'] };</script>`,
			tag:  loaderTag(`data-statements="../data/statements.jsonld" data-verdicts="Disputed, misquoted, bogus, disputed"`),
			want: map[string]any{"statements": "/data/statements.jsonld", "root": "main", "verdicts": []any{"disputed", "misquoted"}, "base": "/web/"},
		},
		{
			name: "FactCheckConfig only",
			head: `<script>window.FactCheckConfig = { statements: 'b.jsonld', root: '#story', verdicts: 'misquoted', base: '/web' };</script>`,
			tag:  `<script src="/web/factcheck.js?v=1"></script>`,
			want: map[string]any{"statements": "/news/b.jsonld", "root": "#story", "verdicts": []any{"misquoted"}, "base": "/web/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := pagesServer(t, map[string]testPage{"/news/page.html": {body: articlePage("Config", tt.head+tt.tag)}}, repoHandler(t))
			tb := newTab(t)
			tb.navigate(t, srv.URL+"/news/page.html")
			got := eval[map[string]any](t, tb, `FactCheck._host.config`)
			for _, k := range []string{"statements", "base"} {
				if s, ok := tt.want[k].(string); ok {
					tt.want[k] = srv.URL + s
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("config %v, want %v", got, tt.want)
			}
			if keys := eval[string](t, tb, `Object.keys(FactCheck).sort().join()`); keys != "annotations,clear,scan,version" {
				t.Errorf("FactCheck's keys: %s", keys)
			}
		})
	}
}

func TestLoaderNotice(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Notice", "")}}, repoHandler(t))
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/page.html")
	// The loader without the widget: only the notice is under test.
	eval[bool](t, tb, `(() => { window.WebAssembly = undefined; return true; })()`)
	eval[bool](t, tb, `new Promise((ok) => { const s = document.createElement('script'); s.src = '/web/factcheck.js'; s.onload = () => ok(true); document.head.append(s); })`)
	const boxes = `[...document.querySelector('factcheck-notice').shadowRoot.querySelectorAll('.box')].map((b) => b.getAttribute('role') + ':' + b.querySelector('.message').textContent).join('|')`
	if got := eval[string](t, tb, boxes); got != "alert:"+cspMessage {
		t.Fatalf("notices %q, want the CSP notice for a browser without WebAssembly", got)
	}

	eval[bool](t, tb, `(() => { for (let i = 0; i < 2; i++) FactCheck._host.notice('<b>Bundle</b> updated', 'info'); return true; })()`)
	if got := eval[string](t, tb, boxes); got != "alert:"+cspMessage+"|status:<b>Bundle</b> updated" {
		t.Errorf("notices %q, want the error and one info notice, as text", got)
	}
	if n := eval[int](t, tb, `document.querySelector('factcheck-notice').shadowRoot.querySelectorAll('b').length`); n != 0 {
		t.Errorf("the notice's text made %d elements", n)
	}
	if n := eval[int](t, tb, `document.querySelectorAll('factcheck-notice[data-factcheck-ui]').length`); n != 1 {
		t.Errorf("%d notice hosts, want 1", n)
	}

	const dismiss = `(() => { document.querySelector('factcheck-notice').shadowRoot.querySelector('button[aria-label="Dismiss"]').click(); return true; })()`
	eval[bool](t, tb, dismiss)
	if got := eval[string](t, tb, boxes); got != "status:<b>Bundle</b> updated" {
		t.Errorf("after one dismissal: %q", got)
	}
	eval[bool](t, tb, dismiss)
	if gone := eval[bool](t, tb, `document.querySelector('factcheck-notice') === null`); !gone {
		t.Errorf("the notice host stays after the last dismissal")
	}
	var info bool
	for _, l := range tb.console() {
		info = info || l.kind == "info" && l.text == "factcheck: <b>Bundle</b> updated"
	}
	if !info {
		t.Errorf("console %v: want the info notice logged", tb.console())
	}
}

func TestLoaderFetchFails(t *testing.T) {
	for _, missing := range []string{"/web/factcheck.wasm", "/web/wasm_exec.js"} {
		t.Run(missing, func(t *testing.T) {
			repo := repoHandler(t)
			srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Fetch", loaderTag(""))}},
				http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == missing {
						http.NotFound(w, r)
						return
					}
					repo.ServeHTTP(w, r)
				}))
			tb := newTab(t)
			_, notice := tb.load(t, srv.URL+"/page.html")
			if want := "Could not load " + srv.URL + missing + " (HTTP 404)."; notice != want {
				t.Errorf("notice %q, want %q", notice, want)
			}
		})
	}
}

// sri is the Subresource Integrity hash of a built file.
func sri(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "web", name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha512.Sum384(b)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

func TestLoaderIntegrity(t *testing.T) {
	const wrong = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	runtime, wasm := sri(t, "wasm_exec.js"), sri(t, "factcheck.wasm")
	tests := []struct {
		name, runtime, wasm string
		notice              string // "" when the widget should start
	}{
		{"right hashes", runtime, wasm, ""},
		{"wrong wasm hash", runtime, wrong, "/web/factcheck.wasm."},
		{"wrong runtime hash", wrong, wasm, "/web/wasm_exec.js."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tag := loaderTag(`data-runtime-integrity="` + tt.runtime + `" data-wasm-integrity="` + tt.wasm + `"`)
			srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("SRI", tag)}}, repoHandler(t))
			tb := newTab(t)
			tb.navigate(t, srv.URL+"/page.html")
			s := tb.waitFor(t, `s.ready > 0 || s.notice !== ''`)
			want := ""
			if tt.notice != "" {
				want = "Could not load " + srv.URL + tt.notice
			}
			if s.Notice != want {
				t.Errorf("notice %q, want %q", s.Notice, want)
			}
		})
	}
}

func TestLoaderTrustedTypes(t *testing.T) {
	const csp = "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'; trusted-types factcheck"
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Trusted Types", loaderTag("")), csp: csp}}, repoHandler(t))
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/page.html")
	if s := tb.waitFor(t, `s.ready > 0 || s.notice !== ''`); s.Notice != "" {
		t.Errorf("notice %q under Trusted Types", s.Notice)
	}
}

// TestLoaderWasmExits runs a widget that panics at once: the reader gets
// a notice, and the page stays as it was.
func TestLoaderWasmExits(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() { panic(\"boom\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "factcheck.wasm"), src)
	build.Dir = dir
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building a panicking widget: %v\n%s", err, out)
	}
	for _, name := range []string{"factcheck.js", "wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := devserver.Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Exit", `<script src="/factcheck.js"></script>`)}}, files)
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "The fact-check widget stopped (exit code 2)." {
		t.Errorf("notice %q, want the widget's exit", notice)
	}
	if n := eval[int](t, tb, `FactCheck.annotations().length`); n != 0 {
		t.Errorf("FactCheck.annotations() has %d entries after the exit", n)
	}
}
