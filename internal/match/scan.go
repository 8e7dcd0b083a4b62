package match

import (
	"slices"
	"sort"

	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// Limits on one passage, so that a hostile page cannot make one step slow.
const (
	maxQuoteWords    = 400 // longer quotes are not judged
	maxSentenceWords = 150
	statementTries   = 3 // statements aligned per quote
	wordingTries     = 8 // claim wordings verified per passage
	maxPostings      = 4000
	voteWords        = 6 // the rarest words of a quote that look for its statement
)

// Scan is the judging of one text, a few passages at a time, so that a
// caller in a browser can give the page its turn between steps.
type Scan struct {
	m        *Matcher
	text     string
	words    []textnorm.Word
	ids      []int32
	passages []passage.Passage
	next     int

	found   []candidate
	al      aligner
	votes   map[uint64]float64
	rare    []int // scratch: indexes of a quote's rare words
	scores  map[int32]float64
	stems   map[string]bool // scratch: the stems of one sentence
	article map[string]bool // the stems of the names in the whole text
}

// candidate is a finding before overlaps are settled.
type candidate struct {
	Finding
	sentence bool // found on a whole sentence rather than a quote
}

// Check judges text at once.
func (m *Matcher) Check(text string) []Finding {
	s := m.NewScan(text)
	for !s.Step(1 << 30) {
	}
	return s.Findings()
}

// NewScan prepares the judging of text: blocks are separated by '\n'.
func (m *Matcher) NewScan(text string) *Scan {
	s := &Scan{
		m:        m,
		text:     text,
		words:    textnorm.Words(text),
		passages: passage.Find(text),
		votes:    make(map[uint64]float64),
		scores:   make(map[int32]float64),
		stems:    make(map[string]bool),
	}
	s.ids = m.lookup(make([]int32, 0, len(s.words)), s.words)
	if len(m.wordings) > 0 {
		s.article = make(map[string]bool)
		for _, w := range s.words {
			if isName(w, text) {
				s.article[stem(w.Norm)] = true
			}
		}
	}
	return s
}

// Len returns how many passages the scan judges in all.
func (s *Scan) Len() int { return len(s.passages) }

// Step judges up to n more passages and reports whether the scan is done.
func (s *Scan) Step(n int) bool {
	for ; n > 0 && s.next < len(s.passages); n-- {
		p := &s.passages[s.next]
		s.next++
		if p.Kind == passage.Quote {
			s.judgeQuote(p)
		} else {
			s.judgeSentence(p)
		}
	}
	return s.next == len(s.passages)
}

// Findings returns the findings so far in text order. Where two overlap,
// a quote wins over a whole sentence and a longer quote over a shorter one.
func (s *Scan) Findings() []Finding {
	c := slices.Clone(s.found)
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].sentence != c[j].sentence {
			return !c[i].sentence
		}
		return c[i].End-c[i].Start > c[j].End-c[j].Start
	})
	var out []Finding
	for _, f := range c {
		overlaps := false
		for _, g := range out {
			if f.Start < g.End && g.Start < f.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, f.Finding)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// span returns the index range of the words inside [start, end).
func (s *Scan) span(start, end int) (int, int) {
	i := sort.Search(len(s.words), func(k int) bool { return s.words[k].Start >= start })
	j := sort.Search(len(s.words), func(k int) bool { return s.words[k].End > end })
	return i, max(i, j)
}

// judgeable reports whether words say enough to be judged: two uncommon
// words, or one in a passage of six words or more.
func judgeable(words []textnorm.Word) bool {
	rare := 0
	for _, w := range words {
		if !isCommon(w.Norm) {
			rare++
		}
	}
	return rare >= 2 || rare == 1 && len(words) >= 6
}

// context reports whether the passage's paragraph names the claim's subject
// and the article names enough of it: the same words about something else
// are not the claim.
func (s *Scan) context(c *claimEntry, para passage.Span) bool {
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
	i, j := s.span(para.Start, para.End)
	for _, w := range s.words[i:j] {
		if slices.Contains(c.subject, stem(w.Norm)) && isName(w, s.text) {
			return true
		}
	}
	return false
}
