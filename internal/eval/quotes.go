//go:build !js

package eval

import (
	"strconv"
	"strings"
	"unicode"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// QuoteCase is one generated article: a statement's words, altered or
// not, quoted and attributed, and the verdict the quote must get.
type QuoteCase struct {
	Kind  string // "exact", "one edit", "negative"...
	Text  string // the article
	Quote string // the passage judged, as it is in Text
	Want  string // the verdict; "none" for no badge; "not verified" for anything else
}

// Battery kinds, in the order the eval reports them.
var QuoteKinds = []string{"exact sentence", "fragment", "other marks", "ellipsis",
	"one edit", "two edits", "number changed", "unrelated story", "another speaker"}

// plausible are the words a generated misquote swaps in: news words that
// fit most sentences.
var plausible = []string{"clearly", "officials", "government", "warned", "country", "nearly", "major", "quickly"}

// QuoteBattery generates the battery from the first statements of b (at
// most perStatement sentences of six words or more of each).
func QuoteBattery(b *bundle.Bundle, statements, perStatement int) []QuoteCase {
	// An edit that gives another statement's sentence word for word is
	// no misquote: the official said that too.
	said := map[string]bool{}
	for _, st := range b.Statements {
		for _, p := range passage.Find(st.Text) {
			said[textnorm.Key(bare(st.Text, p))] = true
		}
	}
	var out []QuoteCase
	for si, st := range b.Statements[:min(statements, len(b.Statements))] {
		speaker := st.Speaker.Name
		used := 0
		for _, p := range passage.Find(st.Text) {
			if p.Kind != passage.Sentence || used == perStatement {
				continue
			}
			sentence := bare(st.Text, p)
			words := strings.Fields(sentence)
			if len(words) < 6 || strings.ContainsAny(sentence, "\"“”«»'‘’") {
				continue // too short to misquote, or holding quotes of its own
			}
			used++
			quote := func(kind, q, want string) {
				if want == "misquoted" && said[textnorm.Key(q)] {
					return
				}
				out = append(out, QuoteCase{kind, "Officials spoke on Thursday.\n“" + q + ",” " + speaker + " said.\nThe talks go on.", q, want})
			}
			quote("exact sentence", sentence, "verified")
			if len(words) > 8 {
				quote("fragment", strings.Join(words[2:8], " "), "verified")
				quote("ellipsis", strings.Join(words[:3], " ")+" … "+strings.Join(words[len(words)-3:], " "), "verified")
			}
			out = append(out, QuoteCase{"other marks", "Officials spoke on Thursday.\n" + speaker + " said: «" + sentence + "»\nThe talks go on.", sentence, "verified"},
				QuoteCase{"other marks", "Officials spoke on Thursday.\n\"" + sentence + "\" " + speaker + " said.", sentence, "verified"})
			for k := range words {
				swap := plausible[(si+k)%len(plausible)]
				if textnorm.Key(swap) == textnorm.Key(words[k]) {
					swap = plausible[(si+k+1)%len(plausible)]
				}
				quote("one edit", edit(words, k, k+1, swap), "misquoted")
				// Dropped at an end, or beside its double ("the the"),
				// the rest is the statement's own words; a dash dropped
				// drops no word.
				if k > 0 && k < len(words)-1 && !strings.EqualFold(words[k], words[k-1]) && !strings.EqualFold(words[k], words[k+1]) &&
					strings.IndexFunc(words[k], unicode.IsLetter) >= 0 {
					quote("one edit", edit(words, k, k+1, ""), "misquoted")
				}
				quote("one edit", edit(words, k, k, swap), "misquoted")
			}
			if len(words) >= 10 {
				for k := 0; k+5 < len(words); k += 2 {
					quote("two edits", edit(strings.Fields(edit(words, k+5, k+6, "")), k, k+1, plausible[k%len(plausible)]), "misquoted")
				}
			}
			for k, w := range words {
				if n, err := strconv.Atoi(strings.Trim(w, ",.;:")); err == nil {
					quote("number changed", edit(words, k, k+1, strconv.Itoa(n+3)), "misquoted")
				}
			}
			// The statement's words, six at a time and unquoted, in a
			// story about something else: no badge.
			for k := 0; k+6 <= len(words); k += 6 {
				phrase := strings.Join(words[k:k+6], " ")
				out = append(out, QuoteCase{"unrelated story", "The match ended late on Saturday.\nFans said " + phrase + " after the final whistle.\nThe club plays again next week.", phrase, "none"})
			}
			out = append(out, QuoteCase{"another speaker", "The coach spoke after the match.\n“" + sentence + ",” Mikel Arteta said.", sentence, "not verified"})
		}
	}
	return out
}

// bare returns passage p of text without its closing punctuation.
func bare(text string, p passage.Passage) string {
	return strings.TrimRight(text[p.Start:p.End], ".!? ")
}

// edit returns words with words[i:j] replaced by with (nothing when with
// is empty), joined by spaces.
func edit(words []string, i, j int, with string) string {
	out := append([]string(nil), words[:i]...)
	if with != "" {
		out = append(out, with)
	}
	return strings.Join(append(out, words[j:]...), " ")
}

// KindScore is how many cases of a kind get the verdict they must.
type KindScore struct {
	Kind   string   `json:"kind"`
	Cases  int      `json:"cases"`
	Passed int      `json:"passed"`
	Failed []string `json:"failed,omitempty"` // the first few
}

// RunQuotes judges every case with m.
func RunQuotes(m *match.Matcher, cases []QuoteCase) []KindScore {
	scores := make([]KindScore, len(QuoteKinds))
	at := map[string]int{}
	for i, k := range QuoteKinds {
		scores[i].Kind, at[k] = k, i
	}
	pass := make([]bool, len(cases))
	parallel(len(cases), func(i int) { pass[i] = cases[i].judge(m) })
	for i, c := range cases {
		ks := &scores[at[c.Kind]]
		ks.Cases++
		if pass[i] {
			ks.Passed++
		} else if len(ks.Failed) < 5 {
			ks.Failed = append(ks.Failed, c.Quote)
		}
	}
	return scores
}

// judge reports whether the case's quote gets the verdict it must.
func (c *QuoteCase) judge(m *match.Matcher) bool {
	at := strings.Index(c.Text, c.Quote)
	end := at + len(c.Quote)
	got := "none"
	for _, f := range m.Check(c.Text) {
		if f.Start < end && at < f.End {
			got = f.Verdict.String()
		}
	}
	switch c.Want {
	case "not verified":
		return got != "verified"
	case "none":
		return got == "none"
	}
	return got == c.Want
}
