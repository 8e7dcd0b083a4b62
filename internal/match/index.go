// Package match judges the passages of an article against a statement
// bundle. It finds quoted and reported passages (internal/passage), meets
// each with the few statements and claims that share its rarer words (an
// inverted index built once per bundle), aligns it word by word and decides:
// verified, misquoted, disputed, or nothing. There is always a floor: a wrong
// badge is worse than none.
//
// The work is bounded and done in steps (Builder.Step, Scan.Step), so that a
// caller in a browser can give the page its turn between them. Words and
// stems are numbered once, when the bundle is indexed and when a text is
// first read; the hot loops then compare integers and index dense arrays.
package match

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"factcheck/internal/bundle"
	"factcheck/internal/textnorm"
)

// Matcher holds a bundle indexed for matching. Build it with New or a
// Builder; it is safe for concurrent use by several scans.
type Matcher struct {
	// words holds every normalised word the matcher knows: the words of
	// the statements and claim wordings, and the function, ordinary and
	// denial words, so that one lookup classifies a word of a text.
	words map[string]wordInfo
	// stems numbers the stems of the known words, of the speakers' and
	// the claims' subjects' words; stemText[id] is the stem.
	stems    map[string]int32
	stemText []string
	stemMask []uint64 // the letters of each stem

	// By word id (the words the statements and wordings use): the
	// BM25-style inverse document frequency over statements and claim
	// wordings, halved for a common word; whether it is common; its stem.
	weight []float64
	common []bool
	idStem []int32

	statements []statementEntry
	// postings[postStart[id]:postStart[id+1]] is where word id occurs in
	// the statements, by statement and position.
	postStart []int32
	postings  []posting

	claims   []claimEntry   // every disputable claim
	wordings []wordingEntry // every wording of every disputable claim
	// wordingPosts[wordingStart[st]:wordingStart[st+1]] are the wordings
	// whose terms hold stem st, in order.
	wordingStart []int32
	wordingPosts []int32
	// stemWeight[st] is the weight stem st has in the first wording that
	// holds it: the weight of a text word met only through its stem.
	stemWeight []float64
	maxWeight  float64 // the weight of a word no statement or wording uses
}

// wordInfo is what the matcher knows of a normalised word.
type wordInfo struct {
	id    int32 // -1 for a word no statement or wording uses
	stem  int32 // stem id
	flags uint8
}

// Word flags. flagName and flagGap depend on how a text writes the word, so
// they are set on a text's words only.
const (
	flagFunction uint8 = 1 << iota // a function word
	flagCommon                     // a function or ordinary word, or a short number
	flagNegation                   // turns a statement around
	flagDenial                     // reports a dispute
	flagName                       // written with a capital, not common
	flagGap                        // an ellipsis or an editorial insertion stands before it
	flagSource                     // what a text calls an unnamed speaker
)

type posting struct{ doc, pos int32 }

type statementEntry struct {
	s     *bundle.Statement
	ids   []int32  // its words' ids
	spans []span32 // its words' byte spans in s.Text
	// speaker holds the stems of the words of its speaker's name, job
	// title and affiliation.
	speaker []int32
}

type span32 struct{ start, end int32 }

// wordingEntry is one wording of a claim: claimReviewed, a variant, or
// the fact-check's headline.
type wordingEntry struct {
	claim    int32 // index in Matcher.claims
	headline bool
	ids      []int32
	// terms are the stems of its words that are not function words, with
	// weights: what a passage must share to state the claim.
	terms   []term
	total   float64 // sum of the terms' weights
	negated bool    // the wording says "not", "never"...
	denies  bool    // the wording uses a denial word
	bm25    float64 // BM25 term factor for its length: (k1+1)/(1+k1*norm)
}

// term is one stem of a claim wording.
type term struct {
	stem   int32
	weight float64
	name   bool // a name of the claim's subject ("Biden", "Kyiv")
	number bool // a number ("122", "2022")
}

type claimEntry struct {
	c *bundle.Claim
	// subject holds the stems of the names the claim is about; a passage
	// states the claim when it, or the article around a quote of it,
	// names them.
	subject  []int32
	wordings []int32 // its wordings, claimReviewed first
}

// BM25 parameters of the claim wordings' ranking. A wording's length
// counts for less than BM25's usual 0.75 (bm25b): a claim is one sentence,
// and a long one is long because it says more of its subject, not because
// it rambles. With one occurrence of each term, k1 only sets how much the
// length counts too, and less is better again. Both were chosen by
// cross-validation on the CLEF train split: best recall 0.555 at b 0.75,
// 0.571 at 0.5, 0.573 at 0.3 (k1 1.2); then, averaged over six ways of
// cutting the folds, 0.568 at k1 1.2, 0.577 at 0.8, 0.576 at 0.5, 0.578 at
// 0.3, with P@1 best at 0.5 (0.843).
const k1, bm25b = 0.5, 0.5

// New indexes a bundle at once.
func New(b *bundle.Bundle) *Matcher {
	return NewBuilder(b).Matcher()
}

// Builder indexes a bundle a step at a time: a large bundle takes a few
// hundred milliseconds in a browser, too long to hold the page.
//
//	bl := match.NewBuilder(b)
//	for !bl.Step(64) {
//		// give the page its turn
//	}
//	m := bl.Matcher()
type Builder struct {
	b     *bundle.Bundle
	m     *Matcher
	stage int
	next  int // the next statement, claim or wording of the stage

	docs     int                // statements and wordings counted
	df       []int32            // by word id: documents using the word
	counted  []int32            // by word id: the last document that counted it, plus one
	speakers map[string][]int32 // by speakerKey
	split    textnorm.Splitter
	scratch  []textnorm.Word

	// The statements' words end to end, cut into statements at the end.
	ids   []int32
	spans []span32
	first []int32 // by statement: its first word

	pending []pendingWording // the wordings, until the weights are known
}

type pendingWording struct {
	text  string
	words []textnorm.Word
}

// Stages of a build. Weighing the words ends the claims' stage; indexing
// the wordings ends theirs; each takes one unit.
const (
	stageStatements = iota // one unit per statement
	stageClaims            // one unit per claim
	stageWordings          // one unit per wording
	stageDone
)

// NewBuilder starts indexing b; b must not change until the build is done.
func NewBuilder(b *bundle.Bundle) *Builder {
	m := &Matcher{words: make(map[string]wordInfo), stems: make(map[string]int32)}
	bl := &Builder{b: b, m: m, speakers: make(map[string][]int32)}
	// Make room for the statements' words, about one in six bytes.
	size := 0
	for _, s := range b.Statements {
		size += len(s.Text)/6 + 1
	}
	bl.ids, bl.spans = make([]int32, 0, size), make([]span32, 0, size)
	m.statements = make([]statementEntry, 0, len(b.Statements))
	for _, list := range wordLists {
		for _, w := range strings.Fields(list.words) {
			info := m.know(w)
			info.flags |= list.flags
			m.words[w] = info
		}
	}
	return bl
}

// Step does up to n units of work (a unit is a statement, a claim or a
// claim wording indexed) and reports whether the Matcher is ready.
func (bl *Builder) Step(n int) bool {
	for ; n > 0 && bl.stage != stageDone; n-- {
		switch {
		case bl.stage == stageStatements && bl.next < len(bl.b.Statements):
			bl.addStatement(bl.b.Statements[bl.next])
			bl.next++
		case bl.stage == stageStatements:
			bl.stage, bl.next = stageClaims, 0
			n++ // no work done
		case bl.stage == stageClaims && bl.next < len(bl.b.Claims):
			bl.addClaim(bl.b.Claims[bl.next])
			bl.next++
		case bl.stage == stageClaims:
			bl.weigh()
			bl.stage, bl.next = stageWordings, 0
		case bl.next < len(bl.pending):
			bl.addTerms(bl.next)
			bl.next++
		default:
			bl.finish()
			bl.stage = stageDone
		}
	}
	return bl.stage == stageDone
}

// Matcher finishes the build if Step has not, and returns the matcher.
func (bl *Builder) Matcher() *Matcher {
	for !bl.Step(1 << 30) {
	}
	return bl.m
}

// know returns what the matcher knows of the normalised word w, adding it
// (with no id) if it is new.
func (m *Matcher) know(w string) wordInfo {
	if info, ok := m.words[w]; ok {
		return info
	}
	info := wordInfo{id: -1, stem: m.internStem(stem(w)), flags: flagsOf(w)}
	m.words[w] = info
	return info
}

func (m *Matcher) internStem(st string) int32 {
	if id, ok := m.stems[st]; ok {
		return id
	}
	id := int32(len(m.stemText))
	m.stems[st] = id
	m.stemText = append(m.stemText, st)
	m.stemMask = append(m.stemMask, letters(st))
	return id
}

// count numbers the words of one document (a statement or a wording) and
// counts each once towards its document frequency. It appends their ids
// to dst.
func (bl *Builder) count(dst []int32, words []textnorm.Word) []int32 {
	m := bl.m
	bl.docs++
	for _, w := range words {
		info := m.know(w.Norm)
		if info.id < 0 {
			info.id = int32(len(bl.df))
			m.words[w.Norm] = info
			bl.df = append(bl.df, 0)
			bl.counted = append(bl.counted, 0)
		}
		if bl.counted[info.id] != int32(bl.docs) {
			bl.counted[info.id] = int32(bl.docs)
			bl.df[info.id]++
		}
		dst = append(dst, info.id)
	}
	return dst
}

// words splits text into words, in scratch memory valid until the next
// call.
func (bl *Builder) words(text string) []textnorm.Word {
	bl.split.Reset(text)
	bl.scratch, _ = bl.split.Next(bl.scratch[:0], len(text))
	return bl.scratch
}

// speakerKey tells speakers apart: their names, title and affiliation.
func speakerKey(p bundle.Person) string {
	return strings.Join(append([]string{p.Name, p.JobTitle, p.Affiliation}, p.AlternateNames...), "\x00")
}

func (bl *Builder) addStatement(s *bundle.Statement) {
	words := bl.words(s.Text)
	bl.first = append(bl.first, int32(len(bl.ids)))
	bl.ids = bl.count(bl.ids, words)
	for _, w := range words {
		bl.spans = append(bl.spans, span32{int32(w.Start), int32(w.End)})
	}
	key := speakerKey(s.Speaker)
	speaker, ok := bl.speakers[key]
	if !ok {
		p := s.Speaker
		for _, text := range append([]string{p.Name, p.JobTitle, p.Affiliation}, p.AlternateNames...) {
			for _, w := range bl.words(text) {
				speaker = append(speaker, bl.m.internStem(stem(w.Norm)))
			}
			for _, a := range acronyms(text) {
				speaker = append(speaker, bl.m.internStem(a))
			}
		}
		bl.speakers[key] = speaker
	}
	bl.m.statements = append(bl.m.statements, statementEntry{s: s, speaker: speaker})
}

func (bl *Builder) addClaim(c *bundle.Claim) {
	if c.RatesTrue {
		return // a review that rates the claim true disputes nothing
	}
	m := bl.m
	ci := int32(len(m.claims))
	m.claims = append(m.claims, claimEntry{c: c, subject: bl.subjectOf(c)})
	texts := append([]string{c.Text}, c.Variants...)
	if c.Headline != "" && textnorm.Key(c.Headline) != textnorm.Key(c.Text) {
		texts = append(texts, c.Headline)
	}
	for k, text := range texts {
		words := bl.words(text)
		if len(words) == 0 {
			continue
		}
		headline := k == len(texts)-1 && k > len(c.Variants)
		m.claims[ci].wordings = append(m.claims[ci].wordings, int32(len(m.wordings)))
		m.wordings = append(m.wordings, wordingEntry{claim: ci, headline: headline, ids: bl.count(nil, words)})
		bl.pending = append(bl.pending, pendingWording{text, slices.Clone(words)})
	}
}

// subjectOf returns the stems of the names a claim is about: the names in
// its About list and in its wordings (words written with a capital that are
// not ordinary words, like "Biden" or "Kyiv").
func (bl *Builder) subjectOf(c *bundle.Claim) []int32 {
	var out []int32
	for _, text := range append(append([]string{c.Text}, c.Variants...), c.About...) {
		for _, w := range bl.words(text) {
			if !bl.m.isName(w, text) {
				continue
			}
			if st := bl.m.internStem(stem(w.Norm)); !containsID(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// weigh computes the words' weights and the statements' postings.
func (bl *Builder) weigh() {
	m := bl.m
	m.weight = make([]float64, len(bl.df))
	m.common = make([]bool, len(bl.df))
	m.idStem = make([]int32, len(bl.df))
	for id, n := range bl.df {
		m.weight[id] = math.Log(1 + (float64(bl.docs)-float64(n)+0.5)/(float64(n)+0.5))
	}
	for _, info := range m.words {
		if info.id >= 0 {
			m.idStem[info.id] = info.stem
		}
		if info.id >= 0 && info.flags&flagCommon != 0 {
			m.common[info.id] = true
			m.weight[info.id] *= 0.5
		}
	}

	bl.first = append(bl.first, int32(len(bl.ids)))
	m.postStart = make([]int32, len(bl.df)+1)
	for _, id := range bl.ids {
		m.postStart[id+1]++
	}
	for id := range bl.df {
		m.postStart[id+1] += m.postStart[id]
	}
	m.postings = make([]posting, len(bl.ids))
	fill := append([]int32(nil), m.postStart[:len(bl.df)]...)
	for d := range m.statements {
		st := &m.statements[d]
		lo, hi := bl.first[d], bl.first[d+1]
		st.ids, st.spans = bl.ids[lo:hi:hi], bl.spans[lo:hi:hi]
		for i, id := range st.ids {
			m.postings[fill[id]] = posting{int32(d), int32(i)}
			fill[id]++
		}
	}
	bl.counted, bl.first, bl.speakers = nil, nil, nil
}

// addTerms sets the terms of wording i. A headline is written in title
// case, so its names are the claim's subject's, not its capitals.
func (bl *Builder) addTerms(i int) {
	m := bl.m
	wd, p := &m.wordings[i], bl.pending[i]
	subject := m.claims[wd.claim].subject
	for k, w := range p.words {
		info := m.words[w.Norm]
		wd.negated = wd.negated || info.flags&flagNegation != 0
		wd.denies = wd.denies || info.flags&flagDenial != 0
		if info.flags&flagFunction != 0 || containsTerm(wd.terms, info.stem) {
			continue
		}
		name := containsID(subject, info.stem) && (wd.headline || m.isName(w, p.text))
		t := term{stem: info.stem, weight: m.weight[wd.ids[k]], name: name, number: isNumber(w.Norm)}
		wd.terms = append(wd.terms, t)
		wd.total += t.weight
	}
}

// finish indexes the wordings by the stems of their terms.
func (bl *Builder) finish() {
	m := bl.m
	bl.pending, bl.scratch, bl.split = nil, nil, textnorm.Splitter{}
	var lengths float64
	m.wordingStart = make([]int32, len(m.stemText)+1)
	for _, wd := range m.wordings {
		lengths += float64(len(wd.terms))
		for _, t := range wd.terms {
			m.wordingStart[t.stem+1]++
		}
	}
	for st := range m.stemText {
		m.wordingStart[st+1] += m.wordingStart[st]
	}
	m.wordingPosts = make([]int32, m.wordingStart[len(m.stemText)])
	m.stemWeight = make([]float64, len(m.stemText))
	fill := append([]int32(nil), m.wordingStart[:len(m.stemText)]...)
	avg := lengths / float64(max(1, len(m.wordings)))
	for i := range m.wordings {
		wd := &m.wordings[i]
		wd.bm25 = (k1 + 1) / (1 + k1*(1-bm25b+bm25b*float64(len(wd.terms))/avg))
		for _, t := range wd.terms {
			if fill[t.stem] == m.wordingStart[t.stem] {
				m.stemWeight[t.stem] = t.weight
			}
			m.wordingPosts[fill[t.stem]] = int32(i)
			fill[t.stem]++
		}
	}
	m.maxWeight = math.Log(1 + (float64(bl.docs)+0.5)/0.5)
}

// statementPostings returns where word id occurs in the statements.
func (m *Matcher) statementPostings(id int32) []posting {
	return m.postings[m.postStart[id]:m.postStart[id+1]]
}

// wordingPostings returns the wordings whose terms hold stem st.
func (m *Matcher) wordingPostings(st int32) []int32 {
	return m.wordingPosts[m.wordingStart[st]:m.wordingStart[st+1]]
}

// isName reports whether a word of text is a name: written with a capital
// and not a function or ordinary word (so "The" and "Call" at the start of a
// headline are not names, but "Biden" is anywhere).
func (m *Matcher) isName(w textnorm.Word, text string) bool {
	return len(w.Norm) >= 3 && !m.isCommon(w.Norm) && startsUpper(text[w.Start:w.End])
}

// isCommon reports whether a normalised word is a function or ordinary
// word, or a short number.
func (m *Matcher) isCommon(w string) bool {
	info, ok := m.words[w]
	if !ok {
		info.flags = flagsOf(w)
	}
	return info.flags&flagCommon != 0
}

func startsUpper(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func containsTerm(ts []term, st int32) bool {
	for _, t := range ts {
		if t.stem == st {
			return true
		}
	}
	return false
}
