package match

import (
	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// scratch is the working memory of a scan, allocated once and reused by
// every passage. Arrays indexed by statement, stem or wording are reset by
// stamping: an entry counts only when its stamp is the current one.
type scratch struct {
	gap     []bool
	rare    []int // indexes of a quote's rare words
	names   []int32
	roles   []int32
	split   textnorm.Splitter // of a quote's speaker
	speaker []textnorm.Word

	// By statement, the votes of the current quote's rare words.
	tally    []tally
	tallyNow uint32
	docs     []int32 // the statements voted for, in order of first vote
	votes    []vote  // one statement's votes
	best     [statementTries]statementCandidate
	bestVote [statementTries]float64

	// By wording: the BM25 score for the current passage.
	scoreStamp []uint32
	score      []float64
	scored     []int32 // the wordings scored
	scoreNow   uint32
	top        []retrieved
	// By claim: the sum of its wordings' scores.
	claimStamp []uint32
	claimScore []float64
	claimsHit  []int32
	claimNow   uint32
	claims     []scored

	// By stem: the terms of the claim being scored (termStamp), the
	// passage's terms already weighed (seenStamp), the names of the
	// current paragraph (paraStamp, for the paragraph paraAt).
	termStamp []uint32
	termNow   uint32
	rarity    []float32 // by stem: its rarity among the claims, plus one (0: not worked out yet)
	seenStamp []uint32
	seenNow   uint32
	paraStamp []uint32
	paraNow   uint32
	paraAt    passage.Span
	// byline is the first word of the current passage's byline (its end
	// when it has none): see bylineStart.
	byline int

	// By stem: used by the current passage (stemStamp, for the ranking
	// of wordings) or in the current sentence (sentStamp).
	stemStamp []uint32
	stemNow   uint32
	sentStamp []uint32
	sentNow   uint32
	fuzzy     []string // the current sentence's stems, for near spellings
	fuzzyMask []uint64 // their letters
}

// gaps returns n false values.
func (sc *scratch) gaps(n int) []bool {
	if cap(sc.gap) < n {
		sc.gap = make([]bool, n)
	}
	sc.gap = sc.gap[:n]
	clear(sc.gap)
	return sc.gap
}

// stamp returns a stamp array of n entries and its next stamp.
func stamp(a []uint32, now uint32, n int) ([]uint32, uint32) {
	if len(a) < n || now == ^uint32(0) {
		return make([]uint32, n), 1
	}
	return a, now + 1
}

// tally is the votes of a quote's rare words for one statement: how many
// of their postings fall in it, the diagonal of the first, the sum of the
// weights of the words it holds (a bound on its best vote), and for each
// of those words (a bit in words) where its postings for the statement
// start. It counts when its stamp is the scratch's tallyNow.
type tally struct {
	stamp uint32
	count int32
	diag  int32
	words uint8
	bound float64
	first [voteWords]int32
}

// vote is one posting of one of a quote's rare words: the word (an index
// into the rare words) and the diagonal it votes for.
type vote struct {
	word int32
	diag int32
}

// vote returns the statements in which the quote's rare words (indexes
// into ids) fall on one diagonal with the most weight, most first (ties:
// those prefer, when not nil, picks, then the first statement), each at
// its best diagonal (ties: the first voted).
//
// It bounds each statement's best vote by the weight of the rare words it
// holds, and works out the best diagonal of a statement only when the
// bound can put it among the best so far and more than one word votes for
// it: most statements share only a word or two with the quote.
func (sc *scratch) vote(m *Matcher, ids []int32, rare []int, prefer func(doc int32) bool) []statementCandidate {
	ahead := func(v float64, d int32, w float64, e int32) bool {
		if v != w || prefer == nil {
			return better(v, int(d), w, int(e))
		}
		if pd, pe := prefer(d), prefer(e); pd != pe {
			return pd
		}
		return d < e
	}
	if len(sc.tally) < len(m.statements) || sc.tallyNow == ^uint32(0) {
		sc.tally, sc.tallyNow = make([]tally, len(m.statements)), 0
	}
	sc.tallyNow++
	now := sc.tallyNow
	sc.docs = sc.docs[:0]
	for k, i := range rare {
		w, prev := m.weight[ids[i]], int32(-1)
		for j, p := range m.statementPostings(ids[i]) {
			t := &sc.tally[p.doc]
			if t.stamp != now {
				t.stamp, t.count, t.diag, t.words, t.bound = now, 0, p.pos-int32(i), 0, 0
				sc.docs = append(sc.docs, p.doc)
			}
			t.count++
			if p.doc != prev {
				t.bound += w
				t.words |= 1 << k
				t.first[k] = int32(j)
				prev = p.doc
			}
		}
	}
	found := 0
	for _, d := range sc.docs {
		t := &sc.tally[d]
		v, diag := t.bound, t.diag
		if found == statementTries && !ahead(v, d, sc.bestVote[found-1], int32(sc.best[found-1].doc)) {
			continue // it cannot beat the last of the best
		}
		if t.count > 1 {
			diag, v = sc.bestDiagonal(m, ids, rare, d, t)
			if found == statementTries && !ahead(v, d, sc.bestVote[found-1], int32(sc.best[found-1].doc)) {
				continue
			}
		}
		k := min(found, statementTries-1)
		for ; k > 0 && ahead(v, d, sc.bestVote[k-1], int32(sc.best[k-1].doc)); k-- {
			sc.best[k], sc.bestVote[k] = sc.best[k-1], sc.bestVote[k-1]
		}
		sc.best[k], sc.bestVote[k] = statementCandidate{int(d), diag}, v
		found = min(found+1, statementTries)
	}
	return sc.best[:found]
}

// bestDiagonal returns the diagonal of statement d (tally t) on which the
// quote's rare words (indexes into ids) have the most weight (ties: the
// first voted, by word then position) and that weight.
func (sc *scratch) bestDiagonal(m *Matcher, ids []int32, rare []int, d int32, t *tally) (diag int32, best float64) {
	votes := sc.votes[:0]
	for k, i := range rare {
		if t.words&(1<<k) == 0 {
			continue
		}
		posts := m.statementPostings(ids[i])
		for j := t.first[k]; int(j) < len(posts) && posts[j].doc == d; j++ {
			votes = append(votes, vote{int32(k), posts[j].pos - int32(i)})
		}
	}
	sc.votes = votes
	for a, va := range votes {
		seen := false
		for _, vb := range votes[:a] {
			if vb.diag == va.diag {
				seen = true
				break
			}
		}
		if seen {
			continue
		}
		var v float64
		for _, vb := range votes[a:] {
			if vb.diag == va.diag {
				v += m.weight[ids[rare[vb.word]]]
			}
		}
		if v > best {
			diag, best = va.diag, v
		}
	}
	return diag, best
}

// better orders scores high to low, then indexes low to high.
func better(v float64, i int, w float64, j int) bool {
	return v > w || v == w && i < j
}
