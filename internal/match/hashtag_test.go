package match

import (
	"slices"
	"strings"
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
		if got := wordsRead(m, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: words %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLinks: a link's parts are not words of the text, also when a post
// glues it to the word before it.
func TestLinks(t *testing.T) {
	m := New(bundle.Default())
	tests := []struct {
		text string
		want []string
	}{
		{"see https://t.co/TPX0dF5Dil — Morgan", []string{"see", "Morgan"}},
		{"clip:https://t.co/1xX5KMns8Nhttps://t.co/9lOAr67iCX — Mehdi", []string{"clip", "Mehdi"}},
		{"#tcot pic.twitter.com/9RhYCGPQK7 — Jeannie", []string{"tcot", "Jeannie"}},
		{"#onassignmentpic.twitter.com/SWyyI1XVt9 June", []string{"June"}},
		{"stuff.”pic.twitter.com/f5BGxpJA85 — Tim", []string{"stuff", "Tim"}},
		{"read www.example.org/a?b=c now", []string{"read", "now"}},
		{"HTTPS://EXAMPLE.ORG/X after", []string{"after"}},
		{"http and https differ", []string{"http", "and", "https", "differ"}},
		{"the www. prefix", []string{"the", "www", "prefix"}},
	}
	for _, tt := range tests {
		if got := wordsRead(m, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: words %q, want %q", tt.text, got, tt.want)
		}
	}
}

// wordsRead returns the words a scan of text reads, as the text spells
// them.
func wordsRead(m *Matcher, text string) []string {
	s := m.NewScan(text)
	s.Step(1 << 30)
	var got []string
	for _, sp := range s.spans {
		got = append(got, text[sp.start:sp.end])
	}
	return got
}

// TestJoinedHashtag: a hashtag that joins words in lower case is read as
// the fewest words the bundle knows that spell it; one the bundle knows
// whole, or that no known words spell, is read whole.
func TestJoinedHashtag(t *testing.T) {
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#f","claimReviewed":"The Fyre festival in the Bahamas was a hoax, the corn flakes said.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#h","claimReviewed":"The hoaxfest was cancelled.","reviewRating":"False"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	tests := []struct {
		text string
		want []string
	}{
		{"#fyrefestival now", []string{"fyre", "festival", "now"}},
		{"#cornflakes", []string{"corn", "flakes"}},
		{"#bahamasfyrefestival", []string{"bahamas", "fyre", "festival"}},
		{"#hoaxfest", []string{"hoaxfest"}},           // known whole
		{"#fyrefestivalx", []string{"fyrefestivalx"}}, // "x" is no known word
		{"fyrefestival", []string{"fyrefestival"}},    // not a hashtag
		{"#thefestival", []string{"thefestival"}},     // "the" is a function word
		// A mention is read so too, in camel case or not, but not a
		// byline's (it repeats the name before it) nor an address's domain.
		{"@fyrefestival", []string{"fyre", "festival"}},
		{"cc:@FyreFestival", []string{"cc", "Fyre", "Festival"}},
		{"@FyreFestivalOfficial", []string{"FyreFestivalOfficial"}},
		{"Fyre Festival (@fyrefestival)", []string{"Fyre", "Festival", "fyrefestival"}},
		{"info@fyrefestival.com", []string{"info", "fyrefestival", "com"}},
	}
	for _, tt := range tests {
		if got := wordsRead(m, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: words %q, want %q", tt.text, got, tt.want)
		}
	}
	// A scan splits maxJoinedTags hashtags, and reads the rest whole.
	got := wordsRead(m, strings.Repeat("#fyrefestival ", maxJoinedTags+1))
	if len(got) != 2*maxJoinedTags+1 || got[len(got)-1] != "fyrefestival" {
		t.Errorf("%d hashtags: %d words, the last %q; want %d, the last whole", maxJoinedTags+1, len(got), got[len(got)-1], 2*maxJoinedTags+1)
	}
}
