//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// badgeLinesJS finds, for every badge, the character before it (the last
// character of the page's text before the badge host) and returns both
// boxes as JSON: the character's from Range.getClientRects, the badge's
// button's from getBoundingClientRect.
const badgeLinesJS = `(() => {
	const own = (n) => n.parentElement.closest('[data-factcheck-ui]:not(factcheck-mark, factcheck-nowrap), script, style');
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	return JSON.stringify([...document.querySelectorAll('factcheck-badge')].map((host) => {
		const button = host.shadowRoot && host.shadowRoot.querySelector('button.badge');
		walk.currentNode = host;
		let n;
		while ((n = walk.previousNode()) && (own(n) || n.data === '')) {}
		const end = n.data.length;
		const start = end > 1 && /[\udc00-\udfff]/.test(n.data[end - 1]) ? end - 2 : end - 1;
		const r = document.createRange();
		r.setStart(n, start);
		r.setEnd(n, end);
		const rects = r.getClientRects();
		const c = rects[rects.length - 1];
		const b = button ? button.getBoundingClientRect() : { top: 0, bottom: 0 };
		return {
			before: n.data.slice(Math.max(0, end - 30)), rendered: !!button,
			char: { top: c.top, bottom: c.bottom }, badge: { top: b.top, bottom: b.bottom },
		};
	}));
})()`

type box struct{ Top, Bottom float64 }

type badgeLine struct {
	Before   string // the text before the badge
	Rendered bool   // the badge's button is there
	Char     box    // the character right before the badge
	Badge    box    // the badge's button
}

// sameLine reports whether the badge sits on the line of the character
// before it: their boxes overlap for most of the shorter one's height (a
// badge that wrapped is a whole line lower, with no overlap).
func (l badgeLine) sameLine() bool {
	overlap := min(l.Char.Bottom, l.Badge.Bottom) - max(l.Char.Top, l.Badge.Top)
	return overlap > min(l.Char.Bottom-l.Char.Top, l.Badge.Bottom-l.Badge.Top)/2
}

// fitToLineEnd runs in the crafted page before the widget: it narrows
// each .craft paragraph to whole monospace characters and pads its start
// until the word that holds the end of its data-end text (where the badge
// goes) is the last on its line, where a badge would not fit.
const fitToLineEnd = `<script>
for (const p of document.querySelectorAll('.craft')) {
	const text = p.textContent, end = p.dataset.end;
	const space = text.slice(text.lastIndexOf(end) + end.length).search(/\s/);
	const at = space < 0 ? text.length : text.lastIndexOf(end) + end.length + space;
	const ch = (() => {
		const s = document.createElement('span');
		s.textContent = 'x'.repeat(100);
		p.after(s);
		const w = s.getBoundingClientRect().width / 100;
		s.remove();
		return w;
	})();
	const node = document.createTextNode(text);
	p.replaceChildren(node);
	const endsLine = (pad) => {
		node.data = pad + text;
		const r = document.createRange();
		r.setStart(node, pad.length + at - 1);
		r.setEnd(node, pad.length + at);
		return Math.abs(r.getBoundingClientRect().right - p.getBoundingClientRect().right) < 0.5;
	};
	fit: for (let cols = Math.floor(p.parentElement.clientWidth / ch); cols > 10; cols--) {
		p.style.width = cols * ch + 'px';
		for (let k = 0; k < cols - 1; k++) {
			if (endsLine(k ? 'x'.repeat(k) + ' ' : '')) {
				p.dataset.fit = cols + ' columns, ' + k + ' padding';
				break fit;
			}
		}
	}
}
</script>`

// TestBadgeStaysOnLine loads the demo and a page crafted so that each
// passage's last character, or its closing quote mark, ends a line, at
// 320, 768 and 1280 px wide: every badge must sit on the line of the
// character before it, never wrap onto a line of its own.
func TestBadgeStaysOnLine(t *testing.T) {
	crafted := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Line ends</title>
<link rel="icon" href="data:,"><style>article { font: 16px/1.5 monospace; } .craft { padding: 0; }</style></head><body>
<article><h1>Line ends</h1>
<p class="craft" data-end="”">Horne further told the media outlet, “` + seedQuote + `”</p>
<p class="craft" data-end="well”">The call between US President Joe Biden and his Ukrainian counterpart Volodymyr Zelensky on Thursday “did not go well”, revealed a senior Ukrainian official to CNN.</p>
<p class="craft" data-end="frozen">Biden also told Zelensky that an invasion was now virtually certain after the ground had frozen</p>
</article>` + fitToLineEnd + loaderTag("") + `</body></html>`
	srv := pagesServer(t, map[string]testPage{"/crafted.html": {body: crafted}}, repoHandler(t))
	for _, width := range []int64{320, 768, 1280} {
		for _, path := range []string{"/crafted.html", "/index.html"} {
			t.Run(fmt.Sprintf("%s at %d px", strings.TrimPrefix(path, "/"), width), func(t *testing.T) {
				tb := newTab(t)
				ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
				defer cancel()
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
					t.Fatal(err)
				}
				if _, notice := tb.load(t, srv.URL+path); notice != "" {
					t.Fatalf("notice %q", notice)
				}
				if path == "/crafted.html" {
					fits := eval[[]string](t, tb, `[...document.querySelectorAll('.craft')].map((p) => p.dataset.fit || 'no fit: ' + p.textContent)`)
					t.Logf("crafted paragraphs: %q", fits)
				}
				tb.screenshot(t, fmt.Sprintf("line-ends-%s-%d", strings.TrimSuffix(path[1:], ".html"), width))
				var lines []badgeLine
				if err := json.Unmarshal([]byte(eval[string](t, tb, badgeLinesJS)), &lines); err != nil {
					t.Fatal(err)
				}
				if len(lines) == 0 {
					t.Fatal("no badges")
				}
				for _, l := range lines {
					if !l.Rendered || !l.sameLine() {
						t.Errorf("the badge after %q is not on the line of the character before it: character %+v, badge %+v (rendered %v)",
							l.Before, l.Char, l.Badge, l.Rendered)
					} else {
						t.Logf("badge after %q: character %+v, badge %+v", l.Before, l.Char, l.Badge)
					}
				}
				tb.noErrors(t)
			})
		}
	}
}
