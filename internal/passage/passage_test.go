package passage

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedArticle is a copy of the demo article (shared/seed/article.txt), kept
// beside the tests so that they run wherever the package is checked out.
const seedArticle = "testdata/article.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeedCopy keeps testdata/article.txt the same as the shared seed.
func TestSeedCopy(t *testing.T) {
	shared, err := os.ReadFile("../../../shared/seed/article.txt")
	if err != nil {
		t.Skipf("shared seed not beside the checkout: %v", err)
	}
	if string(shared) != readSeed(t) {
		t.Errorf("%s differs from shared/seed/article.txt: copy it again", seedArticle)
	}
}

// gotQuote is a Quote passage as the tests write it.
type gotQuote struct {
	Text    string
	Depth   int
	Speaker string
}

func quotesOf(text string) []gotQuote {
	var out []gotQuote
	for _, p := range Find(text) {
		if p.Kind == Quote {
			out = append(out, gotQuote{text[p.Start:p.End], p.Depth, p.Speaker})
		}
	}
	return out
}

func sentencesOf(text string) []string {
	var out []string
	for _, p := range Find(text) {
		if p.Kind == Sentence {
			out = append(out, text[p.Start:p.End])
		}
	}
	return out
}

func TestSeedQuotes(t *testing.T) {
	text := readSeed(t)
	want := []gotQuote{
		{"did not go well", 0, "a senior Ukrainian official"},
		{"risk levels", 0, "a senior Ukrainian official"},
		{"leaking falsehoods", 0, "the White House"},
		{"distinct possibility", 0, "Biden"},
		{"long and frank", 0, "Ukrainian officials"},
		{"dangerous but ambiguous", 0, "Zelensky"},
		{"Anonymous sources are 'leaking' falsehoods", 0, ""}, // She told CNN
		{"leaking", 1, ""},
		{"President Biden said that there is a distinct possibility that the Russians could invade " +
			"Ukraine in February. He has said this publicly and we have been warning about this for " +
			"months. Reports of anything more or different than that are completely false.", 0, "Horne"},
		{"frank", 0, ""},
		{"decisive response", 0, "White House"}, // the headline "White House: …"
		{"respond decisively", 0, "the readout of Biden-Zelensky phone call released by the White House"},
		{"President Biden reaffirmed the readiness of the United States along with its allies and " +
			"partners to respond decisively if Russia further invades Ukraine. He also underscored the " +
			"commitment of the United States to Ukraine’s sovereignty and territorial integrity.", 0,
			"The White House statement"},
	}
	got := quotesOf(text)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quotes of the seed article:\n%s", diffQuotes(got, want))
	}
}

func diffQuotes(got, want []gotQuote) string {
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w gotQuote
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := "  "
		if g != w {
			mark = "! "
		}
		fmt.Fprintf(&b, "%sgot  %+v\n%swant %+v\n", mark, g, mark, w)
	}
	return b.String()
}

func TestSeedApostrophes(t *testing.T) {
	text := readSeed(t)
	passages := Find(text)
	for _, word := range []string{"Russia’s", "Ukraine’s", "Ukraine's", "official’s", "Washington’s"} {
		if !strings.Contains(text, word) {
			t.Fatalf("%q is not in the seed", word)
		}
		for i := 0; ; {
			j := strings.Index(text[i:], word)
			if j < 0 {
				break
			}
			at := i + j + strings.IndexAny(word, "’'")
			_, size := utf8.DecodeRuneInString(text[at:])
			for _, p := range passages {
				// A quote opened or closed by the apostrophe would start
				// right after it or end right before it.
				if p.Kind == Quote && (p.Start == at+size || p.End == at) {
					t.Errorf("the apostrophe of %q at %d bounds the quote %q", word, at, text[p.Start:p.End])
				}
			}
			i = at + size
		}
	}
}

func TestSeedSentences(t *testing.T) {
	text := readSeed(t)
	got := sentencesOf(text)
	starts := []string{
		"date 2022-01-28 The call between US President Joe Biden",
		"However, the White House has reportedly disputed",
		"As per the report, they did state",
		"The media outlet stated",
		"Biden also told Zelensky",
		"The official further revealed",
		"Refuting the claims",
		"She told CNN,",
		// A quote of three sentences is one sentence with its attribution.
		"Horne further told the media outlet, “President Biden said",
		"The so-called ‘frank’ discussion",
		"According to the White House, Russia’s military action",
		"Amid the tensions,",
		"White House: Biden reaffirmed US pledge for 'decisive response' in the call", // a headline
		"According to the readout",
		"Biden underscored the commitment",
		"The US President also noted",
		"The White House statement read,",
	}
	if len(got) != len(starts) {
		t.Fatalf("%d sentences, want %d:\n%s", len(got), len(starts), strings.Join(got, "\n"))
	}
	for i, s := range got {
		if !strings.HasPrefix(s, starts[i]) {
			t.Errorf("sentence %d = %q, want it to start %q", i, s, starts[i])
		}
		if i == 8 && !strings.HasSuffix(s, `completely false."`) {
			t.Errorf("Horne's sentence ends %q", s[len(s)-30:])
		}
	}
}

// TestSeedSpans checks the spans of every passage of the seed against the
// text around them.
func TestSeedSpans(t *testing.T) {
	text := readSeed(t)
	checkPassages(t, text, Find(text))
	for _, p := range Find(text) {
		if p.Kind != Quote {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[:p.Start])
		after, _ := utf8.DecodeRuneInString(text[p.End:])
		if !isQuoteMark(before) || !isQuoteMark(after) {
			t.Errorf("quote %q is not between marks: %q…%q", text[p.Start:p.End], before, after)
		}
		if p.Sentence.Start > p.Start || p.Sentence.End < p.End {
			t.Errorf("quote %q is not inside its sentence %q", text[p.Start:p.End], text[p.Sentence.Start:p.Sentence.End])
		}
	}
}

// checkPassages checks what Find promises of any text: spans in range, on
// rune boundaries, in order; a Sentence's Sentence is its Span; a quote
// lies within its block unless it runs over a paragraph break.
func checkPassages(t testing.TB, text string, ps []Passage) {
	t.Helper()
	onRune := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	for i, p := range ps {
		for _, s := range []Span{p.Span, p.Sentence, p.Para} {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("passage %d %+v: span %v out of range (len %d)", i, p, s, len(text))
			}
			if utf8.ValidString(text) && (!onRune(s.Start) || !onRune(s.End)) {
				t.Fatalf("passage %d %+v: span %v not on rune boundaries", i, p, s)
			}
		}
		if p.Start == p.End {
			t.Fatalf("passage %d %+v is empty", i, p)
		}
		if i > 0 && ps[i-1].Start > p.Start {
			t.Fatalf("passage %d %+v starts before passage %d %+v", i, p, i-1, ps[i-1])
		}
		if p.Para.Start > p.Start || p.Start >= p.Para.End {
			t.Fatalf("passage %d %+v: Start not in Para", i, p)
		}
		if p.Sentence.Start > p.Start || p.Sentence.End < p.End {
			t.Fatalf("passage %d %+v: not inside its Sentence", i, p)
		}
		switch p.Kind {
		case Sentence:
			if p.Sentence != p.Span || p.Depth != 0 || p.End > p.Para.End {
				t.Fatalf("sentence %d %+v: Sentence, Depth or Para wrong", i, p)
			}
		case Quote:
			if p.End > p.Para.End && !strings.Contains(text[p.Start:p.End], "\n") {
				t.Fatalf("quote %d %+v leaves its Para without crossing a paragraph", i, p)
			}
		default:
			t.Fatalf("passage %d has Kind %d", i, p.Kind)
		}
	}
}
