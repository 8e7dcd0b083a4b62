// Package match judges the passages of an article against a statement
// bundle. It finds quoted and reported passages (internal/passage), meets
// each with the few statements and claims that share its rarer words (an
// inverted index built once per bundle), aligns it word by word and decides:
// verified, misquoted, disputed, or nothing. There is always a floor: a wrong
// badge is worse than none.
package match

import (
	"math"
	"unicode"
	"unicode/utf8"

	"factcheck/internal/bundle"
	"factcheck/internal/textnorm"
)

// Matcher holds a bundle indexed for matching. Build it once with New; it is
// safe for concurrent use by several scans.
type Matcher struct {
	vocab map[string]int32 // normalised word → id
	// weight is the BM25-style inverse document frequency of each word id
	// over statements and claim wordings; ordinary words weigh little.
	weight []float64
	common []bool // by word id: a function or ordinary word

	statements []statementEntry
	// statementPostings[id] lists where word id occurs in the statements.
	statementPostings [][]posting

	wordings []wordingEntry // every wording of every disputable claim
	// wordingPostings[stemID] lists the wordings whose content words
	// include that stem, once each.
	wordingPostings map[string][]int32
	avgWordingLen   float64
}

type posting struct{ doc, pos int32 }

type statementEntry struct {
	s     *bundle.Statement
	words []textnorm.Word
	ids   []int32
}

// wordingEntry is one wording of a claim (claimReviewed or a variant).
type wordingEntry struct {
	claim *claimEntry
	text  string
	words []textnorm.Word
	ids   []int32
	// predicate holds the stems of what the wording says about its subject:
	// its words that are neither function words nor names, with weights. A
	// sentence reports the claim when it shares most of that weight.
	predicate []weighted
	total     float64 // sum of predicate weights
	negated   bool    // the wording says "not", "never"...
}

type weighted struct {
	stem   string
	weight float64
}

type claimEntry struct {
	c *bundle.Claim
	// subject holds the stems of the names the claim is about; a passage
	// is only judged against the claim when its sentence, paragraph or
	// article names them.
	subject []string
}

// New indexes a bundle.
func New(b *bundle.Bundle) *Matcher {
	m := &Matcher{vocab: make(map[string]int32), wordingPostings: make(map[string][]int32)}
	df := []int{}
	docs := 0
	count := func(words []textnorm.Word) {
		docs++
		seen := map[int32]bool{}
		for _, w := range words {
			id := m.intern(w.Norm)
			for int(id) >= len(df) {
				df = append(df, 0)
			}
			if !seen[id] {
				seen[id] = true
				df[id]++
			}
		}
	}

	for _, s := range b.Statements {
		words := textnorm.Words(s.Text)
		count(words)
		m.statements = append(m.statements, statementEntry{s: s, words: words})
	}
	for _, c := range b.Claims {
		if c.RatesTrue {
			continue // a review that rates the claim true disputes nothing
		}
		ce := &claimEntry{c: c, subject: subjectOf(c)}
		for _, text := range append([]string{c.Text}, c.Variants...) {
			words := textnorm.Words(text)
			if len(words) == 0 {
				continue
			}
			count(words)
			m.wordings = append(m.wordings, wordingEntry{claim: ce, words: words, text: text})
		}
	}

	m.weight = make([]float64, len(df))
	for id, n := range df {
		m.weight[id] = math.Log(1 + (float64(docs)-float64(n)+0.5)/(float64(n)+0.5))
	}
	m.common = make([]bool, len(df))
	for word, id := range m.vocab {
		if isCommon(word) {
			m.common[id] = true
			m.weight[id] *= 0.5
		}
	}

	m.statementPostings = make([][]posting, len(df))
	for d := range m.statements {
		st := &m.statements[d]
		st.ids = m.lookup(nil, st.words)
		for i, id := range st.ids {
			m.statementPostings[id] = append(m.statementPostings[id], posting{int32(d), int32(i)})
		}
	}

	var lengths float64
	for i := range m.wordings {
		wd := &m.wordings[i]
		wd.ids = m.lookup(wd.ids, wd.words)
		seen := map[string]bool{}
		for _, w := range wd.words {
			wd.negated = wd.negated || isNegation(w.Norm)
			if function[w.Norm] || isName(w, wd.text) {
				continue
			}
			st := stem(w.Norm)
			if seen[st] {
				continue
			}
			seen[st] = true
			wt := m.weight[m.vocab[w.Norm]]
			wd.predicate = append(wd.predicate, weighted{st, wt})
			wd.total += wt
			m.wordingPostings[st] = append(m.wordingPostings[st], int32(i))
		}
		lengths += float64(len(wd.predicate))
	}
	if len(m.wordings) > 0 {
		m.avgWordingLen = lengths / float64(len(m.wordings))
	}
	return m
}

// lookup appends to dst the ids of words, -1 for a word the bundle never
// uses.
func (m *Matcher) lookup(dst []int32, words []textnorm.Word) []int32 {
	for _, w := range words {
		id, ok := m.vocab[w.Norm]
		if !ok {
			id = -1
		}
		dst = append(dst, id)
	}
	return dst
}

func (m *Matcher) intern(w string) int32 {
	if id, ok := m.vocab[w]; ok {
		return id
	}
	id := int32(len(m.vocab))
	m.vocab[w] = id
	return id
}

// subjectOf returns the stems of the names a claim is about: the names in
// its About list and in its wordings (words written with a capital that are
// not ordinary words, like "Biden" or "Kyiv").
func subjectOf(c *bundle.Claim) []string {
	var out []string
	seen := map[string]bool{}
	for _, text := range append(append([]string{c.Text}, c.Variants...), c.About...) {
		for _, w := range textnorm.Words(text) {
			if st := stem(w.Norm); isName(w, text) && !seen[st] {
				seen[st] = true
				out = append(out, st)
			}
		}
	}
	return out
}

// isName reports whether a word of text is a name: written with a capital
// and not a function or ordinary word (so "The" and "Call" at the start of a
// headline are not names, but "Biden" is anywhere).
func isName(w textnorm.Word, text string) bool {
	return len(w.Norm) >= 3 && !isCommon(w.Norm) && startsUpper(text[w.Start:w.End])
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
