//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// seedTable is internal/match's TestSeedArticle table: every quote and
// reported claim of the seed article, by a unique snippet of it, with the
// verdict it must get ("" for none) and the statement or claim it must
// cite ("" when any will do). The demo, index.html, is that article.
var seedTable = []struct{ passage, verdict, id string }{
	{"did not go well", "disputed", "#c1"},
	{"risk levels", "", ""},
	{"leaking falsehoods", "verified", "#s1"},
	{"distinct possibility”.", "verified", ""},
	{"long and frank", "", ""},
	{"Biden warned that Russia’s attack may be imminent", "", ""},
	{"virtually certain after the ground had frozen", "disputed", "#c2"},
	{"dangerous but ambiguous", "", ""},
	{"Anonymous sources are 'leaking' falsehoods”", "verified", "#s1"},
	{"He has said this publicly and we", "verified", "#s1"},
	{"‘frank’", "", ""},
	{"Russia’s military action is imminent", "", ""},
	{"lasted for an hour and 20 minutes", "", ""},
	{"'decisive response'", "", ""},
	{"respond decisively”", "verified", ""},
	{"more than half a billion dollars", "", ""},
	{"He also underscored the commitment of the United States", "verified", "#s3a"},
}

// shown is what the page shows of the widget's findings, read from the
// DOM and from FactCheck.annotations().
type shown struct {
	// Chunks is the page's text (document.body's, without the widget's
	// own text), in runs that are in the same finding (-1: in none).
	Chunks []struct {
		Text    string `json:"text"`
		Finding int    `json:"finding"`
	} `json:"chunks"`
	// Findings are the passages in document order: the marks up to a
	// badge and the badge.
	Findings []struct {
		Verdicts []string `json:"verdicts"` // the marks' data-verdict values
		Badge    string   `json:"badge"`    // the badge button's verdict class; "" without a badge
		Word     string   `json:"word"`     // the badge's word
		Label    string   `json:"label"`    // the badge's aria-label
		Text     string   `json:"text"`     // the marked text
		Inside   bool     `json:"inside"`   // every mark is inside the article
	} `json:"findings"`
	Annotations []struct {
		Verdict string `json:"verdict"`
		Exact   string `json:"exact"`
		Cites   string `json:"cites"`
	} `json:"annotations"`
	Marks, Badges, Panels, UI int // counts of the widget's elements
	Painted                   int // ranges in the widget's highlights
	Nested                    int // marks inside marks, painted ranges over painted ranges
}

// piecesJS is a function that returns the passages the widget shows, in
// document order, as {range, verdict, painted}: a Range over each of its
// marks, and each range of its highlights (those CSS.highlights holds
// under "factcheck-" and a verdict, and maybe "-" and a number).
const piecesJS = `(() => {
	const pieces = [];
	for (const m of document.querySelectorAll('factcheck-mark')) {
		const range = document.createRange();
		range.selectNodeContents(m);
		pieces.push({ range, verdict: m.getAttribute('data-verdict'), painted: false });
	}
	for (const [name, h] of (window.CSS && CSS.highlights) || []) {
		const v = /^factcheck-([a-z]+)(-\d+)?$/.exec(name);
		if (!v) continue;
		for (const s of h) {
			// A range the page's changes left out of the document, or
			// beyond its text, is not painted.
			if (!s.startContainer.isConnected || !s.endContainer.isConnected ||
				s.startOffset > (s.startContainer.length ?? s.startContainer.childNodes.length) ||
				s.endOffset > (s.endContainer.length ?? s.endContainer.childNodes.length)) continue;
			const range = document.createRange();
			range.setStart(s.startContainer, s.startOffset);
			range.setEnd(s.endContainer, s.endOffset);
			pieces.push({ range, verdict: v[1], painted: true });
		}
	}
	return pieces.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
})`

// shownJS reads what the page shows (see shown) as JSON. The passages'
// pieces (see piecesJS) belong to the next badge host in document order;
// a badge host with no pieces before it, or pieces with no badge after
// them, show as a finding lacking one or the other.
const shownJS = `(() => {
	const pieces = (` + piecesJS + `)();
	const hosts = [...document.querySelectorAll('factcheck-badge')];
	const groups = hosts.map((host) => ({ pieces: [], host }));
	const owner = new Map();
	for (let i = 0, k = 0; i < pieces.length; i++) {
		while (k < hosts.length && pieces[i].range.comparePoint(hosts[k], 0) !== 1) k++;
		if (k === hosts.length && groups.length === hosts.length) groups.push({ pieces: [], host: null });
		groups[k].pieces.push(pieces[i]);
		owner.set(pieces[i], k);
	}
	const own = (n) => n.parentElement && n.parentElement.closest('[data-factcheck-ui]:not(factcheck-mark, factcheck-nowrap), script, style');
	const chunks = [];
	const texts = groups.map(() => '');
	const add = (text, f) => {
		if (!text) return;
		if (f >= 0) texts[f] += text;
		const last = chunks[chunks.length - 1];
		if (last && last.finding === f) last.text += text;
		else chunks.push({ text, finding: f });
	};
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n, p = 0; (n = walk.nextNode());) {
		if (own(n)) continue;
		while (p < pieces.length && pieces[p].range.comparePoint(n, 0) === 1) p++;
		let at = 0;
		for (let q = p; q < pieces.length && pieces[q].range.intersectsNode(n); q++) {
			const r = pieces[q].range;
			const start = r.startContainer === n ? r.startOffset : 0, end = r.endContainer === n ? r.endOffset : n.length;
			add(n.data.slice(at, start), -1);
			add(n.data.slice(start, end), owner.get(pieces[q]));
			at = end;
		}
		add(n.data.slice(at), -1);
	}
	const article = document.querySelector('article');
	const findings = groups.map((g, i) => {
		const b = g.host && g.host.shadowRoot && g.host.shadowRoot.querySelector('button.badge');
		return {
			verdicts: [...new Set(g.pieces.map((p) => p.verdict))],
			badge: b ? ['verified', 'misquoted', 'misattributed', 'disputed'].filter((v) => b.classList.contains(v)).join() : '',
			word: b ? b.querySelector('.word').textContent : '',
			label: b ? b.getAttribute('aria-label') : '',
			text: texts[i],
			inside: g.pieces.length > 0 && g.pieces.every((p) => article && article.contains(p.range.commonAncestorContainer)),
		};
	});
	const annotations = FactCheck.annotations().map((a) => ({
		verdict: a.verdict,
		exact: a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact,
		cites: a.body.claim ? a.body.claim.id : a.body.statement ? a.body.statement.id : '',
	}));
	const count = (sel) => document.querySelectorAll(sel).length;
	const painted = pieces.filter((p) => p.painted);
	const overlaps = painted.filter((p, i) => i > 0 && p.range.compareBoundaryPoints(Range.END_TO_START, painted[i - 1].range) < 0).length;
	return JSON.stringify({ chunks, findings, annotations,
		Marks: count('factcheck-mark'), Badges: count('factcheck-badge'), Panels: count('factcheck-panel'),
		UI: count('[data-factcheck-ui]'), Painted: painted.length, Nested: count('factcheck-mark factcheck-mark') + overlaps });
})()`

func readShown(t *testing.T, tb *tab) shown {
	t.Helper()
	var s shown
	if err := json.Unmarshal([]byte(eval[string](t, tb, shownJS)), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// text returns the page's text and the byte range of each finding in it.
func (s shown) text() (string, [][2]int) {
	var b strings.Builder
	ranges := make([][2]int, len(s.Findings))
	for i := range ranges {
		ranges[i] = [2]int{-1, -1}
	}
	for _, c := range s.Chunks {
		if c.Finding >= 0 {
			r := &ranges[c.Finding]
			if r[0] < 0 {
				r[0] = b.Len()
			}
			r[1] = b.Len() + len(c.Text)
		}
		b.WriteString(c.Text)
	}
	return b.String(), ranges
}

// collapse collapses runs of white space to one space and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkConsistent checks that every finding has marks of one verdict and
// a badge of that verdict, that FactCheck.annotations() lists the same
// passages in the same order, and that nothing is duplicated.
func checkConsistent(t *testing.T, s shown) {
	t.Helper()
	for i, f := range s.Findings {
		if len(f.Verdicts) != 1 || f.Badge != f.Verdicts[0] {
			t.Errorf("finding %d %q: marks %v, badge %q", i, f.Text, f.Verdicts, f.Badge)
		}
		if !f.Inside {
			t.Errorf("finding %d %q is not (all) inside the article", i, f.Text)
		}
	}
	if len(s.Annotations) != len(s.Findings) {
		t.Errorf("%d annotations, %d findings on the page", len(s.Annotations), len(s.Findings))
	}
	for i := range min(len(s.Annotations), len(s.Findings)) {
		a, f := s.Annotations[i], s.Findings[i]
		if a.Verdict != f.Badge || collapse(a.Exact) != collapse(f.Text) {
			t.Errorf("annotation %d: %s %q; page: %s %q", i, a.Verdict, a.Exact, f.Badge, f.Text)
		}
	}
	if s.Badges != len(s.Findings) || s.Nested != 0 || s.Panels != 1 {
		t.Errorf("%d badges for %d findings, %d nested marks, %d panels; want one panel and no nesting",
			s.Badges, len(s.Findings), s.Nested, s.Panels)
	}
	if s.Marks > 0 && s.Painted > 0 {
		t.Errorf("%d marks and %d painted ranges: the widget shows passages one way", s.Marks, s.Painted)
	}
}

// checkVerdicts checks that each passage gets its verdict and cites its
// id, and that no other passage is badged. want is a table like seedTable.
func checkVerdicts(t *testing.T, s shown, want []struct{ passage, verdict, id string }) {
	t.Helper()
	text, ranges := s.text()
	used := make([]bool, len(s.Findings))
	for _, w := range want {
		if n := strings.Count(text, w.passage); n != 1 {
			t.Fatalf("test bug: %q is %d times in the page", w.passage, n)
		}
		at := strings.Index(text, w.passage)
		end := at + len(w.passage)
		hit := -1
		for i, r := range ranges {
			if r[0] < end && at < r[1] {
				if hit >= 0 {
					t.Errorf("%q is in two findings: %q and %q", w.passage, s.Findings[hit].Text, s.Findings[i].Text)
				}
				hit = i
			}
		}
		switch {
		case w.verdict == "" && hit >= 0:
			t.Errorf("%q: badged %s on %q, want no badge", w.passage, s.Findings[hit].Badge, s.Findings[hit].Text)
		case w.verdict == "":
			continue
		case hit < 0:
			t.Errorf("%q: no badge, want %s", w.passage, w.verdict)
			continue
		case s.Findings[hit].Badge != w.verdict:
			t.Errorf("%q: badged %s on %q, want %s", w.passage, s.Findings[hit].Badge, s.Findings[hit].Text, w.verdict)
		case w.id != "" && hit < len(s.Annotations) && s.Annotations[hit].Cites != w.id:
			t.Errorf("%q: cites %s, want %s", w.passage, s.Annotations[hit].Cites, w.id)
		}
		if hit >= 0 {
			used[hit] = true
		}
	}
	for i, f := range s.Findings {
		if !used[i] {
			t.Errorf("unexpected %s badge on %q", f.Badge, f.Text)
		}
	}
}

// until polls the page until the JavaScript expression cond is true.
func until(t *testing.T, tb *tab, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(`+cond+`) || null`,
		chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// run runs actions in the tab.
func (tb *tab) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// untilNavigated waits until the tab shows the page at path; evaluations
// fail while the page changes.
func untilNavigated(t *testing.T, tb *tab, path string) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		ctx, cancel := context.WithTimeout(tb.ctx, time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'loading' ? '' : location.pathname`))
		cancel()
		if err == nil && got == path {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tab did not navigate to %s: at %q (%v)", path, got, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestWidgetDemo checks the demo at 1280×900 as a reader sees it: the
// verdicts, the summary panel, the looks, and clear(). The checks share
// one page load, in this order: clear() comes last.
func TestWidgetDemo(t *testing.T) {
	dev := devServer(t)
	tb := newTab(t)
	tb.run(t, chromedp.EmulateViewport(1280, 900))
	if _, notice := tb.load(t, dev.URL+"/index.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, seedTable)
	if s.Painted < len(s.Findings) || s.Marks != 0 {
		t.Errorf("%d painted ranges and %d marks for %d findings; want the passages painted by highlights", s.Painted, s.Marks, len(s.Findings))
	}
	checkMarkers(t, tb, s)
	tb.noErrors(t)

	t.Run("panel", func(t *testing.T) { checkPanel(t, tb, s) })
	t.Run("screenshots", func(t *testing.T) { checkLooks(t, tb) })
	t.Run("clear", func(t *testing.T) { checkClear(t, tb, dev.URL+"/index.html", s) })
	tb.noErrors(t)
}

// checkMarkers checks the screen-reader markers: each finding's passage
// is preceded by "Start of <verdict> passage" and followed by "End of
// <verdict> passage" right before its badge.
func checkMarkers(t *testing.T, tb *tab, s shown) {
	t.Helper()
	got := eval[[]string](t, tb, `[...document.querySelectorAll('factcheck-sr, factcheck-badge')].map((e) =>
		e.localName === 'factcheck-sr' ? e.textContent : 'badge')`)
	var want []string
	for _, f := range s.Findings {
		want = append(want, "Start of "+f.Badge+" passage", "End of "+f.Badge+" passage", "badge")
	}
	if !slices.Equal(got, want) {
		t.Errorf("screen-reader markers and badges %q, want %q", got, want)
	}
	for _, f := range s.Findings {
		if f.Text == "" {
			t.Errorf("a %s badge marks no text", f.Badge)
		}
	}
}

// panelJS is the summary panel's box.
const panelJS = `document.querySelector('factcheck-panel').shadowRoot.querySelector('.panel')`

// coveredJS lists the article's text that the collapsed panel covers,
// scrolling through the whole page.
const coveredJS = `(() => {
	const panel = ` + panelJS + `, article = document.querySelector('article');
	const covered = [];
	const max = document.documentElement.scrollHeight - innerHeight;
	for (let y = 0; ; y = Math.min(y + 150, max)) {
		scrollTo({ top: y, behavior: 'instant' });
		const p = panel.getBoundingClientRect();
		const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode());) {
			if (!n.data.trim() || n.parentElement.closest('[data-factcheck-ui]:not(factcheck-mark, factcheck-nowrap)')) continue;
			const r = document.createRange();
			r.selectNodeContents(n);
			for (const q of r.getClientRects()) {
				if (q.right > p.left && q.left < p.right && q.bottom > p.top && q.top < p.bottom) {
					covered.push('at ' + y + ': ' + n.data.trim().slice(0, 40));
					break;
				}
			}
		}
		if (y >= max) break;
	}
	scrollTo({ top: 0, behavior: 'instant' });
	return covered;
})()`

// checkPanel checks the summary panel: collapsed, it covers no article
// text; it lists every finding; from the keyboard an entry moves the
// focus to its badge, scrolled into view, and opens its popover.
func checkPanel(t *testing.T, tb *tab, s shown) {
	if covered := eval[[]string](t, tb, coveredJS); len(covered) > 0 {
		t.Errorf("the collapsed panel covers the article's text:\n%s", strings.Join(covered, "\n"))
	}

	// The panel comes last in the page: Shift+Tab from the start reaches it.
	tabTo(t, tb, `(e) => e && e.matches('button.toggle')`, 3, chromedp.KeyModifiers(chromedp.ModifierShift))
	press(t, tb, kb.Enter)
	const list = panelJS + `.querySelector('.entries')`
	until(t, tb, list+`.checkVisibility()`)
	entries := eval[[]map[string]string](t, tb, `[...`+list+`.querySelectorAll('button.entry')].map((b) => ({
		word: b.querySelector('.word').textContent, passage: b.querySelector('.passage').textContent }))`)
	if len(entries) != len(s.Findings) {
		t.Fatalf("the panel lists %d entries, want the %d findings", len(entries), len(s.Findings))
	}
	for i, e := range entries {
		f := s.Findings[i]
		text, cut := strings.CutSuffix(e["passage"], "…")
		if e["word"] != f.Word || !cut && text != collapse(f.Text) || cut && !strings.HasPrefix(collapse(f.Text), text) {
			t.Errorf("entry %d reads %s %q, want %s %q", i, e["word"], e["passage"], f.Word, f.Text)
		}
	}

	// Tab to the last entry, whose badge is below the fold.
	last := len(entries) - 1
	eval[bool](t, tb, `(window.__lastBadge = [...document.querySelectorAll('factcheck-badge')].at(-1), true)`)
	const inView = `((r) => r.top >= 0 && r.bottom <= innerHeight)(__lastBadge.getBoundingClientRect())`
	if eval[bool](t, tb, inView) {
		t.Fatalf("test bug: the last badge is in view before the jump")
	}
	tabTo(t, tb, `(e) => e && e === `+list+`.querySelectorAll('button.entry')[`+strconv.Itoa(last)+`]`, len(entries))
	press(t, tb, kb.Enter)
	const open = `__lastBadge.shadowRoot.querySelector('[role=dialog]')`
	until(t, tb, open+` && `+open+`.matches(':popover-open')`)
	if !eval[bool](t, tb, focusedJS+` === __lastBadge.shadowRoot.querySelector('button.badge')`) {
		t.Errorf("after the jump the focus is on %s, want the last badge", eval[string](t, tb, `String(`+focusedJS+`?.outerHTML).slice(0, 200)`))
	}
	if !eval[bool](t, tb, inView) {
		t.Errorf("the last badge is not scrolled into view: %v", eval[any](t, tb, `__lastBadge.getBoundingClientRect().toJSON()`))
	}
	press(t, tb, kb.Escape)
	until(t, tb, `!`+open)
	// Collapse the panel again and go back to the top.
	eval[bool](t, tb, `(`+panelJS+`.querySelector('button.toggle').click(), scrollTo({ top: 0, behavior: 'instant' }), true)`)
	until(t, tb, `!`+list+`.checkVisibility()`)
}

// contrastJS returns the contrast ratios of the widget's text, each as
// "what: ratio", for the current colour scheme.
const contrastJS = `(() => {
	const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
	const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	const out = [];
	const check = (what, el, bgEl) => {
		if (!el) return;
		out.push({ what, ratio: ratio(getComputedStyle(el).color, getComputedStyle(bgEl || el).backgroundColor) });
	};
	for (const h of document.querySelectorAll('factcheck-badge')) check('badge ' + h.shadowRoot.querySelector('button').className, h.shadowRoot.querySelector('button'));
	const panel = ` + panelJS + `;
	for (const c of panel.querySelectorAll('.count')) check('panel count ' + c.className, c, panel);
	const pop = document.querySelector('factcheck-badge').shadowRoot.querySelector('[role=dialog]');
	if (pop) for (const el of pop.querySelectorAll('.title, .lead, .section, .quote, .meta, .role, .name, a')) check('popover ' + el.className + el.localName, el, pop);
	return out;
})()`

// checkContrast fails the test for widget text below WCAG AA (4.5:1). It
// expects the first badge's popover open.
func checkContrast(t *testing.T, tb *tab, scheme string) {
	t.Helper()
	ratios := eval[[]struct {
		What  string  `json:"what"`
		Ratio float64 `json:"ratio"`
	}](t, tb, contrastJS)
	if n := eval[int](t, tb, `document.querySelectorAll('factcheck-badge').length`); len(ratios) < n+8 {
		t.Errorf("test bug: %d texts checked, want the %d badges, the panel's counts and the popover's texts", len(ratios), n)
	}
	for _, c := range ratios {
		if c.Ratio < 4.5 {
			t.Errorf("%s scheme: %s has contrast %.2f:1, want at least 4.5:1", scheme, c.What, c.Ratio)
		}
	}
}

// checkLooks takes the README's screenshots of the demo at 1280×900, and
// checks what they show: the first popover open, inside the viewport,
// and every text of the widget readable, in the light and dark schemes.
func checkLooks(t *testing.T, tb *tab) {
	tb.viewShot(t, "screenshot")
	first := `document.querySelector('factcheck-badge').shadowRoot`
	r := eval[[]float64](t, tb, `((r) => [r.left + r.width / 2, r.top + r.height / 2])(`+first+`.querySelector('button').getBoundingClientRect())`)
	tb.run(t, chromedp.MouseClickXY(r[0], r[1]))
	pop := first + `.querySelector('[role=dialog]')`
	until(t, tb, pop+` && `+pop+`.matches(':popover-open')`)
	if box := eval[[]float64](t, tb, `((r) => [r.left, r.top, innerWidth - r.right, innerHeight - r.bottom])(`+pop+`.getBoundingClientRect())`); slices.Min(box) < 0 {
		t.Errorf("the popover is not inside the viewport: margins %v", box)
	}
	// The screenshot shows it opaque, once its opening animation is over.
	eval[bool](t, tb, `Promise.all(`+pop+`.getAnimations().map((a) => a.finished)).then(() => true)`)
	if h := eval[[]int](t, tb, `[`+pop+`.scrollHeight, `+pop+`.clientHeight]`); h[0] > h[1] {
		t.Errorf("the popover needs scrolling at 1280×900: %d px of content in %d", h[0], h[1])
	}
	tb.viewShot(t, "screenshot-popover")
	checkContrast(t, tb, "light")

	tb.run(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	}))
	until(t, tb, `matchMedia('(prefers-color-scheme: dark)').matches`)
	tb.viewShot(t, "screenshot-popover-dark")
	checkContrast(t, tb, "dark")
	press(t, tb, kb.Escape)
	until(t, tb, `!`+pop)
	tb.viewShot(t, "screenshot-dark")
	tb.run(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	}))
}

// articleNodesJS lists the article's text nodes.
const articleNodesJS = `(() => { const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT), a = []; for (let n; (n = w.nextNode());) a.push(n); return a; })()`

// tagNodesJS keeps the article's text nodes in window.__nodes, each
// tagged with its index, and evaluates to their number.
const tagNodesJS = `(window.__nodes = ` + articleNodesJS + `, __nodes.forEach((n, i) => { n.__tag = i; }), __nodes.length)`

// sentBody is the body of the page at url as the server sends it.
func sentBody(t *testing.T, tb *tab, url string) string {
	t.Helper()
	return eval[string](t, tb, `fetch(`+strconv.Quote(url)+`).then((r) => r.text()).then((h) => new DOMParser().parseFromString(h, 'text/html').body.innerHTML)`)
}

// checkRestored calls FactCheck.clear() and checks that the page's body is
// sent, that nothing of the widget is left, and that the article's text
// nodes are the n nodes tagNodesJS kept.
func checkRestored(t *testing.T, tb *tab, sent string, n int) {
	t.Helper()
	eval[any](t, tb, `FactCheck.clear()`)
	if got := eval[string](t, tb, `document.body.innerHTML`); got != sent {
		t.Fatalf("after clear() the body is\n%s\nwant\n%s", got, sent)
	}
	const left = `[document.querySelectorAll('[data-factcheck-ui]').length, document.adoptedStyleSheets.length, FactCheck.annotations().length]`
	if got := eval[[]int](t, tb, left); !slices.Equal(got, []int{0, 0, 0}) {
		t.Errorf("after clear(): %v widget elements, style sheets, annotations; want none", got)
	}
	same := eval[[]int](t, tb, `((now) => [now.length, now.filter((x, i) => x === __nodes[i] && x.__tag === i).length])(`+articleNodesJS+`)`)
	if same[0] != n || same[1] != n {
		t.Errorf("after clear() the article has %d text nodes, %d of them the page's own; want all %d", same[0], same[1], n)
	}
}

// checkClear checks FactCheck.clear() on the demo, scanned once at load:
// the page is as the server sent it; scanned again and cleared again, the
// article's text nodes are the very nodes they were.
func checkClear(t *testing.T, tb *tab, url string, s shown) {
	sent := sentBody(t, tb, url)
	eval[any](t, tb, `FactCheck.clear()`)
	if got := eval[string](t, tb, `document.body.innerHTML`); got != sent {
		t.Fatalf("after clear() the body is\n%s\nwant\n%s", got, sent)
	}
	n := eval[int](t, tb, tagNodesJS)
	if got := eval[int](t, tb, `FactCheck.scan().then((a) => a.length)`); got != len(s.Findings) {
		t.Errorf("the second scan found %d passages, the first %d", got, len(s.Findings))
	}
	if got := eval[int](t, tb, `(`+piecesJS+`)().length`); got != s.Marks+s.Painted {
		t.Errorf("the second scan made %d marks or painted ranges, the first %d", got, s.Marks+s.Painted)
	}
	checkRestored(t, tb, sent, n)
}

// testBundle is a statement bundle of one Quotation, S1 of
// /work/shared/seed/official-statements.md word for word, and one
// ClaimReview, of C2, that rests on it. The URLs, the reviewer and the
// rating are the test's own.
const testBundle = `{
  "@context": "https://schema.org",
  "@graph": [
    {
      "@type": "Quotation",
      "@id": "#horne",
      "text": "Anonymous sources are 'leaking' falsehoods. President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February. He has said this publicly and we have been warning about this for months. Reports of anything more or different than that are completely false.",
      "creator": {"@type": "Person", "name": "Emily Horne", "jobTitle": "Spokeswoman, National Security Council",
        "affiliation": {"@type": "Organization", "name": "The White House"}},
      "datePublished": "2022-01-27",
      "isBasedOn": {"@type": "CreativeWork", "name": "Statement to CNN", "url": "https://example.com/statements/horne"}
    },
    {
      "@type": "ClaimReview",
      "@id": "#frozen",
      "claimReviewed": "Biden told Zelensky that a Russian invasion was virtually certain once the ground freezes in February.",
      "itemReviewed": {"@type": "Claim",
        "author": {"@type": "Person", "name": "A senior Ukrainian official"},
        "datePublished": "2022-01-27",
        "about": [{"@type": "Person", "name": "Joe Biden"}, {"@type": "Person", "name": "Volodymyr Zelensky"}]},
      "reviewRating": {"@type": "Rating", "alternateName": "Unsupported"},
      "author": {"@type": "Organization", "name": "Test Desk"},
      "url": "https://example.com/reviews/frozen",
      "isBasedOn": {"@id": "#horne"}
    }
  ]
}`

// bundleArticle quotes the test bundle's statement, reports its claim,
// and quotes a statement and reports a claim that only the built-in
// bundle holds.
const bundleArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bundle</title>
<link rel="icon" href="data:,"></head><body>
<article><h1>Biden and Zelensky spoke by phone</h1>
<p>Horne told CNN, “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.”</p>
<p>Biden also told Zelensky that an invasion was now virtually certain after the ground had frozen later in February, according to the official cited by CNN.</p>
<p>The White House statement read, “President Biden reaffirmed the readiness of the United States along with its allies and partners to respond decisively if Russia further invades Ukraine.”</p>
<p>The call between the two presidents “did not go well”, a senior Ukrainian official said.</p>
</article>
<script src="/web/factcheck.js" defer data-statements="/data/bundle.jsonld"></script>
</body></html>`

var bundleTable = []struct{ passage, verdict, id string }{
	{"distinct possibility that the Russians", "verified", "#horne"},
	{"virtually certain after the ground had frozen", "disputed", "#frozen"},
	{"respond decisively", "", ""},
	{"did not go well", "", ""},
}

// bundlePage serves bundleArticle at /article.html with the test bundle.
func bundlePage(t *testing.T) string {
	t.Helper()
	repo := repoHandler(t)
	srv := pagesServer(t, map[string]testPage{"/article.html": {body: bundleArticle}},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/data/bundle.jsonld" {
				w.Header().Set("Content-Type", "application/ld+json")
				io.WriteString(w, testBundle)
				return
			}
			repo.ServeHTTP(w, r)
		}))
	return srv.URL + "/article.html"
}

// press sends real key events for keys to the page.
func press(t *testing.T, tb *tab, keys string, opts ...chromedp.KeyOption) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys, opts...)); err != nil {
		t.Fatalf("pressing %q: %v", keys, err)
	}
}

// focusedJS is the focused element, looking into shadow roots.
const focusedJS = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`

// tabTo presses Tab (with opts) until the focused element, looking into
// shadow roots, matches the JavaScript predicate is (a function of the
// element), and fails after max presses.
func tabTo(t *testing.T, tb *tab, is string, max int, opts ...chromedp.KeyOption) {
	t.Helper()
	for range max {
		press(t, tb, kb.Tab, opts...)
		if eval[bool](t, tb, `(`+is+`)(`+focusedJS+`)`) {
			return
		}
	}
	t.Fatalf("%d presses of Tab did not reach %s; focus is on %s", max, is,
		eval[string](t, tb, `(() => { const e = `+focusedJS+`; return e ? e.outerHTML.slice(0, 200) : 'nothing'; })()`))
}

func TestWidgetBundle(t *testing.T) {
	tb := newTab(t)
	if _, notice := tb.load(t, bundlePage(t)); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, bundleTable)
	if len(s.Findings) == 2 && s.Findings[1].Word != "Unsupported" {
		t.Errorf("the disputed badge reads %q, want the bundle's rating Unsupported", s.Findings[1].Word)
	}
	tb.noErrors(t)

	t.Run("keyboard", func(t *testing.T) {
		const badge = `(e) => e && e.matches('button.badge')`
		tabTo(t, tb, badge, 5)
		eval[bool](t, tb, `(window.__badge = `+focusedJS+`, true)`)
		if got := eval[string](t, tb, `__badge.getAttribute('aria-label')`); !strings.HasPrefix(got, "Verified: President Biden said") {
			t.Errorf("the first badge Tab reaches is %q, want the verified quote's", got)
		}
		press(t, tb, kb.Enter)
		const pop = `__badge.getRootNode().querySelector('[role=dialog]')`
		// Visible once its opening animation has run.
		until(t, tb, pop+` && `+pop+`.matches(':popover-open') && `+pop+`.checkVisibility({ opacityProperty: true, visibilityProperty: true })`)
		got := eval[map[string]any](t, tb, `(() => {
			const p = `+pop+`, r = p.getBoundingClientRect();
			const link = [...p.querySelectorAll('a[href]')].map((a) => a.href);
			return { text: p.innerText, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0,
				links: link.join(' '), expanded: __badge.getAttribute('aria-expanded') };
		})()`)
		text, _ := got["text"].(string)
		for _, want := range []string{
			"President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February",
			"Emily Horne", "Spokeswoman, National Security Council", "27 January 2022", "Statement to CNN",
		} {
			if !strings.Contains(collapse(text), want) {
				t.Errorf("the popover lacks %q; it reads %q", want, text)
			}
		}
		if got["inside"] != true || got["expanded"] != "true" {
			t.Errorf("popover inside the viewport %v, badge aria-expanded %v", got["inside"], got["expanded"])
		}
		if got["links"] != "https://example.com/statements/horne" {
			t.Errorf("popover links %q, want the statement's source", got["links"])
		}

		press(t, tb, kb.Escape)
		until(t, tb, `!`+pop+` || !`+pop+`.matches(':popover-open')`)
		if !eval[bool](t, tb, focusedJS+` === __badge`) {
			t.Errorf("after Escape the focus is on %s, want the badge", eval[string](t, tb, `String(`+focusedJS+`?.outerHTML).slice(0, 200)`))
		}
	})
}

// linkArticle quotes Horne across a link and an emphasis. Before the
// widget loads, it tags its text nodes (see tagNodesJS).
const linkArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link</title>
<link rel="icon" href="data:,"></head><body>
<article><h1>Biden and Zelensky spoke by phone</h1>
<p>Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.</p>
<p>Horne said “anonymous sources are <a href="/x">‘leaking’ <em>falsehoods</em></a>” today.</p>
</article>
<script>document.querySelector('a').addEventListener('click', () => { sessionStorage.clicked = 'yes'; });
` + tagNodesJS + `;</script>
<script src="/web/factcheck.js" defer></script>
</body></html>`

func TestWidgetQuoteAcrossLink(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{
		"/article.html": {body: linkArticle},
		"/x":            {body: `<!doctype html><title>X</title><p>Linked page</p>`},
	}, repoHandler(t))
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/article.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, []struct{ passage, verdict, id string }{
		{"anonymous sources are ‘leaking’ falsehoods", "verified", "#s1"},
	})
	// The link's text as the reader and assistive technology get it: its
	// visible text and its accessible name, which the widget's
	// screen-reader markers must not join.
	link := eval[map[string]string](t, tb, `(() => {
		const a = document.querySelector('article a');
		return { href: a.getAttribute('href'), text: a.innerText, em: a.querySelector('em') ? a.querySelector('em').innerText : '' };
	})()`)
	if want := map[string]string{"href": "/x", "text": "‘leaking’ falsehoods", "em": "falsehoods"}; !maps.Equal(link, want) {
		t.Errorf("the link is %v, want %v", link, want)
	}

	// clear() gives back the page as it was, the very text nodes the widget
	// split and wrapped; a new scan badges the passage again.
	checkRestored(t, tb, sentBody(t, tb, srv.URL+"/article.html"), eval[int](t, tb, `__nodes.length`))
	if n := eval[int](t, tb, `FactCheck.scan().then((a) => a.length)`); n != 1 {
		t.Fatalf("the scan after clear() found %d passages, want 1", n)
	}

	// A real click on the emphasised word, now inside a mark, reaches the
	// link's handler and follows the link.
	r := eval[[]float64](t, tb, `(() => { const r = document.querySelector('article em').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(r[0], r[1])); err != nil {
		t.Fatal(err)
	}
	untilNavigated(t, tb, "/x")
	if got := eval[string](t, tb, `sessionStorage.clicked || ''`); got != "yes" {
		t.Errorf("the link's click handler did not run")
	}
	tb.noErrors(t)
}

// quotationArticle quotes with markup instead of quote marks: an embedded
// tweet in a <blockquote> (its text, then the "— name" line) and a <q>,
// whose marks the browser draws.
const quotationArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quotations</title>
<link rel="icon" href="data:,"></head><body>
<article><h1>White House denies report on Biden call with Zelensky</h1>
<p>Emily Horne replied on Twitter:</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">This is not true. President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February. He has previously said this publicly &amp; we have been warning about this for months. Reports of anything more or different than that are completely false.</p>&mdash; Emily Horne (@NSC_Spox) <a href="/x">January 27, 2022</a></blockquote>
<p>Zelensky's spokesman wrote that the comments <q>are absolutely not true</q>.</p>
</article>
<script>` + tagNodesJS + `;</script>
<script src="/web/factcheck.js" defer></script>
</body></html>`

// TestWidgetQuotations: a <blockquote> and a <q> are quotes to the widget
// as they are to the reader, and clear() leaves them as they were.
func TestWidgetQuotations(t *testing.T) {
	srv := pagesServer(t, map[string]testPage{"/article.html": {body: quotationArticle}}, repoHandler(t))
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/article.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, []struct{ passage, verdict, id string }{
		{"This is not true. President Biden said", "verified", "#s2"},
		{"are absolutely not true", "verified", "#s5a"},
	})
	checkRestored(t, tb, sentBody(t, tb, srv.URL+"/article.html"), eval[int](t, tb, `__nodes.length`))
	tb.noErrors(t)
}
