package match

import (
	"sort"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/passage"
	"factcheck/internal/textnorm"
)

// Limits on one passage, so that a hostile page cannot make one step slow.
const (
	maxQuoteWords    = 400 // longer quotes are not judged
	maxSentenceWords = 150
	statementTries   = 3 // statements aligned per quote
	maxPostings      = 4000
	voteWords        = 6 // the rarest words of a quote that look for its statement
)

// chunkBytes is how much text one unit of a scan's reading covers: about
// as long to split and classify as one passage is to judge. segmentBytes
// is how much one unit searches for passages.
const (
	chunkBytes   = 2048
	segmentBytes = 8192
)

// Scan is the judging of one text, a few steps at a time, so that a caller
// in a browser can give the page its turn between steps. It first reads the
// text (its words, numbered and classified once), then finds its passages,
// then judges them.
type Scan struct {
	m     *Matcher
	text  string
	split *textnorm.Splitter // nil once the text is read

	// By word of the text, in arrays without pointers (the garbage
	// collector need not look at them):
	spans []span32 // byte span in text
	ids   []int32  // word id, -1 for a word no statement or wording uses
	stems []int32  // stem id (see stemText)
	flags []uint8
	chunk []textnorm.Word // scratch: the words being read
	// linkEnd is where the last link met in the text ends: its parts
	// ("https", "t", "co") are not words of the text.
	linkEnd int
	// editorialEnd is where the last editorial insertion met in the text
	// ends ("[Russia]", "[sic]"): its words are not the speaker's, and the
	// word after it has flagGap, as after an ellipsis.
	editorialEnd   int
	afterEditorial bool
	// joinedTags counts the hashtags readJoined has tried to split.
	joinedTags int
	// The text's stems that the matcher does not know have ids from
	// len(m.stemText) on: local[st] is their id, localText[id-len(m.stemText)]
	// the stem.
	local     map[string]int32
	localText []string
	localMask []uint64
	// unknowns caches unknown's answers by word: stemming is the costly
	// part of reading, and a text repeats its words.
	unknowns map[string]wordInfo
	// article[st] is set when the text names stem st (only the stems of
	// claims' subjects are looked up).
	article []bool

	passages []passage.Passage
	listed   int // passages holds those of text[:listed]
	next     int // the next passage to judge
	// para is the paragraph of the passages being judged, and sentences
	// the number of its sentences: a paragraph of several is judged as a
	// whole too, once its last passage is.
	para      passage.Span
	sentences int

	found []candidate
	al    aligner
	s     scratch
	// skip leaves claims out, as if the bundle lacked them, and model
	// decides claims (see CheckOptions).
	skip  func(*bundle.Claim) bool
	model *Model

	// The statement side's (quote.go, narration.go): where the quotes
	// judged so far end, and a sentence's words outside quote marks.
	quoteEnd  int
	narration []int32
}

// candidate is a finding before overlaps are settled.
type candidate struct {
	Finding
	sentence bool // found on a whole sentence rather than a quote
	// core is the part of a sentence that states the claim: what is
	// badged when a quote in the sentence has a badge of its own.
	core passage.Span
}

// framing reports whether the finding is a quote that may frame an
// official's exact words in someone else's: a misquote or a
// misattribution.
func (c *candidate) framing() bool {
	return c.Verdict == Misquoted || c.Verdict == Misattributed
}

// Check judges text at once.
func (m *Matcher) Check(text string) []Finding {
	return m.CheckWith(text, CheckOptions{})
}

// CheckOptions are what an evaluation varies in a check.
type CheckOptions struct {
	// Skip leaves out the claims for which it returns true, as if the
	// bundle lacked them: what a reader gets on a page about a claim the
	// bundle does not hold, without indexing the bundle again.
	Skip func(*bundle.Claim) bool
	// Model, when not nil, replaces the claim model (for fitting it).
	Model *Model
}

// CheckWith judges text at once, with options.
func (m *Matcher) CheckWith(text string, o CheckOptions) []Finding {
	s := m.NewScan(text)
	s.skip = o.Skip
	if o.Model != nil {
		s.model = o.Model
	}
	for !s.Step(1 << 30) {
	}
	return s.Findings()
}

// NewScan prepares the judging of text: blocks are separated by '\n'.
// Step does the work.
func (m *Matcher) NewScan(text string) *Scan {
	n := len(text)/6 + 16 // about one word in six bytes
	return &Scan{m: m, text: text, split: textnorm.NewSplitter(text),
		spans: make([]span32, 0, n), ids: make([]int32, 0, n),
		stems: make([]int32, 0, n), flags: make([]uint8, 0, n),
		local: make(map[string]int32), unknowns: make(map[string]wordInfo),
		model: &claimModel}
}

// Step does up to n units of work and reports whether the scan is done. A
// unit is one passage judged or, before that, a couple of kilobytes of the
// text read, or several searched for passages.
func (s *Scan) Step(n int) bool {
	for ; n > 0 && s.split != nil; n-- {
		s.read()
	}
	for ; n > 0 && s.listed < len(s.text); n-- {
		end := passage.Cut(s.text, s.listed, segmentBytes)
		s.passages = append(s.passages, passage.FindIn(s.text, s.listed, end)...)
		s.listed = end
	}
	for ; n > 0 && s.next < len(s.passages); n-- {
		p := &s.passages[s.next]
		s.next++
		if p.Para != s.para {
			s.endParagraph()
			s.para = p.Para
		}
		if p.Kind == passage.Quote {
			s.judgeQuote(p)
		} else {
			s.sentences++
			s.judgeSentence(p)
			s.judgeNarration(p)
		}
	}
	done := s.split == nil && s.listed == len(s.text) && s.next == len(s.passages)
	if done {
		s.endParagraph()
	}
	return done
}

// endParagraph judges the paragraph whose passages were judged last, when
// it has sentences.
func (s *Scan) endParagraph() {
	if s.sentences > 0 {
		s.judgeParagraph(s.para)
	}
	s.sentences = 0
}

// read splits the next chunk of the text into words and classifies them.
func (s *Scan) read() {
	m := s.m
	words, done := s.split.Next(s.chunk[:0], chunkBytes)
	if done {
		s.split, s.chunk = nil, nil
	} else {
		s.chunk = words
	}
	if s.article == nil && len(m.wordings) > 0 {
		s.article = make([]bool, len(m.stemText))
	}
	for _, w := range words {
		if w.Start < s.linkEnd || w.Start < s.editorialEnd {
			continue
		}
		if end := s.editorialAt(w); end > 0 {
			s.editorialEnd, s.afterEditorial = end, true
			continue
		}
		if end := linkAt(s.text, w); end > 0 {
			s.linkEnd = end
			continue
		}
		if hashtag(s.text, w) {
			s.readHashtag(w)
			continue
		}
		if (w.Start > 0 && s.text[w.Start-1] == '#' || mention(s.text, w)) && s.readJoined(w) {
			continue
		}
		s.readWord(w)
	}
}

// readWord classifies word w of the text and appends it.
func (s *Scan) readWord(w textnorm.Word) {
	m := s.m
	info, ok := m.words[w.Norm]
	if !ok {
		info = s.unknown(w.Norm)
	}
	if info.flags&flagNegation != 0 && numberSign(s.text, w) {
		info.flags &^= flagNegation
	}
	if info.flags&flagCommon == 0 && len(w.Norm) >= 3 && startsUpper(s.text[w.Start:w.End]) {
		info.flags |= flagName
		if s.article != nil && s.known(info.stem) {
			s.article[info.stem] = true
		}
	}
	if w.Gap || s.afterEditorial {
		info.flags |= flagGap
		s.afterEditorial = false
	}
	s.spans = append(s.spans, span32{int32(w.Start), int32(w.End)})
	s.ids = append(s.ids, info.id)
	s.stems = append(s.stems, info.stem)
	s.flags = append(s.flags, info.flags)
}

// numberSign reports whether word w is "No." before a number ("jersey No.
// 13"): the sign for number, not a negation.
func numberSign(text string, w textnorm.Word) bool {
	if w.Norm != "no" || !strings.HasPrefix(text[w.End:], ".") {
		return false
	}
	rest := strings.TrimLeft(text[w.End+1:], " \u00a0")
	return rest != "" && '0' <= rest[0] && rest[0] <= '9'
}

// Bounds of an editorial insertion: the words a writer puts in square
// brackets inside a quote, in place of the speaker's or beside them
// ("could invade [Ukraine]", "[the Russians]", "[sic]").
const (
	maxEditorialBytes = 40
	maxEditorialWords = 4
)

// editorialAt returns the end of the editorial insertion that begins with
// word w, or 0 when none does: w follows a '[' and a ']' closes it within
// maxEditorialBytes and maxEditorialWords, on the same line. An insertion
// that holds a negation ("[not]") is read as words: it would turn the
// speaker's words around.
func (s *Scan) editorialAt(w textnorm.Word) int {
	if w.Start == 0 || s.text[w.Start-1] != '[' {
		return 0
	}
	inside := s.text[w.Start:min(len(s.text), w.Start+maxEditorialBytes)]
	close := strings.IndexByte(inside, ']')
	if close < 0 || strings.ContainsAny(inside[:close], "[\n") {
		return 0
	}
	words := textnorm.Words(inside[:close])
	if len(words) > maxEditorialWords {
		return 0
	}
	for _, x := range words {
		if isNegation(x.Norm) { // what flagNegation is set from
			return 0
		}
	}
	return w.Start + close + 1
}

// maxLinkBytes bounds how far a link is looked for its end.
const maxLinkBytes = 2048

// linkAt returns the end of the link that begins with word w
// ("https://t.co/x", "www.example.org", "pic.twitter.com/x"), or 0 when
// none does. Posts glue links to the word before them ("#tcot
// pic.twitter.com/x", "Lawshttps://t.co/x"), so w need only end with the
// link's first part; such a word goes with the link. A link ends at a
// space.
func linkAt(text string, w textnorm.Word) int {
	rest, n := text[w.End:], w.Norm
	switch {
	case strings.HasPrefix(rest, "://") && (strings.HasSuffix(n, "http") || strings.HasSuffix(n, "https")):
	case n == "www" && len(rest) > 1 && rest[0] == '.' && rest[1] > ' ':
	case strings.HasPrefix(rest, ".twitter.com/") && strings.HasSuffix(n, "pic"):
	default:
		return 0
	}
	end := w.End
	for end < len(text) && end-w.End < maxLinkBytes && text[end] > ' ' {
		end++
	}
	return end
}

// hashtag reports whether w is a hashtag written in camel case
// ("#AustralianFires"), in ASCII.
func hashtag(text string, w textnorm.Word) bool {
	if w.Start == 0 || text[w.Start-1] != '#' || w.End-w.Start > 64 {
		return false
	}
	for i := w.Start + 1; i < w.End; i++ {
		if c := text[i]; c >= 0x80 {
			return false
		} else if 'A' <= c && c <= 'Z' && 'a' <= text[i-1] && text[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// mention reports whether word w is a mention ("@marcorubio"): a post
// names people and bodies so, and it is read as the words it joins, as a
// joined hashtag is (readJoined). A mention in parentheses is not one: it
// is a byline that repeats the name before it ("— Marco Rubio
// (@marcorubio)"), whose words would count the name twice. Nor is an
// e-mail address's domain.
func mention(text string, w textnorm.Word) bool {
	if w.Start == 0 || text[w.Start-1] != '@' {
		return false
	}
	if w.Start == 1 {
		return true
	}
	c := text[w.Start-2] // not '(', nor a letter or digit of any script
	return c != '(' && c < 0x80 && !('a' <= c|0x20 && c|0x20 <= 'z') && !('0' <= c && c <= '9')
}

// readHashtag reads a camel-case hashtag as its words ("Australian",
// "Fires"): a post names its subject so.
func (s *Scan) readHashtag(w textnorm.Word) {
	start := w.Start
	for i := w.Start + 1; i <= w.End; i++ {
		if i < w.End && !('A' <= s.text[i] && s.text[i] <= 'Z' && 'a' <= s.text[i-1] && s.text[i-1] <= 'z') {
			continue
		}
		s.readWord(textnorm.Word{Norm: strings.ToLower(s.text[start:i]), Start: start, End: i})
		start = i
	}
}

// Joined hashtags and mentions ("#fyrefestival", "@marcorubio") are read
// as the known words they join, at most maxJoined of them, each of
// minJoinedBytes to maxJoinedBytes; a scan splits at most maxJoinedTags of
// them (a hostile page may hold thousands: each costs up to a thousand
// lookups).
const (
	maxJoined      = 3
	minJoinedBytes = 3
	maxJoinedBytes = 24
	maxJoinedTags  = 1000
)

// readJoined reads a hashtag or mention that the matcher does not know as
// the fewest words it does know that, joined, spell it ("#fyrefestival" is
// "fyre" "festival"), and reports whether it found them.
func (s *Scan) readJoined(w textnorm.Word) bool {
	n := w.Norm
	if len(n) != w.End-w.Start || len(n) > 64 || len(n) < 2*minJoinedBytes || s.joinedTags == maxJoinedTags {
		return false
	}
	s.joinedTags++
	if info, ok := s.m.words[n]; ok && info.id >= 0 {
		return false
	}
	// parts[k] is the fewest known words that spell n[:k] (-1: none
	// do), and from[k] where the last of them starts.
	var parts, from [65]int8
	for k := 1; k <= len(n); k++ {
		parts[k] = -1
		for a := max(0, k-maxJoinedBytes); a <= k-minJoinedBytes; a++ {
			if parts[a] < 0 || parts[a] >= maxJoined {
				continue
			}
			if info, ok := s.m.words[n[a:k]]; !ok || info.id < 0 || info.flags&flagFunction != 0 {
				continue
			}
			if parts[k] < 0 || parts[a]+1 < parts[k] {
				parts[k], from[k] = parts[a]+1, int8(a)
			}
		}
	}
	if parts[len(n)] < 2 {
		return false
	}
	var cuts [maxJoined + 1]int
	for k, c := len(n), int(parts[len(n)]); k > 0; k, c = int(from[k]), c-1 {
		cuts[c] = k
	}
	for p := 0; p < int(parts[len(n)]); p++ {
		a, b := cuts[p], cuts[p+1]
		s.readWord(textnorm.Word{Norm: n[a:b], Start: w.Start + a, End: w.Start + b})
	}
	return true
}

// unknown classifies a word the matcher does not know: no function,
// ordinary or denial word is unknown. Its stem may be known.
func (s *Scan) unknown(w string) wordInfo {
	if info, ok := s.unknowns[w]; ok {
		return info
	}
	st := stem(w)
	id, ok := s.m.stems[st]
	if !ok {
		if id, ok = s.local[st]; !ok {
			id = int32(len(s.m.stemText) + len(s.localText))
			s.local[st] = id
			s.localText = append(s.localText, st)
			s.localMask = append(s.localMask, letters(st))
		}
	}
	info := wordInfo{id: -1, stem: id, flags: flagsOf(w)}
	s.unknowns[w] = info
	return info
}

// known reports whether the matcher knows stem st.
func (s *Scan) known(st int32) bool { return int(st) < len(s.m.stemText) }

// stemText returns stem st.
func (s *Scan) stemText(st int32) string {
	if s.known(st) {
		return s.m.stemText[st]
	}
	return s.localText[int(st)-len(s.m.stemText)]
}

// stemMask returns the letters of stem st.
func (s *Scan) stemMask(st int32) uint64 {
	if s.known(st) {
		return s.m.stemMask[st]
	}
	return s.localMask[int(st)-len(s.m.stemText)]
}

// Findings returns the findings so far in text order. Where two overlap,
// a quote wins over a whole sentence and a longer quote over a shorter one.
func (s *Scan) Findings() []Finding {
	c := s.found
	// Candidates are large and hold pointers: sort and keep indexes.
	order := make([]int, len(c))
	for i := range order {
		order[i] = i
	}
	// Where findings overlap, a quote beats a sentence, an exact or
	// disputed quote beats a misquote or misattribution (an outer quote
	// that frames the official's exact words, nested in their own marks,
	// is someone else's quote of them), and then the longer wins.
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &c[order[i]], &c[order[j]]
		if a.sentence != b.sentence {
			return !a.sentence
		}
		if am, bm := a.framing(), b.framing(); am != bm {
			return !am
		}
		return a.End-a.Start > b.End-b.Start
	})
	var kept []int // the findings kept, in text order: they do not overlap
	// free reports where c[k] can go among the kept findings, if it
	// overlaps none: the one kept finding that could overlap it is the
	// last one that starts before it ends.
	free := func(k int) (int, bool) {
		i := sort.Search(len(kept), func(i int) bool { return c[kept[i]].Start >= c[k].End })
		return i, i == 0 || c[kept[i-1]].End <= c[k].Start
	}
	for _, k := range order {
		i, ok := free(k)
		if !ok && c[k].sentence && (c[k].core.Start > c[k].Start || c[k].core.End < c[k].End) {
			c[k].Start, c[k].End = c[k].core.Start, c[k].core.End
			i, ok = free(k)
		}
		if ok {
			kept = append(kept, 0)
			copy(kept[i+1:], kept[i:])
			kept[i] = k
		}
	}
	out := make([]Finding, len(kept))
	for i, k := range kept {
		out[i] = c[k].Finding
	}
	return out
}

// span returns the index range of the words inside [start, end).
func (s *Scan) span(start, end int) (int, int) {
	i := sort.Search(len(s.spans), func(k int) bool { return int(s.spans[k].start) >= start })
	j := sort.Search(len(s.spans), func(k int) bool { return int(s.spans[k].end) > end })
	return i, max(i, j)
}

// judgeable reports whether words [i, j) say enough to be judged: two
// uncommon words, or one in a passage of six words or more.
func (s *Scan) judgeable(i, j int) bool {
	rare := 0
	for _, f := range s.flags[i:j] {
		if f&flagCommon == 0 {
			rare++
		}
	}
	return rare >= 2 || rare == 1 && j-i >= 6
}
