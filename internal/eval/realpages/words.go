package realpages

import (
	"strings"
	"unicode"
)

// words splits text into its words, normalised: lower case, each a run of
// letters, digits and combining marks (so that "don't" is "don" and "t",
// in expected.html and in the text read alike).
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// overlap compares the words of expected and read as multisets: coverage
// is the share of expected's words that read holds (a word expected twice
// must be read twice), precision the share of read's words that expected
// holds. An empty side has coverage or precision 1: nothing is missing.
func overlap(expected, read []string) (coverage, precision float64) {
	count := make(map[string]int, len(read))
	for _, w := range read {
		count[w]++
	}
	common := 0
	for _, w := range expected {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	coverage, precision = 1, 1
	if len(expected) > 0 {
		coverage = float64(common) / float64(len(expected))
	}
	if len(read) > 0 {
		precision = float64(common) / float64(len(read))
	}
	return coverage, precision
}
