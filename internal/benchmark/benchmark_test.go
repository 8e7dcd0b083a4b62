//go:build !js

package benchmark

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factcheck/internal/bundle"
)

func TestStat(t *testing.T) {
	var s Stat
	for _, v := range []float64{30, 10, 50, 20} {
		s.add(v)
	}
	if s.Median != 25 || s.Min != 10 || s.Max != 50 {
		t.Errorf("median, min, max of 30 10 50 20 = %v, %v, %v; want 25, 10, 50", s.Median, s.Min, s.Max)
	}
	s.add(40)
	if s.Median != 30 {
		t.Errorf("median of 30 10 50 20 40 = %v, want 30", s.Median)
	}
}

func TestBlocking(t *testing.T) {
	tasks := [][2]float64{{0, 120}, {200, 60}, {300, 51}, {500, 80}}
	// The scan runs from 210 to 400: it overlaps the second and third.
	longest, total := blocking(tasks, 210, 400)
	if longest != 60 || total != 11 {
		t.Errorf("blocking = %v, %v; want 60, 11", longest, total)
	}
	if longest, total = blocking(tasks, 0, 1000); longest != 120 || total != 70+10+1+30 {
		t.Errorf("blocking over all = %v, %v; want 120, 111", longest, total)
	}
	if longest, total = blocking(nil, 0, 1000); longest != 0 || total != 0 {
		t.Errorf("blocking of no tasks = %v, %v", longest, total)
	}
}

func TestArticlePage(t *testing.T) {
	w := Workload{Name: "T", Words: 10, Statements: 1}
	body := paragraphs([]string{`He said “a <b> & c”.`, "Second."})
	with, without := articlePage(w, body, bundlePath(w, false)), articlePage(w, body, "")
	for _, want := range []string{"<p>He said “a &lt;b&gt; &amp; c”.</p>", "<p>Second.</p>", "<article>"} {
		if !strings.Contains(with, want) || !strings.Contains(without, want) {
			t.Errorf("the pages lack %q", want)
		}
	}
	loader := `<script src="/web/factcheck.js" defer data-statements="/bench/T.fcb" data-root="article"></script>`
	if !strings.Contains(with, loader) {
		t.Errorf("the page with the widget lacks %s:\n%s", loader, with)
	}
	if strings.Contains(without, "<script") {
		t.Errorf("the page without the widget has a script:\n%s", without)
	}
}

func TestEmbeddedTweets(t *testing.T) {
	const open = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">`
	for _, c := range []struct{ name, tweet, want string }{
		{"byline", "Fires are out. pic.twitter.com/x — Center (@CBD) January 14, 2020",
			open + "Fires are out. pic.twitter.com/x</p>— Center (@CBD) January 14, 2020</blockquote>\n"},
		{"hyphen, and a dash in the text", "A - b! - Patriot19 (@p19) February 5, 2019",
			open + "A - b!</p>— Patriot19 (@p19) February 5, 2019</blockquote>\n"},
		{"no space before the dash, two-digit year", " See https://t.co/D4Q— Trump News (@TN) October 04, 19 ",
			open + "See https://t.co/D4Q</p>— Trump News (@TN) October 04, 19</blockquote>\n"},
		{"no byline", "Just <b>text</b> & “quotes”",
			open + "Just &lt;b&gt;text&lt;/b&gt; &amp; “quotes”</p></blockquote>\n"},
		{"a name without a handle is text", "Words — Someone January 1, 2020",
			open + "Words — Someone January 1, 2020</p></blockquote>\n"},
	} {
		if got := EmbeddedTweets([]string{c.tweet}); got != c.want {
			t.Errorf("%s: EmbeddedTweets(%q) =\n%s\nwant\n%s", c.name, c.tweet, got, c.want)
		}
	}
}

// TestCLEFSite makes the CLEF page of a small CLEF directory: the bundle
// tool builds its claims into the cache, and the page embeds the dev
// tweets.
func TestCLEFSite(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	files := map[string]string{
		"verified_claims.docs.tsv": "\tvclaim\ttitle\n0\tSharks swim in the flooded streets.\tDid sharks swim?\n" +
			"1\t\"The moon is made of \"\"cheese\"\".\"\tMoon cheese\n",
		"train/tweets.queries.tsv":       "\ttweet_content\n5\tA shark! — Ann (@ann) May 1, 2020\n",
		"train/tweet-vclaim-pairs.qrels": "5 0 0 1\n",
		"dev/tweets.queries.tsv":         "\ttweet_content\n7\tSharks swim in the flooded streets <now> — Bo (@bo) May 2, 2020\n8\tCheese moon.\n",
		"dev/tweet-vclaim-pairs.qrels":   "7 0 0 1\n8 0 1 1\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log strings.Builder
	s, err := newSite([]Workload{{Name: "CLEF", CLEF: true}}, dir, cache, &log, true)
	if err != nil {
		t.Fatal(err)
	}
	w := s.workloads[0]
	if w.Tweets != 2 || w.Claims != 2 || w.Statements != 0 || w.Words != 15 {
		t.Errorf("workload = %+v; want 2 tweets of 15 words, 2 claims, no statement", w)
	}
	built, err := os.ReadFile(filepath.Join(cache, clefBundleFile))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.files[bundlePath(w, true)].body; string(got) != string(built) {
		t.Errorf("the bundle served is not the one built in the cache")
	}
	b, err := bundle.Parse(built)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Claims) != 2 || b.Claims[1].Text != `The moon is made of "cheese".` {
		t.Errorf("the bundle's claims: %+v", b.Claims)
	}
	if !strings.Contains(log.String(), "2 claims") {
		t.Errorf("the bundle tool's report is not in the log: %q", log.String())
	}
	page := string(s.files[pagePath(w, true)].body)
	for _, want := range []string{
		`<p lang="en" dir="ltr">Sharks swim in the flooded streets &lt;now&gt;</p>— Bo (@bo) May 2, 2020</blockquote>`,
		`<p lang="en" dir="ltr">Cheese moon.</p></blockquote>`,
		`data-statements="/bench/CLEF.jsonld"`,
		"CLEF (2 tweets, 2 claims)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the CLEF page lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "A shark!") {
		t.Errorf("the CLEF page holds a train tweet:\n%s", page)
	}
}

// TestWriteTableBadges checks that the table counts each page's badges by
// verdict.
func TestWriteTableBadges(t *testing.T) {
	r := &Report{Runs: 1, Scans: []*ScanResult{{
		Workload: Workload{Name: "CLEF", CLEF: true, Tweets: 197, Claims: 10_375},
		Timing:   Timing{Verdicts: map[string]int{"disputed": 42, "verified": 3}},
	}}}
	var out strings.Builder
	if err := r.WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	var line string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "scan CLEF (197 tweets, 10375 claims) ") && !strings.Contains(l, ".") {
			line = l
		}
	}
	if got := strings.Fields(line); len(got) < 4 || strings.Join(got[len(got)-4:], " ") != "3 0 0 42" {
		t.Errorf("the CLEF page's badges row = %q; want verified 3, misquoted 0, misattributed 0, disputed 42\n%s", line, out.String())
	}
}

// TestPeerFiles checks that the site serves every script the peer's tags
// load, its packages' files read from node_modules, and says how to
// install them when they are missing.
func TestPeerFiles(t *testing.T) {
	modules := t.TempDir()
	for _, name := range peerModules {
		path := filepath.Join(modules, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("// "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w := Workload{Name: "T", Statements: 1}
	s := &site{files: map[string]file{}}
	if err := s.addPeer(modules); err != nil {
		t.Fatal(err)
	}
	for _, all := range []bool{false, true} {
		tags := peerTags(w, all)
		for _, tag := range tags {
			if _, ok := s.files[tag["src"]]; !ok {
				t.Errorf("the peer's tag %v loads %s, which the site does not serve", tag, tag["src"])
			}
		}
		peer := tags[len(tags)-1]
		if _, ok := s.files[peer["data-search"]]; !ok {
			t.Errorf("the peer imports %s, which the site does not serve", peer["data-search"])
		}
		if peer["data-statements"] != bundlePath(w, true) || peer["data-root"] != "article" {
			t.Errorf("the peer's tag %v does not read the workload's bundle and article", peer)
		}
		if got := peer["data-candidates"] == "all"; got != all {
			t.Errorf("peerTags(all=%v) searches every statement: %v", all, got)
		}
	}
	if got := string(s.files[peerMarkPath].body); got != "// mark.js/dist/mark.min.js" {
		t.Errorf("the site serves %q as mark.js", got)
	}
	err := (&site{files: map[string]file{}}).addPeer(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "./build.sh bench installs") {
		t.Errorf("addPeer without the packages: %v; want an error saying how to install them", err)
	}
}

func TestInjectedAdd(t *testing.T) {
	var in Injected
	// Injected at 1000, done at 1300: the task at 900 ends before, the one
	// at 1400 starts after.
	in.add(injectLoad{Start: 1000, At: 1300, Tasks: [][2]float64{{900, 90}, {1010, 70}, {1200, 120}, {1400, 500}}})
	if in.Done.Median != 300 || in.Longest.Median != 120 || in.TBT.Median != 20+70 {
		t.Errorf("injection → done, longest, blocking = %v, %v, %v; want 300, 120, 90",
			in.Done.Median, in.Longest.Median, in.TBT.Median)
	}
}

// TestWriteTablePeer checks the rows of the injected widget and its peer:
// present where the peer ran, with the ratio of their times.
func TestWriteTablePeer(t *testing.T) {
	stat := func(v float64) Stat {
		var s Stat
		s.add(v)
		return s
	}
	r := &Report{Runs: 1, Scans: []*ScanResult{
		{
			Workload: Workload{Name: "S", Words: 20_000, Statements: 1_000},
			Widget:   &Injected{Done: stat(200), Longest: stat(45)},
			Peer: &Injected{Done: stat(900), Longest: stat(880), Phases: map[string]*Stat{"search": {Median: 700}},
				Work: &PeerWork{Quotes: 500, Searches: 4321, Matches: 300, Marks: 301}},
			Faster: stat(4.5),
		},
		{Workload: Workload{Name: "CLEF", CLEF: true}},
	}}
	var out strings.Builder
	if err := r.WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	table := out.String()
	for _, want := range []string{
		"scan S injected: widget, injection → done", "200.0",
		"scan S injected: JS peer (rare-word index), injection → done", "900.0",
		"scan S injected: widget faster by (×: peer ÷ widget; < 1: slower)", "4.5",
		"scan S injected: JS peer   · search", "700.0",
		"scan S injected: JS peer longest task", "880.0",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	if strings.Contains(table, "scan CLEF injected") {
		t.Errorf("the table has peer rows for a page without the peer:\n%s", table)
	}
	var work []string
	for _, l := range strings.Split(table, "\n") {
		if strings.HasPrefix(l, "scan S (20k words, 1k statements) ") && strings.Contains(l, "4321") {
			work = strings.Fields(l)
		}
	}
	if len(work) < 4 || strings.Join(work[len(work)-4:], " ") != "500 4321 300 301" {
		t.Errorf("the peer's work row = %q; want quotes 500, searches 4321, matched 300, marks 301\n%s", work, table)
	}
}

// TestWriteTableBusy checks the stages' rows: each with its busy time, and
// L's bundle stage with its budget.
func TestWriteTableBusy(t *testing.T) {
	r := &Report{Runs: 1, Scans: []*ScanResult{{
		Workload: Workload{Name: "L", Words: 200_000, Statements: 10_000},
		Timing: Timing{
			Phases: map[string]*Stat{"bundle": {Median: 130, Min: 120, Max: 140}, "match": {Median: 950, Min: 900, Max: 990}},
			Busy:   map[string]*Stat{"bundle": {Median: 27.5}, "match": {Median: 800}},
		},
	}}}
	var out strings.Builder
	if err := r.WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if name, rest, ok := strings.Cut(l, "   · "); ok && strings.HasPrefix(name, "scan L") {
			f := strings.Fields(rest)
			rows[f[0]] = f[1:]
		}
	}
	want := map[string]string{
		"bundle": "130.0 120.0 140.0 busy ≤ 30 busy 27.5",
		"match":  "950.0 900.0 990.0 busy 800.0",
	}
	for stage, w := range want {
		if got := strings.Join(rows[stage], " "); got != w {
			t.Errorf("%s row = %q, want %q\n%s", stage, got, w, out.String())
		}
	}
}
