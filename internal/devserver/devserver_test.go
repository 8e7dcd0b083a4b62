package devserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tree writes files (name -> content) under a fresh directory, all with
// the same modification time.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	mtime := time.Now().Add(-time.Minute)
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func server(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	h, err := Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// get requests path with the given Accept-Encoding, without the client's
// own decompression, and returns the response and its body.
func get(t *testing.T, ts *httptest.Server, method, path, acceptEncoding string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path // keep ".." and "//" as sent
	req.Header.Set("Accept-Encoding", acceptEncoding)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func TestHandler(t *testing.T) {
	dir := tree(t, map[string]string{
		"index.html":            "<!doctype html><title>demo</title>",
		"go.mod":                "module factcheck",
		".gitignore":            "/web/factcheck.wasm",
		".git/config":           "[core]",
		"web/factcheck.js":      "'use strict';",
		"web/factcheck.js.br":   "BR-JS",
		"web/factcheck.js.gz":   "GZ-JS",
		"web/factcheck.wasm":    "\x00asm",
		"web/factcheck.wasm.gz": "GZ-WASM",
		"web/statements.jsonld": "{}",
		"web/.secret":           "no",
		"web/sub/page.html":     "<p>sub</p>",
	})
	ts := server(t, dir)

	tests := []struct {
		name, method, path, acceptEncoding string
		status                             int
		body, contentType, encoding        string
		cors                               bool
	}{
		{"root is the demo", "GET", "/", "", 200, "<!doctype html><title>demo</title>", "text/html; charset=utf-8", "", false},
		{"html", "GET", "/index.html", "gzip, br", 200, "<!doctype html><title>demo</title>", "text/html; charset=utf-8", "", false},
		{"js raw", "GET", "/web/factcheck.js", "", 200, "'use strict';", "text/javascript; charset=utf-8", "", true},
		{"js brotli preferred", "GET", "/web/factcheck.js", "gzip, deflate, br", 200, "BR-JS", "text/javascript; charset=utf-8", "br", true},
		{"js gzip", "GET", "/web/factcheck.js", "gzip", 200, "GZ-JS", "text/javascript; charset=utf-8", "gzip", true},
		{"js br refused by q=0", "GET", "/web/factcheck.js", "br;q=0, gzip;q=0.5", 200, "GZ-JS", "text/javascript; charset=utf-8", "gzip", true},
		{"js identity only", "GET", "/web/factcheck.js", "identity", 200, "'use strict';", "text/javascript; charset=utf-8", "", true},
		{"wasm", "GET", "/web/factcheck.wasm", "", 200, "\x00asm", "application/wasm", "", true},
		{"wasm without br variant falls to gzip", "GET", "/web/factcheck.wasm", "br, gzip", 200, "GZ-WASM", "application/wasm", "gzip", true},
		{"jsonld", "GET", "/web/statements.jsonld", "", 200, "{}", "application/ld+json", "", true},
		{"head", "HEAD", "/web/factcheck.wasm", "", 200, "", "application/wasm", "", true},
		{"nested", "GET", "/web/sub/page.html", "", 200, "<p>sub</p>", "text/html; charset=utf-8", "", true},
		{"missing", "GET", "/nope.html", "", 404, "", "", "", false},
		{"dotfile", "GET", "/.gitignore", "", 404, "", "", "", false},
		{"dot directory", "GET", "/.git/config", "", 404, "", "", "", false},
		{"dotfile under web", "GET", "/web/.secret", "", 404, "", "", "", true},
		{"dot-dot", "GET", "/web/../go.mod", "", 404, "", "", "", true},
		{"encoded dot-dot", "GET", "/web/%2e%2e/go.mod", "", 404, "", "", "", true},
		{"double slash", "GET", "//go.mod", "", 404, "", "", "", false},
		{"directory", "GET", "/web", "", 404, "", "", "", false},
		{"directory slash", "GET", "/web/", "", 404, "", "", "", true},
		{"post", "POST", "/index.html", "", 405, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, ts, tt.method, tt.path, tt.acceptEncoding)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (body %q)", res.StatusCode, tt.status, body)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", got)
			}
			if got, want := res.Header.Get("Access-Control-Allow-Origin") == "*", tt.cors; got != want {
				t.Errorf("CORS header present = %v, want %v", got, want)
			}
			if tt.status != 200 {
				return
			}
			if body != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if got := res.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
		})
	}
}

func TestHandlerSkipsStaleVariant(t *testing.T) {
	dir := tree(t, map[string]string{
		"web/factcheck.js":    "new",
		"web/factcheck.js.gz": "old",
	})
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "web/factcheck.js.gz"), old, old); err != nil {
		t.Fatal(err)
	}
	res, body := get(t, server(t, dir), "GET", "/web/factcheck.js", "gzip")
	if body != "new" || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("got %q with Content-Encoding %q, want the fresh original", body, res.Header.Get("Content-Encoding"))
	}
}

func TestHandlerStaysInRoot(t *testing.T) {
	outside := tree(t, map[string]string{"secret.txt": "outside"})
	dir := tree(t, map[string]string{"index.html": "in"})
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if res, body := get(t, server(t, dir), "GET", "/link.txt", ""); res.StatusCode != 404 {
		t.Errorf("symlink out of the root: status %d, body %q; want 404", res.StatusCode, body)
	}
}

func TestHandlerMissingRoot(t *testing.T) {
	if _, err := Handler(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("Handler on a missing directory: no error")
	}
}

func TestAcceptedEncodings(t *testing.T) {
	tests := []struct {
		header   string
		br, gzip bool
	}{
		{"", false, false},
		{"gzip", false, true},
		{"br", true, false},
		{"GZIP, BR", true, true},
		{"gzip;q=1.0, br;q=0", false, true},
		{"br; q=0.001", true, false},
		{"br;q=0.0, gzip;q=bad", false, false},
		{"*", false, false},
	}
	for _, tt := range tests {
		got := acceptedEncodings(tt.header)
		if got["br"] != tt.br || got["gzip"] != tt.gzip {
			t.Errorf("acceptedEncodings(%q) = %v, want br=%v gzip=%v", tt.header, got, tt.br, tt.gzip)
		}
	}
}

// TestHandlerServesVariantCutToTheSecond: brotli gives its output the
// input's modification time cut to the second; such a .br is fresh.
func TestHandlerServesVariantCutToTheSecond(t *testing.T) {
	dir := tree(t, map[string]string{
		"web/factcheck.js":    "'use strict';",
		"web/factcheck.js.br": "BR-JS",
	})
	orig := time.Date(2026, 3, 1, 12, 0, 5, 700_000_000, time.UTC)
	for name, mtime := range map[string]time.Time{
		"web/factcheck.js":    orig,
		"web/factcheck.js.br": orig.Truncate(time.Second),
	} {
		if err := os.Chtimes(filepath.Join(dir, name), mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	res, body := get(t, server(t, dir), "GET", "/web/factcheck.js", "gzip, br")
	if body != "BR-JS" || res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("got %q with Content-Encoding %q, want the .br variant", body, res.Header.Get("Content-Encoding"))
	}
}

// TestHandlerServesFreshBuild compresses a file just written, the way
// build.sh does, and asks for it as a browser would.
func TestHandlerServesFreshBuild(t *testing.T) {
	if _, err := exec.LookPath("brotli"); err != nil {
		t.Skip("brotli is not installed (./build.sh test installs it)")
	}
	dir := t.TempDir()
	js := filepath.Join(dir, "web", "factcheck.js")
	if err := os.MkdirAll(filepath.Dir(js), 0o755); err != nil {
		t.Fatal(err)
	}
	content := strings.Repeat("console.log('factcheck');\n", 200)
	if err := os.WriteFile(js, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	// A time within a second, as a file just written has: the .br's
	// time, cut to the second, is then earlier.
	now := time.Now().Truncate(time.Second).Add(700 * time.Millisecond)
	if err := os.Chtimes(js, now, now); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("../../build.sh", "compress", js).CombinedOutput()
	if err != nil {
		t.Fatalf("build.sh compress: %v\n%s", err, out)
	}
	ts := server(t, dir)
	for _, enc := range []struct{ accept, want, magic string }{
		{"gzip, deflate, br, zstd", "br", ""},
		{"gzip, deflate", "gzip", "\x1f\x8b"},
	} {
		res, body := get(t, ts, "GET", "/web/factcheck.js", enc.accept)
		if got := res.Header.Get("Content-Encoding"); got != enc.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", enc.accept, got, enc.want)
		}
		if body == content || !strings.HasPrefix(body, enc.magic) {
			t.Errorf("Accept-Encoding %q: the body (%d bytes) is not the %s variant", enc.accept, len(body), enc.want)
		}
	}
}
