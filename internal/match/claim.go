package match

import (
	"math/bits"
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
	negationReach     = 3 // words before a claim's first that can negate it ("never told")
)

// judgeClaimQuote records a quote that repeats a claim's wording, or a
// run of at least minQuoteFragment of its words, in an article about the
// claim's subject.
func (s *Scan) judgeClaimQuote(p *passage.Passage, i, j int) {
	if j-i < minQuoteFragment {
		return
	}
	ids := s.ids[i:j]
	for _, wi := range s.wordingCandidates(i, j) {
		wd := &s.m.wordings[wi]
		if !s.context(wd.claim, p.Para) {
			continue
		}
		al := s.al.align(ids, s.s.gaps(len(ids)), wd.ids, 0, len(wd.ids))
		if al.dist == 0 || len(ids) >= 5 && al.dist <= 1 && al.equal >= len(ids)-1 {
			s.addDisputed(p.Span, p.Span, wd, float64(al.equal)/float64(len(ids)+al.dist), false)
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
	cands := s.wordingCandidates(i, j)
	if len(cands) == 0 {
		return
	}
	s.sentence(i, j)
	denies := false
	for _, f := range s.flags[i:j] {
		denies = denies || f&flagDenial != 0
	}
	for _, wi := range cands {
		wd := &s.m.wordings[wi]
		lo, hi := s.predicateRange(i, j, wd)
		if wd.negated != s.negated(max(i, lo-negationReach), hi+1) || denies && !wd.denies {
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
		if matched >= minPredicateWords && cover >= minCoverage && !s.reported(p.Span, wd.claim) && s.context(wd.claim, p.Para) {
			// No return: a sentence may report two claims ("the call
			// did not go well and an invasion was certain").
			core := passage.Span{Start: int(s.spans[lo].start), End: int(s.spans[hi].end)}
			s.addDisputed(p.Span, core, wd, cover, true)
		}
	}
}

// reported reports whether the sentence sp was found to state claim c
// already, in another of its wordings.
func (s *Scan) reported(sp passage.Span, c *claimEntry) bool {
	for k := len(s.found) - 1; k >= 0 && s.found[k].sentence && s.found[k].Start == sp.Start; k-- {
		if s.found[k].Claim == c.c {
			return true
		}
	}
	return false
}

// addDisputed records that the passage sp, a quote or a sentence, states
// wd's claim. For a sentence, core is the part of it that does (see
// predicateSpan); for a quote, sp itself.
func (s *Scan) addDisputed(sp, core passage.Span, wd *wordingEntry, score float64, sentence bool) {
	c := wd.claim.c
	f := Finding{Start: sp.Start, End: sp.End, Verdict: Disputed, Score: score, Claim: c}
	if len(c.DisputedBy) > 0 {
		f.Statement = c.DisputedBy[0]
		f.Official = f.Statement.Text
	}
	s.found = append(s.found, candidate{Finding: f, sentence: sentence, core: core})
}

// predicateRange returns the first and last of words [i, j) that are
// among wd's predicate words (i and j-1 if none is): the part of a
// sentence that reports the claim. It is what is badged when a quote
// elsewhere in the sentence has a badge of its own, and where a negation
// counts ("the call did not go well, and an invasion was certain" negates
// the first claim, not the second).
func (s *Scan) predicateRange(i, j int, wd *wordingEntry) (lo, hi int) {
	lo, hi = -1, -1
	for k := i; k < j; k++ {
		if containsStem(wd.predicate, s.stems[k]) {
			if lo < 0 {
				lo = k
			}
			hi = k
		}
	}
	if lo < 0 {
		return i, j - 1
	}
	return lo, hi
}

// negated reports whether words [i, j) hold a negation.
func (s *Scan) negated(i, j int) bool {
	for _, f := range s.flags[i:j] {
		if f&flagNegation != 0 {
			return true
		}
	}
	return false
}

// sentence marks the stems of words [i, j) as the current sentence's, and
// keeps those of five bytes or more for sentenceHas's near spellings.
func (s *Scan) sentence(i, j int) {
	sc := &s.s
	sc.sentStamp, sc.sentNow = stamp(sc.sentStamp, sc.sentNow, len(s.m.stemText)+len(s.localText))
	sc.fuzzy, sc.fuzzyMask = sc.fuzzy[:0], sc.fuzzyMask[:0]
	for _, st := range s.stems[i:j] {
		if sc.sentStamp[st] == sc.sentNow {
			continue
		}
		sc.sentStamp[st] = sc.sentNow
		if text := s.stemText(st); len(text) >= 5 {
			sc.fuzzy = append(sc.fuzzy, text)
			sc.fuzzyMask = append(sc.fuzzyMask, s.stemMask(st))
		}
	}
}

// sentenceHas reports whether the current sentence holds a word with stem
// st: the same stem, one a prefix of the other ("Zelensky", "Zelenskyy"),
// or a spelling a Levenshtein distance of one in six away.
func (s *Scan) sentenceHas(st int32) bool {
	if s.s.sentStamp[st] == s.s.sentNow {
		return true
	}
	w := s.m.stemText[st]
	if len(w) < 5 {
		return false
	}
	mask := s.m.stemMask[st]
	for k, x := range s.s.fuzzy {
		if absDiff(len(x), len(w)) > 2 {
			continue
		}
		if strings.HasPrefix(x, w) || strings.HasPrefix(w, x) {
			return true
		}
		edits := max(len(x), len(w)) / 6
		// An edit adds or removes at most two letters of those used.
		if len(w) >= 6 && bits.OnesCount64(mask^s.s.fuzzyMask[k]) <= 2*edits && levenshtein.ComputeDistance(x, w) <= edits {
			return true
		}
	}
	return false
}

// letters returns the set of the letters of s, each rune as a bit (modulo
// 64).
func letters(s string) uint64 {
	var set uint64
	for _, r := range s {
		set |= 1 << (uint(r) % 64)
	}
	return set
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// wordingCandidates ranks the claim wordings that share uncommon stems with
// words [i, j) by BM25 and returns the best few, best first.
func (s *Scan) wordingCandidates(i, j int) []int32 {
	m, sc := s.m, &s.s
	if len(m.wordings) == 0 {
		return nil
	}
	sc.stemStamp, sc.stemNow = stamp(sc.stemStamp, sc.stemNow, len(m.stemText))
	sc.scoreStamp, sc.scoreNow = stamp(sc.scoreStamp, sc.scoreNow, len(m.wordings))
	if len(sc.score) < len(m.wordings) {
		sc.score = make([]float64, len(m.wordings))
	}
	sc.scored = sc.scored[:0]
	for k := i; k < j; k++ {
		st := s.stems[k]
		if s.flags[k]&flagFunction != 0 || !s.known(st) || sc.stemStamp[st] == sc.stemNow {
			continue
		}
		posts := m.wordingPostings(st)
		if len(posts) == 0 || len(posts) > maxPostings {
			continue
		}
		sc.stemStamp[st] = sc.stemNow
		idf := m.stemWeight[st] // met through another form of the word
		if id := s.ids[k]; id >= 0 {
			idf = m.weight[id]
		}
		for _, wi := range posts {
			if sc.scoreStamp[wi] != sc.scoreNow {
				sc.scoreStamp[wi], sc.score[wi] = sc.scoreNow, 0
				sc.scored = append(sc.scored, wi)
			}
			sc.score[wi] += idf * m.wordings[wi].bm25
		}
	}
	top := sc.top[:0]
	for _, wi := range sc.scored {
		v := sc.score[wi]
		n := len(top)
		if n == wordingTries && !better(v, int(wi), sc.score[top[n-1]], int(top[n-1])) {
			continue
		}
		if n < wordingTries {
			top = append(top, wi)
		} else {
			n--
		}
		for ; n > 0 && better(v, int(wi), sc.score[top[n-1]], int(top[n-1])); n-- {
			top[n] = top[n-1]
		}
		top[n] = wi
	}
	sc.top = top
	return top
}
