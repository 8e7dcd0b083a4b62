//go:build !js

package e2e

import (
	"strings"
	"testing"
)

// seedQuote is the sentence of Emily Horne's statement to CNN that the
// articles below quote, and seedP a paragraph quoting it.
const (
	seedQuote = "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February."
	seedP     = `<p>Horne further told the media outlet, “` + seedQuote + `”</p>`
	verified  = "verified: " + seedQuote
)

// hostileHarness runs first in every hostile page. Its snap() records what
// the widget must leave alone (the page's text, form values and what the
// forms submit, links, and what a case adds with extra()); collect()
// keeps a reference to every node of the body, as a page script might;
// check(phase) lists what changed, after the scan or after clear().
const hostileHarness = `<script>
window.__h = {
	refs: [], data: [], extra: () => '',
	own: (e) => !e.closest('[data-factcheck-ui]'),
	snap() {
		return {
			text: document.body.textContent,
			controls: [...document.querySelectorAll('input, textarea, select')].filter(this.own).map((e) =>
				e.type === 'checkbox' ? String(e.checked) : e.localName === 'select' ? e.selectedIndex + ':' + e.value : e.value),
			submits: [...document.forms].map((f) => {
				let sent = 'not submitted';
				const h = (e) => { e.preventDefault(); sent = new URLSearchParams(new FormData(f)).toString(); };
				f.addEventListener('submit', h);
				f.requestSubmit();
				f.removeEventListener('submit', h);
				return sent;
			}),
			links: [...document.querySelectorAll('a[href]')].filter(this.own).map((a) => a.href),
			extra: this.extra(),
		};
	},
	collect(root) {
		const tw = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
		for (let n = tw.nextNode(); n; n = tw.nextNode()) {
			this.refs.push(n);
			this.data.push(n.nodeType === Node.TEXT_NODE ? n.data : null);
		}
	},
	check(phase) {
		const p = [];
		const lost = this.refs.filter((n) => !n.isConnected).length;
		if (lost) p.push(lost + ' of the page\'s nodes were detached');
		const now = this.snap();
		for (const k of Object.keys(now)) {
			if (k === 'text' && phase === 'scan') continue; // the badges' text
			const a = JSON.stringify(now[k]), b = JSON.stringify(this.before[k]);
			let i = 0;
			while (i < a.length && a[i] === b[i]) i++;
			const at = Math.max(i - 100, 0);
			if (a !== b) p.push(k + ' changed at ' + i + ': ' + a.slice(at, i + 200) + ', was ' + b.slice(at, i + 200));
		}
		if (phase === 'clear') {
			const changed = this.refs.filter((n, i) => this.data[i] !== null && n.data !== this.data[i]).length;
			if (changed) p.push(changed + ' text nodes changed');
			const left = document.querySelectorAll('[data-factcheck-ui]').length;
			if (left) p.push(left + ' widget elements left');
		}
		return p.join('\n');
	},
	// para appends a paragraph of text nodes to el.
	para(el, texts) {
		const p = document.createElement('p');
		for (const t of texts) p.append(document.createTextNode(t));
		el.append(p);
		return p;
	},
};
</script>`

// hostilePage is a page whose article holds html, then runs script (which
// may build more of the page: a.append(...)); the harness then takes its
// snapshot and the loader starts the widget.
func hostilePage(name, html, script string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + name + `</title>
<link rel="icon" href="data:,">` + hostileHarness + `</head><body>
<nav><a href="/home">Home</a> <a href="#top">Top</a></nav>
<article id="a">` + html + `</article>
<script>(() => { const a = document.getElementById('a'); ` + script + `
})();
__h.collect(document.body);
__h.before = __h.snap();
</script>` + loaderTag("") + `</body></html>` // no text after the snapshot
}

// tooLarge is the notice the widget shows when a page exceeds its work
// budget.
const tooLarge = "This page is too large to check whole: only its first part was checked."

// TestHostilePages scans pages built to break the widget: each must be
// scanned without an error and left as it was, with the page's own
// references to its nodes still good, and its quotes badged.
func TestHostilePages(t *testing.T) {
	tests := []struct {
		name         string
		html, script string
		want         []string // the annotations: "verdict: exact"
		covers       string   // instead of want: one annotation, whose exact holds this
		truncated    bool     // over the widget's work budget
	}{
		{
			name:   "200,000 text nodes",
			html:   seedP,
			script: `for (let i = 0; i < 2000; i++) __h.para(a, Array.from({length: 100}, (_, j) => 'w' + j + ' '));`,
			want:   []string{verified},
		},
		{
			name: "2,000 elements deep",
			// Blocks, then inlines: Chromium itself hangs laying out
			// thousands of blocks inside inlines.
			script: `let e = a;
				const tags = ['div', 'section', 'blockquote', 'span', 'em', 'b'];
				for (let i = 0; i < 2000; i++) {
					const d = document.createElement(tags[(i < 1000 ? 0 : 3) + i % 3]);
					d.append('level ' + i + ' ');
					e.append(d);
					e = d;
				}
				e.append('Horne further told the media outlet, “` + seedQuote + `”');`,
			want: []string{verified},
		},
		{
			name: "one 5 MB text node",
			script: `const filler = 'The filler goes on and on. '.repeat(100000);
				a.append(filler + 'Horne further told the media outlet, “` + seedQuote + `” ' + filler);`,
			want: []string{verified},
		},
		{
			name:      "over the node budget",
			html:      seedP,
			script:    `for (let i = 0; i < 3100; i++) __h.para(a, Array.from({length: 100}, (_, j) => 'w' + j + ' '));`,
			want:      []string{verified},
			truncated: true,
		},
		{
			name:      "over the byte budget",
			html:      seedP,
			script:    `for (let i = 0; i < 3; i++) __h.para(a, ['More filler words. '.repeat(170000)]);`,
			want:      []string{verified},
			truncated: true,
		},
		{
			name: "same-origin iframe",
			html: seedP + `<iframe id="f"></iframe>`,
			script: `const d = document.getElementById('f').contentDocument;
				d.body.innerHTML = '` + seedP + `<p>Inside the frame.</p>';
				__h.collect(d.body);
				__h.extra = () => d.body.innerHTML;`,
			want: []string{verified},
		},
		{
			name: "open shadow root",
			html: `<div id="host"><p>Light text of the host.</p></div>` + seedP,
			script: `const r = document.getElementById('host').attachShadow({mode: 'open'});
				r.innerHTML = '<p>Shadow text.</p><slot></slot>` + seedP + `';
				__h.collect(r);
				__h.extra = () => r.innerHTML;`,
			want: []string{verified},
		},
		{
			name:   "SVG text",
			html:   `<svg id="svg" width="600" height="40"><text x="0" y="20">Horne said, “` + seedQuote + `”</text></svg>` + seedP,
			script: `__h.extra = () => document.getElementById('svg').outerHTML;`,
			want:   []string{verified},
		},
		{
			name: "contenteditable",
			html: `<div contenteditable="true" id="ed1">` + seedP + `</div>` +
				`<div contenteditable="plaintext-only" id="ed2">Horne said, “` + seedQuote + `”</div>` +
				`<div contenteditable="false">` + seedP + `</div>`,
			script: `__h.extra = () => ed1.innerHTML + ed2.innerHTML;`,
			want:   []string{verified},
		},
		{
			name: "forms",
			html: `<form id="form" action="/submitted"><fieldset><legend>Your view</legend>` + seedP + `
				<label>Name <input name="name" value="from the markup"></label>
				<textarea name="quote">Horne said, “` + seedQuote + `”</textarea>
				<select name="choice"><option>a</option><option selected>b</option></select>
				<input type="checkbox" name="agree" checked>
				<input type="hidden" name="h" value="“` + seedQuote + `”">
				<button name="send" value="1">Horne said, “` + seedQuote + `”</button>
				</fieldset></form>`,
			script: `const f = document.getElementById('form');
				f.elements.name.value = 'typed by the reader';
				f.elements.quote.value += ' and more typed';
				f.elements.choice.selectedIndex = 0;
				f.elements.agree.checked = false;`,
			want: []string{verified},
		},
		{
			name: "pre",
			html: "<pre>Horne further told the media outlet,\n    “" + seedQuote + "”\n\n  — end of transcript</pre>",
			want: []string{verified},
		},
		{
			name: "line breaks in the markup",
			html: "<p>Horne further told the media outlet, “President Biden said that there is\n  a distinct possibility that the Russians could invade\n  Ukraine in February.”</p>",
			// The line breaks read as spaces: the quote is one passage.
			want: []string{"verified: President Biden said that there is   a distinct possibility that the Russians could invade   Ukraine in February."},
		},
		{
			name: "right-to-left text",
			html: `<p dir="rtl">قالت هورن لوسيلة الإعلام: “` + seedQuote + `” ואמרה עוד דבר.</p>` +
				`<p dir="rtl">Horne further told the media outlet, “` + seedQuote + `” שלום عالم</p>`,
			want: []string{verified, verified},
		},
		{
			name: "emoji, combining marks, ZWJ",
			html: `<p>👩‍👩‍👧‍👦 Horne further told the media outlet, 🇺🇦“` + seedQuote + `”👍🏽 e` + "\u0301" + `</p>` +
				`<p>She wrote “I ❤️ Kyiv 👨🏽‍💻 café` + "\u0301" + ` nai` + "\u0308" + `ve 🏳️‍🌈” today, and “👩‍👩‍👧‍👦”.</p>`,
			want: []string{verified},
		},
		{
			name: "quotes nested three deep",
			html: `<p>The editor wrote: “The aide recalled: ‘Horne told us: «` + seedQuote + `» That was all.’ Nothing more.”</p>`,
			// Horne's exact words, in their own marks, are verified; the
			// aide's quote around them is not a misquote of Horne.
			want: []string{"verified: " + seedQuote},
		},
		{
			name: "unbalanced quote marks",
			html: `<p>He said “this never closes, and ‘neither does this. A stray ” mark, a " straight one and a » too.</p>` +
				`<p>“Opened here</p>` + seedP + `<p>Closed ” here ’ and “ again.</p>`,
			want: []string{verified},
		},
	}
	pages := map[string]testPage{}
	for i, tt := range tests {
		pages["/"+string(rune('a'+i))+".html"] = testPage{body: hostilePage(tt.name, tt.html, tt.script)}
	}
	srv := pagesServer(t, pages, repoHandler(t))
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t)
			tb.navigate(t, srv.URL+"/"+string(rune('a'+i))+".html")
			want := ""
			if tt.truncated {
				want = tooLarge
			}
			if s := tb.waitFor(t, `s.done.length > 0`); !strings.Contains(s.Notice, want) || want == "" && s.Notice != "" {
				t.Fatalf("notice %q, want %q", s.Notice, want)
			}
			got := eval[[]string](t, tb, `FactCheck.annotations().map((a) => a.verdict + ': ' + a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact)`)
			if tt.covers != "" {
				if len(got) != 1 || !strings.Contains(got[0], tt.covers) {
					t.Errorf("annotations %q, want one holding %q", got, tt.covers)
				}
				t.Logf("annotation %q", got)
			} else if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("annotations:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if p := eval[string](t, tb, `__h.check('scan')`); p != "" {
				t.Errorf("after the scan:\n%s", p)
			}
			eval[bool](t, tb, `(FactCheck.clear(), true)`)
			if p := eval[string](t, tb, `__h.check('clear')`); p != "" {
				t.Errorf("after clear():\n%s", p)
			}
			tb.noErrors(t)
		})
	}
}

// TestHostilePanic runs the widget on a page whose scripts broke a DOM
// method the widget calls: the Go panic that follows is caught where the
// page called in, the reader is told, the page is left as it was, and the
// widget stays inert.
func TestHostilePanic(t *testing.T) {
	page := articlePage("Broken DOM", `<script>Range.prototype.toString = function () { throw new Error('hostile page'); };</script>`+
		loaderTag(`data-root="article"`))
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: page}}, repoHandler(t))
	plain := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Broken DOM", "")}}, nil)
	tb := newTab(t)
	tb.navigate(t, plain.URL+"/page.html")
	article := eval[string](t, tb, `document.querySelector('article').innerHTML`)

	_, notice := tb.load(t, srv.URL+"/page.html")
	if want := "the widget failed and stopped (JavaScript error: hostile page); the page was restored"; !strings.Contains(notice, want) {
		t.Fatalf("notice %q, want it to say %q", notice, want)
	}
	if got := eval[string](t, tb, `document.querySelector('article').innerHTML`); got != article {
		t.Errorf("the article changed:\n%s\nwant\n%s", got, article)
	}
	if got := eval[string](t, tb, `FactCheck.scan().then(() => 'resolved', (e) => e.message)`); !strings.Contains(got, "the widget failed and stopped") {
		t.Errorf("a scan after the failure: %q, want it refused", got)
	}
	if got := eval[string](t, tb, `[...document.querySelectorAll('[data-factcheck-ui]')].map((e) => e.localName).join()`); got != "factcheck-notice" {
		t.Errorf("widget elements %q, want only the notice", got)
	}
}

// TestHostilePanicOnRescan breaks the DOM method after the first scan
// and then changes the article: the watcher's rescan fails, the reader is
// told, the page is restored, and no unhandled rejection reaches the
// page's error monitoring (newTab checks that).
func TestHostilePanicOnRescan(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{"/page.html": {body: articlePage("Broken later", loaderTag(`data-root="article"`))}}, repoHandler(t))
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "" {
		t.Fatalf("notice %q", notice)
	}
	if n := eval[int](t, tb, `document.querySelectorAll('factcheck-badge').length`); n == 0 {
		t.Fatal("the first scan badged nothing")
	}
	eval[bool](t, tb, `(() => {
		Range.prototype.toString = function () { throw new Error('hostile page'); };
		const p = document.createElement('p');
		p.textContent = 'A late paragraph.';
		document.querySelector('article').append(p);
		return true;
	})()`)
	s := tb.waitFor(t, `s.notice !== ''`)
	if want := "the widget failed and stopped (JavaScript error: hostile page); the page was restored"; !strings.Contains(s.Notice, want) {
		t.Fatalf("notice %q, want it to say %q", s.Notice, want)
	}
	if got := eval[string](t, tb, `[...document.querySelectorAll('[data-factcheck-ui]')].map((e) => e.localName).join()`); got != "factcheck-notice" {
		t.Errorf("widget elements %q, want only the notice", got)
	}
	if got := eval[string](t, tb, `document.querySelector('article').textContent.replace(/\s+/g, ' ').trim()`); !strings.HasSuffix(got, "a senior official said. A late paragraph.") {
		t.Errorf("article text %q", got)
	}
}
