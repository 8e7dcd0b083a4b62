package passage

import (
	"fmt"
	"testing"
)

// TestLayoutSpeakers: quotes in tables, lists, captions and headlines, in
// the text page.Read makes of them ('\t' ends a cell, '\v' a header cell),
// take their speaker from the row, the column header or a lead-in.
func TestLayoutSpeakers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []gotQuote
	}{
		{"the speaker in another cell of the row",
			"Who said what\nEmily Horne\t“Reports of anything more or different than that are completely false.”\t",
			[]gotQuote{{"Reports of anything more or different than that are completely false.", 0, "Emily Horne"}}},
		{"a row header cell",
			"Emily Horne\v“This is not true.”\t27 January\t",
			[]gotQuote{{"This is not true.", 0, "Emily Horne"}}},
		{"a column of speakers, by its heading",
			"Speaker\vQuote\v\nthe White House\t“respond decisively”\t\nEmily Horne\t“completely false”\t",
			[]gotQuote{{"respond decisively", 0, "the White House"}, {"completely false", 0, "Emily Horne"}}},
		{"the column header names the speaker",
			"Emily Horne\vSergii Nykyforov\v\n“This is not true.”\t“All the rest is speculation”\t",
			[]gotQuote{{"This is not true.", 0, "Emily Horne"}, {"All the rest is speculation", 0, "Sergii Nykyforov"}}},
		{"a heading that is no name gives nothing",
			"Date\vQuote\v\n27 January\t“This is not true.”\t",
			[]gotQuote{{"This is not true.", 0, ""}}},
		{"a cue in the cell wins over the row",
			"Emily Horne\t“This is not true,” Biden said.\t",
			[]gotQuote{{"This is not true", 0, "Biden"}}},
		{"a cell that is a sentence is no name",
			"It was denied.\t“This is not true.”\t",
			[]gotQuote{{"This is not true.", 0, ""}}},
		{"the table ends with a paragraph",
			"Emily Horne\vSergii Nykyforov\v\n“This is not true.”\t“All the rest is speculation”\t\n“Not a cell.”",
			[]gotQuote{{"This is not true.", 0, "Emily Horne"}, {"All the rest is speculation", 0, "Sergii Nykyforov"}, {"Not a cell.", 0, ""}}},
		{"a list after a lead-in",
			"Emily Horne said:\n“This is not true.”\n“Reports of anything more or different than that are completely false.”\nThe call lasted an hour.\n“Not hers.”",
			[]gotQuote{{"This is not true.", 0, "Emily Horne"},
				{"Reports of anything more or different than that are completely false.", 0, "Emily Horne"},
				{"Not hers.", 0, ""}}},
		{"a lead-in that names nobody",
			"She said:\n“This is not true.”", []gotQuote{{"This is not true.", 0, ""}}},
		{"a paragraph ending with a colon that is no cue",
			"Here is what we know:\n“This is not true.”", []gotQuote{{"This is not true.", 0, ""}}},
		{"a list item's own cue wins",
			"Emily Horne said:\n“This is not true,” Biden said.", []gotQuote{{"This is not true", 0, "Biden"}}},
		{"a figcaption",
			"“We will respond decisively,” Biden said on Twitter. Photo: Reuters",
			[]gotQuote{{"We will respond decisively", 0, "Biden"}}},
		{"a headline, speaker first", "Horne: ‘Completely false’", []gotQuote{{"Completely false", 0, "Horne"}}},
		{"a headline, speaker last", "‘Completely false’: White House", []gotQuote{{"Completely false", 0, "White House"}}},
		{"a headline with a verb after the colon", "‘Completely false’: White House denies CNN report",
			[]gotQuote{{"Completely false", 0, "White House"}}},
		{"a tweet's signature", "“This is not true.” — Emily Horne", []gotQuote{{"This is not true.", 0, "Emily Horne"}}},
		{"a box label is no speaker", "Read: ‘Biden’s warning’ in full", []gotQuote{{"Biden’s warning", 0, ""}}},
		{"a post that quotes a headline", "“Horne: ‘Completely false’” — Kylie Atwood",
			[]gotQuote{{"Horne: ‘Completely false’", 0, "Kylie Atwood"}, {"Completely false", 1, "Horne"}}},
		{"a quote inside a quote without a cue", "“It was ‘completely false’” — Kylie Atwood",
			[]gotQuote{{"It was ‘completely false’", 0, "Kylie Atwood"}, {"completely false", 1, "Kylie Atwood"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotesOf(tt.in)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("quotes of %q:\n%s", tt.in, diffQuotes(got, tt.want))
			}
			checkPassages(t, tt.in, Find(tt.in))
		})
	}
}

// TestTableCells: cells are blocks to quotes and sentences, and their Para
// is the row.
func TestTableCells(t *testing.T) {
	text := "Emily Horne\t“This is not true. It is false”\tNo. Not at all\t"
	var got []string
	for _, p := range Find(text) {
		got = append(got, fmt.Sprintf("%d %q %q", p.Kind, text[p.Start:p.End], text[p.Para.Start:p.Para.End]))
	}
	row := `"Emily Horne\t“This is not true. It is false”\tNo. Not at all"`
	want := []string{
		`2 "Emily Horne" ` + row,
		`2 "“This is not true. It is false”" ` + row,
		`1 "This is not true. It is false" ` + row,
		`2 "No." ` + row,
		`2 "Not at all" ` + row,
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("passages of %q:\n got %q\nwant %q", text, got, want)
	}
}

// TestForeignSentences: an English quote inside a French or German sentence
// is a quote of its own words, and the speaker is found from the foreign
// attribution.
func TestForeignSentences(t *testing.T) {
	tests := []struct {
		in, quote, speaker string
	}{
		{"« Reports of anything more or different than that are completely false », a déclaré Emily Horne.",
			"Reports of anything more or different than that are completely false", "Emily Horne"},
		{"Emily Horne a affirmé : « This is not true. »", "This is not true.", "Emily Horne"},
		{"Emily Horne, porte-parole du Conseil de sécurité nationale, a déclaré : « This is not true. »",
			"This is not true.", "Emily Horne"},
		{"Selon Emily Horne, les informations sont « completely false ».", "completely false", "Emily Horne"},
		{"« This is not true », affirme la Maison Blanche.", "This is not true", "la Maison Blanche"},
		{"« This is not true », a-t-elle déclaré.", "This is not true", ""},
		{"„This is not true“, sagte Horne am Donnerstag.", "This is not true", "Horne"},
		{"Horne erklärte: „Reports of anything more or different than that are completely false.“",
			"Reports of anything more or different than that are completely false.", "Horne"},
		{"Laut Emily Horne sind die Berichte „completely false“.", "completely false", "Emily Horne"},
		{"„This is not true“, so Horne.", "This is not true", "Horne"},
		{"„This is not true“, sagte sie.", "This is not true", ""},
		// English appositions, which the same rule handles.
		{"“We will respond,” Horne, a spokeswoman, said.", "We will respond", "Horne"},
		{"Horne, a spokeswoman for the council, said “this is not true”.", "this is not true", "Horne"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := quotesOf(tt.in)
			if len(q) == 0 || q[0].Text != tt.quote || q[0].Speaker != tt.speaker {
				t.Errorf("quotes of %q = %+v, want %q by %q", tt.in, q, tt.quote, tt.speaker)
			}
		})
	}
}
