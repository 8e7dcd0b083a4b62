package match

import "factcheck/internal/passage"

// judgeQuote compares a quoted passage with the official statements
// (verified or misquoted) and, failing that, with the claims' wordings.
func (s *Scan) judgeQuote(p *passage.Passage) {
	i, j := s.span(p.Start, p.End)
	n := j - i
	if n < 2 || n > maxQuoteWords || !s.judgeable(i, j) && n < 3 {
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
	ids := s.ids[i:j]
	if !s.judgeable(i, j) {
		return false
	}
	cands := s.statementCandidates(ids)
	if len(cands) == 0 {
		return false
	}
	gap := s.s.gaps(len(ids))
	gapped := false
	for k := 1; k < len(ids); k++ {
		gap[k] = s.flags[i+k]&flagGap != 0
		gapped = gapped || gap[k]
	}
	names, roles := s.speakerWords(p.Speaker)
	best, bestDoc := alignment{dist: -1}, -1
	for _, c := range cands {
		st := &s.m.statements[c.doc]
		if s.m.speakerMismatch(names, roles, st) {
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
			s.al.keep()
		}
	}
	if bestDoc < 0 {
		return false
	}
	st := &s.m.statements[bestDoc]
	f := Finding{Start: p.Start, End: p.End, Statement: st.s,
		Official: st.s.Text[st.spans[best.start].start:st.spans[best.end-1].end]}
	n := len(ids)
	switch {
	case best.dist == 0:
		f.Verdict, f.Score = Verified, 1
	case s.closeEnough(best, ids, n):
		f.Verdict = Misquoted
		f.Score = float64(best.equal) / float64(best.equal+best.dist)
		f.Diff = s.diff(best, s.spans[i:j], st)
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
		al.dist <= max(1, (n+1)/3) && float64(al.equal) >= 0.6*float64(covered)
}

// diff turns an alignment into the word difference shown to the reader.
func (s *Scan) diff(al alignment, words []span32, st *statementEntry) []DiffWord {
	var out []DiffWord
	for _, op := range al.ops {
		switch {
		case op.gap:
			if len(out) == 0 || out[len(out)-1].Text != "…" {
				out = append(out, DiffWord{Equal, "…"})
			}
		case op.op == Delete:
			w := st.spans[op.s]
			out = append(out, DiffWord{Delete, st.s.Text[w.start:w.end]})
		default:
			w := words[op.q]
			out = append(out, DiffWord{op.op, s.text[w.start:w.end]})
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
// statements with the most (weighted) votes, most first. Rare words are
// enough to find a statement the quote comes from, and they bound the
// work: a common word's postings are long.
func (s *Scan) statementCandidates(ids []int32) []statementCandidate {
	m := s.m
	rare := s.s.rare[:0]
	for i, id := range ids {
		if id >= 0 && !m.common[id] && len(m.statementPostings(id)) <= maxPostings {
			rare = append(rare, i)
		}
	}
	// Rarest first; among equals, in the quote's order. An insertion sort:
	// a quote has few rare words, and at most maxQuoteWords.
	postings := func(i int) int { return len(m.statementPostings(ids[i])) }
	for a := 1; a < len(rare); a++ {
		for b := a; b > 0 && postings(rare[b]) < postings(rare[b-1]); b-- {
			rare[b], rare[b-1] = rare[b-1], rare[b]
		}
	}
	s.s.rare = rare
	return s.s.vote(m, ids, rare[:min(len(rare), voteWords)])
}

// speakerWords returns the stems of the words of speaker, as the text
// attributes a quote, that can tell whose quote it is: the names ("Emily
// Horne", "the White House"), and the roles ("the captain", "the coach"),
// words that are neither common nor what a text calls an unnamed official.
// A stem the matcher does not know is -1.
func (s *Scan) speakerWords(speaker string) (names, roles []int32) {
	names, roles = s.s.names[:0], s.s.roles[:0]
	if speaker != "" {
		s.s.split.Reset(speaker)
		s.s.speaker, _ = s.s.split.Next(s.s.speaker[:0], len(speaker))
		for _, w := range s.s.speaker {
			st, ok := s.m.stems[stem(w.Norm)]
			if !ok {
				st = -1
			}
			switch info := s.m.words[w.Norm]; {
			case info.flags&flagSource != 0:
			case s.m.isName(w, speaker):
				names = append(names, st)
			case len(w.Norm) >= 3 && info.flags&flagCommon == 0 && !isNumber(w.Norm):
				roles = append(roles, st)
			}
		}
	}
	s.s.names, s.s.roles = names, roles
	return names, roles
}

// speakerMismatch reports whether the text attributes the quote to someone
// the statement does not name: a quote that the text gives to another
// person is not the official's quote. A pronoun or "the official" says
// nothing. A name agrees when the statement's speaker, role, affiliation or
// words hold it ("Biden" in a statement that quotes Biden); a role ("the
// spokeswoman" is no role, "the captain" is) when the speaker, role or
// affiliation hold it.
func (m *Matcher) speakerMismatch(names, roles []int32, st *statementEntry) bool {
	if len(names) == 0 && len(roles) == 0 {
		return false
	}
	for _, n := range names {
		if n < 0 {
			continue
		}
		if containsID(st.speaker, n) {
			return false
		}
		for _, id := range st.ids {
			if m.idStem[id] == n {
				return false
			}
		}
	}
	for _, r := range roles {
		if r >= 0 && containsID(st.speaker, r) {
			return false
		}
	}
	return true
}
