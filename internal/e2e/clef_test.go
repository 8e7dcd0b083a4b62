//go:build !js

package e2e

import (
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factcheck/internal/benchmark"
	fceval "factcheck/internal/eval"
)

// TestCLEFTweets loads the CLEF-2020 dev tweets as a news page embeds them
// (Twitter's embed code before its script runs: each tweet's text in a
// blockquote, its byline "— Name (@handle) date" under it) with a bundle
// of every CLEF claim, built by the bundle tool as a publisher would, and
// checks that the widget badges them as well as the eval requires of the
// engine on the tweets' text (the dev floors of internal/eval/floors.json):
// the page's reader keeps a byline with its tweet, as the claim model was
// fitted (see page's attribution), and each badge's quote selector quotes
// its tweet as the page holds it.
func TestCLEFTweets(t *testing.T) {
	dir := fceval.SharedData("clef2020-t2")
	if dir == "" {
		t.Skip("no shared/data/clef2020-t2 in a folder above")
	}
	d, err := fceval.LoadCLEF(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := benchmark.BuildBundle(filepath.Join(dir, fceval.CLEFClaimsFile), filepath.Join(t.TempDir(), "claims.jsonld"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	tweets := d.Splits["dev"]
	texts := make([]string, len(tweets))
	for i, tw := range tweets {
		texts[i] = tw.Text
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tweets</title><link rel="icon" href="data:,"></head><body><article><h1>Tweets</h1>` +
		benchmark.EmbeddedTweets(texts) + `</article>` + loaderTag(`defer data-statements="/data/claims.jsonld"`) + `</body></html>`
	srv := bundleSite(t, page, map[string]string{"/data/claims.jsonld": string(data)})
	tb := newTab(t)
	if _, notice := tb.load(t, srv.URL+"/page.html"); notice != "" {
		t.Fatalf("notice: %s", notice)
	}
	var found []struct{ Exact, Claim, Text string }
	raw := eval[string](t, tb, `JSON.stringify(FactCheck.annotations().filter((a) => a.verdict === 'disputed').map((a) => ({exact: a.target.selector[0].exact, claim: a.body.claim.id, text: a.body.claim.text})))`)
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		t.Fatal(err)
	}
	floors, err := fceval.LoadFloors(filepath.Join(repoRoot, "internal", "eval", "floors.json"))
	if err != nil {
		t.Fatal(err)
	}
	dups := d.NearDuplicates()
	right, wrong := map[int]bool{}, map[int]bool{}
	for _, f := range found {
		var in []int
		for i, tw := range tweets {
			if strings.Contains(bare(tw.Text), bare(f.Exact)) {
				in = append(in, i)
			}
		}
		if len(in) != 1 {
			t.Errorf("a badge's quote %q is in %d tweets, want one", f.Exact, len(in))
			continue
		}
		ok := false
		for _, g := range tweets[in[0]].Gold {
			ok = ok || g == f.Claim || slices.Contains(dups[g], f.Claim)
		}
		if ok {
			right[in[0]] = true
		} else {
			wrong[in[0]] = true
			t.Logf("badged with another claim: %q: %s", f.Exact, f.Text)
		}
	}
	n := float64(len(tweets))
	t.Logf("%d tweets, %d badges: %d tweets with their claim, %d with another", len(tweets), len(found), len(right), len(wrong))
	if recall := float64(len(right)) / n; recall < floors.ClaimsRecall["dev"] {
		t.Errorf("%d tweets (%.3f) badged with their claim; the eval's floor is %.2f", len(right), recall, floors.ClaimsRecall["dev"])
	}
	if share := float64(len(wrong)) / n; share > floors.ClaimsFalse["dev"] {
		t.Errorf("%d tweets (%.3f) badged with another claim; at most %.2f", len(wrong), share, floors.ClaimsFalse["dev"])
	}
	tb.noErrors(t)
}

// bare is s without spaces and dashes: a tweet's text as CLEF gives it and
// as the page shows it differ there ("pic — Name", "pic</p>— Name").
func bare(s string) string {
	return strings.NewReplacer(" ", "", "\u00a0", "", "\n", "", "—", "", "-", "").Replace(s)
}
