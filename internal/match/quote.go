package match

import (
	"cmp"
	"slices"

	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// judgeQuote compares a quoted passage with the official statements
// (verified or misquoted) and, failing that, with the claims' wordings.
func (s *Scan) judgeQuote(p *passage.Passage) {
	i, j := s.span(p.Start, p.End)
	n := j - i
	if n < 2 || n > maxQuoteWords || !judgeable(s.words[i:j]) && n < 3 {
		return
	}
	if s.judgeStatement(p, i, j) {
		return
	}
	s.judgeClaimQuote(p, i, j)
}

// judgeStatement finds the statement the quote fits best and records it
// when the fit is exact (verified) or close (misquoted).
func (s *Scan) judgeStatement(p *passage.Passage, i, j int) bool {
	words, ids := s.words[i:j], s.ids[i:j]
	if !judgeable(words) {
		return false
	}
	gap := make([]bool, len(words))
	gapped := false
	for k := 1; k < len(words); k++ {
		gap[k] = words[k].Gap
		gapped = gapped || gap[k]
	}
	best, bestDoc := alignment{dist: -1}, -1
	for _, c := range s.statementCandidates(ids) {
		st := &s.m.statements[c.doc]
		if speakerMismatch(p.Speaker, st) {
			continue
		}
		lo, hi := 0, len(st.ids)
		if !gapped {
			slack := 2 + len(ids)/4
			lo, hi = max(0, int(c.diag)-slack), min(len(st.ids), int(c.diag)+len(ids)+slack)
		}
		al := s.al.align(ids, gap, st.ids, lo, hi)
		if best.dist < 0 || al.dist < best.dist || al.dist == best.dist && al.equal > best.equal {
			best, bestDoc = al, c.doc
		}
	}
	if bestDoc < 0 {
		return false
	}
	st := &s.m.statements[bestDoc]
	f := Finding{Start: p.Start, End: p.End, Statement: st.s,
		Official: st.s.Text[st.words[best.start].Start:st.words[best.end-1].End]}
	n := len(words)
	switch {
	case best.dist == 0:
		f.Verdict, f.Score = Verified, 1
	case s.closeEnough(best, ids, n):
		f.Verdict = Misquoted
		f.Score = float64(best.equal) / float64(best.equal+best.dist)
		f.Diff = s.diff(best, words, st)
	default:
		return false
	}
	s.found = append(s.found, candidate{Finding: f})
	return true
}

// closeEnough decides a misquote: most of the quote is the official's
// wording, word for word and in order, including at least two uncommon
// words, and only a few words were added, dropped or changed.
func (s *Scan) closeEnough(al alignment, ids []int32, n int) bool {
	rareEqual := 0
	for _, op := range al.ops {
		if op.op == Equal && !s.m.common[ids[op.q]] {
			rareEqual++
		}
	}
	covered := max(n, al.end-al.start)
	return n >= 4 && al.equal >= 3 && rareEqual >= 2 &&
		al.dist <= max(1, n/3) && float64(al.equal) >= 0.6*float64(covered)
}

// diff turns an alignment into the word difference shown to the reader.
func (s *Scan) diff(al alignment, words []textnorm.Word, st *statementEntry) []DiffWord {
	var out []DiffWord
	for _, op := range al.ops {
		switch {
		case op.gap:
			if len(out) == 0 || out[len(out)-1].Text != "…" {
				out = append(out, DiffWord{Equal, "…"})
			}
		case op.op == Delete:
			w := st.words[op.s]
			out = append(out, DiffWord{Delete, st.s.Text[w.Start:w.End]})
		default:
			w := words[op.q]
			out = append(out, DiffWord{op.op, s.text[w.Start:w.End]})
		}
	}
	return out
}

type statementCandidate struct {
	doc  int
	diag int32 // where the quote's first word falls in the statement
}

// statementCandidates votes, with the quote's rarest words, for the
// statements holding them at a consistent position, and returns the few
// statements with the most (weighted) votes. Rare words are enough to find
// a statement the quote comes from, and they bound the work: a common word's
// postings are long.
func (s *Scan) statementCandidates(ids []int32) []statementCandidate {
	s.rare = s.rare[:0]
	for i, id := range ids {
		if id >= 0 && !s.m.common[id] && len(s.m.statementPostings[id]) <= maxPostings {
			s.rare = append(s.rare, i)
		}
	}
	postings := func(i int) int { return len(s.m.statementPostings[ids[i]]) }
	slices.SortFunc(s.rare, func(a, b int) int { return postings(a) - postings(b) })
	clear(s.votes)
	for _, i := range s.rare[:min(len(s.rare), voteWords)] {
		id := ids[i]
		for _, p := range s.m.statementPostings[id] {
			key := uint64(p.doc)<<32 | uint64(uint32(p.pos-int32(i)))
			s.votes[key] += s.m.weight[id]
		}
	}
	// Keep the best position of the best few statements.
	var top [statementTries]struct {
		statementCandidate
		v float64
	}
	for key, v := range s.votes {
		c := statementCandidate{int(key >> 32), int32(uint32(key))}
		slot := -1
		for k := range top {
			if top[k].v > 0 && top[k].doc == c.doc {
				slot = k
				break
			}
			if slot < 0 || top[k].v < top[slot].v {
				slot = k
			}
		}
		if v > top[slot].v || v == top[slot].v && top[slot].v > 0 && c.doc < top[slot].doc {
			top[slot].statementCandidate, top[slot].v = c, v
		}
	}
	slices.SortFunc(top[:], func(a, b struct {
		statementCandidate
		v float64
	}) int {
		return cmp.Or(cmp.Compare(b.v, a.v), a.doc-b.doc)
	})
	var out []statementCandidate
	for _, t := range top {
		if t.v > 0 {
			out = append(out, t.statementCandidate)
		}
	}
	return out
}

// speakerMismatch reports whether the text attributes the quote to someone
// the statement does not name: a quote that the text gives to another
// person is not the official's quote. Only names count (a pronoun or "the
// official" says nothing); a name agrees when the statement's speaker, role,
// affiliation or words hold it ("Biden" in a statement that quotes Biden).
func speakerMismatch(speaker string, st *statementEntry) bool {
	var names []string
	for _, w := range textnorm.Words(speaker) {
		if isName(w, speaker) {
			names = append(names, stem(w.Norm))
		}
	}
	if len(names) == 0 {
		return false
	}
	sp := st.s.Speaker
	for _, text := range []string{sp.Name, sp.JobTitle, sp.Affiliation, st.s.Text} {
		for _, w := range textnorm.Words(text) {
			for _, n := range names {
				if stem(w.Norm) == n {
					return false
				}
			}
		}
	}
	return true
}
