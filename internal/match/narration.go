package match

import (
	"sort"

	"factcheck/internal/passage"
)

// minNarrationRare is how many uncommon words a run of an official's words
// in narration needs unless it is a whole sentence of the statement: an
// official's phrase of eight words with fewer ("the United States along
// with its allies and partners") is also the press's.
const minNarrationRare = 4

// judgeNarration records an official's words that the article repeats
// word for word in its own narration, outside quote marks ("Reports of
// anything more or different than that are completely false, the White
// House insisted."): the longest run of minRun words or more of one
// statement, with minNarrationRare uncommon words or, for a whole sentence
// of the statement, two, in a sentence that gives them to nobody else. It
// is a sentence's finding: where a quote's badge overlaps it, the quote's
// wins.
func (s *Scan) judgeNarration(p *passage.Passage) {
	i, j := s.span(p.Start, p.End)
	if j-i < minRun || j-i > maxSentenceWords {
		return
	}
	ids := s.narrationWords(p, i, j)
	if !s.mayHoldRun(ids) {
		return
	}
	cands := s.statementCandidates(ids, s.flags[i:j], nil)
	if len(cands) == 0 {
		return
	}
	names, roles, _ := s.speakerWords(p.Speaker)
	var best sharedRun
	bestDoc := -1
	for _, c := range cands {
		st := &s.m.statements[c.doc]
		r := s.longestShared(ids, c.doc)
		if r.n < minRun || r.rare < 2 || bestDoc >= 0 && r.n <= best.n ||
			r.rare < minNarrationRare && !st.coversSentence(r.at, r.at+r.n) ||
			s.m.speakerMismatch(names, roles, st, r.at, r.at+r.n) {
			continue
		}
		best, bestDoc = r, c.doc
	}
	if bestDoc < 0 {
		return
	}
	st := &s.m.statements[bestDoc]
	core := passage.Span{Start: int(s.spans[i+best.from].start), End: int(s.spans[i+best.from+best.n-1].end)}
	s.found = append(s.found, candidate{Finding: Finding{
		Start: core.Start, End: core.End, Verdict: Verified, Score: 1, Statement: st.s,
		Official: st.s.Text[st.spans[best.at].start:st.spans[best.at+best.n-1].end],
	}, sentence: true, core: core})
}

// narrationWords returns the ids of words [i, j), the sentence p, with
// those inside quote marks set to -1: a quote is judged as a quote, with
// its speaker, and its words must not make a run of the narration.
func (s *Scan) narrationWords(p *passage.Passage, i, j int) []int32 {
	ids := append(s.narration[:0], s.ids[i:j]...)
	s.narration = ids
	quoted := func(start, end int) {
		a, b := s.span(start, end)
		for k := max(a, i); k < min(b, j); k++ {
			ids[k-i] = -1
		}
	}
	// A quote that opened before the sentence has been judged already;
	// those inside it come after it.
	quoted(p.Start, min(s.quoteEnd, p.End))
	for _, q := range s.passages[s.next:] {
		if q.Start >= p.End {
			break
		}
		if q.Kind == passage.Quote {
			quoted(q.Start, q.End)
		}
	}
	return ids
}

// mayHoldRun sets to -1 the words of ids that cannot be in a run of
// minRun words the statements use (words no statement uses break runs),
// and reports whether two uncommon words are left: most sentences of
// narration need no look at the statements.
func (s *Scan) mayHoldRun(ids []int32) bool {
	rare := 0
	for k := 0; k < len(ids); {
		if ids[k] < 0 {
			k++
			continue
		}
		end, n := k, 0
		for ; end < len(ids) && ids[end] >= 0; end++ {
			if !s.m.common[ids[end]] {
				n++
			}
		}
		if end-k < minRun {
			for ; k < end; k++ {
				ids[k] = -1
			}
		} else {
			rare += n
		}
		k = end
	}
	return rare >= 2
}

// sharedRun is a run of words of a sentence that a statement holds one
// after the other: words [from, from+n) of the sentence are words [at,
// at+n) of the statement, rare of them uncommon.
type sharedRun struct {
	from, at, n, rare int
}

// longestShared returns the longest run of the words ids that statement
// doc holds in the same order. Every run holds an uncommon word (the
// sentence's uncommon words look for them), so each is found from one of
// its uncommon words, extended both ways.
func (s *Scan) longestShared(ids []int32, doc int) sharedRun {
	m := s.m
	st := &m.statements[doc]
	var best sharedRun
	for k, id := range ids {
		if id < 0 || m.common[id] {
			continue
		}
		posts := m.statementPostings(id)
		first := sort.Search(len(posts), func(x int) bool { return int(posts[x].doc) >= doc })
		for _, post := range posts[first:] {
			if int(post.doc) != doc {
				break
			}
			a, b := k, int(post.pos)
			for a > 0 && b > 0 && ids[a-1] >= 0 && ids[a-1] == st.ids[b-1] {
				a, b = a-1, b-1
			}
			if a < k && best.n > 0 && a == best.from && b == best.at {
				continue // the run found from an earlier word
			}
			r := sharedRun{from: a, at: b}
			for a+r.n < len(ids) && b+r.n < len(st.ids) && ids[a+r.n] == st.ids[b+r.n] {
				if !m.common[ids[a+r.n]] {
					r.rare++
				}
				r.n++
			}
			if r.n > best.n {
				best = r
			}
		}
	}
	return best
}
