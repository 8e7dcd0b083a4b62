//go:build !js

package e2e

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"factcheck/internal/devserver"
)

// bookmarkletCode is the script a click on the bookmarklet runs.
func bookmarkletCode(t *testing.T, origin string) string {
	t.Helper()
	code, err := url.PathUnescape(strings.TrimPrefix(devserver.Bookmarklet(origin), "javascript:"))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func TestBookmarkletOtherOrigin(t *testing.T) {
	widget := devServer(t)
	tests := []struct{ name, csp string }{
		{"no CSP", ""},
		{"Trusted Types", "script-src 'self' " + widget.URL + " 'wasm-unsafe-eval'; " +
			"require-trusted-types-for 'script'; trusted-types factcheck factcheck-bookmarklet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			news := pagesServer(t, map[string]testPage{"/article.html": {body: articlePage("Elsewhere", ""), csp: tt.csp}}, nil)
			tb := newTab(t)
			tb.navigate(t, news.URL+"/article.html")
			code := bookmarkletCode(t, widget.URL)

			eval[any](t, tb, code)
			s := tb.waitFor(t, `s.ready > 0 && s.done.length > 0 || s.notice !== ''`)
			if s.Notice != "" {
				t.Fatalf("notice: %s", s.Notice)
			}
			if base := eval[string](t, tb, `FactCheck._host.config.base`); base != widget.URL+"/web/" {
				t.Errorf("the widget loaded from %s, want %s/web/", base, widget.URL)
			}

			// A second click re-scans.
			eval[any](t, tb, code)
			s = tb.waitFor(t, `s.done.length > `+strconv.Itoa(len(s.Done)))
			if s.Ready != 1 {
				t.Errorf("factcheck:ready fired %d times, want 1", s.Ready)
			}
			tb.noErrors(t)
		})
	}
}

// TestBookmarkletPage checks that web/bookmarklet.html offers the same
// bookmarklet as devserver.Bookmarklet.
func TestBookmarkletPage(t *testing.T) {
	dev := devServer(t)
	tb := newTab(t)
	tb.navigate(t, dev.URL+"/web/bookmarklet.html")
	got := eval[string](t, tb, `document.getElementById('bookmarklet').getAttribute('href')`)
	if want := devserver.Bookmarklet(dev.URL); got != want {
		t.Errorf("bookmarklet.html offers\n%s\nwant\n%s", got, want)
	}
	if got := eval[string](t, tb, `document.getElementById('code').value`); got != devserver.Bookmarklet(dev.URL) {
		t.Errorf("bookmarklet.html's text box holds %s", got)
	}
	tb.screenshot(t, "bookmarklet")
	tb.noErrors(t)
}
