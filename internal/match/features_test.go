package match

import (
	"math"
	"testing"

	"factcheck/internal/bundle"
)

// TestClaimFeatures: the features of the claim model that weigh a
// passage's terms against a claim's (cosine, rarest shared term) and
// the negation of one of the claim's terms.
func TestClaimFeatures(t *testing.T) {
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#tunnel","claimReviewed":"The mayor closed the harbour tunnel in Rotterdam.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#bridge","claimReviewed":"The mayor opened a bridge by a school in Utrecht.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#park","claimReviewed":"The mayor visited a school park in Utrecht.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#whale","claimReviewed":"A hologram of a whale was shown in a school gym.","reviewRating":"False"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	features := func(text, id string) Features {
		t.Helper()
		for _, c := range m.ClaimCandidates(text, nil) {
			if c.Claim.ID == id {
				return c.Features
			}
		}
		t.Fatalf("%q: %s is not a candidate", text, id)
		return Features{}
	}
	same := features("The mayor closed the harbour tunnel in Rotterdam.", "#tunnel")
	if math.Abs(same[featCosine]-1) > 1e-9 || same[featNegation] != 0 {
		t.Errorf("the claim's own words: cosine %v, negation %v; want 1 and 0", same[featCosine], same[featNegation])
	}
	part := features("The mayor closed a road in Rotterdam after the storm.", "#tunnel")
	if part[featCosine] <= 0 || part[featCosine] >= same[featCosine] {
		t.Errorf("half the claim's words: cosine %v, want between 0 and %v", part[featCosine], same[featCosine])
	}
	// One claim uses "hologram", three use "school": the passage that
	// keeps "hologram" shares a rarer term.
	rare := features("Students saw a hologram today.", "#whale")
	common := features("Students saw a school today.", "#whale")
	if rare[featRarest] <= common[featRarest] || rare[featRarest] > 1 {
		t.Errorf("rarest shared term: %v with hologram, %v with school; want the first higher, at most 1", rare[featRarest], common[featRarest])
	}
	for _, tt := range []struct {
		text    string
		negated bool
	}{
		{"The mayor never closed the harbour tunnel in Rotterdam.", true},
		{"The mayor did not close the harbour tunnel in Rotterdam.", true},
		{"The mayor, and no councillor at all, closed the harbour tunnel in Rotterdam.", false},
		{"The mayor closed the harbour tunnel in Rotterdam, not the bridge.", false},
		// "No." before a number is the sign for number.
		{"The mayor closed No. 2 harbour tunnel in Rotterdam.", false},
		{"The mayor closed No.2 harbour tunnel in Rotterdam.", false},
		{"The mayor closed no harbour tunnel in Rotterdam.", true},
		// A negation reaches no further than its sentence.
		{"Never. Closed the harbour tunnel in Rotterdam, the mayor did.", false},
		{"Not now? Mayor closed the harbour tunnel in Rotterdam.", false},
		{"Not now, mayor closed the harbour tunnel in Rotterdam.", true},
		// A negation after a copula denies what the claim says of its
		// subject, in words the claim need not have.
		{"The harbour tunnel isn't, as far as anyone in town knows, shut by a mayor.", true},
		{"The harbour tunnel's not, as far as anyone in town knows, shut by a mayor.", true},
		{"The harbour tunnel was never, as far as anyone in town knows, shut by a mayor.", true},
		{"The mayor closed the harbour tunnel in Rotterdam, and traffic is not moving.", false},
		// An abbreviation's full stop ends no sentence.
		{"No U.S. harbour tunnel was closed by the mayor in Rotterdam.", true},
		{"The mayor did not. Close the harbour tunnel in Rotterdam? Yes.", false},
	} {
		if got := features(tt.text, "#tunnel")[featNegation] != 0; got != tt.negated {
			t.Errorf("%q: negation %v, want %v", tt.text, got, tt.negated)
		}
	}
}

// TestBylineStart: the byline that ends a post, as Twitter's embed and
// the CLEF tweets write it, and nothing else.
func TestBylineStart(t *testing.T) {
	m := New(&bundle.Bundle{})
	for _, tt := range []struct{ text, byline string }{
		{"Closed the tunnel today. — Jan de Vries (@jandevries) May 9, 2017", "Jan de Vries (@jandevries) May 9, 2017"},
		{"Closed the tunnel https://t.co/x— Jan (@jan) May 9, 2017", "Jan (@jan) May 9, 2017"},
		{"Closed the tunnel - Jan (@jan) May 9, 2017", "Jan (@jan) May 9, 2017"},
		{"Closed the tunnel today.", ""},
		{"Closed the tunnel — and the bridge, said Jan (@jan) in a long post about the city's plans for the port", ""},
		{"Closed the tunnel today, said the mayor (@mayor).", ""},
		{"Closed the tunnel — Jan (@jan) May 9, 2017 at 3:15 PM in the city of Rotterdam", ""},
	} {
		s := m.NewScan(tt.text)
		for s.split != nil {
			s.read()
		}
		j := len(s.spans)
		by := s.bylineStart(0, j)
		got := ""
		if by < j {
			got = tt.text[s.spans[by].start:]
		}
		if got != tt.byline {
			t.Errorf("%q: byline %q, want %q", tt.text, got, tt.byline)
		}
	}
}

// TestBylineFeatures: a byline's words count only where they are the
// claim's, and a negation or a denial in it says nothing of the claim.
func TestBylineFeatures(t *testing.T) {
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#tunnel","claimReviewed":"Mayor Jan Smit closed the harbour tunnel in Rotterdam.","reviewRating":"False"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	features := func(text string) Features {
		t.Helper()
		cs := m.ClaimCandidates(text, nil)
		if len(cs) == 0 {
			t.Fatalf("%q: no candidate", text)
		}
		return cs[0].Features
	}
	body := "The harbour tunnel in Rotterdam closed at dawn for the mayor's works"
	plain := features(body)
	bylined := features(body + " — Piet Not False (@piet) May 9, 2017")
	if plain[featPassage] != bylined[featPassage] || plain[featCosine] != bylined[featCosine] {
		t.Errorf("an unrelated byline changed the passage's share: %v, %v against %v, %v",
			bylined[featPassage], bylined[featCosine], plain[featPassage], plain[featCosine])
	}
	if bylined[featNegation] != 0 || bylined[featDenial] != 0 {
		t.Errorf("a byline's words negate or deny: negation %v, denial %v", bylined[featNegation], bylined[featDenial])
	}
	subject := features(body + " — Jan Smit (@jansmit) May 9, 2017")
	if subject[featPassage] <= plain[featPassage] {
		t.Errorf("the claim's subject as the author: passage share %v, want above %v", subject[featPassage], plain[featPassage])
	}
}
