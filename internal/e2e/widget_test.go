//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
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
	Nested                    int // marks inside marks
}

// shownJS reads what the page shows (see shown) as JSON. Marks belong to
// the next badge host in document order; a badge host with no marks
// before it, or marks with no badge after them, show as a finding
// lacking one or the other.
const shownJS = `(() => {
	const groups = [];
	let marks = [];
	for (const el of document.querySelectorAll('factcheck-mark, factcheck-badge')) {
		if (el.localName === 'factcheck-mark') { marks.push(el); continue; }
		groups.push({ marks, host: el });
		marks = [];
	}
	if (marks.length) groups.push({ marks, host: null });
	const owner = new Map();
	groups.forEach((g, i) => g.marks.forEach((m) => owner.set(m, i)));
	const own = (n) => n.parentElement && n.parentElement.closest('[data-factcheck-ui]:not(factcheck-mark), script, style');
	const chunks = [];
	const texts = groups.map(() => '');
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = walk.nextNode());) {
		if (own(n)) continue;
		const m = n.parentElement.closest('factcheck-mark');
		const f = m ? owner.get(m) : -1;
		if (f >= 0) texts[f] += n.data;
		const last = chunks[chunks.length - 1];
		if (last && last.finding === f) last.text += n.data;
		else chunks.push({ text: n.data, finding: f });
	}
	const article = document.querySelector('article');
	const findings = groups.map((g, i) => {
		const b = g.host && g.host.shadowRoot && g.host.shadowRoot.querySelector('button.badge');
		return {
			verdicts: [...new Set(g.marks.map((m) => m.getAttribute('data-verdict')))],
			badge: b ? ['verified', 'misquoted', 'disputed'].filter((v) => b.classList.contains(v)).join() : '',
			word: b ? b.querySelector('.word').textContent : '',
			label: b ? b.getAttribute('aria-label') : '',
			text: texts[i],
			inside: g.marks.length > 0 && g.marks.every((m) => article && article.contains(m)),
		};
	});
	const annotations = FactCheck.annotations().map((a) => ({
		verdict: a.verdict,
		exact: a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact,
		cites: a.body.claim ? a.body.claim.id : a.body.statement ? a.body.statement.id : '',
	}));
	const count = (sel) => document.querySelectorAll(sel).length;
	return JSON.stringify({ chunks, findings, annotations,
		Marks: count('factcheck-mark'), Badges: count('factcheck-badge'), Panels: count('factcheck-panel'),
		UI: count('[data-factcheck-ui]'), Nested: count('factcheck-mark factcheck-mark') });
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

func TestWidgetDemo(t *testing.T) {
	dev := devServer(t)
	tb := newTab(t)
	if _, notice := tb.load(t, dev.URL+"/index.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	s := readShown(t, tb)
	checkConsistent(t, s)
	checkVerdicts(t, s, seedTable)
	tb.noErrors(t)
	_ = emulation.SetEmulatedMedia
}
