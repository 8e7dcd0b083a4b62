//go:build !js

package e2e

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// compiledBundle compiles a bundle of Horne's statement and the claim it
// disputes, under IDs of its own: annotations that cite them come from it,
// not from the built-in bundle.
func compiledBundle(t *testing.T) []byte {
	t.Helper()
	b, err := bundle.Parse([]byte(`{"@graph": [` + horneS1 + `,
		{"@type": "ClaimReview", "@id": "#compiled-c1", "claimReviewed": "The call did not go well.",
			"reviewRating": {"@type": "Rating", "alternateName": "False"}, "isBasedOn": [{"@id": "#s1"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b.Statements[0].ID = "#compiled-s1"
	data, err := match.Encode(b, match.New(b))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// compiledSite serves page at /page.html, data at path with the given
// Content-Type, and the repository for everything else.
func compiledSite(t *testing.T, page, path, contentType string, data []byte) *httptest.Server {
	t.Helper()
	repo := repoHandler(t)
	return pagesServer(t, map[string]testPage{"/page.html": {body: page}},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				repo.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", contentType)
			w.Header().Set("Cache-Control", "no-store")
			w.Write(data)
		}))
}

// TestCompiledBundle loads a compiled bundle recognised each way: by its
// content type, by its .fcb extension, and by its first bytes when the
// server says neither.
func TestCompiledBundle(t *testing.T) {
	data := compiledBundle(t)
	for _, tc := range []struct {
		name, path, contentType string
	}{
		{"content type", "/data/statements", match.ContentType},
		{"extension", "/data/statements.fcb", "application/octet-stream"},
		{"magic", "/data/statements.bin", "application/octet-stream"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := articlePage("Compiled bundle", loaderTag(`data-statements="`+tc.path+`?v=1"`))
			srv := compiledSite(t, page, tc.path, tc.contentType, data)
			tb := newTab(t)
			if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "" {
				t.Fatalf("notice %q", notice)
			}
			got := eval[string](t, tb, `FactCheck.annotations().map((a) => a.verdict + ': ' + (a.body.claim || a.body.statement).id).join('\n')`)
			if want := "verified: #compiled-s1\ndisputed: #compiled-c1"; got != want {
				t.Errorf("annotations:\n%s\nwant\n%s", got, want)
			}
			tb.noErrors(t)
		})
	}
}

// TestCompiledBundleBroken serves compiled bundles the widget cannot use:
// another format version, a truncated file, a flipped byte, and an HTML
// page declared compiled by its .fcb URL or by its content type (read as
// compiled, not as JSON-LD). Each gets a notice and a console error that
// say what is wrong, and the page stays as it was.
func TestCompiledBundleBroken(t *testing.T) {
	good := compiledBundle(t)
	edited := func(edit func([]byte) []byte) []byte { return edit(slices.Clone(good)) }
	html := []byte("<!doctype html><title>Not found</title>")
	for _, tc := range []struct {
		name, path, contentType string
		data                    []byte
		want                    string // what the error must say
	}{
		{"version", "/data/statements.fcb", match.ContentType, edited(func(d []byte) []byte { d[4] = match.FormatVersion + 1; return d }),
			"format version " + strconv.Itoa(match.FormatVersion+1) + " not supported (want " + strconv.Itoa(match.FormatVersion) +
				"): compile the bundle again with this widget's factcheck tool"},
		{"truncated", "/data/statements.fcb", match.ContentType, good[:len(good)-100],
			"truncated at byte " + strconv.Itoa(len(good)-100) + ": the header promises " + strconv.Itoa(len(good)) + " bytes"},
		{"flipped byte", "/data/statements.fcb", match.ContentType, edited(func(d []byte) []byte { d[len(d)/2] ^= 1; return d }),
			"checksum mismatch"},
		{"HTML at .fcb", "/data/statements.fcb", "text/html", html, `bad magic "<!do" (want "FCB\x00")`},
		{"HTML as compiled", "/data/statements", match.ContentType, html, `bad magic "<!do" (want "FCB\x00")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := match.Decode(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Decode: %v, want an error saying %q", err, tc.want)
			}
			title := "Broken compiled bundle"
			srv := compiledSite(t, articlePage(title, loaderTag(`data-statements="`+tc.path+`"`)), tc.path, tc.contentType, tc.data)
			expectFatal(t, newTab(t), title, srv.URL, "the statement bundle "+srv.URL+tc.path+" is not usable: "+err.Error())
		})
	}
}

// TestBundleFetchedWhileWidgetLoads holds back the widget's wasm until the
// statement bundle has been asked for: the loader starts that download
// beside the widget's own, and the widget takes it, asking no second
// time. Were the bundle fetched only once the widget runs, the wasm would
// wait out the hold and the bundle come after it.
func TestBundleFetchedWhileWidgetLoads(t *testing.T) {
	data := compiledBundle(t)
	const path = "/data/statements.fcb"
	repo := repoHandler(t)
	asked := make(chan struct{})
	var mu sync.Mutex
	var order []string
	note := func(what string) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, what)
	}
	page := articlePage("Bundle prefetch", loaderTag(`data-statements="`+path+`"`))
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: page}},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == path:
				mu.Lock()
				first := !slices.Contains(order, "bundle")
				order = append(order, "bundle")
				mu.Unlock()
				if first {
					close(asked)
				}
				w.Header().Set("Content-Type", match.ContentType)
				w.Header().Set("Cache-Control", "no-store")
				w.Write(data)
			case strings.HasSuffix(r.URL.Path, "/factcheck.wasm"):
				select {
				case <-asked:
				case <-time.After(5 * time.Second):
				}
				note("wasm")
				repo.ServeHTTP(w, r)
			default:
				repo.ServeHTTP(w, r)
			}
		}))
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "" {
		t.Fatalf("notice %q", notice)
	}
	mu.Lock()
	got := strings.Join(order, ", ")
	mu.Unlock()
	if want := "bundle, wasm"; got != want {
		t.Errorf("requests: %s, want %s", got, want)
	}
	if n := eval[int](t, tb, `FactCheck.annotations().length`); n != 2 {
		t.Errorf("%d annotations, want 2", n)
	}
	tb.noErrors(t)
}
