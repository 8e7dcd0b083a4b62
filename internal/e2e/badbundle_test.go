//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// bundleSite serves page at /page.html, the bundles at their paths (as
// application/ld+json) and the repository for everything else.
func bundleSite(t *testing.T, page string, bundles map[string]string) *httptest.Server {
	t.Helper()
	repo := repoHandler(t)
	return pagesServer(t, map[string]testPage{"/page.html": {body: page}},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, ok := bundles[r.URL.Path]
			if !ok {
				repo.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/ld+json")
			w.Header().Set("Cache-Control", "no-store")
			w.Write([]byte(b))
		}))
}

// poll waits until the JavaScript expression expr is true.
func (tb *tab) poll(t *testing.T, expr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("waiting for %s: %v; console %v", expr, err, tb.console())
	}
}

// logged reports whether the console has a line of the given kind with
// exactly the given text.
func (tb *tab) logged(kind, text string) bool {
	for _, l := range tb.console() {
		if l.kind == kind && l.text == text {
			return true
		}
	}
	return false
}

// horneS1 is Emily Horne's statement to CNN (S1 of the seed statements),
// word for word; the article of articlePage quotes part of it.
const horneS1 = `{"@type": "Quotation", "@id": "#s1",
	"text": "Anonymous sources are 'leaking' falsehoods. President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February. He has said this publicly and we have been warning about this for months. Reports of anything more or different than that are completely false.",
	"creator": {"@type": "Person", "name": "Emily Horne", "jobTitle": "Spokeswoman, National Security Council"},
	"datePublished": "2022-01-27", "isBasedOn": {"@type": "CreativeWork", "name": "Statement to CNN"}}`

// TestBadBundleFatal loads bundles the widget cannot use: it says what and
// where, on the console and in a notice, and leaves the article as it was.
// Only a caller of FactCheck.scan() gets a rejected promise: the scans the
// widget starts itself (the first, the bookmarklet's, a second loader's)
// leave no unhandled rejection for the site's error monitoring (newTab
// checks that every test ends without one).
func TestBadBundleFatal(t *testing.T) {
	tests := []struct {
		name   string
		bundle string // "" for none: the server answers 404
		want   string // the notice, after the bundle's URL
	}{
		{"not JSON", "<!doctype html><title>Server error</title>",
			" is not usable: line 1, column 1: invalid JSON: invalid character '<' looking for beginning of value"},
		{"wrong shape", `{"@context": "https://schema.org", "@graph": "#s1"}`,
			" is not usable: @graph is a string, want an array of nodes"},
		{"only bad nodes", `{"@graph": [{"@type": "Quotation", "@id": "#s1", "text": 42, "creator": "A"}, {"@type": "Recipe"}]}`,
			" is not usable: no usable Quotation or ClaimReview node (2 problems; the first: @graph[0] (Quotation #s1): text is a number, want text, skipped)"},
		{"missing", "", ": HTTP 404 Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bundles := map[string]string{}
			if tt.bundle != "" {
				bundles["/data/bundle.jsonld"] = tt.bundle
			}
			srv := bundleSite(t, articlePage("Bad bundle", loaderTag(`data-statements="/data/bundle.jsonld"`)), bundles)
			tb := newTab(t)
			url := srv.URL + "/data/bundle.jsonld"
			prefix := "the statement bundle " + url
			if tt.bundle == "" {
				prefix = "cannot fetch the statement bundle " + url
			}
			want := prefix + tt.want
			expectFatal(t, tb, "Bad bundle", srv.URL, want)
		})
	}
}

// expectFatal loads site's /page.html, whose widget cannot use its bundle, and
// checks that the reader gets the notice want, logged as an error, that
// the article (of articlePage(title, …)) is left as it was, that a caller
// of FactCheck.scan() gets the error, and that the scans the widget starts
// itself (the bookmarklet's, a second loader's) fail the same way.
func expectFatal(t *testing.T, tb *tab, title, site, want string) {
	t.Helper()
	plain := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage(title, "")}}, nil)
	tb.navigate(t, plain.URL+"/page.html")
	article := eval[string](t, tb, `document.querySelector('article').innerHTML`)

	detail, notice := tb.load(t, site+"/page.html")
	if detail != nil || notice != want {
		t.Fatalf("factcheck:done %s, notice %q; want no scan and the notice %q", detail, notice, want)
	}
	if !tb.logged("error", "factcheck: "+want) {
		t.Errorf("console %v: want the notice logged as an error", tb.console())
	}
	if got := eval[string](t, tb, `document.querySelector('article').innerHTML`); got != article {
		t.Errorf("the article changed:\n%s\nwant\n%s", got, article)
	}
	if got := eval[string](t, tb, `[...document.querySelectorAll('[data-factcheck-ui]')].map((e) => e.localName).join()`); got != "factcheck-notice" {
		t.Errorf("widget elements %q, want only the notice", got)
	}
	if n := eval[int](t, tb, `FactCheck.annotations().length`); n != 0 {
		t.Errorf("%d annotations, want none", n)
	}

	if got := eval[string](t, tb, `FactCheck.scan().then(() => 'resolved', (e) => e.message)`); got != "factcheck: "+want {
		t.Errorf("FactCheck.scan(): %q, want it rejected with %q", got, "factcheck: "+want)
	}
	eval[any](t, tb, bookmarkletCode(t, site))
	eval[bool](t, tb, `(document.body.append(Object.assign(document.createElement('script'), { src: '/web/factcheck.js' })), true)`)
	// Each failed scan logs its error: the first, scan(), the
	// bookmarklet's and the second loader's.
	tb.waitUntil(t, "four failed scans", func() bool { return tb.logCount("error", "factcheck: "+want) >= 4 })
	if n := eval[int](t, tb, `document.querySelector('factcheck-notice').shadowRoot.querySelectorAll('.box').length`); n != 1 {
		t.Errorf("%d notices, want 1", n)
	}
}

// TestBadBundleNetworkError points data-statements at a server that is
// not there: the notice says the bundle could not be fetched, and the
// article is left as it was.
func TestBadBundleNetworkError(t *testing.T) {
	// A port that was just listening and is closed now refuses connections.
	gone := httptest.NewServer(http.NotFoundHandler())
	url := gone.URL + "/bundle.jsonld"
	gone.Close()
	srv := bundleSite(t, articlePage("Network error", loaderTag(`data-statements="`+url+`"`)), nil)
	tb := newTab(t)
	detail, notice := tb.load(t, srv.URL+"/page.html")
	if want := "cannot fetch the statement bundle " + url + ": "; detail != nil || !strings.HasPrefix(notice, want) {
		t.Fatalf("factcheck:done %s, notice %q; want no scan and a notice starting %q", detail, notice, want)
	}
	if n := eval[int](t, tb, `document.querySelectorAll('[data-factcheck-ui]:not(factcheck-notice)').length`); n != 0 {
		t.Errorf("%d widget elements besides the notice", n)
	}
	t.Logf("notice: %s", notice)
}

// TestBadBundlePartial loads a bundle with broken nodes among good ones:
// the good ones load and badge the article; each broken one is named on
// the console, and a notice says how many there are.
func TestBadBundlePartial(t *testing.T) {
	bundle := `{"@context": "https://schema.org", "@graph": [` + horneS1 + `,
		{"@type": "Quotation", "@id": "#s3", "text": "", "creator": "Someone"},
		{"@type": "Recipe", "name": "Soup"},
		{"@type": "Quotation", "@id": "#s1", "text": "Other words.", "creator": "Someone"},
		{"@type": "ClaimReview", "@id": "#c1", "claimReviewed": "The call did not go well.",
			"reviewRating": {"@type": "Rating", "alternateName": "False"}, "isBasedOn": [{"@id": "#s9"}]}]}`
	srv := bundleSite(t, articlePage("Partial bundle", loaderTag(`data-statements="/data/bundle.jsonld"`)),
		map[string]string{"/data/bundle.jsonld": bundle})
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/page.html")
	notice := tb.waitFor(t, `s.done.length > 0`).Notice
	if want := " has 4 problems (see the console); the rest of it is used. The first: @graph[1] (Quotation #s3): text is empty, skipped"; !strings.HasSuffix(notice, want) {
		t.Errorf("notice %q, want one ending %q", notice, want)
	}
	for _, w := range []string{
		"@graph[1] (Quotation #s3): text is empty, skipped",
		`@graph[2]: unknown @type "Recipe", skipped`,
		`@graph[3] (Quotation #s1): duplicate @id "#s1" (first at @graph[0]), skipped`,
		`@graph[4] (ClaimReview #c1): isBasedOn refers to "#s9", which is not in the bundle`,
	} {
		if !tb.logged("warning", "factcheck: statement bundle: "+w) {
			t.Errorf("console %v: want the warning %q", tb.console(), w)
		}
	}
	got := eval[string](t, tb, `FactCheck.annotations().map((a) => a.verdict + ': ' + (a.body.statement || a.body.claim).id).join('\n')`)
	if want := "verified: #s1\ndisputed: #c1"; got != want {
		t.Errorf("annotations:\n%s\nwant\n%s (the first #s1; the claim without its missing statement)", got, want)
	}
	tb.noErrors(t)
}

// TestBadBundleMarkup loads statements whose text and speaker hold HTML,
// quoted word for word by the article (as text): the badge, popover and
// panel show it as text; no element is made and no script runs.
func TestBadBundleMarkup(t *testing.T) {
	const words = `We will not sign <img src=x onerror=window.__pwned=1> this <script>window.__pwned=2</script> deal before <b>May</b>.`
	bundle := `[{"@type": "Quotation", "@id": "#h1", "text": ` + jsonString(words) + `,
		"creator": {"@type": "Person", "name": "<img src=x onerror=\"window.__pwned=3\">Test Speaker", "jobTitle": "<script>window.__pwned=4</script>"}}]`
	escaped := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(words)
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markup</title><link rel="icon" href="data:,"></head><body>
<article><h1>Markup</h1><p>The speaker said: “` + escaped + `” The talks go on.</p></article>
` + loaderTag(`data-statements="/data/bundle.jsonld"`) + `</body></html>`
	srv := bundleSite(t, page, map[string]string{"/data/bundle.jsonld": bundle})
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "" {
		t.Fatalf("notice %q", notice)
	}
	got := eval[string](t, tb, `FactCheck.annotations().map((a) => a.verdict + ': ' + a.body.statement?.text).join('\n')`)
	if got != "verified: "+words {
		t.Fatalf("annotations:\n%s\nwant the quote verified", got)
	}
	// Open the popover, and wait until it shows.
	eval[bool](t, tb, `(() => { document.querySelector('factcheck-badge').shadowRoot.querySelector('button.badge').click(); return true; })()`)
	tb.poll(t, `!!document.querySelector('factcheck-badge').shadowRoot.getElementById('fc-pop')`)
	text := eval[string](t, tb, `document.querySelector('factcheck-badge').shadowRoot.getElementById('fc-pop').textContent`)
	// The popover quotes the official's words up to the last word matched.
	for _, want := range []string{strings.TrimSuffix(words, ">."), `<img src=x onerror="window.__pwned=3">Test Speaker`, `<script>window.__pwned=4</script>`} {
		if !strings.Contains(text, want) {
			t.Errorf("popover text %q does not show %q as text", text, want)
		}
	}
	// Elements anywhere: the document and every shadow root in it.
	const elements = `(() => {
		const all = [];
		const visit = (root) => { for (const e of root.querySelectorAll('*')) { all.push(e); if (e.shadowRoot) visit(e.shadowRoot); } };
		visit(document);
		return all.filter((e) => ['img', 'script', 'b'].includes(e.localName) && !e.matches('body > script')).map((e) => e.outerHTML).join('\n');
	})()`
	if got := eval[string](t, tb, elements); got != "" {
		t.Errorf("elements made from the bundle's text:\n%s", got)
	}
	if pwned := eval[bool](t, tb, `'__pwned' in window`); pwned {
		t.Errorf("a script from the bundle ran")
	}
	tb.noErrors(t)
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
