package match

import (
	"slices"
	"testing"

	"factcheck/internal/bundle"
)

// TestHashtag: a camel-case hashtag is read as its words; other hashtags
// and words are read whole.
func TestHashtag(t *testing.T) {
	m := New(bundle.Default())
	tests := []struct {
		text string
		want []string
	}{
		{"#AustralianFires now", []string{"Australian", "Fires", "now"}},
		{"#DefundTheCBC", []string{"Defund", "The", "CBC"}},
		{"#maddoxstrong", []string{"maddoxstrong"}},
		{"#UKRAINE", []string{"UKRAINE"}},
		{"AustralianFires", []string{"AustralianFires"}},
		{"#ÉtatsUnis", []string{"ÉtatsUnis"}},
	}
	for _, tt := range tests {
		s := m.NewScan(tt.text)
		s.Step(1 << 30)
		var got []string
		for _, sp := range s.spans {
			got = append(got, tt.text[sp.start:sp.end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: words %q, want %q", tt.text, got, tt.want)
		}
	}
}
