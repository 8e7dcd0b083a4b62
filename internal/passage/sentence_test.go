package passage

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing. Another thing! A third? Yes.", []string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"headline without punctuation", "White House: Biden reaffirmed US pledge\n\nThe body. Of text.",
			[]string{"White House: Biden reaffirmed US pledge", "The body.", "Of text."}},
		{"blocks end sentences", "no full stop here\nnor here", []string{"no full stop here", "nor here"}},
		{"titles and initials", "Mr. Smith met Dr. Jones and J. R. Brown in St. Petersburg. They left.",
			[]string{"Mr. Smith met Dr. Jones and J. R. Brown in St. Petersburg.", "They left."}},
		{"abbreviations with dots", "U.S. officials and U.K. ones, e.g. Horne, i.e. her. Then 10 p.m. News.",
			[]string{"U.S. officials and U.K. ones, e.g. Horne, i.e. her.", "Then 10 p.m. News."}},
		{"months and etc.", "On Jan. 27 and Feb. 1 they met etc. Then they left.",
			[]string{"On Jan. 27 and Feb. 1 they met etc. Then they left."}},
		{"decimals", "It grew 1.5 per cent. Prices rose 2.25. Then fell.",
			[]string{"It grew 1.5 per cent.", "Prices rose 2.25.", "Then fell."}},
		{"lower case after a full stop", "He said so. and then left.", []string{"He said so. and then left."}},
		{"digit and quote start sentences", "It ended. 2022 began. “Why?” he asked. ‘Fine.’",
			[]string{"It ended.", "2022 began.", "“Why?” he asked.", "‘Fine.’"}},
		{"ellipsis", "Wait… What? And... Then . . . no", []string{"Wait…", "What?", "And...", "Then . . . no"}},
		{"closing marks stay with their sentence", "He said “stop.” Then (he left.) Done.",
			[]string{"He said “stop.”", "Then (he left.)", "Done."}},
		{"boundaries inside a quote that goes on", "Horne said, “I came. I saw. I left.” Then silence.",
			[]string{"Horne said, “I came. I saw. I left.”", "Then silence."}},
		{"an unclosed quote does not hold a sentence open", "He said “no. Never. Done",
			[]string{"He said “no.", "Never.", "Done"}},
		{"caseless scripts", "قال المتحدث. لن نتراجع. שלום. עולם.",
			[]string{"قال المتحدث.", "لن نتراجع.", "שלום.", "עולם."}},
		{"cjk", "東京へ行く。大阪も！本当？", []string{"東京へ行く。", "大阪も！", "本当？"}},
		{"spaces trimmed", "  \t One.   Two.  \n\n  ", []string{"One.", "Two."}},
		{"empty", "", nil},
		{"blank lines only", "\n \n\t\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkPassages(t, tt.in, Find(tt.in))
		})
	}
}

func TestParas(t *testing.T) {
	text := "Headline\n\n  First para. Two.\r\n\nLast"
	var got []string
	for _, p := range Find(text) {
		got = append(got, text[p.Para.Start:p.Para.End])
	}
	want := []string{"Headline", "First para. Two.", "First para. Two.", "Last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Para of each passage = %q, want %q", got, want)
	}
}

// TestEndsSentence: the gaps between words where a sentence ends are the
// ones splitSentences cuts at.
func TestEndsSentence(t *testing.T) {
	for _, tt := range []struct{ text, ends string }{
		{"One thing. Another thing! A third? yes.", "thing. thing!"},
		{"Mr. Smith met U.S. officials, e.g. Horne. Then at 10 p.m. Jones left.", "Horne."},
		{"Not now? mayor closed it… Then", "it…"},
		{"He said “stop.” Then https://t.co/x.y left", "“stop.”"},
		{"Not" + strings.Repeat("!", 1000) + " now" + strings.Repeat(".", 1000) + " Now", "now" + strings.Repeat(".", 1000)},
	} {
		var got []string
		words := strings.Fields(tt.text)
		at := 0
		for i := 0; i+1 < len(words); i++ {
			from := strings.Index(tt.text[at:], words[i]) + at + len(words[i])
			to := strings.Index(tt.text[from:], words[i+1]) + from
			// The gap is between the word's letters: its marks are in it.
			trimmed := strings.TrimRight(words[i], ".!?…”")
			start := from - (len(words[i]) - len(trimmed))
			if EndsSentence(tt.text, start, to) {
				got = append(got, words[i])
			}
			at = from
		}
		if strings.Join(got, " ") != tt.ends {
			t.Errorf("%q: sentences end after %q, want %q", tt.text, got, tt.ends)
		}
	}
}
