//go:build js

package page

import (
	"errors"
	"strconv"
	"syscall/js"
	"unicode"
)

// fallbacks are the selectors Root tries, in order, after <article>, on a
// page without a paragraph of text.
var fallbacks = []string{"[itemprop=articleBody]", "main", "[role=main]"}

// Article is the part of a page the widget reads: an element, less the
// regions in it that are not the article.
type Article struct {
	Root js.Value
	// Without is a JavaScript Set of elements under Root that Read leaves
	// out with all they hold, or null: the navigation, sidebars, footers,
	// comment sections and link lists of a body read whole because none
	// of its elements is clearly the article.
	Without js.Value
}

// Root picks the article. With a selector, it is the first element
// matching it; an invalid selector, or one matching nothing, is an error.
//
// Without, Root scores the elements of the body by the text they hold, the
// way content extractors such as Readability do (see scorer), and picks
// the best: the element whose paragraphs outweigh the links, boilerplate
// and other stories it also holds, so that a teaser, a related-stories
// card, a sidebar or a comment section is not taken for the article and
// the article is not cut short. When the best element holds less than
// minShare of the body's paragraph text, it is not clearly the article (a
// table cell of a page laid out in a table, a section of a long document
// whose table of contents counts against the whole, a section front of
// many stories): Root takes the body without its boilerplate regions and
// link lists, since missing the story is worse than reading a little more.
// On a page without a paragraph of text it takes the <article> with the
// most text, else the first of [itemprop=articleBody], <main>,
// [role=main], else document.body.
//
// pause, when non-nil, is called every few thousand nodes, as in Read.
func Root(doc js.Value, selector string, pause func()) (Article, error) {
	if selector != "" {
		el, err := querySelector(doc, selector)
		if err != nil {
			return Article{}, err
		}
		if el.IsNull() {
			return Article{}, errors.New("page: root selector " + strconv.Quote(selector) + " matches nothing")
		}
		return whole(el), nil
	}
	body := doc.Get("body")
	if !body.Truthy() {
		return Article{}, errors.New("page: the document has no body")
	}
	if a, ok := bestScored(doc, body, pause); ok {
		return a, nil
	}
	if el := longest(doc.Call("querySelectorAll", "article")); el.Truthy() {
		return whole(el), nil
	}
	for _, sel := range fallbacks {
		if el := doc.Call("querySelector", sel); el.Truthy() {
			return whole(el), nil
		}
	}
	return whole(body), nil
}

// whole is all of el as an Article.
func whole(el js.Value) Article { return Article{Root: el, Without: js.Null()} }

// querySelector is doc.querySelector(selector), with the SyntaxError it
// throws on an invalid selector turned into an error.
func querySelector(doc js.Value, selector string) (el js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			jsErr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			el, err = js.Null(), errors.New("page: invalid root selector "+strconv.Quote(selector)+": "+jsErr.Get("message").String())
		}
	}()
	return doc.Call("querySelector", selector), nil
}

// longest returns the element of the NodeList with the longest
// textContent, or null when the list is empty.
func longest(els js.Value) js.Value {
	best, most := js.Null(), -1
	for i, n := 0, els.Length(); i < n; i++ {
		el := els.Index(i)
		if k := jsLen(el.Get("textContent")); k > most {
			best, most = el, k
		}
	}
	return best
}

// minParagraph is how many characters (not counting spaces) of its own,
// outside links, a block needs to count as a paragraph. Shorter blocks
// (headings, bylines, captions, menu entries) weigh nothing for or
// against the element around them, but for their links.
const minParagraph = 25

// boilerSelector matches the regions of a page that are not its article:
// navigation, sidebars, footers, and elements whose class or id says they
// hold comments, related stories, sharing buttons, promotions or ads
// (Readability's hints). A class or id that also says article, body,
// content or main is not a hint: "article-footer" is part of the article.
var boilerSelector = js.ValueOf(landmarks + `, :is(` + hints("comment", "disqus", "sidebar", "related", "share",
	"sharing", "social", "promo", "sponsor", "advert", "outbrain", "taboola", "newsletter", "subscribe",
	"breadcrumb", "pagination", "pager", "popup", "cookie", "gdpr", "masthead", "menu", "navbar", "navigation",
	"footer", "widget", "shoutbox", "skyscraper", "banner", "-ad-") +
	`, [class~=ad i], [class~=ads i], [id~=ad i], [class~=nav i], [id~=nav i])` + notArticle)

// When no element is clearly the article, Root reads the body without
// its landmarks and comment sections (and link lists): the other hints
// are the scorer's guesses, which a guess that misfires only skews, but
// which would cut whole sections out of the text read (a manual's
// section "sharing-with-a-single-developer"). landmarkSelector is for a
// page whose hints Root did not believe.
var (
	commentsSelector = js.ValueOf(landmarks + `, :is(` + hints("comment", "disqus") + `)` + notArticle)
	landmarkSelector = js.ValueOf(landmarks)
)

// landmarks are the elements that say they are navigation, a sidebar or
// a footer.
const landmarks = `nav, aside, footer, [role=navigation], [role=complementary], [role=contentinfo]`

// notArticle leaves out of a selector the elements whose class or id
// says article.
var notArticle = `:not(` + hints("article", "body", "content", "main", "column", "story") + `)`

// hints is a selector list matching each word in a class or id.
func hints(words ...string) string {
	s := ""
	for i, w := range words {
		if i > 0 {
			s += ", "
		}
		s += `[class*="` + w + `" i], [id*="` + w + `" i]`
	}
	return s
}

// articleSelector matches the elements that say they hold the page's
// article: a boilerplate hint on one, or on an element around one, is not
// believed (a page wrapper with the class "has-sidebar").
var articleSelector = js.ValueOf("main, [role=main], [itemprop=articleBody]")

// bestScored returns the article scorer picks under body; ok is false
// when no block of the page is a paragraph.
func bestScored(doc, body js.Value, pause func()) (a Article, ok bool) {
	if pause != nil {
		if a, found, ok := score(doc, body, pause); ok {
			return a, found
		}
	}
	a, found, _ := score(doc, body, nil)
	return a, found
}

// score walks the body once, in chunks as Read does, and returns the
// article it picks; found is false when no block is a paragraph, ok false
// when the page changed while pause ran.
func score(doc, body js.Value, pause func()) (a Article, found, ok bool) {
	w := newWalker(doc, body)
	w.boiler = has(boilerplate(body, boilerSelector))
	w.article = matching(body, js.ValueOf("article"))
	var changes *watcher
	if pause != nil {
		changes = watch(body)
		defer changes.stop()
	}
	s := &scorer{open: []scoreFrame{{index: -1, block: true}}, blocks: []int{0}}
	s.picks[0].index, s.picks[1].index = -2, -2
	var chunks []js.Value
	for visited := 0; visited < defaultMaxNodes; {
		c := w.fetch(min(chunkSize, defaultMaxNodes-visited))
		if c == nil {
			break
		}
		chunks = append(chunks, c.nodes)
		s.read(c, visited)
		visited += len(c.kind)
		if pause != nil {
			if pause(); changes.seen() {
				return Article{}, false, false
			}
		}
	}
	for len(s.open) > 1 { // the walk stopped at the node limit
		s.pop()
	}
	s.leave(&s.open[0], nil)
	node := func(i int) js.Value { return chunks[i/chunkSize].Index(i % chunkSize) }
	k := s.hinted()
	if k < 0 {
		return Article{}, false, true
	}
	p := &s.picks[k]
	switch {
	case p.index == -1: // the body is the article
		return whole(body), true, true
	case p.score >= minArticle && float64(p.paragraphs) >= minShare*float64(s.open[0].tallies[k].paragraphs):
		return whole(node(p.index)), true, true
	}
	// No element is clearly the article: the body is read without its
	// link lists, landmarks, and comment sections when the hints were
	// believed.
	left := landmarkSelector
	if k == 0 {
		left = commentsSelector
	}
	without := boilerplate(body, left)
	for _, i := range s.linkLists {
		without.Call("add", node(i))
	}
	return Article{Root: body, Without: without}, true, true
}

// boilerplate returns the set of the regions under body that selector
// matches, without those around an element that says it holds the
// article.
func boilerplate(body, selector js.Value) js.Value {
	set := setCtor.New(body.Call("querySelectorAll", selector))
	if set.Get("size").Int() == 0 {
		return set
	}
	mains := body.Call("querySelectorAll", articleSelector)
	for i, n := 0, mains.Length(); i < n; i++ {
		for el := mains.Index(i); el.Truthy() && !el.Equal(body); el = el.Get("parentElement") {
			if el = el.Call("closest", selector); !el.Truthy() {
				break
			}
			set.Call("delete", el)
		}
	}
	return set
}

// scorer scores every element by the text it holds, in one walk. A block
// (p, div, li, td…) weighs its own text, that of the inline elements in
// it: a paragraph (minParagraph characters or more outside links, and
// more than in links) counts for its text outside links and against its
// link text; any other block counts against its link text; every block of
// a boilerplate region counts against all its text. An element's score is
// the sum of its blocks', except that of several <article>s in it only
// the best counts for it, and the others against it: a teaser beside the
// story is another story. The best element has the highest score, or
// holds the one that has and scores nearly as well (see pick.consider).
//
// Class and id hints are guesses ("commented", "panel-two-col-sidebar"
// on the article's own wrapper): as Readability does, the scorer keeps a
// second score that ignores them, and the pick falls back to it when the
// hints leave less than minArticle of text.
//
// The walk also notes the outermost link lists (see isLinkList), which
// Root leaves out when no element is clearly the article and it reads the
// body.
type scorer struct {
	open      []scoreFrame // the elements the walk is inside of; open[0] is the body
	blocks    []int        // the places in open of the blocks among them
	picks     [2]pick      // the best element with the hints and without
	linkLists outermost
}

// outermost is the walk indexes of elements, none inside another, in the
// order the walk left them.
type outermost []int

// add adds the element index, which the walk is leaving, and drops the
// ones inside it: they were left after it was entered.
func (o *outermost) add(index int) {
	l := *o
	for len(l) > 0 && l[len(l)-1] > index {
		l = l[:len(l)-1]
	}
	*o = append(l, index)
}

// minArticle is the least score of an article found with the hints.
const minArticle = 500

// minShare is the least share of the body's paragraph text that the best
// element holds when it is clearly the article. On Readability's test
// pages, a section of a manual picked for the whole holds 0.67 of it, the
// articles 0.82 or more but two (0.73, 0.40: pages with many teasers),
// which are then read with the rest of the body: reading more costs less
// than missing part of the story.
const minShare = 0.75

// pick is the best element so far of one way of scoring.
type pick struct {
	index      int // its walk index; -1 for the body, -2 for none
	score      int // the highest score
	paragraphs int // the paragraph text it holds
	updates    int // how many times index changed
}

// consider makes the element index the pick if it scores better. An
// element holding the pick (the pick changed since entered, the value of
// updates when the walk entered the element) is better when it scores at
// least 3/4 of it and holds no other story: the article's own lists of
// links (references, a table of contents, tags) and its headline linked
// to itself count against it, and must not cut the article short.
func (p *pick) consider(index int, t *tally, entered int) {
	switch score := t.score(); {
	case score > p.score:
		p.index, p.score = index, score
	case p.updates > entered && t.articleOthers == 0 && 4*score >= 3*p.score:
		p.index = index
	default:
		return
	}
	p.paragraphs = t.paragraphs
	p.updates++
}

type scoreFrame struct {
	index              int  // the element's place in the walk
	last               bool // the element is its parent's last child
	block, article     bool // what the element is
	skip, link, boiler bool // whether it is in what Read skips, in a link, in boilerplate
	plain, linked      int  // a block's own text: characters outside and inside links
	// allPlain and allLinked are the same of all the blocks the element
	// is or holds.
	allPlain, allLinked int
	tallies             [2]tally
	entered             [2]int // the picks' updates when the walk entered the element
}

// tally is the score of an element, with the hints or without.
type tally struct {
	sum                        int  // the blocks' scores, but those in <article>s below
	paragraphs                 int  // the text outside links of the paragraphs counted for it, <article>s' too
	articleBest, articleOthers int  // of the <article>s below: the best score; the others', negated if positive
	articles                   bool // there is an <article> below
}

func (t *tally) score() int {
	if t.articles {
		return t.sum + t.articleBest + t.articleOthers
	}
	return t.sum
}

// addArticle counts the score of an <article> below.
func (t *tally) addArticle(score int) {
	switch {
	case !t.articles:
		t.articleBest, t.articles = score, true
		return
	case score > t.articleBest:
		t.articleBest, score = score, t.articleBest
	}
	t.articleOthers -= max(score, -score)
}

// add counts a child element c into its parent's tally.
func (t *tally) add(c *tally, article bool) {
	t.paragraphs += c.paragraphs
	switch {
	case article: // with the <article>s in it
		t.addArticle(c.score())
	case c.articles:
		t.addArticle(c.articleBest)
		t.articleOthers += c.articleOthers
		fallthrough
	default:
		t.sum += c.sum
	}
}

// read scores the nodes of c, whose first node is the base-th of the walk.
func (s *scorer) read(c *chunk, base int) {
	for i := range c.kind {
		top := &s.open[len(s.open)-1]
		if c.kind[i] == kindText {
			if !top.skip {
				b := &s.open[s.blocks[len(s.blocks)-1]]
				if n := visibleLen(c.values[i]); top.link {
					b.linked += n
				} else {
					b.plain += n
				}
			}
			s.closeLast(c.last[i] != 0)
			continue
		}
		f := scoreFrame{
			index:   base + i,
			last:    c.last[i] != 0,
			block:   c.kind[i] == kindBlock || c.kind[i] == kindQuoteBlock || c.kind[i] == kindPre,
			article: c.article[i] != 0,
			skip:    top.skip || c.kind[i] == kindSkip || c.skip[i] != 0 || c.ownText[i] != 0,
			link:    top.link || c.kind[i] == kindLink,
			boiler:  top.boiler || c.boiler[i] != 0,
			entered: [2]int{s.picks[0].updates, s.picks[1].updates},
		}
		if c.kids[i] != 0 {
			s.open = append(s.open, f)
			if f.block {
				s.blocks = append(s.blocks, len(s.open)-1)
			}
			continue
		}
		s.leave(&f, &s.open[len(s.open)-1])
		s.closeLast(f.last)
	}
}

// closeLast leaves the elements that end with a node that is its
// parent's last child.
func (s *scorer) closeLast(last bool) {
	for last && len(s.open) > 1 {
		last = s.open[len(s.open)-1].last
		s.pop()
	}
}

// pop leaves the innermost open element.
func (s *scorer) pop() {
	f := s.open[len(s.open)-1]
	s.open = s.open[:len(s.open)-1]
	if f.block {
		s.blocks = s.blocks[:len(s.blocks)-1]
	}
	s.leave(&f, &s.open[len(s.open)-1])
}

// leave scores the element f, which the walk has left, considers it for
// the picks, and adds its score to its parent's (nil for the body).
func (s *scorer) leave(f *scoreFrame, parent *scoreFrame) {
	for k := range f.tallies {
		t := &f.tallies[k]
		if f.block && !f.skip {
			switch {
			case f.boiler && k == 0:
				t.sum -= f.plain + f.linked
			case f.plain >= minParagraph && f.plain > f.linked:
				t.sum += f.plain - f.linked
				t.paragraphs += f.plain
			default:
				t.sum -= f.linked
			}
		}
		if !f.skip {
			s.picks[k].consider(f.index, t, f.entered[k])
		}
		if parent != nil {
			parent.tallies[k].add(t, f.article)
		}
	}
	if f.skip {
		return
	}
	if f.block {
		f.allPlain += f.plain
		f.allLinked += f.linked
	}
	if f.block && isLinkList(f.allPlain, f.allLinked) {
		s.linkLists.add(f.index)
	}
	if parent != nil {
		parent.allPlain += f.allPlain
		parent.allLinked += f.allLinked
	}
}

// minLinkList is how many characters of links a link list holds: fewer
// are a link or two of the article's (a "Read more" line, a byline).
const minLinkList = 100

// isLinkList tells whether a block whose text is plain characters outside
// links and linked inside is a link list (a menu, a list of other stories,
// tags): four fifths of its text or more is links.
func isLinkList(plain, linked int) bool {
	return linked >= minLinkList && linked >= 4*plain
}

// hinted returns which pick Root takes: 0, the one that believes the
// class and id hints, when its element scores minArticle; else 1, the
// one that does not, when its element holds a paragraph; else -1.
func (s *scorer) hinted() int {
	switch {
	case s.picks[0].score >= minArticle:
		return 0
	case s.picks[1].score >= minParagraph:
		return 1
	}
	return -1
}

// visibleLen counts the characters of s that are not spaces.
func visibleLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
