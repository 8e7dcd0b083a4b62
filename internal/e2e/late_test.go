//go:build !js

package e2e

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// Content that arrives after the first scan: live blogs, client-side
// rendering, single-page navigation, re-rendering frameworks. The widget
// watches the page and scans again; these tests count its factcheck:done
// events and look at what the page shows.

// leaking is a passage with the words of Emily Horne's statement (S1).
const leaking = `Horne told CNN, “Anonymous sources are ‘leaking’ falsehoods.”`

// settle is how long a test lets the page be before asserting that
// nothing more happens: a few times the watcher's quiet period.
const settle = time.Second

// latePage is a news page around article (the <article> element's inner
// HTML) with the loader and the page's own script. doneAt lists the times
// of the factcheck:done events, for the tests to compare with the page's.
func latePage(title, article, script string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>
<link rel="icon" href="data:,"></head><body>
<header><p>The Daily Ledger</p></header>
<article>` + article + `</article>
<script>
window.doneAt = [];
document.addEventListener('factcheck:done', () => doneAt.push(performance.now()));
` + script + `
</script>
` + loaderTag("defer") + `
</body></html>`
}

// firstArticle is the inner HTML of articlePage's article.
const firstArticle = `<h1>Call</h1>
<p>Horne further told the media outlet, “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.”</p>
<p>The call between the two presidents “did not go well”, a senior official said.</p>`

// view is what the page shows of the widget after its last scan.
type view struct {
	Scans   int      `json:"scans"`   // factcheck:done events so far
	Exact   []string `json:"exact"`   // the last scan's passages
	Verdict []string `json:"verdict"` // and their verdicts
	Source  []string `json:"source"`  // and their pages' URLs
	Badges  int      `json:"badges"`  // badge hosts in the article
	Marks   int      `json:"marks"`   // marks or painted ranges in the article (see piecesJS)
	Stray   int      `json:"stray"`   // marks and badge hosts outside it
	Panels  int      `json:"panels"`  // summary panels
	Entries int      `json:"entries"` // findings the summary panel counts
}

const viewJS = `(() => {
	const done = window.__factcheckE2E.done, last = done[done.length - 1];
	const anns = last ? last.annotations : [];
	const article = document.querySelector('article');
	const inside = (sel) => article ? article.querySelectorAll(sel).length : 0;
	const pieces = (` + piecesJS + `)();
	const piecesIn = pieces.filter((p) => article && article.contains(p.range.commonAncestorContainer)).length;
	const panels = document.querySelectorAll('factcheck-panel');
	return JSON.stringify({
		scans: done.length,
		exact: anns.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact),
		verdict: anns.map((a) => a.verdict),
		source: anns.map((a) => a.target.source),
		badges: inside('factcheck-badge'),
		marks: piecesIn,
		stray: pieces.length - piecesIn + document.querySelectorAll('factcheck-badge').length - inside('factcheck-badge'),
		panels: panels.length,
		entries: panels.length ? [...panels[0].shadowRoot.querySelectorAll('.count')].reduce((n, c) => n + parseInt(c.textContent, 10), 0) : 0,
	});
})()`

func (tb *tab) view(t *testing.T) view {
	t.Helper()
	var v view
	if err := json.Unmarshal([]byte(eval[string](t, tb, viewJS)), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// consistent checks that the page shows the last scan's findings and
// nothing else: a badge and a panel entry per annotation, no mark or
// badge outside the article.
func (v view) consistent(t *testing.T) {
	t.Helper()
	if v.Badges != len(v.Exact) || v.Entries != len(v.Exact) || v.Panels != 1 || v.Stray != 0 {
		t.Errorf("%d annotations, %d badges, %d panels with %d entries, %d marks or badges outside the article; want one badge and panel count each, one panel, none outside",
			len(v.Exact), v.Badges, v.Panels, v.Entries, v.Stray)
	}
	if len(v.Exact) > 0 && v.Marks == 0 {
		t.Errorf("%d annotations and no mark", len(v.Exact))
	}
}

// count returns how many passages contain s.
func (v view) count(s string) int {
	n := 0
	for _, e := range v.Exact {
		if strings.Contains(e, s) {
			n++
		}
	}
	return n
}

// quiet lets the page settle, then checks that no scan happened.
func (tb *tab) quiet(t *testing.T, scans int) {
	t.Helper()
	time.Sleep(settle)
	if n := tb.view(t).Scans; n != scans {
		t.Errorf("%d scans after the page settled, want %d: the widget scans without the page changing", n, scans)
	}
}

func serveLate(t *testing.T, pages map[string]string) string {
	t.Helper()
	tp := map[string]testPage{}
	for path, body := range pages {
		tp[path] = testPage{body: body}
	}
	return pagesServer(t, tp, repoHandler(t)).URL
}

func TestLateParagraph(t *testing.T) {
	const script = `document.addEventListener('factcheck:done', () => setTimeout(() => {
	const p = document.createElement('p');
	p.textContent = '` + leaking + `';
	document.querySelector('article').append(p);
}, 1000), { once: true });`
	url := serveLate(t, map[string]string{"/late.html": latePage("Late", firstArticle, script)})
	tb := newTab(t)
	tb.load(t, url+"/late.html")
	first := tb.view(t)
	if first.count("leaking") != 0 {
		t.Fatalf("the first scan saw the late paragraph: %q", first.Exact)
	}
	tb.waitFor(t, `s.done.length >= 2`)
	v := tb.view(t)
	if v.count("leaking") != 1 || len(v.Exact) != len(first.Exact)+1 {
		t.Errorf("after the paragraph: passages %q, want %q and the late one", v.Exact, first.Exact)
	}
	if n := eval[int](t, tb, `((p) => p.querySelectorAll('factcheck-badge').length + (`+piecesJS+`)().filter((x) => p.contains(x.range.commonAncestorContainer)).length)(document.querySelector('article p:last-child'))`); n < 2 {
		t.Errorf("the late paragraph holds %d marks and badges", n)
	}
	v.consistent(t)
	tb.quiet(t, 2)
	tb.noErrors(t)
}

// TestRescanWaitsForPopover: late content does not replace the badges
// while the reader has a popover open; the rescan comes once it closes.
func TestRescanWaitsForPopover(t *testing.T) {
	url := serveLate(t, map[string]string{"/late.html": latePage("Late", firstArticle, "")})
	tb := newTab(t)
	tb.load(t, url+"/late.html")
	const popoverOpen = `!!document.querySelector('factcheck-badge').shadowRoot.querySelector('[role=dialog]:popover-open')`
	eval[bool](t, tb, `(document.querySelector('factcheck-badge').shadowRoot.querySelector('button').click(), true)`)
	tb.waitFor(t, `(`+popoverOpen+`)`)
	eval[bool](t, tb, `(document.querySelector('article').append(Object.assign(document.createElement('p'), {textContent: '`+leaking+`'})), true)`)
	tb.quiet(t, 1)
	if !eval[bool](t, tb, popoverOpen) {
		t.Fatal("the popover closed while it was open for reading")
	}
	eval[bool](t, tb, `(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), true)`)
	tb.waitFor(t, `s.done.length >= 2`)
	if v := tb.view(t); v.count("leaking") != 1 {
		t.Errorf("after the popover closed: passages %q, want the late one among them", v.Exact)
	}
	tb.noErrors(t)
}

func TestLiveBlog(t *testing.T) {
	// Every 100 ms an update; every tenth quotes Horne. The blog ticks for
	// 3 s, and on until one scan happened while it ticked.
	const script = `document.addEventListener('factcheck:done', () => {
	const live = window.live = { ticks: 0, end: 0, during: 0 };
	document.addEventListener('factcheck:done', () => { if (!live.end) live.during++; });
	const start = performance.now();
	const id = setInterval(() => {
		const p = document.createElement('p');
		const n = ++live.ticks;
		p.textContent = 'Update ' + n + ': ' + (n % 10 ? 'reporters wait outside the briefing room.' : '` + leaking + `');
		document.querySelector('article').append(p);
		if (performance.now() - start >= 3000 && live.during > 0) {
			clearInterval(id);
			live.end = performance.now();
		}
	}, 100);
}, { once: true });`
	url := serveLate(t, map[string]string{"/live.html": latePage("Live", firstArticle, script)})
	tb := newTab(t)
	tb.load(t, url+"/live.html")
	tb.waitFor(t, `window.live && live.end > 0 && doneAt.some((at) => at > live.end)`)
	ticks := eval[int](t, tb, `live.ticks`)
	v := tb.view(t)
	t.Logf("%d updates, %d scans after the first", ticks, v.Scans-1)
	// One scan per tick would be 30 and more; the debounce makes it one
	// every maxWait while ticking, and one after.
	if scans := v.Scans - 1; scans > ticks/5 {
		t.Errorf("%d scans for %d updates", scans, ticks)
	}
	if n := v.count("leaking"); n != ticks/10 {
		t.Errorf("the last scan found %d of the %d quotes", n, ticks/10)
	}
	v.consistent(t)
	tb.quiet(t, v.Scans)
	tb.noErrors(t)
}

// spaApp is a single-page app: it renders its story on the client, for
// the URL's path, when told to (go) or on popstate.
const spaApp = `const stories = {
	'/spa/one': document.querySelector('article').innerHTML,
	'/spa/two': '<h1>Leak</h1><p>` + leaking + `</p><p>Officials met again on Friday.</p>',
};
window.render = () => {
	const article = document.createElement('article');
	article.innerHTML = stories[location.pathname];
	document.querySelector('article').replaceWith(article);
};
window.go = (path) => { history.pushState(null, '', path); setTimeout(render, 50); return true; };
addEventListener('popstate', () => setTimeout(render, 50));`

func TestSinglePageNavigation(t *testing.T) {
	tests := []struct {
		name, head string
	}{
		{"navigation API", ""},
		{"popstate fallback", `<script>Object.defineProperty(window, 'navigation', { value: undefined });</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := strings.Replace(latePage("SPA", firstArticle, spaApp), "<head>", "<head>"+tt.head, 1)
			url := serveLate(t, map[string]string{"/spa/one": page})
			tb := newTab(t)
			tb.load(t, url+"/spa/one")
			if tt.head != "" && eval[bool](t, tb, `'navigation' in window && window.navigation !== undefined`) {
				t.Fatal("the Navigation API is still there")
			}
			first := tb.view(t)
			if len(first.Exact) == 0 {
				t.Fatal("the first story has no findings")
			}

			eval[bool](t, tb, `go('/spa/two')`)
			tb.waitFor(t, `s.done.length > 1 && s.done[s.done.length - 1].annotations.some((a) => a.target.source.endsWith('/spa/two'))`)
			v := tb.view(t)
			if v.count("leaking") != 1 || len(v.Exact) != 1 {
				t.Errorf("second story: passages %q, want the one of Horne", v.Exact)
			}
			v.consistent(t)

			eval[bool](t, tb, `(history.back(), true)`)
			tb.waitFor(t, `s.done[s.done.length - 1].annotations.some((a) => a.target.source.endsWith('/spa/one'))`)
			if v := tb.view(t); !slices.Equal(v.Exact, first.Exact) {
				t.Errorf("back to the first story: passages %q, want %q", v.Exact, first.Exact)
			} else {
				v.consistent(t)
			}
			tb.noErrors(t)
		})
	}

	// With the Navigation API, a navigation that changes no node is
	// scanned too: the annotations name the new URL.
	t.Run("URL only", func(t *testing.T) {
		url := serveLate(t, map[string]string{"/spa/one": latePage("SPA", firstArticle, "")})
		tb := newTab(t)
		tb.load(t, url+"/spa/one")
		eval[bool](t, tb, `(history.pushState(null, '', '/spa/one?page=2'), true)`)
		tb.waitFor(t, `s.done.length > 1 && s.done[s.done.length - 1].annotations[0].target.source.endsWith('?page=2')`)
		// A jump to an anchor is not a navigation to scan for.
		eval[bool](t, tb, `(location.hash = 'top', true)`)
		tb.quiet(t, 2)
		tb.noErrors(t)
	})
}

func TestRerender(t *testing.T) {
	tests := []struct {
		name, rerender string
	}{
		{"innerHTML", `article.innerHTML = ''; setTimeout(() => { article.innerHTML = html; }, 50);`},
		{"new article", `const fresh = document.createElement('article'); fresh.innerHTML = html; article.replaceWith(fresh);`},
		{"paragraph text", `article.querySelectorAll('p').forEach((p, i) => { p.textContent = texts[i]; });`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script := `const article = document.querySelector('article'), html = article.innerHTML;
const texts = [...article.querySelectorAll('p')].map((p) => p.textContent);
document.addEventListener('factcheck:done', () => { ` + tt.rerender + ` }, { once: true });`
			url := serveLate(t, map[string]string{"/page.html": latePage("Rerender", firstArticle, script)})
			tb := newTab(t)
			tb.load(t, url+"/page.html")
			first := tb.view(t)
			if len(first.Exact) == 0 {
				t.Fatal("no findings")
			}
			tb.waitFor(t, `s.done.length >= 2`)
			v := tb.view(t)
			if !slices.Equal(v.Exact, first.Exact) || !slices.Equal(v.Verdict, first.Verdict) {
				t.Errorf("after the re-render: %q %q, want %q %q", v.Exact, v.Verdict, first.Exact, first.Verdict)
			}
			v.consistent(t)
			tb.quiet(t, 2)
			tb.noErrors(t)
		})
	}
}

func TestClearStopsWatching(t *testing.T) {
	const appendJS = `(() => { const p = document.createElement('p'); p.textContent = '` + leaking + `'; document.querySelector('article').append(p); return true; })()`
	url := serveLate(t, map[string]string{"/page.html": latePage("Clear", firstArticle, "")})
	tb := newTab(t)
	tb.load(t, url+"/page.html")
	eval[bool](t, tb, `(FactCheck.clear(), true)`)
	eval[bool](t, tb, appendJS)
	tb.quiet(t, 1)
	if v := tb.view(t); v.Marks+v.Badges+v.Panels != 0 {
		t.Errorf("after clear(): %d marks, %d badges, %d panels", v.Marks, v.Badges, v.Panels)
	}

	// The next scan() watches again.
	eval[int](t, tb, `FactCheck.scan().then((a) => a.length)`)
	eval[bool](t, tb, appendJS)
	tb.waitFor(t, `s.done.length >= 3`)
	v := tb.view(t)
	if v.count("leaking") != 2 {
		t.Errorf("passages %q, want both late paragraphs", v.Exact)
	}
	v.consistent(t)
	if v.Scans != 3 {
		t.Errorf("%d scans, want 3", v.Scans)
	}
	tb.noErrors(t)
}

// TestClearDuringScan calls clear() while a scan runs: from a
// factcheck:done handler, which runs inside the scan. The widget clears
// once the scan is done, stops watching, and keeps working.
func TestClearDuringScan(t *testing.T) {
	const script = `document.addEventListener('factcheck:done', () => { FactCheck.clear(); window.cleared = true; }, { once: true });`
	url := serveLate(t, map[string]string{"/page.html": latePage("Clear", firstArticle, script)})
	tb := newTab(t)
	tb.load(t, url+"/page.html")
	tb.waitFor(t, `window.cleared && !document.querySelector('[data-factcheck-ui]')`)
	eval[bool](t, tb, `(document.querySelector('article').insertAdjacentHTML('beforeend', '<p>`+leaking+`</p>'), true)`)
	tb.quiet(t, 1)
	if n := eval[int](t, tb, `FactCheck.scan().then((a) => a.length)`); n == 0 {
		t.Errorf("scan() after clear() found nothing")
	}
	tb.view(t).consistent(t)
	tb.noErrors(t)
}

// TestInertChangesIgnored watches a page without an article, so the root
// is the body, where the widget's panel and the loader's notices go: they
// are no changes to scan for, and neither are the scripts, styles, frames
// and comments pages and their ads keep inserting.
func TestInertChangesIgnored(t *testing.T) {
	page := strings.Replace(latePage("Body", "", ""), "<article></article>", "<p>"+leaking+"</p>", 1)
	url := serveLate(t, map[string]string{"/page.html": page})
	tb := newTab(t)
	tb.load(t, url+"/page.html")
	if n := eval[int](t, tb, `document.querySelectorAll('body > p factcheck-badge').length`); n != 1 {
		t.Fatalf("%d badges in the body's paragraph, want 1", n)
	}
	eval[bool](t, tb, `(FactCheck._host.notice('Statement bundle updated', 'info'), true)`)
	eval[bool](t, tb, `(document.querySelector('factcheck-notice').shadowRoot.querySelector('button[aria-label="Dismiss"]').click(), true)`)
	eval[bool](t, tb, `(() => {
		const p = document.querySelector('body > p');
		p.insertAdjacentHTML('beforeend', '<script>window.ad = 1;<\/script><style>p { margin: 1em; }</style><iframe src="about:blank"></iframe>');
		const c = document.createComment('ad slot');
		p.append(c);
		c.data = 'ad slot 2';
		document.head.append(document.createElement('meta'));
		return true;
	})()`)
	tb.quiet(t, 1)
	tb.noErrors(t)
}

// TestRootGone navigates a single-page app with a configured root to a
// view without it: the widget leaves the page, quietly, and comes back
// with the article.
func TestRootGone(t *testing.T) {
	const app = `const story = document.querySelector('#story').outerHTML;
window.go = (path) => { history.pushState(null, '', path); setTimeout(render, 50); return true; };
window.render = () => {
	document.querySelector('main').innerHTML = location.pathname === '/app/index' ? '<p>Latest stories</p>' : story;
};
addEventListener('popstate', () => setTimeout(render, 50));`
	page := latePage("Root", firstArticle, app)
	page = strings.Replace(page, "<article>", `<main><article id="story">`, 1)
	page = strings.Replace(page, "</article>", "</article></main>", 1)
	page = strings.Replace(page, loaderTag("defer"), loaderTag(`defer data-root="#story"`), 1)
	url := serveLate(t, map[string]string{"/app/story": page})
	tb := newTab(t)
	tb.load(t, url+"/app/story")
	first := tb.view(t)

	eval[bool](t, tb, `go('/app/index')`)
	tb.waitFor(t, `!document.querySelector('[data-factcheck-ui]')`)
	if s := tb.waitFor(t, `true`); s.Notice != "" {
		t.Errorf("notice %q for a view without the article", s.Notice)
	}

	eval[bool](t, tb, `(history.back(), true)`)
	tb.waitFor(t, `s.done.length >= 2`)
	if v := tb.view(t); !slices.Equal(v.Exact, first.Exact) {
		t.Errorf("back to the story: passages %q, want %q", v.Exact, first.Exact)
	} else {
		v.consistent(t)
	}
	tb.noErrors(t)
}
