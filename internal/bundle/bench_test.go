package bundle_test

import (
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/workload"
)

// BenchmarkParse parses a generated bundle of 10,000 statements and 1,000
// claims (about 5 MB). It lives in bundle_test: internal/workload imports
// bundle.
func BenchmarkParse(b *testing.B) {
	data := workload.Bundle(10000, 1000, 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := bundle.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
