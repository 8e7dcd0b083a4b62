//go:build !js

package eval

import (
	"os"
	"testing"

	"factcheck/internal/match"
)

// BenchmarkCLEFDev judges the 197 tweets of the CLEF dev split, one
// Matcher.Check each, against a bundle of all 10,375 claims: real text
// against the largest real claim list (the browser benchmark's CLEF page,
// without the browser). It reports the disputed findings and the time per
// tweet.
func BenchmarkCLEFDev(b *testing.B) {
	d, err := LoadCLEF(clefDir)
	if os.IsNotExist(err) {
		b.Skip("no CLEF data at " + clefDir)
	}
	if err != nil {
		b.Fatal(err)
	}
	tweets := d.Splits["dev"]
	m := match.New(d.Bundle(nil))
	b.ReportAllocs()
	var disputed int
	for b.Loop() {
		disputed = 0
		for _, t := range tweets {
			for _, f := range m.Check(t.Text) {
				if f.Verdict == match.Disputed {
					disputed++
				}
			}
		}
	}
	b.ReportMetric(float64(disputed), "disputed")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tweets))/1e6, "ms/tweet")
}
