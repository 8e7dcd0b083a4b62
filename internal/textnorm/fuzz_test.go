package textnorm

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are texts that exercise every rule of the comparison form.
var fuzzSeeds = []string{
	"The call “did not go well”, revealed a senior Ukrainian official.",
	"She told CNN, “Anonymous sources are 'leaking' falsehoods”.",
	"Ukraine’s ’90s rock ’n’ roll; students’ union; don't",
	"1.5 10,000 3. 4, AT&T … ... . . . [...]",
	"« Nous » „Wahr“ ‹x› 「東京」 قال «لن» שָׁלוֹם",
	"ﬁ Ｆｕｌｌ ½ 3½ ﷺ ⑴ ㏂ Straße ΣΑΣ İ e\u0301 \u0301a ´x",
	"soft\u00ADhyphen zero\u200Bwidth a\u200Db 👨\u200D👩\u200D👧 👍🏽",
	"a\u00A0b\u2009c\u202Fd \n\n e\r\nf\tg",
	"\u1100\u1161\u11A8 \u1100\u00AD\u1161 e\u00AD\u0301",
	"a\xffb\xc3 \xe2\x80",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, toOrig := Normalize(s)
		checkMap(t, s, norm, toOrig)
		if utf8.ValidString(s) {
			for i, o := range toOrig {
				if o < len(s) && !utf8.RuneStart(s[o]) {
					t.Fatalf("Normalize(%q): toOrig[%d] = %d is inside a rune", s, i, o)
				}
			}
		}
		if k, kn := Key(s), Key(norm); k != kn {
			t.Fatalf("Key(%q) = %q but Key of its normal form %q = %q", s, k, norm, kn)
		}
		if again, _ := Normalize(norm); again != norm {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, norm, again)
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := Words(s)
		// A Splitter read a few bytes at a time gives the same words.
		for _, n := range []int{1, 2, 7} {
			if got := splitBy(NewSplitter(s), n); !slices.Equal(got, words) {
				t.Fatalf("Words(%q) = %+v, but a Splitter read %d bytes at a time gives %+v", s, words, n, got)
			}
		}
		for i, w := range words {
			if w.Start < 0 || w.Start >= w.End || w.End > len(s) {
				t.Fatalf("Words(%q): word %d %+v: bad span", s, i, w)
			}
			if w.Norm == "" {
				t.Fatalf("Words(%q): word %d has an empty Norm", s, i)
			}
			shared := false
			if i > 0 {
				p := words[i-1]
				if w.Start < p.Start || w.End < p.End {
					t.Fatalf("Words(%q): word %d %+v goes back from %+v", s, i, w, p)
				}
				// Spans overlap only where one source character
				// expands into several words (½ is 1⁄2).
				if w.Start < p.End {
					if n := len(Words(s[w.Start:p.End])); n < 2 {
						t.Fatalf("Words(%q): words %+v and %+v overlap on %q", s, p, w, s[w.Start:p.End])
					}
					shared = true
				}
			}
			if i+1 < len(words) && words[i+1].Start < w.End {
				shared = true
			}
			sub := Words(s[w.Start:w.End])
			if !shared && (len(sub) != 1 || sub[0].Norm != w.Norm) {
				t.Fatalf("Words(%q): word %+v, but its span %q gives %+v", s, w, s[w.Start:w.End], sub)
			}
			if shared && !hasNorm(sub, w.Norm) {
				t.Fatalf("Words(%q): word %+v, but its span %q gives %+v", s, w, s[w.Start:w.End], sub)
			}
		}
	})
}

func hasNorm(words []Word, norm string) bool {
	for _, w := range words {
		if w.Norm == norm {
			return true
		}
	}
	return false
}
