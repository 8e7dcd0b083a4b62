package passage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the search for a cue, in tokens: the nearest cue wins, so a
// bounded window keeps the search linear however many quotes a sentence
// holds.
const (
	maxReach   = 40 // tokens between a quote and the verb of its cue
	maxSubject = 12 // words in a speaker's noun phrase
)

// attribute sets the sentence of every quote, and the speaker of every
// quote and sentence.
func attribute(text string, blocks []block, quotes []quote, sentences []sentence) {
	var top []int // the top-level quotes, in order
	children := make(map[int][]int)
	for i := range quotes {
		q := &quotes[i]
		q.firstSent = sentenceOf(sentences, q.content.Start)
		q.lastSent = max(sentenceOf(sentences, q.content.End-1), q.firstSent)
		first, last := sentences[q.firstSent], sentences[q.lastSent]
		q.sentence = Span{min(first.Start, q.open.Start), max(last.End, q.close.End)}
		if q.parent < 0 {
			top = append(top, i)
		} else {
			children[q.parent] = append(children[q.parent], i)
		}
	}

	// Sentences and the quotes within one sentence share its tokens; a
	// quote running over sentences has its own.
	c := cues{text: text}
	t := 0
	for si := range sentences {
		s := &sentences[si]
		for t < len(top) && quotes[top[t]].close.End <= s.Start {
			t++
		}
		u := t
		for u < len(top) && quotes[top[u]].open.Start < s.End {
			u++
		}
		c.toks = tokenize(c.toks[:0], text, s.Span, quotes, top[t:u])
		s.speaker = c.sentenceSpeaker()
		for _, qi := range top[t:u] {
			if q := &quotes[qi]; q.firstSent == si && q.lastSent == si {
				c.attribute(quotes, qi)
			}
		}
	}
	for i, qi := range top {
		q := &quotes[qi]
		if q.firstSent != q.lastSent {
			lo := sort.Search(len(top), func(j int) bool { return quotes[top[j]].open.Start >= q.sentence.Start })
			hi := sort.Search(len(top), func(j int) bool { return quotes[top[j]].open.Start >= q.sentence.End })
			c.toks = tokenize(c.toks[:0], text, q.sentence, quotes, top[lo:hi])
			c.attribute(quotes, qi)
		}
		if i > 0 {
			continues(text, quotes, top[i-1], qi)
		}
	}

	// What names no speaker may take one from the blocks around it: a
	// lead-in ("Horne said:") or a table's row or column.
	if given := blockSpeakers(text, blocks, sentences); given != nil {
		for i := range sentences {
			if s := &sentences[i]; s.speaker == "" {
				s.speaker = given[s.block]
			}
		}
		for _, qi := range top {
			if q := &quotes[qi]; q.speaker == "" && !q.hasCue {
				q.speaker = given[q.block]
			}
		}
	}

	// A quote inside a quote is attributed within the outer quote's
	// words (“Horne: ‘…’”), or else to the outer quote's speaker.
	for i := range quotes {
		if kids := children[i]; len(kids) > 0 {
			c.toks = tokenize(c.toks[:0], text, quotes[i].content, quotes, kids)
			for _, k := range kids {
				c.attribute(quotes, k)
				if quotes[k].speaker == "" {
					quotes[k].speaker = quotes[i].speaker
				}
			}
		}
	}
}

// continues gives the quote q the speaker of the quote p before it when q
// carries on p after an attribution: “…,” Horne said. “…”
func continues(text string, quotes []quote, p, q int) {
	pq, qq := &quotes[p], &quotes[q]
	if qq.hasCue || !pq.spokenAfter || pq.block != qq.block || pq.lastSent+1 != qq.firstSent {
		return
	}
	s := sentenceStart(text, qq.sentence.Start, qq.open.Start)
	if s == qq.open.Start {
		qq.speaker = pq.speaker
	}
}

// sentenceStart returns the offset of the first letter or digit in
// text[from:to], or to when there is none: where the words of a sentence
// begin.
func sentenceStart(text string, from, to int) int {
	if i := strings.IndexFunc(text[from:to], isWordRune); i >= 0 {
		return from + i
	}
	return to
}

// sentenceOf returns the index of the sentence containing offset p (or the
// last one starting before it).
func sentenceOf(sentences []sentence, p int) int {
	return max(sort.Search(len(sentences), func(i int) bool { return sentences[i].Start > p })-1, 0)
}

// cues finds attribution cues in the tokens of a sentence.
type cues struct {
	text string
	toks []token
}

func (c *cues) word(i int) string { return c.text[c.toks[i].Start:c.toks[i].End] }

// is reports whether token i is a word in set (compared in lower case;
// the sets hold short ASCII words).
func (c *cues) is(i int, set map[string]bool) bool {
	if i < 0 || i >= len(c.toks) || c.toks[i].kind != word {
		return false
	}
	w := c.word(i)
	var lower [16]byte
	if len(w) > len(lower) {
		return false
	}
	for j := range len(w) {
		b := w[j]
		if b >= utf8.RuneSelf {
			return false
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower[j] = b
	}
	return set[string(lower[:len(w)])]
}

// isPunct reports whether token i is one of the punctuation marks in set.
func (c *cues) isPunct(i int, set string) bool {
	return i >= 0 && i < len(c.toks) && c.toks[i].kind == punct && strings.Contains(set, c.word(i))
}

// attribute sets the speaker of quotes[qi], whose hole is among the
// tokens: the speaker of the nearest cue before or after it.
func (c *cues) attribute(quotes []quote, qi int) {
	q := &quotes[qi]
	h := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].End > q.open.Start })
	if h == len(c.toks) || c.toks[h].kind != hole || c.toks[h].quote != qi {
		return
	}
	before, dBefore, okBefore := c.before(h)
	after, dAfter, okAfter := c.after(h)
	switch {
	case okAfter && (!okBefore || dAfter <= dBefore):
		q.speaker, q.hasCue, q.spokenAfter = after, true, true
	case okBefore:
		q.speaker, q.hasCue = before, true
	default:
		q.speaker = c.colon(h)
	}
}

// before looks for the nearest cue before token h (Horne told CNN: “…”,
// according to X, “…”) and returns its speaker and its distance in bytes.
func (c *cues) before(h int) (speaker string, dist int, ok bool) {
	for j := h - 1; j >= max(0, h-maxReach); j-- {
		if c.toks[j].kind != word {
			continue
		}
		if n := c.according(j); n > 0 {
			if x := c.phraseAfter(j + n); x != "" {
				return x, c.toks[h].Start - c.toks[j].End, true
			}
		}
		if c.isVerb(j) {
			if x, ok := c.subject(j, 2); ok {
				return x, c.toks[h].Start - c.toks[j].End, true
			}
		}
	}
	return "", 0, false
}

// after looks for a cue right after token h (“…,” Horne said; “…”, said
// Horne; “…,” according to X; « … », a déclaré X; „…“, so X) and returns
// its speaker and distance. After a colon or dash, a name closing the
// sentence is the speaker too, as headlines and tweets print it (“…”:
// Horne; “…” — Emily Horne).
func (c *cues) after(h int) (speaker string, dist int, ok bool) {
	j := h + 1
	for n := 0; n < 2 && c.isPunct(j, ",—–-:"); n++ {
		j++
	}
	if j >= len(c.toks) || c.toks[j].kind != word {
		return "", 0, false
	}
	dist = c.toks[j].Start - c.toks[h].End
	if n := c.according(j); n > 0 {
		x := c.phraseAfter(j + n)
		return x, dist, x != ""
	}
	if c.is(j, auxiliaries) && c.isVerb(j+1) {
		j++
	}
	if c.isVerb(j) || c.word(j) == "so" && c.capitalised(j+1) {
		x := c.phraseAfter(j + 1)
		return x, dist, x != ""
	}
	if x, ok := c.subjectAfter(j); ok {
		return x, dist, true
	}
	if !c.isPunct(j-1, ",") && c.isPunct(j-1, ":—–") && c.capitalised(j) {
		k := j
		for k < len(c.toks) && k-j < maxSubject/2 && c.toks[k].kind == word {
			k++
		}
		if k == len(c.toks) || c.isPunct(k, ".") && k == len(c.toks)-1 {
			return c.phrase(j, k), dist, true
		}
	}
	return "", 0, false
}

// subjectAfter returns the speaker of a subject and verb starting at token
// j: Horne said, Horne, a spokeswoman, said, the official has reportedly
// said.
func (c *cues) subjectAfter(j int) (string, bool) {
	k := j
	for k < len(c.toks) && k-j < maxSubject && c.toks[k].kind == word && !c.isVerb(k) &&
		!c.is(k, stopWords) && !c.is(k, adverbs) {
		k++
	}
	end := k
	if c.isPunct(k, ",") { // an apposition: “…,” Horne, a spokeswoman, said
		k = c.appositionEnd(k)
	}
	for c.is(k, adverbs) || c.is(k, auxiliaries) {
		k++
	}
	if end == j || !c.isVerb(k) {
		return "", false
	}
	return c.phrase(j, end), true
}

// appositionEnd returns the token after the apposition that opens with
// the comma at token k (", a spokeswoman," ), or k when there is none.
func (c *cues) appositionEnd(k int) int {
	for m := k + 1; m < len(c.toks) && m-k <= maxSubject; m++ {
		switch {
		case c.isPunct(m, ","):
			return m + 1
		case c.toks[m].kind != word:
			return k
		}
	}
	return k
}

// appositionStart returns the comma opening the apposition that ends
// with the comma at token k, or k when there is none.
func (c *cues) appositionStart(k int) int {
	for m := k - 1; m >= 0 && k-m <= maxSubject; m-- {
		switch {
		case c.isPunct(m, ","):
			return m
		case c.toks[m].kind != word:
			return k
		}
	}
	return k
}

// capitalised reports whether token i is a word starting with a capital.
func (c *cues) capitalised(i int) bool {
	if i < 0 || i >= len(c.toks) || c.toks[i].kind != word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.word(i))
	return unicode.IsUpper(r)
}

// subject returns the speaker of the verb at token v: the noun phrase
// before it (Horne further told), the subject of an earlier verb it is
// joined to by "and" (the White House disputed … and said), or the phrase
// after it when it follows a quote (“…”, revealed a senior official).
func (c *cues) subject(v, hops int) (string, bool) {
	k := v - 1
	for c.is(k, adverbs) || c.is(k, auxiliaries) {
		k--
	}
	if c.isPunct(k, ",") && k > 0 && c.toks[k-1].kind == word {
		// An apposition: Horne, a spokeswoman, said.
		if m := c.appositionStart(k); m < k {
			k = m - 1
		}
	}
	end := k + 1
	for k >= 0 && end-k <= maxSubject && c.toks[k].kind == word && !c.isVerb(k) && !c.is(k, stopWords) {
		k--
	}
	start := k + 1
	for start < end && c.is(start, prepositions) {
		start++
	}
	if start < end {
		return c.phrase(start, end), true
	}
	switch {
	case c.is(k, conjunctions) && hops > 0:
		for j := k - 1; j >= max(0, k-maxReach); j-- {
			if c.isVerb(j) {
				return c.subject(j, hops-1)
			}
		}
	case k >= 0 && c.toks[k].kind == hole,
		c.isPunct(k, ",") && k > 0 && c.toks[k-1].kind == hole:
		if x := c.phraseAfter(v + 1); x != "" {
			return x, true
		}
	}
	return "", false
}

// phraseAfter returns the noun phrase starting at token i: the speaker in
// "said Horne, a spokeswoman" and "according to the official cited by CNN".
func (c *cues) phraseAfter(i int) string {
	k := i
	for k < len(c.toks) && k-i < maxSubject && c.toks[k].kind == word && !c.isVerb(k) &&
		!c.is(k, stopWords) && !c.is(k, stopAfter) {
		k++
	}
	for k > i && (c.is(k-1, prepositions) || c.is(k-1, articles)) {
		k--
	}
	if k == i {
		return ""
	}
	return c.phrase(i, k)
}

// phrase returns the words of tokens [i, j) as written, or "" for a
// pronoun.
func (c *cues) phrase(i, j int) string {
	if j == i+1 && (c.is(i, pronouns) || c.invertedPronoun(i)) {
		return ""
	}
	return c.text[c.toks[i].Start:c.toks[j-1].End]
}

// invertedPronoun reports whether token i ends with a French pronoun
// joined to a verb: a-t-elle, dit-il.
func (c *cues) invertedPronoun(i int) bool {
	w := c.word(i)
	k := strings.LastIndexByte(w, '-')
	return k > 0 && pronouns[strings.ToLower(w[k+1:])]
}

// isVerb reports whether token i is a verb of speech: in lower case (so
// that the States of "United States" is none) and, for "read", followed by
// , or : ("The White House statement read, “…”").
func (c *cues) isVerb(i int) bool {
	if i < 0 || i >= len(c.toks) || c.toks[i].kind != word {
		return false
	}
	w := c.word(i)
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	if w == "read" || w == "reads" {
		return c.isPunct(i+1, ",:")
	}
	return speechVerbs[w]
}

// according returns how many tokens from i say whose account follows:
// "according to", French "selon" and "d’après", German "laut"; 0 if none.
func (c *cues) according(i int) int {
	if i < 0 || i >= len(c.toks) || c.toks[i].kind != word {
		return 0
	}
	switch w := c.word(i); len(w) { // most words are none of these lengths
	case len("according"):
		if strings.EqualFold(w, "according") && c.isWord(i+1, "to") {
			return 2
		}
	case len("selon"), len("laut"), len("d'après"), len("d’après"):
		if strings.EqualFold(w, "selon") || strings.EqualFold(w, "laut") ||
			strings.EqualFold(w, "d'après") || strings.EqualFold(w, "d’après") {
			return 1
		}
	}
	return 0
}

// isWord reports whether token i is the word w, in any case.
func (c *cues) isWord(i int, w string) bool {
	return i >= 0 && i < len(c.toks) && c.toks[i].kind == word && strings.EqualFold(c.word(i), w)
}

// colon returns the speaker of a headline-style attribution before token
// h: capitalised words opening the sentence, then a colon ("White House:
// Biden reaffirmed …", "Horne: “…”").
func (c *cues) colon(h int) string {
	for i := 0; i < h && i <= maxSubject/2; i++ {
		if c.isPunct(i, ":") && i > 0 {
			if i == 1 && c.is(0, boxLabels) {
				return ""
			}
			return c.phrase(0, i)
		}
		if c.toks[i].kind != word {
			return ""
		}
		if r, _ := utf8.DecodeRuneInString(c.word(i)); !unicode.IsUpper(r) {
			return ""
		}
	}
	return ""
}

// sentenceSpeaker returns who a sentence says spoke its words: the source
// named by "according to", else the speaker of its first cue, else a
// headline-style attribution.
func (c *cues) sentenceSpeaker() string {
	for j := range c.toks {
		if n := c.according(j); n > 0 {
			if x := c.phraseAfter(j + n); x != "" {
				return x
			}
		}
	}
	for j := range c.toks {
		if c.isVerb(j) {
			if x, ok := c.subject(j, 2); ok {
				return x
			}
		}
	}
	return c.colon(len(c.toks))
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// speechVerbs are the verbs of attribution. Present forms that are
	// also common plural nouns (claims, notes, reports) are left out.
	speechVerbs = set("said", "says", "say", "told", "tells", "tell", "added", "adds",
		"stated", "wrote", "writes", "tweeted", "posted", "revealed", "reveals", "noted",
		"warned", "warns", "claimed", "insisted", "insists", "explained", "explains",
		"declared", "declares", "disputed", "disputes", "stressed", "stresses", "argued",
		"argues", "asked", "asks", "replied", "replies", "responded", "responds",
		"answered", "announced", "announces", "confirmed", "confirms", "denied", "denies",
		"acknowledged", "admitted", "admits", "recalled", "recalls", "suggested",
		"suggests", "reported", "commented", "observed", "remarked", "emphasized",
		"emphasised", "reiterated", "cautioned", "concluded", "countered", "maintained",
		"predicted", "promised", "described", "restated", "asserted", "asserts", "urged",
		"vowed", "conceded", "mentioned", "agreed", "alleged", "alleges", "contended",
		"quipped", "shouted", "testified",
		// French, in the passé composé after "a" (a déclaré) and in the
		// present (affirme), and German (sagte, erklärte): an English
		// quote is often reported inside such a sentence.
		"déclaré", "déclare", "affirmé", "affirme", "dit", "ajouté", "ajoute", "souligné",
		"souligne", "indiqué", "indique", "expliqué", "explique", "assuré", "assure",
		"estimé", "estime", "précisé", "précise", "répondu", "répond", "démenti", "dément",
		"écrit", "annoncé", "annonce", "insisté", "insiste", "rappelé", "rappelle",
		"averti", "martelé", "martèle", "nié", "tweeté", "confirmé", "confirme",
		"sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "betonte", "betont",
		"schrieb", "schreibt", "meinte", "warnte", "bestätigte", "dementierte",
		"versicherte", "twitterte", "behauptete", "bekräftigte", "unterstrich", "gesagt",
		"erklärt", "betont")

	// adverbs stand between a speaker and the verb: Horne further told,
	// the White House has reportedly disputed.
	adverbs = set("also", "further", "later", "then", "has", "have", "had", "was", "were",
		"is", "are", "did", "does", "do", "would", "will", "could", "may", "might", "not",
		"reportedly", "previously", "again", "repeatedly", "earlier", "recently", "once",
		"first", "publicly", "privately", "separately", "subsequently", "initially",
		"simply", "just", "flatly", "firmly", "quickly", "already", "even", "often",
		"always", "never", "since", "officially", "openly", "bluntly", "strongly",
		"allegedly", "apparently", "clearly", "explicitly", "directly", "personally",
		"immediately", "still", "yet", "angrily", "herself", "himself", "themselves")

	// stopWords end a speaker's noun phrase.
	stopWords = set("and", "or", "but", "nor", "that", "which", "who", "whom", "whose",
		"as", "while", "when", "where", "whereas", "because", "if", "though", "although",
		"after", "before", "since", "so", "than", "however", "meanwhile", "yet", "to",
		"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will",
		"would", "can", "could", "should", "may", "might", "must", "did", "does", "do",
		"not", "also", "then", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "yesterday", "today", "tonight")

	// stopAfter also end a noun phrase read forwards: said Horne in a
	// statement, said Horne, adding.
	stopAfter = set("on", "in", "at", "during", "about", "over", "adding", "saying",
		"noting", "last", "this", "earlier", "later",
		"dans", "lors", "sur", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
		"dimanche", "am", "im", "auf", "bei", "vor", "gegenüber", "zu",
		"est", "sont", "était", "serait", "seraient", "ist", "sind", "war", "waren", "sei",
		"seien", "hat", "habe", "haben", "wird", "werden")

	// prepositions do not open or close a noun phrase, nor do articles
	// close one.
	prepositions = set("in", "on", "at", "by", "for", "from", "with", "of", "into",
		"during", "amid", "over", "about", "under", "per", "via")
	articles = set("the", "a", "an")

	conjunctions = set("and", "but")

	// auxiliaries stand between a French speaker and the participle (Horne
	// a déclaré), and before it after a quote (« … », a déclaré Horne).
	auxiliaries = set("a", "ont", "avait", "avaient", "aurait")

	// boxLabels open the text of what pages insert in an article (Read:
	// “…”), not a headline's speaker (Horne: “…”).
	boxLabels = set("read", "watch", "listen", "related", "see", "more", "also", "opinion",
		"analysis", "advertisement", "update", "breaking", "live", "exclusive", "video", "photos")

	pronouns = set("he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
		"il", "elle", "ils", "elles", "on", "nous", "er", "sie", "es", "wir")
)
