package textnorm

import (
	"strings"
	"testing"
)

// benchText returns a news-like text of about n words, mostly ASCII with
// curly quotes, apostrophes, dashes and some accented and non-Latin words.
func benchText(n int) string {
	const para = "The call between US President Joe Biden and his Ukrainian counterpart " +
		"Volodymyr Zelensky “did not go well”, revealed a senior official — Ukraine’s " +
		"envoy said 10,000 troops… Zelenskyy’s café « réunion » قال المتحدث 1.5 km.\n"
	perPara := len(Words(para))
	return strings.Repeat(para, n/perPara+1)
}

func BenchmarkWords(b *testing.B) {
	s := benchText(20000)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	var words []Word
	for b.Loop() {
		words = AppendWords(words[:0], s)
	}
	if len(words) < 20000 {
		b.Fatalf("%d words, want at least 20000", len(words))
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := benchText(20000)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(s)
	}
}
