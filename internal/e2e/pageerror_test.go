//go:build !js

package e2e

import (
	"slices"
	"strings"
	"testing"
)

// TestHarnessCatchesPageErrors shows that the check every test ends with
// (tab.pageErrors, see newTab) catches what a site's error monitoring
// would: an uncaught exception, an unhandled rejection, one the page's
// own listener hides with preventDefault, and one in a same-origin frame.
func TestHarnessCatchesPageErrors(t *testing.T) {
	page := articlePage("Page errors", `<script>
	window.addEventListener('unhandledrejection', (e) => {
		if (String(e.reason).includes('hidden')) e.preventDefault();
	});
	Promise.reject(new Error('deliberate rejection'));
	Promise.reject(new Error('deliberate hidden rejection'));
	setTimeout(() => { throw new Error('deliberate throw'); });
</script>
<iframe srcdoc="<script>Promise.reject(new Error('deliberate rejection in a frame'))</script>"></iframe>`)
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: page}}, nil)
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/page.html")

	want := []consoleLine{
		{exceptionKind, "Error: deliberate throw"},
		{exceptionKind, "Error: deliberate rejection"},
		{rejectionKind, "Error: deliberate rejection"},
		{rejectionKind, "Error: deliberate hidden rejection"},
		{rejectionKind, "Error: deliberate rejection in a frame"},
	}
	caught := func(w consoleLine) bool {
		return slices.ContainsFunc(tb.pageErrors(), func(l consoleLine) bool {
			return l.kind == w.kind && strings.Contains(l.text, w.text)
		})
	}
	for _, w := range want {
		tb.waitUntil(t, "the harness to catch "+w.String(), func() bool { return caught(w) })
	}
	t.Logf("caught: %v", tb.pageErrors())

	// Allowing one error lets only that one pass.
	tb.allowPageError("deliberate throw")
	for _, l := range tb.pageErrors() {
		if strings.Contains(l.text, "deliberate throw") {
			t.Errorf("an allowed error is still reported: %v", l)
		}
	}
	if n := len(tb.pageErrors()); n < len(want)-1 {
		t.Errorf("%d page errors left after allowing one, want %d or more", n, len(want)-1)
	}
	tb.allowPageError("deliberate")
	if errs := tb.pageErrors(); len(errs) != 0 {
		t.Errorf("page errors after allowing them all: %v", errs)
	}
}
