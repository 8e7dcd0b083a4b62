package match

import (
	"math"
	"math/bits"
	"strings"

	"github.com/agnivade/levenshtein"

	"factcheck/internal/bundle"
	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// Limits of claim matching.
const (
	claimTries        = 40  // claims retrieved per passage (and ranked, for the eval)
	judgedTries       = 5   // of those, claims scored when a page is judged
	maxParagraphWords = 120 // a longer paragraph is judged sentence by sentence only
	minClaimWords     = 3   // a passage needs this many words
	negationReach     = 3   // words before a claim's first that can negate it ("never told")
	// minModelWords is the fewest words, not counting function words, of
	// a paragraph the claim model judges. It was fitted on tweets, nine in
	// ten of which have ten or more; a heading, a list item or a caption
	// of a few words is outside what it learned, and one whose words are
	// all a claim's ("Christmas Every Day": "Actor Humphrey Bogart was born
	// on Christmas Day") scores as high as a tweet that repeats the claim.
	minModelWords = 6
	// minSharedTerms is the fewest distinct terms a paragraph the claim
	// model judges must share with the claim: one is a badge resting on one
	// word. (It was 3 while the model counted a byline whole: then two rare
	// words in common, "offer version rollback functionality" and
	// "offering price rollbacks", scored as high as a tweet that retells
	// the claim.)
	minSharedTerms = 2
)

// A short paragraph states a claim when one score, a logistic model of the
// features below fitted on public data (see model.go), reaches the model's
// threshold (sentences and quotes have rules of their own, judgeSentence
// and judgeClaimQuote). Every feature is in [0, 1] or close to it.
const (
	featCover         = iota // weighted share of the claim wording's terms the passage holds
	featHeadline             // the same for the fact-check's headline
	featPassage              // weighted share of the passage's terms that are the claim's
	featNamesMissed          // share of the claim's names the passage (or its context) lacks
	featNumbersMissed        // share of the claim's numbers the passage lacks
	featNegation             // the passage negates what the wording asserts, or the reverse
	featDenial               // the passage reports a denial the wording does not hold
	featMargin               // how far the claim's retrieval score stands above the next one's
	featLength               // the passage's length: log(1+words)/log(128)
	featWeight               // the weight of the terms that match, over 30 (at most 1)
	featBest                 // the better of cover and headline
	featPredicate            // cover, counting only the terms that are not names: what is said of them
	featCosine               // cosine of the passage's and the claim's terms, each weighted by its weight
	featRarest               // the rarity among the claims of the rarest term the passage and the claim share
	NumFeatures
)

// FeatureNames names the features, in order, for the eval and the fit.
var FeatureNames = [NumFeatures]string{"cover", "headline", "passage", "names missed",
	"numbers missed", "negation", "denial", "margin", "length", "weight", "best", "predicate",
	"cosine", "rarest"}

// Features describes how a passage relates to one claim.
type Features [NumFeatures]float64

// Model is a logistic model over the features: a passage states a claim
// when Score(f) >= Threshold.
type Model struct {
	Bias      float64
	Weights   Features
	Threshold float64
}

// ClaimModel returns the model the engine decides claims with.
func ClaimModel() Model { return claimModel }

// Score returns the model's probability that the features describe a
// passage that states the claim.
func (md *Model) Score(f *Features) float64 {
	z := md.Bias
	for k, v := range f {
		z += md.Weights[k] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// ClaimCandidate is one claim a passage may state.
type ClaimCandidate struct {
	Claim     *bundle.Claim
	Retrieval float64 // BM25 score of its best wording
	Features  Features
	Score     float64 // the model's score
}

// ClaimCandidates scores text, taken as one passage (a tweet, a short
// paragraph), against the claims that share words with it, and returns
// the best few, best first by score. Claims for which skip returns true
// are left out before the margins are worked out, as if the bundle did not
// hold them (the eval's "claim removed" condition). It is the engine's own
// scoring, exposed for the eval and the fit.
func (m *Matcher) ClaimCandidates(text string, skip func(*bundle.Claim) bool) []ClaimCandidate {
	s := m.NewScan(text)
	s.skip = skip
	for s.split != nil {
		s.read()
	}
	n := len(s.ids)
	if n == 0 {
		return nil
	}
	para := passage.Span{Start: 0, End: len(text)}
	var out []ClaimCandidate
	for _, c := range s.claimCandidates(0, n, para, claimTries) {
		out = append(out, ClaimCandidate{Claim: m.claims[c.claim].c, Retrieval: c.retrieval, Features: c.f, Score: c.score})
	}
	return out
}

// scored is a claim scored for the current passage.
type scored struct {
	claim     int32
	wording   int32 // its best-covered wording (not the headline)
	retrieval float64
	f         Features
	score     float64
	lo, hi    int // the first and last of the passage's words that match the wording
	shared    int // the distinct terms the passage and the claim share
}

// claimCandidates scores words [i, j) of the text, in paragraph para,
// against the claims the retrieval finds, best score first.
func (s *Scan) claimCandidates(i, j int, para passage.Span, limit int) []scored {
	top := s.retrieve(i, j, limit+1) // and the next, for the margin
	if len(top) == 0 {
		return nil
	}
	s.sentence(i, j)
	s.paragraph(para)
	s.s.byline = s.bylineStart(i, j)
	out := s.s.claims[:0]
	denies := false
	for k := i; k < s.s.byline; k++ { // a byline states nothing
		denies = denies || s.flags[k]&flagDenial != 0
	}
	content := s.contentWords(i, j)
	for r, c := range top[:min(limit, len(top))] {
		sc := scored{claim: c.claim, retrieval: c.score}
		next := 0.0
		if r+1 < len(top) {
			next = top[r+1].score
		}
		sc.f[featMargin] = (c.score - next) / c.score
		sc.f[featLength] = math.Log1p(float64(content)) / math.Log(128)
		s.features(i, j, &sc, denies)
		sc.score = s.model.Score(&sc.f)
		out = append(out, sc)
	}
	// Best score first; an insertion sort, there are limit at most.
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].score > out[b-1].score; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	s.s.claims = out
	return out
}

// features fills in the features of sc that depend on the claim, for words
// [i, j) (stamped by sentence and paragraph).
func (s *Scan) features(i, j int, sc *scored, denies bool) {
	m := s.m
	ce := &m.claims[sc.claim]
	run := 0
	best := -1.0
	texts, headline := m.texts(ce)
	for _, wi := range texts {
		wd := &m.wordings[wi]
		r := s.longestRun(i, j, wd.ids)
		if c := s.cover(wd, r); c > best {
			best, run, sc.wording = c, r, wi
		}
	}
	if best < 0 { // only a headline: it stands for the claim
		sc.wording = ce.wordings[0]
		run = s.longestRun(i, j, m.wordings[sc.wording].ids)
		best = s.cover(&m.wordings[sc.wording], run)
	}
	wd := &m.wordings[sc.wording]
	sc.f[featCover] = best
	if headline >= 0 {
		h := &m.wordings[headline]
		sc.f[featHeadline] = s.cover(h, s.longestRun(i, j, h.ids))
	}
	names, namesMissed, numbers, numbersMissed := 0, 0, 0, 0
	weight, predicate, predicateTotal := 0.0, 0.0, 0.0
	for _, t := range wd.terms {
		has := s.has(t, run)
		if has {
			weight += t.weight
		}
		if !t.name {
			predicateTotal += t.weight
			if has {
				predicate += t.weight
			}
		}
		if t.name {
			names++
			if !has {
				namesMissed++
			}
		}
		if t.number {
			numbers++
			if !has {
				numbersMissed++
			}
		}
	}
	if names > 0 {
		sc.f[featNamesMissed] = float64(namesMissed) / float64(names)
	}
	if numbers > 0 {
		sc.f[featNumbersMissed] = float64(numbersMissed) / float64(numbers)
	}
	sc.f[featWeight] = min(1, weight/30)
	if predicateTotal > 0 {
		sc.f[featPredicate] = predicate / predicateTotal
	}
	sc.shared = s.overlap(i, j, ce, &sc.f)
	sc.f[featBest] = max(sc.f[featCover], sc.f[featHeadline])
	sc.lo, sc.hi = s.termRange(i, j, wd)
	if wd.negated != s.negatesTerm(i, s.s.byline, wd) {
		sc.f[featNegation] = 1
	}
	if denies && !wd.denies {
		sc.f[featDenial] = 1
	}
}

// texts returns claim ce's own wordings (claimReviewed and its variants)
// and its headline's wording, -1 when it has none: a headline, in title
// case and often a question, is a feature of its own, not a wording to
// align a quote with.
func (m *Matcher) texts(ce *claimEntry) (texts []int32, headline int32) {
	w := ce.wordings
	if n := len(w); n > 0 && m.wordings[w[n-1]].headline {
		return w[:n-1], w[n-1]
	}
	return w, -1
}

// cover returns the weighted share of wd's terms that the current passage
// holds; run is the passage's longest run of wd's words.
func (s *Scan) cover(wd *wordingEntry, run int) float64 {
	if wd.total == 0 {
		return 0
	}
	w := 0.0
	for _, t := range wd.terms {
		if s.has(t, run) {
			w += t.weight
		}
	}
	return w / wd.total
}

// has reports whether the current passage holds term t: its stem or a near
// spelling of it, or, for a name of the claim's subject, the name in the
// passage's paragraph, or in the article when the passage repeats a run
// of the wording's words (a quote of three words of a claim, in an article
// about its subject, needs no name of its own).
func (s *Scan) has(t term, run int) bool {
	if s.sentenceHas(t.stem) {
		return true
	}
	if !t.name {
		return false
	}
	return s.s.paraStamp[t.stem] == s.s.paraNow || run >= minClaimWords && s.article[t.stem]
}

// overlap sets the features that weigh the terms of words [i, j) against
// the terms of claim ce (its wordings and headline together, each stem
// once): how much of the passage is about the claim (featPassage), their
// cosine, and how rare among the claims is the rarest term they share. A
// tweet that repeats a claim in other words still tends to keep its
// rarest word (a name, "hologram"). It returns how many terms they share.
// The words of the passage's byline count only where they are the
// claim's (an author who is its subject, its date): the rest say nothing
// of what the passage claims, and the tweets the model was fitted on all
// have one, while a page's paragraphs mostly do not.
func (s *Scan) overlap(i, j int, ce *claimEntry, f *Features) (shared int) {
	m, sc := s.m, &s.s
	n := len(m.stemText) + len(s.localText)
	sc.termStamp, sc.termNow = stamp(sc.termStamp, sc.termNow, n)
	claimNorm := 0.0
	for _, wi := range ce.wordings {
		for _, t := range m.wordings[wi].terms {
			if sc.termStamp[t.stem] != sc.termNow {
				sc.termStamp[t.stem] = sc.termNow
				claimNorm += t.weight * t.weight
			}
		}
	}
	sc.seenStamp, sc.seenNow = stamp(sc.seenStamp, sc.seenNow, n)
	all, in, norm, dot, rarest := 0.0, 0.0, 0.0, 0.0, 0.0
	for k := i; k < j; k++ {
		st := s.stems[k]
		if s.flags[k]&flagFunction != 0 || sc.seenStamp[st] == sc.seenNow ||
			k >= sc.byline && sc.termStamp[st] != sc.termNow {
			continue
		}
		sc.seenStamp[st] = sc.seenNow
		w := s.weightOf(k)
		all += w
		norm += w * w
		if sc.termStamp[st] == sc.termNow {
			in += w
			shared++
			dot += w * w
			rarest = max(rarest, s.rarity(st))
		}
	}
	if all == 0 || claimNorm == 0 {
		return shared
	}
	f[featPassage] = in / all
	f[featCosine] = dot / math.Sqrt(norm*claimNorm)
	f[featRarest] = rarest
	return shared
}

// rarityScale is the number of claims of which a word used by one claim
// has rarity 1: sharing the one word of six claims that uses "certain" is
// weak evidence, sharing one of ten thousand's is strong.
const rarityScale = 10000

// rarity returns how rare stem st (a claim's) is among the claims: the
// log of the number of claims over the number whose wordings use it, over
// log(rarityScale), at most 1. A word's weight is counted in wordings, and
// a claim's headline repeats its words, so the weight does not tell a word
// of one claim from a word of two. Worked out once per scan and stem, from
// the stem's postings.
func (s *Scan) rarity(st int32) float64 {
	m, sc := s.m, &s.s
	if len(sc.rarity) < len(m.stemText) {
		sc.rarity = make([]float32, len(m.stemText))
	}
	if r := sc.rarity[st]; r > 0 {
		return float64(r - 1)
	}
	// A claim's wordings are one run of wordings, and postings are in
	// wording order: a claim's postings are one run too.
	n, last := 0, int32(-1)
	for _, wi := range m.wordingPostings(st) {
		if c := m.wordings[wi].claim; c != last {
			n, last = n+1, c
		}
	}
	r := 0.0
	if n > 0 {
		r = min(1, math.Log(float64(len(m.claims))/float64(n))/math.Log(rarityScale))
	}
	sc.rarity[st] = float32(r + 1)
	return r
}

// weightOf returns the weight of word k of the text: its own, else its
// stem's, else that of a word no statement or claim uses.
func (s *Scan) weightOf(k int) float64 {
	if id := s.ids[k]; id >= 0 {
		return s.m.weight[id]
	}
	if st := s.stems[k]; s.known(st) && s.m.stemWeight[st] > 0 {
		return s.m.stemWeight[st]
	}
	if s.flags[k]&flagCommon != 0 {
		return s.m.maxWeight / 2
	}
	return s.m.maxWeight
}

// longestRun returns the length of the longest run of words [i, j) of the
// text that are, in order, words of ids.
func (s *Scan) longestRun(i, j int, ids []int32) int {
	best := 0
	for a := i; a < j; a++ {
		if s.ids[a] < 0 {
			continue
		}
		for b := range ids {
			n := 0
			for a+n < j && b+n < len(ids) && s.ids[a+n] == ids[b+n] {
				n++
			}
			best = max(best, n)
		}
	}
	return best
}

// Thresholds of the sentence rule: a sentence reports a claim when it
// holds this share of the weight of the claim wording's predicate (its
// terms that are not names) and at least this many of its words.
const (
	minCoverage       = 0.65
	minPredicateWords = 2
)

// judgeClaimQuote records a quote that repeats a claim's wording, or a
// run of at least minClaimWords of its words, in an article about the
// claim's subject.
func (s *Scan) judgeClaimQuote(p *passage.Passage, i, j int) {
	if j-i < minClaimWords {
		return
	}
	ids := s.ids[i:j]
	top := s.retrieve(i, j, judgedTries)
	for _, c := range top {
		ce := &s.m.claims[c.claim]
		texts, _ := s.m.texts(ce)
		for _, wi := range texts {
			wd := &s.m.wordings[wi]
			al := s.al.align(ids, s.s.gaps(len(ids)), wd.ids, 0, len(wd.ids))
			// One word changed in five or more, when two of the words
			// kept are uncommon ("residing in the United States" is not
			// "…causes of death in the United States…").
			near := len(ids) >= 5 && al.dist <= 1 && al.equal >= len(ids)-1 && s.rareEqual(al, ids) >= 2
			// Only the claim's own words, unaltered, may lean on the
			// article's names rather than the paragraph's.
			run := 0
			if al.dist == 0 {
				run = al.equal
			}
			if (al.dist == 0 || near) && s.saysOf(i, j, wd) && s.context(ce, p.Para, run) {
				sc := scored{claim: c.claim, score: float64(al.equal) / float64(len(ids)+al.dist)}
				s.addDisputed(p.Span, p.Span, sc, false)
				return
			}
		}
	}
}

// saysOf reports whether words [i, j) hold one of wd's terms that is not
// a name: what the claim says of its subject. A quote of names alone ("The
// Vietnam War", a film's title) states nothing.
func (s *Scan) saysOf(i, j int, wd *wordingEntry) bool {
	for k := i; k < j; k++ {
		if s.flags[k]&flagFunction != 0 {
			continue
		}
		for _, t := range wd.terms {
			if t.stem == s.stems[k] && !t.name {
				return true
			}
		}
	}
	return false
}

// judgeSentence records a sentence that reports a claim in its own words:
// the sentence rule. A sentence may report two claims ("the call did not
// go well and an invasion was certain").
func (s *Scan) judgeSentence(p *passage.Passage) {
	i, j := s.span(p.Start, p.End)
	if j-i < 4 || j-i > maxSentenceWords {
		return
	}
	top := s.retrieve(i, j, judgedTries)
	if len(top) == 0 {
		return
	}
	s.sentence(i, j)
	denies := false
	for _, f := range s.flags[i:j] {
		denies = denies || f&flagDenial != 0
	}
	for _, c := range top {
		ce := &s.m.claims[c.claim]
		texts, _ := s.m.texts(ce)
		for _, wi := range texts {
			wd := &s.m.wordings[wi]
			lo, hi := s.termRange(i, j, wd)
			if wd.negated != s.negatesTerm(i, j, wd) || denies && !wd.denies {
				continue
			}
			matched, weight, total := 0, 0.0, 0.0
			for _, t := range wd.terms {
				if t.name {
					continue
				}
				total += t.weight
				if s.sentenceHas(t.stem) {
					matched++
					weight += t.weight
				}
			}
			if matched < minPredicateWords || weight < minCoverage*total || s.reported(p.Span, c.claim) ||
				!s.context(ce, p.Para, s.longestRun(i, j, wd.ids)) {
				continue
			}
			core := passage.Span{Start: int(s.spans[lo].start), End: int(s.spans[hi].end)}
			s.addDisputed(p.Span, core, scored{claim: c.claim, score: weight / total}, true)
			break
		}
	}
}

// judgeParagraph records a short paragraph (a tweet, a post) that states
// a claim in other words than the sentence rule finds: the claim model's
// score decides (whether the paragraph names the claim's subject is one
// of its features), unless the paragraph negates the claim or reports its
// denial, which the tweets it was fitted on do not teach it.
func (s *Scan) judgeParagraph(para passage.Span) {
	i, j := s.span(para.Start, para.End)
	if j-i > maxParagraphWords || s.contentWords(i, j) < minModelWords {
		return
	}
	for _, c := range s.claimCandidates(i, j, para, judgedTries) {
		if c.score < s.model.Threshold {
			break
		}
		if c.shared < minSharedTerms || c.f[featNegation] != 0 || c.f[featDenial] != 0 || s.reported(para, c.claim) {
			continue
		}
		core := passage.Span{Start: int(s.spans[c.lo].start), End: int(s.spans[c.hi].end)}
		s.addDisputed(para, core, c, true)
	}
}

// contentWords counts the words of [i, j) that are not function words.
func (s *Scan) contentWords(i, j int) int {
	n := 0
	for _, f := range s.flags[i:j] {
		if f&flagFunction == 0 {
			n++
		}
	}
	return n
}

// context reports whether the passage's paragraph names the claim's
// subject and the article names enough of it: the same words about
// something else are not the claim. A passage that repeats three words of
// the claim or more in a row (a quote of it, reported speech) needs no
// name in its own paragraph: the article's are enough.
func (s *Scan) context(c *claimEntry, para passage.Span, run int) bool {
	if len(c.subject) == 0 {
		return true
	}
	inArticle := 0
	for _, st := range c.subject {
		if s.article[st] {
			inArticle++
		}
	}
	if inArticle < min(2, len(c.subject)) {
		return false
	}
	if run >= minClaimWords {
		return true
	}
	i, j := s.span(para.Start, para.End)
	for k := i; k < j; k++ {
		if s.flags[k]&flagName != 0 && containsID(c.subject, s.stems[k]) {
			return true
		}
	}
	return false
}

// reported reports whether claim ci was found already in a passage that
// overlaps sp.
func (s *Scan) reported(sp passage.Span, ci int32) bool {
	c := s.m.claims[ci].c
	for k := len(s.found) - 1; k >= 0 && s.found[k].End > sp.Start-maxParagraphBytes; k-- {
		if f := &s.found[k]; f.Claim == c && f.Start < sp.End && sp.Start < f.End {
			return true
		}
	}
	return false
}

// maxParagraphBytes bounds how far back reported looks.
const maxParagraphBytes = 1 << 14

// addDisputed records that the passage sp, a quote or a sentence, states
// claim c. For a sentence, core is the part of it that does (see
// termRange); for a quote, sp itself.
func (s *Scan) addDisputed(sp, core passage.Span, c scored, sentence bool) {
	cl := s.m.claims[c.claim].c
	f := Finding{Start: sp.Start, End: sp.End, Verdict: Disputed, Score: c.score, Claim: cl}
	if len(cl.DisputedBy) > 0 {
		f.Statement = cl.DisputedBy[0]
		f.Official = f.Statement.Text
	}
	s.found = append(s.found, candidate{Finding: f, sentence: sentence, core: core})
}

// termRange returns the first and last of words [i, j) that are terms of
// wd (i and j-1 if none is): the part of a passage that states the claim.
// It is what is badged when a quote elsewhere in the sentence has a badge
// of its own, and where a negation counts ("the call did not go well, and
// an invasion was certain" negates the first claim, not the second).
func (s *Scan) termRange(i, j int, wd *wordingEntry) (lo, hi int) {
	lo, hi = -1, -1
	for k := i; k < j; k++ {
		if s.flags[k]&flagFunction == 0 && containsTerm(wd.terms, s.stems[k]) {
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

// negatesTerm reports whether a negation among words [i, j) stands before
// one of wd's terms, at most negationReach words before it ("did not go
// well", "never told"), or right after a copula whose subject is one
// (negatesSubject). A paragraph may say "no" of something else than what
// the claim says.
func (s *Scan) negatesTerm(i, j int, wd *wordingEntry) bool {
	for k := i; k < j; k++ {
		if s.flags[k]&flagNegation == 0 {
			continue
		}
		if s.negatesSubject(i, k, wd) {
			return true
		}
		for n := k + 1; n < j && n <= k+negationReach; n++ {
			if s.endsSentence(n - 1) {
				break
			}
			if s.flags[n]&flagFunction == 0 && containsTerm(wd.terms, s.stems[n]) {
				return true
			}
		}
	}
	return false
}

// negatesSubject reports whether negation k, among words from i on,
// follows a copula whose subject is one of wd's terms ("Danny Trejo is
// not dead", "El Paso was never one of…", "the tunnel isn't", "the
// tunnel's not"): it denies what the claim says of its subject, in words
// the claim need not share.
func (s *Scan) negatesSubject(i, k int, wd *wordingEntry) bool {
	word := func(n int) string { return textnorm.Key(s.text[s.spans[n].start:s.spans[n].end]) }
	subject := k - 1
	switch w := word(k); {
	case w == "isn't" || w == "wasn't" || w == "aren't" || w == "weren't":
	case k-1 < i:
		return false
	case strings.HasSuffix(word(k-1), "'s"): // "Trejo's not"
	default:
		switch word(k - 1) {
		case "is", "was", "are", "were":
			subject = k - 2
		default:
			return false
		}
	}
	return subject >= i && !s.endsSentence(subject) && containsTerm(wd.terms, s.stems[subject])
}

// sentence marks the stems of words [i, j) as the current passage's, and
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

// paragraph marks the stems of the names in para as the current
// paragraph's.
func (s *Scan) paragraph(para passage.Span) {
	sc := &s.s
	if sc.paraAt == para && sc.paraNow != 0 {
		return
	}
	sc.paraAt = para
	sc.paraStamp, sc.paraNow = stamp(sc.paraStamp, sc.paraNow, len(s.m.stemText)+len(s.localText))
	i, j := s.span(para.Start, para.End)
	for k := i; k < j; k++ {
		if s.flags[k]&flagName != 0 {
			sc.paraStamp[s.stems[k]] = sc.paraNow
		}
	}
}

// sentenceHas reports whether the current passage holds a word with stem
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

// retrieved is a claim the retrieval found, with its BM25 score.
type retrieved struct {
	claim int32
	score float64
}

// retrieve ranks the claims whose wordings share terms with words [i, j)
// by BM25 and returns the best keep of them, best first, leaving out
// those the scan skips.
func (s *Scan) retrieve(i, j, keep int) []retrieved {
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
	// A claim scores as the sum of its wordings' scores (claim and
	// headline together, as one document would).
	sc.claimStamp, sc.claimNow = stamp(sc.claimStamp, sc.claimNow, len(m.claims))
	if len(sc.claimScore) < len(m.claims) {
		sc.claimScore = make([]float64, len(m.claims))
	}
	sc.claimsHit = sc.claimsHit[:0]
	for _, wi := range sc.scored {
		ci := m.wordings[wi].claim
		if s.skip != nil && s.skip(m.claims[ci].c) {
			continue
		}
		if sc.claimStamp[ci] != sc.claimNow {
			sc.claimStamp[ci], sc.claimScore[ci] = sc.claimNow, 0
			sc.claimsHit = append(sc.claimsHit, ci)
		}
		sc.claimScore[ci] += sc.score[wi]
	}
	top := sc.top[:0]
	for _, ci := range sc.claimsHit {
		c := retrieved{ci, sc.claimScore[ci]}
		n := len(top)
		if n == keep && !better(c.score, int(c.claim), top[n-1].score, int(top[n-1].claim)) {
			continue
		}
		if n < keep {
			top = append(top, c)
		} else {
			n--
		}
		for ; n > 0 && better(c.score, int(c.claim), top[n-1].score, int(top[n-1].claim)); n-- {
			top[n] = top[n-1]
		}
		top[n] = c
	}
	sc.top = top
	return top
}

// endsSentence reports whether a sentence ends between word k and the
// next.
func (s *Scan) endsSentence(k int) bool {
	if k+1 >= len(s.spans) {
		return true
	}
	return passage.EndsSentence(s.text, int(s.spans[k].end), int(s.spans[k+1].start))
}

// Bounds of a byline: a display name, a handle and a date.
const (
	maxBylineWords = 16
	maxDateWords   = 5 // after the handle: "May 9, 2017", "3:15 PM - 9 May 2017"
)

// bylineStart returns the first of words [i, j) that belong to the byline
// that ends them, as a post's is written in Twitter's embed and in the
// CLEF tweets ("… — Name (@handle) May 9, 2017"; the page reader puts an
// embedded post's byline so, see page.attribution), or j when they end
// with none.
func (s *Scan) bylineStart(i, j int) int {
	if j-i < 2 {
		return j
	}
	from := int(s.spans[i].start)
	text := s.text[from:s.spans[j-1].end]
	handle := strings.LastIndex(text, "(@")
	if handle < 0 {
		return j
	}
	dash := -1
	for _, d := range [...]string{"— ", "– ", " - ", " -- "} {
		dash = max(dash, strings.LastIndex(text[:handle], d))
	}
	if dash < 0 {
		return j
	}
	by, date := j, j
	for by > i && int(s.spans[by-1].start) > from+dash {
		if int(s.spans[by-1].start) > from+handle+1 {
			date = by - 1
		}
		by--
	}
	if j-by > maxBylineWords || j-date > maxDateWords+1 { // the handle's own word, and the date
		return j
	}
	return by
}
