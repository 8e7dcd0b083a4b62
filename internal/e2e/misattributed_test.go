//go:build !js

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// misattributedArticle gives Horne's words to Zelensky, then quotes Horne
// as Horne. The misattributed quote is the page's first finding.
const misattributedArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Misattributed</title>
<link rel="icon" href="data:,">
<style>body { max-width: 640px; margin: 24px auto; font: 17px/1.6 Georgia, serif; }
@media (prefers-color-scheme: dark) { body { background: #111418; color: #e6e6e6; } }</style></head><body>
<article><h1>Biden and Zelensky spoke by phone</h1>
<p>Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.</p>
<p>Zelensky said: “Anonymous sources are 'leaking' falsehoods.”</p>
<p>Horne further told the media outlet, “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.”</p>
</article>
<script src="/web/factcheck.js" defer></script>
</body></html>`

// TestWidgetMisattributed loads a page that gives an official's words to
// someone else: the quote gets a misattributed badge of its own, named for
// screen readers, whose popover, opened from the keyboard, says who said
// the words, when and where; its annotation names both.
func TestWidgetMisattributed(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{"/article.html": {body: misattributedArticle}}, repoHandler(t))
	tb := newTab(t)
	tb.run(t, chromedp.EmulateViewport(760, 560))
	if _, notice := tb.load(t, srv.URL+"/article.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, []struct{ passage, verdict, id string }{
		{"Anonymous sources are 'leaking' falsehoods.", "misattributed", "#s1"},
		{"President Biden said that there is a distinct possibility", "verified", "#s1"},
	})
	if len(s.Findings) > 0 {
		if f := s.Findings[0]; f.Badge != "misattributed" || f.Word != "Misattributed" ||
			!strings.HasPrefix(f.Label, "Misattributed to Zelensky: Anonymous sources are 'leaking' falsehoods") {
			t.Errorf("the badge: class %q, word %q, accessible name %q", f.Badge, f.Word, f.Label)
		}
	}
	body := eval[map[string]any](t, tb, `(() => {
		const a = FactCheck.annotations().find((a) => a.verdict === 'misattributed');
		return a ? { to: a.body.attributedTo, speaker: a.body.statement.speaker, official: a.body.official, value: a.body.value } : {};
	})()`)
	if body["to"] != "Zelensky" || body["speaker"] != "Emily Horne" || body["official"] != "Anonymous sources are 'leaking' falsehoods" {
		t.Errorf("the misattributed annotation's body: %v", body)
	}
	tb.noErrors(t)

	// From the keyboard: Tab to the badge, Enter opens its popover.
	tabTo(t, tb, `(e) => e && e.matches('button.badge.misattributed')`, 5)
	eval[bool](t, tb, `(window.__badge = `+focusedJS+`, true)`)
	if got := eval[string](t, tb, `__badge.getAttribute('aria-label')`); !strings.HasPrefix(got, "Misattributed to Zelensky:") {
		t.Errorf("the focused badge is %q", got)
	}
	press(t, tb, kb.Enter)
	const pop = `__badge.getRootNode().querySelector('[role=dialog]')`
	until(t, tb, pop+` && `+pop+`.matches(':popover-open') && `+pop+`.checkVisibility({ opacityProperty: true, visibilityProperty: true })`)
	// The screenshots show it opaque, once its opening animation is over.
	eval[bool](t, tb, `Promise.all(`+pop+`.getAnimations().map((a) => a.finished)).then(() => true)`)
	got := eval[map[string]any](t, tb, `(() => {
		const p = `+pop+`, r = p.getBoundingClientRect(), h = p.querySelector('#' + p.getAttribute('aria-labelledby'));
		return { text: p.innerText, title: h ? h.textContent : '', expanded: __badge.getAttribute('aria-expanded'),
			inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0 };
	})()`)
	text := collapse(got["text"].(string))
	for _, want := range []string{
		"The article gives these words to Zelensky. On the record, Emily Horne said them.",
		"Anonymous sources are 'leaking' falsehoods", "Emily Horne",
		"Spokeswoman, National Security Council, The White House", "27 January 2022", "Statement to CNN",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the popover lacks %q; it reads %q", want, text)
		}
	}
	if got["title"] != "Misattributed quote" || got["expanded"] != "true" || got["inside"] != true {
		t.Errorf("popover title %q, badge aria-expanded %v, inside the viewport %v", got["title"], got["expanded"], got["inside"])
	}
	tb.viewShot(t, "screenshot-misattributed")
	checkContrast(t, tb, "light")

	tb.run(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	}))
	until(t, tb, `matchMedia('(prefers-color-scheme: dark)').matches`)
	tb.viewShot(t, "screenshot-misattributed-dark")
	checkContrast(t, tb, "dark")

	press(t, tb, kb.Escape)
	until(t, tb, `!`+pop+` || !`+pop+`.matches(':popover-open')`)
	if !eval[bool](t, tb, focusedJS+` === __badge`) {
		t.Error("after Escape the focus is not on the badge")
	}
	tb.noErrors(t)
}
