//go:build !js

package eval

import (
	"testing"

	"factcheck/internal/match"
)

func TestArticleText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>One &amp; two</p><p>Three<br>four</p>", "One & two\n\nThree\n\nfour\n\n"},
		{`<h2 id="x">Title</h2><ul><li>a <a href="/">link</a></li></ul>`, "Title\n\na link\n\n"},
		{"<p>&lt;item_name&gt; is code</p>", "<item_name> is code\n\n"},
	}
	for _, c := range cases {
		if got := articleText(c.in); got != c.want {
			t.Errorf("articleText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestShortParagraphs: headings, list items and titles of real pages
// whose few words are all a claim's are no claim (the claim model is not
// asked: see minModelWords; a quote must say something of the names: see
// saysOf; the model scores a line of two rare words in common low, now
// that a byline counts only where it is the claim's), with every CLEF
// claim in the bundle.
func TestShortParagraphs(t *testing.T) {
	if clefDir == "" {
		t.Skip("no shared/data/clef2020-t2 in a folder above")
	}
	d, err := LoadCLEF(clefDir)
	if err != nil {
		t.Fatal(err)
	}
	m := match.New(d.Bundle(nil))
	for _, text := range []string{
		"Films\n\nChristmas Every Day\n\nThe Infinite Man\n\nEdge of Tomorrow\n\nBefore I Fall",
		"Our picks\n\nSony’s PlayStation VR.\n\n“Job Simulator” ($30)",
		"Ben Silverman is on Twitter at",
		// A quote of names alone states nothing of them.
		"Native Americans in the United States.\n\nSee “The Vietnam War” for more.",
		// Two rare words in common ("offering price rollbacks").
		"A provider MAY offer version rollback functionality to its users,",
	} {
		for _, f := range m.Check(text) {
			t.Errorf("%v on %q (%s)", f.Verdict, text[f.Start:f.End], f.Claim.Text)
		}
	}
}
