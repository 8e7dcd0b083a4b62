package match

import (
	"fmt"
	"strings"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/workload"
)

// BenchmarkCheck judges generated articles against generated bundles: the
// issue's sizes, 1k and 10k statements against 20k- and 200k-word texts.
func BenchmarkCheck(b *testing.B) {
	for _, stmts := range []int{1_000, 10_000} {
		bn, err := bundle.Parse(workload.Bundle(stmts, stmts/10, 1))
		if err != nil {
			b.Fatal(err)
		}
		m := New(bn)
		for _, words := range []int{20_000, 200_000} {
			text := strings.Join(workload.Article(bn, words, words/40, 2), "\n")
			b.Run(fmt.Sprintf("statements=%d/words=%d", stmts, words), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(text)))
				var found int
				for b.Loop() {
					found = len(m.Check(text))
				}
				b.ReportMetric(float64(found), "findings")
			})
		}
	}
}

// BenchmarkNew indexes a 10k-statement bundle.
func BenchmarkNew(b *testing.B) {
	bn, err := bundle.Parse(workload.Bundle(10_000, 1_000, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		New(bn)
	}
}
