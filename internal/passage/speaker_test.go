package passage

import "testing"

func TestQuoteSpeaker(t *testing.T) {
	tests := []struct {
		in, speaker string
	}{
		// AP and Reuters styles.
		{"“We will respond,” Horne said.", "Horne"},
		{"“We will respond,” Emily Horne said on Thursday.", "Emily Horne"},
		{"“We will respond,” said Horne, a spokeswoman.", "Horne"},
		{"“We will respond,” said US National Security Council spokeswoman Emily Horne.",
			"US National Security Council spokeswoman Emily Horne"},
		{"“We will respond,” the official cited by CNN said.", "the official cited by CNN"},
		{"“We will respond,” a senior Ukrainian official told CNN.", "a senior Ukrainian official"},
		{"“We will respond,” Horne further said.", "Horne"},
		{"Horne told CNN: “We will respond.”", "Horne"},
		{"Horne told reporters on Thursday, “We will respond.”", "Horne"},
		{"“We will respond”, according to the White House.", "the White House"},
		{"According to a statement from the White House, Biden will “respond decisively”.",
			"a statement from the White House"},
		{"The White House statement read, “We will respond.”", "The White House statement"},
		{"Horne's statement read: “We will respond.”", "Horne's statement"},
		{"Horne wrote on Twitter that the reports were “completely false”.", "Horne"},
		{"Biden tweeted: “We will respond decisively.”", "Biden"},
		{"The spokesman insisted the talks were “long and frank”.", "The spokesman"},
		{"The call “did not go well”, revealed a senior Ukrainian official to CNN.", "a senior Ukrainian official"},
		{"However, the White House has reportedly disputed the account and said the sources were “leaking falsehoods”.",
			"the White House"},
		{"U.S. officials said it was “a distinct possibility”.", "U.S. officials"},
		{"Mr. Smith said it was “fine”.", "Mr. Smith"},
		// Pronouns and no attribution at all.
		{"She told CNN, “Anonymous sources are leaking falsehoods”.", ""},
		{"“We will respond,” he said.", ""},
		{"They said it was “fine”.", ""},
		{"The so-called ‘frank’ discussion came as both sides braced.", ""},
		// The nearest cue wins.
		{"Horne said the call went well, but Smith told CNN it was “a disaster”.", "Smith"},
		{"Smith called it “a disaster”, Horne said.", "Horne"},
		// States of "United States" is no verb.
		{"The United States “will respond”.", ""},
		// A headline's colon.
		{"White House: Biden reaffirmed pledge for 'decisive response'", "White House"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := quotesOf(tt.in)
			if len(q) == 0 {
				t.Fatalf("no quote in %q", tt.in)
			}
			if q[0].Speaker != tt.speaker {
				t.Errorf("speaker of %q in %q = %q, want %q", q[0].Text, tt.in, q[0].Speaker, tt.speaker)
			}
		})
	}
}

func TestSentenceSpeaker(t *testing.T) {
	tests := []struct {
		in, speaker string
	}{
		{"Biden also told Zelensky that an invasion was now virtually certain, according to the official cited by CNN.",
			"the official cited by CNN"},
		{"Amid the tensions, US national security officials said that the call lasted an hour.",
			"US national security officials"},
		{"The official further revealed that Zelensky restated his position.", "The official"},
		{"A senior Ukrainian official said the call did not go well.", "A senior Ukrainian official"},
		{"He said the call did not go well.", ""},
		{"The call did not go well.", ""},
		{"Ukraine’s president insists the call went well.", "Ukraine’s president"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ps := Find(tt.in)
			if len(ps) == 0 || ps[0].Kind != Sentence {
				t.Fatalf("no sentence first in %+v", ps)
			}
			if ps[0].Speaker != tt.speaker {
				t.Errorf("speaker of %q = %q, want %q", tt.in, ps[0].Speaker, tt.speaker)
			}
		})
	}
}
