package match

import (
	"testing"

	"factcheck/internal/bundle"
)

// TestClaimContext: how the article around a passage decides whether it
// reports a claim (the claim's subject named in the paragraph, or in the
// article for a passage that repeats three words of the claim or more),
// and the shapes claims are reported in: reported speech without quote
// marks, a quote inside a French sentence, a table row.
func TestClaimContext(t *testing.T) {
	m := New(bundle.Default())
	const lead = "Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.\n"
	cases := []struct {
		name string
		text string
		want []expect
	}{
		{"quote in a paragraph without names", lead + "Hours later, a senior official described the conversation to reporters. It “did not go well”, the official said.",
			[]expect{{"did not go well", Disputed, "#c1"}}},
		{"quote in an article about something else", "The derby ended in a draw on Sunday.\nHours later, a senior official described the conversation to reporters. It “did not go well”, the official said.",
			[]expect{{"did not go well", 0, ""}}},
		{"reported speech, no marks, no names in the paragraph", lead + "The account came from an official, who said the leaders disagreed and that the call did not go well.",
			[]expect{{"the call did not go well", Disputed, "#c1"}}},
		{"reported speech about another call", "The derby ended in a draw on Sunday.\nThe account came from an official, who said the leaders disagreed and that the call did not go well.",
			[]expect{{"the call did not go well", 0, ""}}},
		{"English quote in a French sentence", lead + "Selon un responsable ukrainien, l'appel entre Biden et Zelensky « did not go well ».",
			[]expect{{"did not go well", Disputed, "#c1"}}},
		{"table row", lead + "The call between Biden and Zelensky did not go well\tA senior Ukrainian official\t\n",
			[]expect{{"did not go well", Disputed, "#c1"}}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { checkText(t, m, tt.text, tt.want) })
	}
}

// TestClaimBadInput: claims a bundle should not hold, loaded all the
// same: none gives a badge that rests on one common word, and two claims
// with the same text give one badge.
func TestClaimBadInput(t *testing.T) {
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#one","claimReviewed":"Ukraine","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#common","claimReviewed":"It was said.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#a","claimReviewed":"The harbour tunnel in Rotterdam was closed by the mayor.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#b","claimReviewed":"The harbour tunnel in Rotterdam was closed by the mayor.","reviewRating":"False"},
	 {"@type":"ClaimReview","@id":"#fr","name":"Le maire a-t-il fermé le tunnel du port de Rotterdam ?","reviewRating":"False"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, New(b), "Ukraine said it was said on Monday.\nIn Rotterdam the harbour tunnel was closed by the mayor, residents said.", []expect{
		{"Ukraine said it was said", 0, ""},
		{"the harbour tunnel was closed by the mayor", Disputed, "#a"},
	})
	// One word changed in a quote whose other words are common words and
	// a name: not the claim.
	us, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#us","claimReviewed":"Most migrants residing in the United States send money home.","reviewRating":"False"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, New(us), "Migrants in the United States face new rules.\nThe rules apply to everyone “living in the United States”, officials said.", []expect{
		{"living in the United States", 0, ""},
	})
}
