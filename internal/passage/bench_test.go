package passage

import (
	"strings"
	"testing"
)

// newsText returns about n words of news-like text, with quotes of every
// kind, attributions and apostrophes, in paragraphs of a few sentences.
func newsText(n int) string {
	paras := []string{
		"The call “did not go well”, revealed a senior Ukrainian official to CNN as talks over “risk levels” went on.",
		"Horne further told the media outlet, “President Biden said that there is a distinct possibility. " +
			"He has said this publicly. Reports of anything more are completely false.\"",
		"“We will respond,” Horne said. “This is not a drill,” she added, citing the ’90s and Ukraine’s sovereignty.",
		"She told CNN, “Anonymous sources are 'leaking' falsehoods”. Mr. Smith met U.S. officials on Jan. 27.",
		"According to the readout released by the White House, allies will \"respond decisively” if Russia invades.",
		"« Nous ne céderons pas », a déclaré le ministre. Er sagte: „Das ist nicht wahr“.",
	}
	var b strings.Builder
	for words := 0; words < n; {
		p := paras[words%len(paras)]
		b.WriteString(p)
		b.WriteString("\n\n")
		words += len(strings.Fields(p))
	}
	return b.String()
}

func benchmarkFind(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

func BenchmarkFind20kWords(b *testing.B)  { benchmarkFind(b, newsText(20_000)) }
func BenchmarkFind200kWords(b *testing.B) { benchmarkFind(b, newsText(200_000)) }

// BenchmarkFind5MB is a long article of 5 MB.
func BenchmarkFind5MB(b *testing.B) {
	text := newsText(1_000_000)
	for len(text) < 5<<20 {
		text += text
	}
	benchmarkFind(b, text[:5<<20])
}

// The pathological texts: 100k quote marks in one paragraph, paired,
// unpaired, and nested as deep as marks allow.
func BenchmarkFindMarksPaired(b *testing.B) {
	benchmarkFind(b, strings.Repeat("“a,” Horne said, ", 50_000))
}

func BenchmarkFindMarksUnpaired(b *testing.B) {
	benchmarkFind(b, strings.Repeat("“a ", 100_000))
}

func BenchmarkFindMarksNested(b *testing.B) {
	benchmarkFind(b, strings.Repeat("“a ‘b ", 25_000)+strings.Repeat("c’ d” ", 25_000))
}

func BenchmarkFindMarksASCII(b *testing.B) {
	benchmarkFind(b, strings.Repeat(`"`, 100_000))
}

// BenchmarkEndsSentenceLongGap: a hostile gap between two words, 100,000
// full stops and a long word before them, is read once.
func BenchmarkEndsSentenceLongGap(b *testing.B) {
	text := "not" + strings.Repeat("x", 100_000) + strings.Repeat(".", 100_000) + " troops"
	from, to := len(text)-len(" troops")-100_000, len(text)-len("troops")
	b.SetBytes(int64(to - from))
	for b.Loop() {
		EndsSentence(text, from, to)
	}
}
