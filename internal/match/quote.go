package match

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// Bars of the statement side. A misattribution names someone else as the
// speaker of an official's words, a stronger charge than a misquote: the
// words must be the official's or nearly (a word in ten changed, at least
// one allowed), hold minMisattributedRare uncommon words, and be a whole
// sentence of the statement or a long stretch of it, since officials'
// stock phrases ("Ukraine's sovereignty and territorial integrity",
// "remains open and fully operational") are anyone's to say.
const (
	// minRun is how many words in a row, word for word, are evidence by
	// themselves however common each is ("Reports of anything more or
	// different than that are …"): the bar of a misquote with a single
	// uncommon word and of an official's words repeated in narration.
	minRun               = 8
	minMisattributedRare = 3
	minMisattributed     = 5  // words of a misattributed quote
	longMisattributed    = 15 // words of a misattributed part of a sentence
)

// judgeQuote compares a quoted passage with the official statements
// (verified, misquoted or misattributed) and, failing that, with the
// claims' wordings.
func (s *Scan) judgeQuote(p *passage.Passage) {
	s.quoteEnd = max(s.quoteEnd, p.End)
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
// when the fit is exact (verified) or close (misquoted). Failing that, it
// records a quote the text gives to someone else whose words are an
// official's (misattributed).
func (s *Scan) judgeStatement(p *passage.Passage, i, j int) bool {
	ids := s.ids[i:j]
	if !s.judgeable(i, j) {
		return false
	}
	names, roles, unnamed := s.speakerWords(p.Speaker)
	var prefer func(doc int32) bool
	if len(names) > 0 || len(roles) > 0 {
		// Among statements the quote's words fit as well (a phrase that
		// many officials use), the speaker's own come first.
		prefer = func(doc int32) bool { return s.m.statements[doc].spokenBy(names, roles) }
	}
	cands := s.statementCandidates(ids, s.flags[i:j], prefer)
	if len(cands) == 0 {
		return false
	}
	gap := s.s.gaps(len(ids))
	gapped := false
	for k := 1; k < len(ids); k++ {
		gap[k] = s.flags[i+k]&flagGap != 0
		gapped = gapped || gap[k]
	}
	// best is the best fit among the statements the text's speaker agrees
	// with, other among the rest (its ops are not kept: it is aligned
	// again if it is needed).
	best, bestDoc := alignment{dist: -1}, -1
	other, otherDoc, otherLo, otherHi := alignment{dist: -1}, -1, 0, 0
	for _, c := range cands {
		st := &s.m.statements[c.doc]
		lo, hi := 0, len(st.ids)
		if !gapped {
			slack := 2 + len(ids)/4
			lo, hi = max(0, int(c.diag)-slack), min(len(st.ids), int(c.diag)+len(ids)+slack)
		}
		al := s.al.align(ids, gap, st.ids, lo, hi)
		if s.m.speakerMismatch(names, roles, st, al.start, al.end) {
			if s.fitsBetter(p, i, j, al, c.doc, other, otherDoc) {
				other, otherDoc, otherLo, otherHi = al, c.doc, lo, hi
			}
			continue
		}
		if s.fitsBetter(p, i, j, al, c.doc, best, bestDoc) {
			best, bestDoc = al, c.doc
			s.al.keep()
		}
	}
	if bestDoc >= 0 && s.recordStatement(p, i, j, best, bestDoc) {
		return true
	}
	if otherDoc < 0 || unnamed || s.spokenTo(p) {
		return false
	}
	st := &s.m.statements[otherDoc]
	al := s.al.align(ids, gap, st.ids, otherLo, otherHi)
	if !s.misattributed(al, ids, st) || s.namesSource(p.Speaker, st) || s.creditsSpeaker(i, j, st) {
		return false
	}
	f := Finding{Start: p.Start, End: p.End, Verdict: Misattributed, Statement: st.s,
		Official:     st.s.Text[st.spans[al.start].start:st.spans[al.end-1].end],
		Score:        float64(al.equal) / float64(al.equal+al.dist),
		AttributedTo: p.Speaker}
	if al.dist > 0 {
		f.Diff = s.diff(al, s.spans[i:j], st)
	}
	s.found = append(s.found, candidate{Finding: f})
	return true
}

// recordStatement records the quote as verified or misquoted by statement
// doc (alignment al), and reports whether it is either.
func (s *Scan) recordStatement(p *passage.Passage, i, j int, al alignment, doc int) bool {
	st := &s.m.statements[doc]
	ids := s.ids[i:j]
	f := Finding{Start: p.Start, End: p.End, Statement: st.s,
		Official: st.s.Text[st.spans[al.start].start:st.spans[al.end-1].end]}
	switch {
	case al.dist == 0:
		f.Verdict, f.Score = Verified, 1
	case s.closeEnough(al, ids, len(ids)):
		f.Verdict = Misquoted
		f.Score = float64(al.equal) / float64(al.equal+al.dist)
		f.Diff = s.diff(al, s.spans[i:j], st)
	default:
		return false
	}
	s.found = append(s.found, candidate{Finding: f})
	return true
}

// fitsBetter reports whether alignment al of the quote (words [i, j) of
// passage p) with statement doc beats the best so far: fewer changes, then
// more words in common, then (two statements that share the words, as a
// tweet and a statement to the press often do) more of the quote's
// surroundings in the statement. On a full tie the first candidate, the
// earlier statement of the bundle, stays.
func (s *Scan) fitsBetter(p *passage.Passage, i, j int, al alignment, doc int, best alignment, bestDoc int) bool {
	switch {
	case best.dist < 0 || al.dist < best.dist:
		return true
	case al.dist > best.dist || al.equal != best.equal:
		return al.equal > best.equal
	}
	return s.contextShared(p, i, j, doc) > s.contextShared(p, i, j, bestDoc)
}

// contextReach is how many words either side of a quote, in its block,
// tell which of two statements it comes from.
const contextReach = 60

// contextShared counts the uncommon words of the quote's block, near it but
// outside it, that statement doc holds: the quote's neighbours ("This is
// not true.") tell a tweet from a statement with the same sentence.
func (s *Scan) contextShared(p *passage.Passage, i, j, doc int) int {
	pi, pj := s.span(p.Para.Start, p.Para.End)
	n := 0
	for k := max(pi, i-contextReach); k < min(pj, j+contextReach); k++ {
		if id := s.ids[k]; (k < i || k >= j) && id >= 0 && !s.m.common[id] && s.m.holds(doc, id) {
			n++
		}
	}
	return n
}

// holds reports whether statement doc uses word id.
func (m *Matcher) holds(doc int, id int32) bool {
	posts := m.statementPostings(id)
	k := sort.Search(len(posts), func(k int) bool { return int(posts[k].doc) >= doc })
	return k < len(posts) && int(posts[k].doc) == doc
}

// closeEnough decides a misquote: most of the quote is the official's
// wording, word for word and in order, including at least two uncommon
// words (or one, and a run of minRun words), and only a few words were
// added, dropped or changed.
func (s *Scan) closeEnough(al alignment, ids []int32, n int) bool {
	rareEqual := s.rareEqual(al, ids)
	covered := max(n, al.end-al.start)
	return n >= 4 && al.equal >= 3 && (rareEqual >= 2 || rareEqual == 1 && longestRun(al) >= minRun) &&
		al.dist <= max(1, (n+1)/3) && float64(al.equal) >= 0.6*float64(covered)
}

// misattributed decides whether a quote the text gives to someone else
// than statement st's speaker is nonetheless st's words (see
// minMisattributedRare).
func (s *Scan) misattributed(al alignment, ids []int32, st *statementEntry) bool {
	n := len(ids)
	return n >= minMisattributed && s.rareEqual(al, ids) >= minMisattributedRare &&
		al.dist <= max(1, n/10) && (n >= longMisattributed || st.coversSentence(al.start, al.end))
}

// rareEqual counts the uncommon words of the quote that the alignment
// finds in the statement.
func (s *Scan) rareEqual(al alignment, ids []int32) int {
	n := 0
	for _, op := range al.ops {
		if op.op == Equal && !s.m.common[ids[op.q]] {
			n++
		}
	}
	return n
}

// longestRun is the longest run of words the alignment finds in the
// statement one after the other.
func longestRun(al alignment) int {
	run, longest := 0, 0
	for k, op := range al.ops {
		switch {
		case op.op != Equal:
			run = 0
		case run > 0 && al.ops[k-1].s == op.s-1 && !op.gap:
			run++
		default:
			run = 1
		}
		longest = max(longest, run)
	}
	return longest
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
// work: a common word's postings are long. A quote with fewer than two
// rare words ("Reports of anything more or different than that are
// totally false") would tie every statement that holds its one rare word:
// its ordinary words (not function words) vote too, with their smaller
// weights. flags are the words' flags; prefer, when not nil, orders
// statements the votes tie.
func (s *Scan) statementCandidates(ids []int32, flags []uint8, prefer func(doc int32) bool) []statementCandidate {
	m := s.m
	rare := s.s.rare[:0]
	for i, id := range ids {
		if id >= 0 && !m.common[id] && len(m.statementPostings(id)) <= maxPostings {
			rare = append(rare, i)
		}
	}
	if len(rare) < 2 {
		for i, id := range ids {
			if id >= 0 && m.common[id] && flags[i]&flagFunction == 0 && len(m.statementPostings(id)) <= maxPostings {
				rare = append(rare, i)
			}
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
	return s.s.vote(m, ids, rare[:min(len(rare), voteWords)], prefer)
}

// speakerWords returns the stems of the words of speaker, as the text
// attributes a quote, that can tell whose quote it is: the names ("Emily
// Horne", "the White House"), and the roles ("the captain", "the coach"),
// words that are neither common nor what a text calls an unnamed official.
// A stem the matcher does not know is -1. unnamed reports a speaker that
// is such an unnamed source ("a senior Ukrainian official", "a Zelensky
// aide"): who they are is too vague to call a quote misattributed.
func (s *Scan) speakerWords(speaker string) (names, roles []int32, unnamed bool) {
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
				unnamed = true
			case s.m.isName(w, speaker):
				names = append(names, st)
			case len(w.Norm) >= 3 && info.flags&flagCommon == 0 && !isNumber(w.Norm):
				roles = append(roles, st)
			}
		}
	}
	s.s.names, s.s.roles = names, roles
	return names, roles, unnamed
}

// speakerMismatch reports whether the text attributes a quote of
// statement st's words [start, end) to someone the statement does not
// name: a quote that the text gives to another person is not the
// official's quote. A pronoun or "the official" says nothing. A name
// agrees when the statement's speaker, role or affiliation holds it, or
// when the statement reports that person's words in the quoted part
// ("President Biden said that there is a distinct possibility…": Biden's
// words, in Horne's statement); a role ("the spokeswoman" is no role, "the
// captain" is) when the speaker, role or affiliation hold it.
func (m *Matcher) speakerMismatch(names, roles []int32, st *statementEntry, start, end int) bool {
	if len(names) == 0 && len(roles) == 0 {
		return false
	}
	if st.spokenBy(names, roles) {
		return false
	}
	from, to := st.reporting(start, end)
	for _, n := range names {
		for _, id := range st.ids[from:to] {
			if n >= 0 && m.idStem[id] == n {
				return false
			}
		}
	}
	return true
}

// spokenBy reports whether the statement's speaker, role or affiliation
// holds one of the names or roles (stems; -1 for one the matcher does not
// know).
func (st *statementEntry) spokenBy(names, roles []int32) bool {
	for _, list := range [2][]int32{names, roles} {
		for _, n := range list {
			if n >= 0 && containsID(st.speaker, n) {
				return true
			}
		}
	}
	return false
}

// reporting returns the statement's words that report whose words [start,
// end) are: the sentences holding them and, while a sentence opens with a
// pronoun ("He has said this publicly"), the sentence before.
func (st *statementEntry) reporting(start, end int) (from, to int) {
	from, to = st.sentenceStart(start), st.sentenceEnd(max(start, end-1))
	for from > 0 && st.opensWithPronoun(from) {
		from = st.sentenceStart(from - 1)
	}
	return from, to
}

// coversSentence reports whether the statement's words [start, end) hold
// one of its sentences whole: a capital first word to a full stop,
// question or exclamation mark. A statement that is a fragment ("exploring
// additional macroeconomic support") has none.
func (st *statementEntry) coversSentence(start, end int) bool {
	from := st.sentenceStart(start)
	if from < start {
		from = st.sentenceEnd(start)
	}
	if from >= end {
		return false
	}
	to := st.sentenceEnd(from)
	if to > end {
		return false
	}
	first, _ := utf8.DecodeRuneInString(st.s.Text[st.spans[from].start:])
	last := strings.TrimRightFunc(st.s.Text[st.spans[to-1].end:st.after(to-1)], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Quotation_Mark, r) || r == ')'
	})
	return unicode.IsUpper(first) && strings.ContainsAny(last[max(0, len(last)-1):], ".!?")
}

// sentenceStart returns the first word of the statement's sentence that
// holds word k.
func (st *statementEntry) sentenceStart(k int) int {
	for k > 0 && !st.endsSentence(k-1) {
		k--
	}
	return k
}

// sentenceEnd returns the word after the statement's sentence that holds
// word k.
func (st *statementEntry) sentenceEnd(k int) int {
	for k < len(st.ids)-1 && !st.endsSentence(k) {
		k++
	}
	return min(k+1, len(st.ids))
}

// endsSentence reports whether the statement's word k ends a sentence: a
// full stop, question or exclamation mark follows it, and it is no
// abbreviation ("U.S. Embassy") or initial.
func (st *statementEntry) endsSentence(k int) bool {
	text := st.s.Text
	w := text[st.spans[k].start:st.spans[k].end]
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return false
	}
	return strings.ContainsAny(text[st.spans[k].end:st.after(k)], ".!?")
}

// after returns where the text after the statement's word k ends: at the
// next word, or the end of the text.
func (st *statementEntry) after(k int) int {
	if k+1 < len(st.spans) {
		return int(st.spans[k+1].start)
	}
	return len(st.s.Text)
}

// opensWithPronoun reports whether word k, the first of a sentence, is a
// third-person pronoun standing for someone named before.
func (st *statementEntry) opensWithPronoun(k int) bool {
	w := st.s.Text[st.spans[k].start:st.spans[k].end]
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she") || strings.EqualFold(w, "they")
}

// spokenTo reports whether the sentence names the quote's speaker as the
// one spoken to: a form of "be" follows the name ("Zelensky was told: …",
// "…,” Zelensky was told), so the verb of speech is passive and the
// name is not who said the words.
func (s *Scan) spokenTo(p *passage.Passage) bool {
	before, after := s.text[p.Sentence.Start:p.Start], s.text[p.End:p.Sentence.End]
	if at := strings.LastIndex(before, p.Speaker); at >= 0 && passive(before[at+len(p.Speaker):]) {
		return true
	}
	at := strings.Index(after, p.Speaker)
	return at >= 0 && passive(after[at+len(p.Speaker):])
}

// passive reports whether text, which follows a name, opens with a form
// of "be", after "has", "have" or "had" if need be.
func passive(text string) bool {
	words := strings.Fields(text)
	for k := 0; k < len(words) && k < 2; k++ {
		switch strings.ToLower(words[k]) {
		case "is", "are", "was", "were", "been", "being":
			return true
		case "has", "have", "had":
			continue
		}
		return false
	}
	return false
}

// creditsSpeaker reports whether the quote (words [i, j)) names statement
// st's speaker in its own words (“Horne: anonymous sources…”, "…, as Horne
// put it"): whoever the text gives it to is reporting the speaker's words,
// as a reporter's post that quotes an official is, under the reporter's
// byline.
func (s *Scan) creditsSpeaker(i, j int, st *statementEntry) bool {
	p := st.s.Speaker
	for _, name := range append([]string{p.Name}, p.AlternateNames...) {
		for _, w := range textnorm.Words(name) {
			id, ok := s.m.stems[stem(w.Norm)]
			if !ok {
				continue
			}
			for k := i; k < j; k++ {
				if s.stems[k] == id && s.flags[k]&flagName != 0 {
					return true
				}
			}
		}
	}
	return false
}

// namesSource reports whether the speaker the text names is the medium
// that published statement st ("CNN reported: …" of a statement to CNN):
// the outlet carried the words, it is not said to have spoken them.
func (s *Scan) namesSource(speaker string, st *statementEntry) bool {
	var sp textnorm.Splitter
	sp.Reset(st.s.Source.Name)
	source, _ := sp.Next(nil, len(st.s.Source.Name))
	sp.Reset(speaker)
	said, _ := sp.Next(nil, len(speaker))
	for _, w := range said {
		if !s.m.isName(w, speaker) {
			continue
		}
		for _, x := range source {
			if stem(x.Norm) == stem(w.Norm) {
				return true
			}
		}
	}
	return false
}
