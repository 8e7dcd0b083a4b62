//go:build !js

package benchmark

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/bundletool"
	"factcheck/internal/eval"
)

// The CLEF page is real text against a real claim list: the tweets of the
// CLEF-2020 CheckThat! Task 2 dev split, embedded as a news page embeds
// tweets, scanned with a bundle of every claim of the task (10,375), which
// the publisher's bundle tool builds from the claim list as a publisher
// would.

// clefSplit is the split whose tweets make the page.
const clefSplit = "dev"

// clefBundleFile is the bundle built from the claim list, in the cache
// directory.
const clefBundleFile = "bench-clef.jsonld"

// clefPage reads the CLEF data in dir, builds its bundle into cacheDir and
// returns the bundle and the page's body; it counts the page's tweets and
// words and the bundle's claims into w.
func clefPage(w *Workload, dir, cacheDir string, log io.Writer) (data []byte, body string, err error) {
	d, err := eval.LoadCLEF(dir)
	if err != nil {
		return nil, "", fmt.Errorf("the CLEF data: %v", err)
	}
	data, err = BuildBundle(filepath.Join(dir, eval.CLEFClaimsFile), filepath.Join(cacheDir, clefBundleFile), log)
	if err != nil {
		return nil, "", err
	}
	b, err := bundle.Parse(data)
	if err != nil {
		return nil, "", fmt.Errorf("the bundle built from %s does not parse: %v", eval.CLEFClaimsFile, err)
	}
	tweets := d.Splits[clefSplit]
	texts := make([]string, len(tweets))
	w.Words = 0
	for i, t := range tweets {
		texts[i] = t.Text
		w.Words += len(strings.Fields(t.Text))
	}
	w.Tweets, w.Statements, w.Claims = len(tweets), len(b.Statements), len(b.Claims)
	return data, EmbeddedTweets(texts), nil
}

// BuildBundle runs the bundle tool's build on the sources, writing out,
// and returns what it wrote; the tool's report goes to log.
func BuildBundle(source, out string, log io.Writer) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	var report bytes.Buffer
	if status := bundletool.Main([]string{"build", "-o", out, source}, io.Discard, &report); status != 0 {
		return nil, fmt.Errorf("the bundle tool could not build %s:\n%s", out, report.String())
	}
	log.Write(report.Bytes())
	return os.ReadFile(out)
}

// tweetByline is the line after a tweet's text in Twitter's embed code,
// which the CLEF tweets keep at their end: "— Name (@handle) January 14,
// 2020" (a few with a hyphen, or no space before the dash).
var tweetByline = regexp.MustCompile(`^(.*\S)\s*(?:—|\s-)\s+(\S[^—]*\(@\w+\)\s+\w+ \d{1,2}, \d{2,4})$`)

// EmbeddedTweets is the HTML of tweets as Twitter's embed code writes them
// before its script runs (which is what the widget meets on a page that
// embeds tweets): a blockquote each, the text in a paragraph, the byline
// after it.
func EmbeddedTweets(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		t = strings.TrimSpace(t)
		byline := ""
		if m := tweetByline.FindStringSubmatch(t); m != nil {
			t, byline = m[1], "— "+m[2]
		}
		fmt.Fprintf(&b, "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">%s</p>%s</blockquote>\n",
			html.EscapeString(t), html.EscapeString(byline))
	}
	return b.String()
}
