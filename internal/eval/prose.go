//go:build !js

package eval

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"factcheck/internal/match"
)

// Prose is the claims bundle on real articles: the text that Readability
// extracts from saved pages of news sites, blogs and documentation (none
// about a CLEF claim), judged whole, as a publisher who compiled the
// 10,375 claims into their bundle would have it judged. Every disputed
// badge there is false.
type Prose struct {
	Pages  int      `json:"pages"`
	Badged int      `json:"badged"` // pages with a disputed badge
	Badges int      `json:"badges"`
	First  []string `json:"first,omitempty"` // the first few badged passages, "page: passage"
}

// blockEnd ends a paragraph of an article's HTML; anyTag is any tag.
var (
	blockEnd = regexp.MustCompile(`(?i)</(p|h[1-6]|li|dd|dt|div|blockquote|pre|td|th|tr|caption|figcaption)>|<br\s*/?>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// articleText returns the text of an article's HTML (Readability's
// output: no scripts, no styles), a blank line after each block.
func articleText(markup string) string {
	return html.UnescapeString(anyTag.ReplaceAllString(blockEnd.ReplaceAllString(markup, "\n\n"), ""))
}

// OnProse judges the article of every page folder of dir (each holding
// Readability's expected.html) with the complete claims bundle.
func (e *Evaluator) OnProse(dir string) (Prose, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "expected.html"))
	if err != nil {
		return Prose{}, err
	}
	sort.Strings(files)
	texts := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return Prose{}, err
		}
		texts[i] = articleText(string(b))
	}
	found := make([][]string, len(files))
	parallel(len(files), func(i int) {
		for _, f := range e.Matcher.Check(texts[i]) {
			if f.Verdict == match.Disputed {
				found[i] = append(found[i], strings.Join(strings.Fields(texts[i][f.Start:f.End]), " "))
			}
		}
	})
	p := Prose{Pages: len(files)}
	for i, passages := range found {
		if len(passages) > 0 {
			p.Badged++
		}
		p.Badges += len(passages)
		for _, s := range passages {
			if len(p.First) < 5 {
				p.First = append(p.First, filepath.Base(filepath.Dir(files[i]))+": "+s)
			}
		}
	}
	return p, nil
}
