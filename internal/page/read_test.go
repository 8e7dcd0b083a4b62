//go:build js

package page

import (
	"fmt"
	"strings"
	"testing"

	"factcheck/internal/passage"
)

func TestRead(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"empty", ``, ``},
		{"only blocks", `<p></p><div><br><hr></div>`, ``},
		{"paragraphs", `<p>One two.</p><p>Three.</p>`, "One two.\nThree."},
		{"whitespace between blocks", "<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n", "a\nb"},
		{"whitespace inside text kept, line breaks read as spaces", "<p>a  b\n c\r\nd</p>", "a  b  c d"},
		{"line breaks inside pre", "<div>a\nb<pre>c\n<b>d\ne</b></pre>f\ng</div>", "a b\nc\nd\ne\nf g"},
		{"text around blocks", `<div>a<p>b</p>c</div>`, "a\nb\nc"},
		{"headings and sections", `<header><h1>Title</h1></header><section><h2>Sub</h2><p>Body</p></section><footer>End</footer>`, "Title\nSub\nBody\nEnd"},
		{"nested inline", `<p>a <a href="#x">link <em>em <strong>strong</strong></em></a> <span><b>b</b><i>i</i></span> <dfn>q</dfn> <abbr>ab</abbr> <time>t</time> <cite>c</cite> x<sup>2</sup><sub>3</sub> <mark>m</mark> <small>s</small> <u>u</u> <s>s</s> <code>code</code></p>`,
			"a link em strong bi q ab t c x23 m s u s code"},
		{"br", `<p>a<br>b<br><br>c<br></p>`, "a\nb\nc"},
		{"table", `<table><caption>Cap</caption><tr><th>h1</th> <th>h2</th></tr><tr><td>a</td><td>b <em>c</em></td></tr></table>`, "Cap\nh1\vh2\v\na\tb c\t"},
		{"table in markup's whitespace", "<p>Before</p><table>\n <thead>\n  <tr>\n   <th>Who</th>\n   <th>Quote</th>\n  </tr>\n </thead>\n <tbody>\n  <tr>\n   <th scope=row>Horne</th>\n   <td><q>Not true</q></td>\n  </tr>\n </tbody>\n</table>\n<p>After</p>",
			"Before\nWho\vQuote\v\nHorne\v“Not true”\t\nAfter"},
		{"empty cells keep their place", `<table><tr><td></td><td>b</td><td></td></tr><tr><td>c</td><td> </td><td>d</td></tr></table>`, "\tb\t\t\nc\t\td\t"},
		{"blocks inside a cell", `<table><tr><td><p>Horne</p></td><td><p>One.</p><p>Two.</p></td><td><blockquote><p>q</p></blockquote></td></tr></table><p>x</p>`,
			"Horne\tOne.\nTwo.\t“q”\t\nx"},
		{"tabs in the data", "<p>a\tb\vc</p><pre>d\te\n\tf</pre>", "a b c\nd e\n f"},
		{"lists", "<ul>\n<li>one</li>\n<li>two <b>2</b></li>\n</ul><ol><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl>", "one\ntwo 2\nx\nt\nd"},
		{"pre", "<pre>line 1\n  line 2\n\n\tline 4</pre>", "line 1\n  line 2\n\n line 4"},
		{"blockquote and figure", `<blockquote><p>q</p></blockquote><figure><img alt="no"><figcaption>cap</figcaption></figure>`, "“q”\ncap"},
		{"quotations in marks", `<p>He said <q>we <q>will</q> act</q>.<q></q><q> </q></p><blockquote class="twitter-tweet">` +
			"\n  <p>This is <a href=\"#\">not</a> true.</p><p>Two.</p>— Emily Horne</blockquote><p>After</p>",
			"He said “we “will” act”.“ ”\n“This is not true.”\n“Two.” — Emily Horne\nAfter"},
		// A quotation's attribution goes on its line, outside its marks:
		// a tweet's byline (its date a link), a pull quote's source.
		{"attribution", `<blockquote class="twitter-tweet"><p>One.</p><p>It is <q>not</q> true.</p>` +
			"&mdash; Emily Horne (@eh) <a href=\"#\">January 27, 2022</a></blockquote><p>After</p>" +
			`<figure><blockquote><p>We act.</p></blockquote><figcaption>– The minister</figcaption></figure>`,
			"“One.”\n“It is “not” true.” — Emily Horne (@eh) January 27, 2022\nAfter\n“We act.” – The minister"},
		{"no attribution", `<p>Plain.</p><p>— A dash</p><blockquote><p>— Opens the quote</p></blockquote><p>Ends <q>quoted</q>.</p><p>— Not after a quote</p>`,
			"Plain.\n— A dash\n“— Opens the quote”\nEnds “quoted”.\n— Not after a quote"},
		{"quotation in a skipped element", `<p>a<button><q>no</q></button>b</p>`, "ab"},
		{"quotations nested deeper than the marks", `<p><q>a<q>b<q>c<q>d<q>e</q></q>f</q></q></q></p>`, "“a“b“cdef”””"},
		{"skipped elements", `<p>a<script>var s = "no";</script><style>p{}</style><noscript>no</noscript><template>no</template><textarea>no</textarea><input value="no"><select><option>no</option></select><button>no</button><svg><text>no</text></svg><iframe>no</iframe><object>no</object><canvas>no</canvas><video>no</video>b</p>`, "ab"},
		{"hidden", `<p>a<span hidden>no</span><span hidden="until-found">c</span><span aria-hidden="true">d</span><span style="display:none">e</span>b</p>`, "acdeb"},
		{"contenteditable", `<p>a<span contenteditable>no</span><span contenteditable="true">no</span><span contenteditable="plaintext-only">no</span><span contenteditable="FALSE">c</span>b</p><div contenteditable><p>no</p></div>`, "acb"},
		{"widget elements", `<p>a<factcheck-mark data-factcheck-ui><factcheck-sr data-factcheck-ui>Start</factcheck-sr>b</factcheck-mark><factcheck-badge data-factcheck-ui>badge</factcheck-badge><span data-factcheck-ui>notice</span>c</p>`, "abc"},
		{"comments", `<p>a<!-- no -->b</p>`, "ab"},
		{"rtl", `<p dir="rtl">שלום <b>עולם</b></p><p dir="rtl">مرحبا بالعالم</p>`, "שלום עולם\nمرحبا بالعالم"},
		{"emoji", `<p>👍🏽 <b>👨‍👩‍👧</b> 🇺🇦 😀</p>`, "👍🏽 👨‍👩‍👧 🇺🇦 😀"},
		{"combining marks", "<p>cafe\u0301 <i>n\u0303</i> \u05e9\u05c1 \u0915\u094d\u0937</p>", "cafe\u0301 n\u0303 \u05e9\u05c1 \u0915\u094d\u0937"},
		{"zero-width joiners", "<p>a\u200db\u200c<em>c</em>\ufeff</p>", "a\u200db\u200cc\ufeff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setBody(t, tt.html)
			units := bodyUnits()
			txt := Read(body, Limits{}, nil)
			if txt.S != tt.want {
				t.Fatalf("S = %q, want %q", txt.S, tt.want)
			}
			if txt.Truncated {
				t.Fatal("Truncated")
			}
			verifyMap(t, txt, units)
		})
	}
}

// TestReadLoneSurrogates reads JavaScript strings Go cannot hold: each lone
// surrogate becomes one U+FFFD, and offsets stay exact.
func TestReadLoneSurrogates(t *testing.T) {
	setBody(t, `<p id="p"></p><p>after</p>`)
	p := document.Call("getElementById", "p")
	script("p", `p.append("a\uD800b", document.createElement("b"), "\uDC00c\uD83D\uDE00")`).Invoke(p)
	units := bodyUnits()
	txt := Read(body, Limits{}, nil)
	if want := "a\uFFFDb\uFFFDc😀\nafter"; txt.S != want {
		t.Fatalf("S = %q, want %q", txt.S, want)
	}
	validUTF8(t, txt.S)
	verifyMap(t, txt, units)
	if got, want := txt.BodyOffset(strings.Index(txt.S, "after")), jsIndex(body.Get("textContent"), "after"); got != want {
		t.Fatalf("BodyOffset(after) = %d, want %d", got, want)
	}
}

// TestReadUnentered puts text where Read must not go, or cannot: shadow
// roots, iframes' documents, SVG.
func TestReadUnentered(t *testing.T) {
	setBody(t, `<p>a<span id="host">light</span>b</p><iframe srcdoc="<p>frame</p>">fallback</iframe><svg><text>svg</text><foreignObject><p>html in svg</p></foreignObject></svg><p>c</p>`)
	host := document.Call("getElementById", "host")
	shadow := host.Call("attachShadow", map[string]any{"mode": "open"})
	shadow.Call("append", "shadow text", document.Call("createElement", "slot"))
	closed := document.Call("createElement", "div")
	closed.Call("attachShadow", map[string]any{"mode": "closed"}).Call("append", "closed shadow")
	body.Call("append", closed)
	units := bodyUnits()
	txt := Read(body, Limits{}, nil)
	if want := "alightb\nc"; txt.S != want {
		t.Fatalf("S = %q, want %q", txt.S, want)
	}
	verifyMap(t, txt, units)
}

// TestReadDeep reads elements nested 2,000 deep (the HTML parser flattens
// deep nesting, so the test builds it with DOM calls).
func TestReadDeep(t *testing.T) {
	setBody(t, `top`)
	t.Cleanup(func() { setBody(t, ``) }) // before Chromium lays the page out
	script("n", `
		let el = document.body;
		for (let i = 0; i < n; i++) {
			const d = document.createElement(i % 2 ? "span" : "div");
			el.appendChild(d);
			el = d;
		}
		el.append("deep");
		document.body.append("bottom");
	`).Invoke(2000)
	units := bodyUnits()
	txt := Read(body, Limits{}, nil)
	if want := "top\ndeep\nbottom"; txt.S != want {
		t.Fatalf("S = %q, want %q", txt.S, want)
	}
	verifyMap(t, txt, units)
	m := highlight(t, txt, "deep")
	if got := markText(m); got != "deep" {
		t.Fatalf("mark holds %q", got)
	}
}

// build200k builds 2,000 paragraphs of 100 text nodes each.
var build200k = script("", `
	const b = document.body;
	for (let i = 0; i < 2000; i++) {
		const p = document.createElement("p");
		for (let j = 0; j < 100; j++) p.appendChild(document.createTextNode("w" + (i*100+j) + " "));
		b.appendChild(p);
	}
`)

func TestReadManyNodes(t *testing.T) {
	setBody(t, ``)
	build200k.Invoke()
	pauses := 0
	txt := Read(body, Limits{}, func() { pauses++ })
	if txt.Truncated {
		t.Fatal("Truncated within the default limits")
	}
	if len(txt.spans) != 200_000 {
		t.Fatalf("read %d text nodes, want 200000", len(txt.spans))
	}
	if pauses < 200_000/chunkSize {
		t.Fatalf("pause called %d times", pauses)
	}
	if !strings.HasPrefix(txt.S, "w0 w1 ") || !strings.HasSuffix(txt.S, " w199999 ") {
		t.Fatalf("S = %q...%q", txt.S[:20], txt.S[len(txt.S)-20:])
	}
	for _, w := range []string{"w0 ", "w99 ", "w100 ", "w123456 ", "w199999 "} {
		b := mustIndex(t, txt.S, w)
		if got, want := txt.BodyOffset(b), jsIndex(body.Get("textContent"), w); got != want {
			t.Fatalf("BodyOffset(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestReadLimits(t *testing.T) {
	setBody(t, ``)
	build200k.Invoke()
	tests := []struct {
		lim      Limits
		wantTail string // S ends with it
		wantLen  int    // bytes, when not 0
	}{
		{Limits{MaxNodes: 1000}, " w987 ", 0}, // the harness's button and its text, 10 <p>, 988 text nodes
		{Limits{MaxBytes: 1000}, "", 1000},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.lim), func(t *testing.T) {
			txt := Read(body, tt.lim, nil)
			if !txt.Truncated {
				t.Fatal("not Truncated")
			}
			if !strings.HasSuffix(txt.S, tt.wantTail) || tt.wantLen != 0 && len(txt.S) != tt.wantLen {
				t.Fatalf("S (%d bytes) ends %q", len(txt.S), txt.S[max(0, len(txt.S)-20):])
			}
		})
	}
}

func TestReadLargeTextNode(t *testing.T) {
	setBody(t, `<p id="p"></p><p>end</p>`)
	big := strings.Repeat("abcdefgh😀", 5<<20/12) // 5 MB
	document.Call("getElementById", "p").Call("append", big)

	txt := Read(body, Limits{}, nil)
	if txt.Truncated || txt.S != big+"\nend" {
		t.Fatalf("Truncated %v, S has %d bytes, want %d", txt.Truncated, len(txt.S), len(big)+4)
	}
	if got, want := txt.BodyOffset(len(big)+1), jsIndex(body.Get("textContent"), "end"); got != want {
		t.Fatalf("BodyOffset(end) = %d, want %d", got, want)
	}

	// Cut at the byte limit, the node is read in part and can still be
	// highlighted.
	txt = Read(body, Limits{MaxBytes: 1 << 20}, nil)
	if !txt.Truncated || len(txt.S) > 1<<20 || len(txt.S) < 1<<20-4 {
		t.Fatalf("Truncated %v, S has %d bytes", txt.Truncated, len(txt.S))
	}
	validUTF8(t, txt.S)
	n := len(txt.S)
	if _, err := txt.Highlight(n-12, n, "verified", "verified"); err != nil {
		t.Fatalf("Highlight in the part read: %v", err)
	}
	Clear(document)
	if got := document.Call("getElementById", "p").Get("firstChild").Get("data").String(); got != big {
		t.Fatalf("after Clear the node holds %d bytes, want %d", len(got), len(big))
	}
}

// TestBodyOffset checks offsets against document.body.textContent, with
// text before the root, scripts and styles the read skips, and then the
// widget's own text, which must not count.
// TestQuote: the page's own text of a stretch of S, as a quote selector
// must hold it: without the marks and separators Read put in, whole
// characters only.
func TestQuote(t *testing.T) {
	setBody(t, `<article><blockquote class="twitter-tweet"><p>It is <q>not</q> true 😀.</p>&mdash; Emily Horne (@eh) <a href="#">January 27, 2022</a></blockquote><p>After</p></article>`)
	txt := Read(document.Call("querySelector", "article"), Limits{}, nil)
	if want := "“It is “not” true 😀.” — Emily Horne (@eh) January 27, 2022\nAfter"; txt.S != want {
		t.Fatalf("S = %q, want %q", txt.S, want)
	}
	tests := []struct {
		from, to string // the stretch of S: from the first to the end of the second
		want     string
	}{
		{"“It", "2022", "It is not true 😀.— Emily Horne (@eh) January 27, 2022"},
		{"not", "true", "not true"},
		{"2022", "After", "2022After"},
	}
	for _, tt := range tests {
		start, end := mustIndex(t, txt.S, tt.from), mustIndex(t, txt.S, tt.to)+len(tt.to)
		if got := txt.Quote(start, end); got != tt.want {
			t.Errorf("Quote(%q…%q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	// An offset inside a character is taken to its start.
	emoji := mustIndex(t, txt.S, "😀")
	if got := txt.Quote(emoji+1, emoji+4); got != "😀" {
		t.Errorf("Quote inside 😀 = %q, want %q", got, "😀")
	}
}

func TestBodyOffset(t *testing.T) {
	setBody(t, `<header>Site 😀 <script>var x = "<p>fake</p>";</script>nav<button>Menu</button></header>`+
		`<article id="a"><h1>Title “quoted” 👍🏽</h1><p>First <b>bold</b> words.</p><style>.a { color: red }</style>`+
		`<p>Second 🇺🇦 <a href="#x">passage</a> here<textarea>typed</textarea> and more.</p><p id="last">Last one.</p></article><footer>foot</footer>`)
	root, err := Root(document, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	before := body.Get("textContent")
	passages := []string{"Title", "“quoted” 👍🏽", "First bold", "words.", "Second 🇺🇦 passage here", "and more.", "Last one"}
	offsets := func(txt *Text) []int {
		var got []int
		for _, p := range passages {
			b := mustIndex(t, txt.S, p)
			got = append(got, txt.BodyOffset(b), txt.BodyEnd(b+len(p)))
		}
		return got
	}
	var want []int
	for _, p := range passages {
		i := jsIndex(before, p)
		want = append(want, i, i+utf16Len(p))
	}
	txt := root.Read(Limits{}, nil)
	if got := offsets(txt); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("offsets %v, want %v", got, want)
	}
	// Between texts, BodyOffset maps to the next and BodyEnd to the end of
	// the one before: a separator, and a skipped element inline.
	for _, c := range []struct{ before, after string }{{"more.", "Last"}, {"here", " and"}} {
		b := mustIndex(t, txt.S, c.before) + len(c.before)
		if got, want := txt.BodyOffset(b), jsIndex(before, c.after); got != want {
			t.Errorf("BodyOffset after %q = %d, want %d", c.before, got, want)
		}
		if got, want := txt.BodyEnd(b), jsIndex(before, c.before)+utf16Len(c.before); got != want {
			t.Errorf("BodyEnd after %q = %d, want %d", c.before, got, want)
		}
	}

	// With the widget's text in the page (marks, markers, a notice before
	// the root, markers in a region the page hid), offsets are as before.
	highlight(t, txt, "First bold")
	highlight(t, txt, "Last one")
	notice := newElement(document, "div")
	notice.Set("textContent", "A notice")
	body.Call("prepend", notice)
	document.Call("getElementById", "last").Call("setAttribute", "hidden", "")
	txt = root.Read(Limits{}, nil)
	passages = passages[:len(passages)-1]
	if got := offsets(txt); fmt.Sprint(got) != fmt.Sprint(want[:len(want)-2]) {
		t.Fatalf("with the widget's text, offsets %v, want %v", got, want[:len(want)-2])
	}
	if end := txt.BodyOffset(len(txt.S)); end != jsIndex(before, "Last") {
		t.Fatalf("BodyOffset(end) = %d, want %d", end, jsIndex(before, "Last"))
	}
}

// article builds a page of about 20,000 words: 1,000 paragraphs of 20
// words with links and emphasis.
func article() string {
	var b strings.Builder
	b.WriteString("<article>")
	for i := range 1000 {
		fmt.Fprintf(&b, `<p>Paragraph %d says that <a href="#%d">the minister</a> had <em>clearly</em> stated “we will build the bridge next year” on Friday.</p>`, i, i)
	}
	b.WriteString("</article>")
	return b.String()
}

func BenchmarkRead(b *testing.B) {
	setBody(b, article())
	root, err := Root(document, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	var txt *Text
	for b.Loop() {
		txt = root.Read(Limits{}, nil)
	}
	b.ReportMetric(float64(len(strings.Fields(txt.S))), "words")
}

// TestReadChangedWhilePaused changes the page when Read pauses: under the
// root Read starts again without pausing; elsewhere it goes on.
func TestReadChangedWhilePaused(t *testing.T) {
	tests := []struct {
		name       string
		where      string // id of the element the change goes into
		wantPauses int
	}{
		{"under the root", "a", 1},
		{"outside the root", "outside", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setBody(t, `<div id="outside"></div><article id="a"><p>first</p></article>`)
			root := byID("a")
			script("root", `for (let i = 0; i < 3*4096; i++) root.append(document.createElement("span"))`).Invoke(root)
			root.Call("append", "last")
			pauses := 0
			txt := Read(root, Limits{}, func() {
				if pauses++; pauses == 1 {
					p := document.Call("createElement", "p")
					p.Set("textContent", "added")
					byID(tt.where).Call("prepend", p)
				}
			})
			if pauses != tt.wantPauses {
				t.Fatalf("pause called %d times, want %d", pauses, tt.wantPauses)
			}
			want := "first\nlast"
			if tt.where == "a" {
				want = "added\n" + want
			}
			if txt.S != want {
				t.Fatalf("S = %q, want %q", txt.S, want)
			}
			verifyMap(t, txt, bodyUnits())
		})
	}
}

// TestDecodeValues decodes what JSON.stringify makes of strings Go cannot
// hold as they are, and of the characters it escapes.
func TestDecodeValues(t *testing.T) {
	values := script("", `return [null, "", "plain", "q\"uote", "back\\slash", "\n\t\r\b\f\u0001\u001f\u007f",
		"\uD800", "a\uDC00b", "\uD83D\uDE00", "\uDE00\uD83D", "\u2028\u2029", "é😀", "/"]`).Invoke()
	want := []string{"", "", "plain", `q"uote`, `back\slash`, "\n\t\r\b\f\x01\x1f\x7f",
		"\uFFFD", "a\uFFFDb", "😀", "\uFFFD\uFFFD", "\u2028\u2029", "é😀", "/"}
	got := decodeValues(jsonObject.Call("stringify", values).String(), values.Length())
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Fatalf("decodeValues =\n%q\nwant\n%q", got, want)
	}
	for i, s := range got[1:] { // as each string crosses on its own
		if direct := values.Index(i + 1).String(); s != direct {
			t.Errorf("value %d: %q, crossing alone %q", i+1, s, direct)
		}
	}
}

// TestReadLayoutSpeakers reads tables, lists, captions and headlines as
// pages print them and checks who the passage finder, on what Read makes
// of them, says speaks each quote.
func TestReadLayoutSpeakers(t *testing.T) {
	tests := []struct {
		name, html string
		want       map[string]string // quote → speaker
	}{
		{"speaker cell of the row", `<table><thead><tr><th>Speaker</th><th>Quote</th></tr></thead><tbody>` +
			`<tr><td>Emily Horne</td><td>“This is not true.”</td></tr>` +
			`<tr><td><p>the White House</p></td><td><p><q>respond decisively</q></p></td></tr></tbody></table>`,
			map[string]string{"This is not true.": "Emily Horne", "respond decisively": "the White House"}},
		{"row header", `<table><tr><th scope="row">Emily Horne</th><td>“completely false”</td><td>27 January</td></tr></table>`,
			map[string]string{"completely false": "Emily Horne"}},
		{"column headers", `<table><tr><th>Emily Horne</th><th>Sergii Nykyforov</th></tr>` +
			`<tr><td>“This is not true.”</td><td>“All the rest is speculation”</td></tr></table>`,
			map[string]string{"This is not true.": "Emily Horne", "All the rest is speculation": "Sergii Nykyforov"}},
		{"list after a lead-in", `<p>Emily Horne said:</p><ul><li>“This is not true.”</li><li><q>completely false</q></li></ul><p>The call lasted an hour.</p><p>“Unattributed.”</p>`,
			map[string]string{"This is not true.": "Emily Horne", "completely false": "Emily Horne", "Unattributed.": ""}},
		{"blockquote after a lead-in", `<p>In a statement, the White House said:</p><blockquote><p>We will respond decisively.</p></blockquote>`,
			map[string]string{"We will respond decisively.": "the White House"}},
		{"figcaption", `<figure><img alt=""><figcaption>“We will respond decisively,” Biden said. Photo: Reuters</figcaption></figure>`,
			map[string]string{"We will respond decisively": "Biden"}},
		{"headline", `<h1>Horne: ‘Completely false’</h1><p>Body.</p>`, map[string]string{"Completely false": "Horne"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setBody(t, tt.html)
			txt := Read(body, Limits{}, nil)
			got := map[string]string{}
			for _, p := range passage.Find(txt.S) {
				if p.Kind == passage.Quote {
					got[txt.S[p.Start:p.End]] = p.Speaker
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("speakers in %q:\n got %q\nwant %q", txt.S, got, tt.want)
			}
		})
	}
}
