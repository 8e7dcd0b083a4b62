package workload

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"factcheck/internal/bundle"
)

func TestBundle(t *testing.T) {
	data := Bundle(10000, 1000, 1)
	if !bytes.Equal(data, Bundle(10000, 1000, 1)) {
		t.Fatal("Bundle is not deterministic")
	}
	if bytes.Equal(data, Bundle(10000, 1000, 2)) {
		t.Fatal("Bundle ignores its seed")
	}
	if len(data) > bundle.MaxBytes {
		t.Fatalf("%d bytes, over bundle.MaxBytes", len(data))
	}
	b, err := bundle.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) != 0 {
		t.Fatalf("%d warnings, the first: %s", len(b.Warnings), b.Warnings[0])
	}
	if len(b.Statements) != 10000 || len(b.Claims) != 1000 {
		t.Fatalf("got %d statements and %d claims", len(b.Statements), len(b.Claims))
	}

	words := map[string]bool{}
	speakers := map[[3]string]bool{}
	for _, s := range b.Statements {
		for _, w := range strings.FieldsFunc(s.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[strings.ToLower(w)] = true
		}
		speakers[[3]string{s.Speaker.Name, s.Speaker.JobTitle, s.Speaker.Affiliation}] = true
		if s.Date == "" || s.Speaker.Name == "" || s.Source.Name == "" {
			t.Fatalf("statement %s lacks a date, speaker or source: %+v", s.ID, s)
		}
	}
	if len(words) < 2000 {
		t.Errorf("vocabulary of %d words, want a few thousand", len(words))
	}
	if len(speakers) < 100 {
		t.Errorf("%d speakers", len(speakers))
	}

	ratesTrue := 0
	for _, c := range b.Claims {
		if c.RatesTrue {
			ratesTrue++
		}
		if n := len(strings.Fields(c.Text)); n < 4 || n > 20 || len(c.Variants) != 0 || len(c.About) != 0 || len(c.DisputedBy) == 0 {
			t.Fatalf("claim %s: %d words, %d variants, %d about, %d statements", c.ID, n, len(c.Variants), len(c.About), len(c.DisputedBy))
		}
	}
	if ratesTrue == 0 || ratesTrue > len(b.Claims)/4 {
		t.Errorf("%d of %d claims rated true, want about one in ten", ratesTrue, len(b.Claims))
	}
}
