package match

import (
	"os"
	"testing"

	"factcheck/internal/bundle"
)

// TestOtherOutlets: the same call as other outlets reported it, in their
// own words and quote styles (testdata/outlets, written for this test in
// the manner of each outlet; the quotes of officials are those of the
// seed, word for word, save deliberate misquotes), and an unrelated
// article that uses the same phrases.
func TestOtherOutlets(t *testing.T) {
	m := New(bundle.Default())
	cases := []struct {
		file string
		want []expect
	}{
		{"kyivpost.txt", []expect{
			{"This is not true. President Biden said", Verified, "#s2"},
			{"did not go well", Disputed, "#c1"},
			// The sentence around that quote reports a second claim.
			{"virtually certain once the ground freezes", Disputed, "#c2"},
			{"respond decisively if Russia further invades Ukraine", Verified, "#s3a"},
			// The readout's words before that quote, repeated in narration.
			{"reaffirmed the readiness of the United States", Verified, "#s3a"},
			// Relayed by Horne, not a statement of the bundle.
			{"some reports regarding today's conversation", 0, ""},
		}},
		{"newsweek.txt", []expect{
			{"Absolutely Not True", Verified, "#s5a"},
			{"did not go well.", Disputed, "#c1"},
			{"are absolutely not true.", Verified, "#s5a"},
			{"is contained only in official documents", Verified, "#s5b"},
			{"All the rest is speculation", Verified, "#s5c"},
			{"a Russian invasion was nearly certain", Disputed, "#c2"},
			// The claim said "prepare for impact": too far to judge.
			{"brace for impact", 0, ""},
			{"President Biden said there's a distinct possibility that Russia could", Misquoted, "#s1"},
			{"I spoke with Ukrainian President Zelenskyy", Verified, "#s4"},
		}},
		{"reuters.txt", []expect{
			{"'decisively'", 0, ""},
			// The readout's words, repeated in narration.
			{"Biden made clear that despite the departure", Verified, "#s3b"},
			{"The leaders discussed coordinated diplomatic efforts", Verified, "#s3c"},
			{"more than half a billion dollars", Verified, "#s3d"},
			{"nothing about Ukraine without Ukraine", Verified, "#s3c"},
			// The sentence reports the claim and its rejection.
			{"the call did not go well, a characterization", 0, ""},
			{"Anonymous sources are 'leaking' falsehoods", Verified, "#s1"},
		}},
		{"unrelated.txt", []expect{
			{"did not go well", 0, ""},
			{"there is a distinct possibility that he will rotate", 0, ""},
			// Horne's words, but the captain's quote.
			{"We have been warning about this for months", 0, ""},
			{"long and frank", 0, ""},
			{"anonymous sources were leaking falsehoods", 0, ""},
			{"We will respond decisively if the league", 0, ""},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/outlets/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, m, string(data), tc.want)
		})
	}
}
