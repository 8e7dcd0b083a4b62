package match

import (
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"

	"factcheck/internal/passage"
)

// Thresholds for claims. A sentence reports a claim when it holds this
// share of the claim's predicate weight, and at least this many of its
// predicate words.
const (
	minCoverage       = 0.65
	minPredicateWords = 2
	minQuoteFragment  = 3 // a quoted fragment of a claim needs this many words
)

// denial holds words that mark a sentence as reporting a dispute rather than
// the claim itself ("the White House said reports that ... were false").
var denial = wordSet(`false falsehood falsehoods untrue denied denies deny denying disputed disputes
dispute disputing refuted refutes refute rejected rejects dismissed dismisses incorrect inaccurate
baseless fabricated debunked`)

// judgeClaimQuote records a quote that repeats a claim's wording, or a
// run of at least minQuoteFragment of its words, in an article about the
// claim's subject.
func (s *Scan) judgeClaimQuote(p *passage.Passage, i, j int) {
	if j-i < minQuoteFragment {
		return
	}
	ids := s.ids[i:j]
	noGap := make([]bool, len(ids))
	for _, wi := range s.wordingCandidates(i, j) {
		wd := &s.m.wordings[wi]
		if !s.context(wd.claim, p.Para) {
			continue
		}
		al := s.al.align(ids, noGap, wd.ids, 0, len(wd.ids))
		if al.dist == 0 || len(ids) >= 5 && al.dist <= 1 && al.equal >= len(ids)-1 {
			s.addDisputed(p.Span, wd, float64(al.equal)/float64(len(ids)+al.dist), false)
			return
		}
	}
}

// judgeSentence records a sentence that reports a claim in its own words.
func (s *Scan) judgeSentence(p *passage.Passage) {
	i, j := s.span(p.Start, p.End)
	if j-i < 4 || j-i > maxSentenceWords {
		return
	}
	clear(s.stems)
	negated, denies := false, false
	for _, w := range s.words[i:j] {
		s.stems[stem(w.Norm)] = true
		negated = negated || isNegation(w.Norm)
		denies = denies || denial[w.Norm]
	}
	for _, wi := range s.wordingCandidates(i, j) {
		wd := &s.m.wordings[wi]
		if wd.negated != negated || denies && !s.wordingSays(wd, denial) {
			continue
		}
		matched, weight := 0, 0.0
		for _, pw := range wd.predicate {
			if s.sentenceHas(pw.stem) {
				matched++
				weight += pw.weight
			}
		}
		cover := weight / wd.total
		if matched >= minPredicateWords && cover >= minCoverage && s.context(wd.claim, p.Para) {
			s.addDisputed(p.Span, wd, cover, true)
			return
		}
	}
}

func (s *Scan) addDisputed(sp passage.Span, wd *wordingEntry, score float64, sentence bool) {
	c := wd.claim.c
	f := Finding{Start: sp.Start, End: sp.End, Verdict: Disputed, Score: score, Claim: c}
	if len(c.DisputedBy) > 0 {
		f.Statement = c.DisputedBy[0]
		f.Official = f.Statement.Text
	}
	s.found = append(s.found, candidate{Finding: f, sentence: sentence})
}

// wordingSays reports whether the wording itself uses one of the words.
func (s *Scan) wordingSays(wd *wordingEntry, set map[string]bool) bool {
	for _, w := range wd.words {
		if set[w.Norm] {
			return true
		}
	}
	return false
}

// sentenceHas reports whether the current sentence (s.stems) holds a word
// with this stem: the same stem, one a prefix of the other ("Zelensky",
// "Zelenskyy"), or a spelling a Levenshtein distance of one in six away.
func (s *Scan) sentenceHas(st string) bool {
	if s.stems[st] {
		return true
	}
	if len(st) < 5 {
		return false
	}
	for w := range s.stems {
		if len(w) < 5 || absDiff(len(w), len(st)) > 2 {
			continue
		}
		if strings.HasPrefix(w, st) || strings.HasPrefix(st, w) ||
			len(st) >= 6 && levenshtein.ComputeDistance(w, st)*6 <= max(len(w), len(st)) {
			return true
		}
	}
	return false
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// wordingCandidates ranks the claim wordings that share uncommon stems with
// words [i, j) by BM25 and returns the best few.
func (s *Scan) wordingCandidates(i, j int) []int32 {
	m := s.m
	if len(m.wordings) == 0 {
		return nil
	}
	clear(s.scores)
	const k1, b = 1.2, 0.75
	seen := map[string]bool{}
	for k := i; k < j; k++ {
		w := s.words[k]
		if function[w.Norm] {
			continue
		}
		st := stem(w.Norm)
		posts := m.wordingPostings[st]
		if seen[st] || len(posts) == 0 || len(posts) > maxPostings {
			continue
		}
		seen[st] = true
		var idf float64
		if id := s.ids[k]; id >= 0 {
			idf = m.weight[id]
		} else {
			idf = m.stemWeight(st, posts)
		}
		for _, wi := range posts {
			norm := 1 - b + b*float64(len(m.wordings[wi].predicate))/m.avgWordingLen
			s.scores[wi] += idf * (k1 + 1) / (1 + k1*norm)
		}
	}
	out := make([]int32, 0, len(s.scores))
	for wi := range s.scores {
		out = append(out, wi)
	}
	sort.Slice(out, func(a, b int) bool {
		if s.scores[out[a]] != s.scores[out[b]] {
			return s.scores[out[a]] > s.scores[out[b]]
		}
		return out[a] < out[b]
	})
	return out[:min(len(out), wordingTries)]
}

// stemWeight is the weight of a stem met through another form of the word
// (the text says "invaded", the claim "invades"): the weight the claim's
// own word has.
func (m *Matcher) stemWeight(st string, posts []int32) float64 {
	for _, pw := range m.wordings[posts[0]].predicate {
		if pw.stem == st {
			return pw.weight
		}
	}
	return 0
}
