package textnorm

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// span is a word as the tests write it: its Norm and the source text it
// spans.
type span struct {
	norm, src string
	gap, brk  bool
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []span
	}{
		{"ascii", "The call did not go well.", []span{
			{norm: "the", src: "The"}, {norm: "call", src: "call"}, {norm: "did", src: "did"},
			{norm: "not", src: "not"}, {norm: "go", src: "go"}, {norm: "well", src: "well"}}},
		{"curly double quotes", "“did not go well”,", []span{
			{norm: "did", src: "did"}, {norm: "not", src: "not"}, {norm: "go", src: "go"}, {norm: "well", src: "well"}}},
		{"apostrophes inside words", "Don't rock ’n’ roll: Ukraine’s, Biden's, official’s", []span{
			{norm: "don't", src: "Don't"}, {norm: "rock", src: "rock"}, {norm: "n", src: "n"},
			{norm: "roll", src: "roll"}, {norm: "ukraine's", src: "Ukraine’s"},
			{norm: "biden's", src: "Biden's"}, {norm: "official's", src: "official’s"}}},
		{"other apostrophe forms", "Hawaiʻi isn`t O′Neill", []span{
			{norm: "hawaiʻi", src: "Hawaiʻi"}, {norm: "isn't", src: "isn`t"}, {norm: "o'neill", src: "O′Neill"}}},
		{"quotes at word edges", "'leaking' ‘frank’ the ’90s students’ union", []span{
			{norm: "leaking", src: "leaking"}, {norm: "frank", src: "frank"}, {norm: "the", src: "the"},
			{norm: "90s", src: "90s"}, {norm: "students", src: "students"}, {norm: "union", src: "union"}}},
		{"numbers", "1.5 million, 10,000 troops, 3. Then 4,", []span{
			{norm: "1.5", src: "1.5"}, {norm: "million", src: "million"}, {norm: "10,000", src: "10,000"},
			{norm: "troops", src: "troops"}, {norm: "3", src: "3"}, {norm: "then", src: "Then"}, {norm: "4", src: "4"}}},
		{"dashes separate", "Biden-Zelensky call — long–frank ‐ x‑y ―z", []span{
			{norm: "biden", src: "Biden"}, {norm: "zelensky", src: "Zelensky"}, {norm: "call", src: "call"},
			{norm: "long", src: "long"}, {norm: "frank", src: "frank"}, {norm: "x", src: "x"},
			{norm: "y", src: "y"}, {norm: "z", src: "z"}}},
		{"ampersand", "allies & partners, AT&T", []span{
			{norm: "allies", src: "allies"}, {norm: "and", src: "&"}, {norm: "partners", src: "partners"},
			{norm: "at", src: "AT"}, {norm: "and", src: "&"}, {norm: "t", src: "T"}}},
		{"ellipses", "said … that ... it . . . was.. so", []span{
			{norm: "said", src: "said"}, {norm: "that", src: "that", gap: true}, {norm: "it", src: "it", gap: true},
			{norm: "was", src: "was", gap: true}, {norm: "so", src: "so"}}},
		{"leading ellipsis", "“...completely false.\"", []span{
			{norm: "completely", src: "completely", gap: true}, {norm: "false", src: "false"}}},
		{"bracketed ellipsis", "a [...] b", []span{{norm: "a", src: "a"}, {norm: "b", src: "b", gap: true}}},
		{"block breaks", "Headline\n\nFirst para.\r\nSecond", []span{
			{norm: "headline", src: "Headline"}, {norm: "first", src: "First", brk: true},
			{norm: "para", src: "para"}, {norm: "second", src: "Second", brk: true}}},
		{"ligature and full width", "ﬁnal ＦＵＬＬ ｗｉｄｔｈ", []span{
			{norm: "final", src: "ﬁnal"}, {norm: "full", src: "ＦＵＬＬ"}, {norm: "width", src: "ｗｉｄｔｈ"}}},
		{"combining marks compose", "Zelenskyy Ze\u0301lensky cafe\u0301", []span{
			{norm: "zelenskyy", src: "Zelenskyy"}, {norm: "zélensky", src: "Ze\u0301lensky"}, {norm: "café", src: "cafe\u0301"}}},
		{"full case folding", "STRASSE Straße ΣΑΣ σας İstanbul", []span{
			{norm: "strasse", src: "STRASSE"}, {norm: "strasse", src: "Straße"}, {norm: "σασ", src: "ΣΑΣ"},
			{norm: "σασ", src: "σας"}, {norm: "i̇stanbul", src: "İstanbul"}}},
		{"soft hyphen and zero width", "ex\u00ADample\u200B word\u2060s \uFEFFbom", []span{
			{norm: "example", src: "ex\u00ADample"}, {norm: "words", src: "word\u2060s"}, {norm: "bom", src: "bom"}}},
		{"nbsp and thin spaces", "President\u00A0Biden\u2009said\u202Fso", []span{
			{norm: "president", src: "President"}, {norm: "biden", src: "Biden"},
			{norm: "said", src: "said"}, {norm: "so", src: "so"}}},
		{"french guillemets", "« Nous ne céderons pas »", []span{
			{norm: "nous", src: "Nous"}, {norm: "ne", src: "ne"}, {norm: "céderons", src: "céderons"}, {norm: "pas", src: "pas"}}},
		{"german quotes", "„Das ist nicht wahr“", []span{
			{norm: "das", src: "Das"}, {norm: "ist", src: "ist"}, {norm: "nicht", src: "nicht"}, {norm: "wahr", src: "wahr"}}},
		{"arabic", "قال المتحدث «لن نتراجع»", []span{
			{norm: "قال", src: "قال"}, {norm: "المتحدث", src: "المتحدث"}, {norm: "لن", src: "لن"}, {norm: "نتراجع", src: "نتراجع"}}},
		{"arabic presentation forms", "\uFEFB", []span{{norm: "لا", src: "\uFEFB"}}},
		{"hebrew with points", "שָׁלוֹם עולם", []span{
			{norm: "שָׁלוֹם", src: "שָׁלוֹם"}, {norm: "עולם", src: "עולם"}}},
		{"emoji and zwj are separators", "go 👍🏽 team 👨\u200D👩\u200D👧 now", []span{
			{norm: "go", src: "go"}, {norm: "team", src: "team"}, {norm: "now", src: "now"}}},
		{"zwj inside a word is removed", "a\u200Db", []span{{norm: "ab", src: "a\u200Db"}}},
		{"cjk", "東京 は", []span{{norm: "東京", src: "東京"}, {norm: "は", src: "は"}}},
		{"fraction expands into two words", "½", []span{{norm: "1", src: "½"}, {norm: "2", src: "½"}}},
		{"empty", "", nil},
		{"only separators", " — “” … \n", nil},
		{"invalid utf-8", "a\xffb", []span{{norm: "a", src: "a"}, {norm: "b", src: "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []span
			for _, w := range Words(tt.in) {
				got = append(got, span{norm: w.Norm, src: tt.in[w.Start:w.End], gap: w.Gap, brk: w.Break})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Words(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAppendWordsReusesSource(t *testing.T) {
	s := "the call did not go well, don't"
	ws := AppendWords(make([]Word, 0, 16), s)
	for _, w := range ws {
		if w.Norm != s[w.Start:w.End] {
			t.Fatalf("word %q: Norm %q", s[w.Start:w.End], w.Norm)
		}
	}
	allocs := testing.AllocsPerRun(100, func() { ws = AppendWords(ws[:0], s) })
	if allocs != 0 {
		t.Errorf("AppendWords on lower-case ASCII: %v allocations, want 0", allocs)
	}
}

// TestSplitter: a Splitter gives the words Words gives, however it is
// read, and also when it is reset to another text (it keeps what it learnt
// of the runes and words it met).
func TestSplitter(t *testing.T) {
	texts := append(slices.Clone(fuzzSeeds), strings.Repeat("The Biden–Zelensky call ‘did not go well’. ", 40), "")
	var sp Splitter
	for _, s := range texts {
		want := Words(s)
		for _, n := range []int{1, 3, 64, len(s)} {
			sp.Reset(s)
			if got := splitBy(&sp, n); !slices.Equal(got, want) {
				t.Errorf("Splitter on %q by %d bytes:\n got %+v\nwant %+v", s, n, got, want)
			}
		}
	}
}

// splitBy reads sp to the end, n bytes at a time, and returns its words.
func splitBy(sp *Splitter, n int) []Word {
	var words []Word
	for done := false; !done; {
		words, done = sp.Next(words, n)
	}
	return words
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Plain ASCII.", "plain ascii."},
		{"“Curly” ‘single’ „low“ ‟rev” «fr» ‹one› ‚x‛", `"curly" 'single' "low" "rev" "fr" 'one' 'x'`},
		{"Ukraine’s ʼokina `back", "ukraine's 'okina 'back"},
		{"a - b ‐ c ‑ d ‒ e – f — g ― h − i", "a - b - c - d - e - f - g - h - i"},
		{"AT&T & co", "at&t & co"},
		{"a \t\u00A0\u2009b\u202F\u3000c", "a b c"},
		{"para one. \n\n  para two\r\nthree", "para one.\n\npara two\nthree"},
		{"soft\u00ADhyphen zero\u200Bwidth\u200C\u200D\u2060\uFEFF", "softhyphen zerowidth"},
		{"wait… what", "wait... what"},
		{"ﬁne ＦＵＬＬ Ⅻ ² ㎞", "fine full xii 2 km"},
		{"cafe\u0301 CAFÉ", "café café"},
		{"Straße", "strasse"},
		// Compatibility jamo are conjoining jamo in NFKC, and join the
		// jamo before them into a syllable (ㅡ and ￜ are ᅳ and ᅵ).
		{"\u1100\u3161 \u1100\uFFDC \u3131\u314F", "\uADF8 \uAE30 \uAC00"},
		{" leading and trailing ", " leading and trailing "},
		{"", ""},
	}
	for _, tt := range tests {
		got, toOrig := Normalize(tt.in)
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkMap(t, tt.in, got, toOrig)
	}
}

func TestNormalizeOffsets(t *testing.T) {
	s := "“ﬁne” Ｂｉｄｅｎ cafe\u0301 ex\u00ADam … &"
	norm, toOrig := Normalize(s)
	if want := `"fine" biden café exam ... &`; norm != want {
		t.Fatalf("Normalize = %q, want %q", norm, want)
	}
	// Each normalised piece maps back to exactly the source it came from:
	// its first byte to the source's start, the byte after it to the
	// source's end.
	from := 0
	for _, tt := range []struct{ norm, src string }{
		{`"`, "“"}, {"fine", "ﬁne"}, {`"`, "”"}, {"biden", "Ｂｉｄｅｎ"}, {"café", "cafe\u0301"},
		{"exam", "ex\u00ADam"}, {"...", "…"}, {"&", "&"},
	} {
		i := from + strings.Index(norm[from:], tt.norm)
		j := i + len(tt.norm)
		from = j
		if start, end := toOrig[i], toOrig[j]; s[start:end] != tt.src {
			t.Errorf("norm %q maps back to %q, want %q", tt.norm, s[start:end], tt.src)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"“Anonymous sources are 'leaking' falsehoods”.", "anonymous SOURCES are leaking falsehoods"},
		{"respond decisively — along with our Allies", "Respond decisively, along with our allies"},
		{"Ukraine’s sovereignty", "Ukraine's sovereignty"},
		{"ﬁnal Ｗｏｒｄ", "final word"},
		{"this publicly & we", "this publicly and we"},
		{"macro-economic", "macro economic"},
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", tt.a, ka, tt.b, kb)
		}
	}
	if Key("did not go well") == Key("did go well") {
		t.Error("different words share a Key")
	}
}

// checkMap checks the invariants of Normalize's offset map.
func checkMap(t *testing.T, s, norm string, toOrig []int) {
	t.Helper()
	if len(toOrig) != len(norm)+1 {
		t.Fatalf("Normalize(%q): len(toOrig) = %d, want %d", s, len(toOrig), len(norm)+1)
	}
	if toOrig[len(norm)] != len(s) {
		t.Fatalf("Normalize(%q): toOrig[end] = %d, want %d", s, toOrig[len(norm)], len(s))
	}
	for i, o := range toOrig {
		if o < 0 || o > len(s) {
			t.Fatalf("Normalize(%q): toOrig[%d] = %d out of range", s, i, o)
		}
		if i > 0 && o < toOrig[i-1] {
			t.Fatalf("Normalize(%q): toOrig decreases at %d: %v", s, i, toOrig)
		}
	}
}
