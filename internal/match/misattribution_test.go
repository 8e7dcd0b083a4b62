package match

import (
	"fmt"
	"strings"
	"testing"

	"factcheck/internal/bundle"
)

// The seed's context, in the manner of the stories that report the call.
const callContext = "Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.\n"

// TestMisattributed: an official's words that the text gives to someone
// else, and the attributions that are not misattributions.
func TestMisattributed(t *testing.T) {
	m := New(bundle.Default())
	const leaking = `"Anonymous sources are 'leaking' falsehoods."`
	cases := []struct {
		name string
		text string
		want []expect
		to   string // who the misattributed finding names
	}{
		{"another person", `Zelensky said: ` + leaking,
			[]expect{{"Anonymous sources", Misattributed, "#s1"}}, "Zelensky"},
		{"another office, cue after", `"Anonymous sources are 'leaking' falsehoods," Zelensky's office said.`,
			[]expect{{"Anonymous sources", Misattributed, "#s1"}}, "Zelensky's office"},
		{"the president, of words he did not report", `Biden said: ` + leaking,
			[]expect{{"Anonymous sources", Misattributed, "#s1"}}, "Biden"},
		{"a whole sentence that reports Biden, given to a third", `Putin said: "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February."`,
			[]expect{{"distinct possibility", Misattributed, "#s1"}}, "Putin"},
		{"nearly the words", `Zelensky said: "Anonymous sources are leaking lies."`,
			[]expect{{"Anonymous sources", Misattributed, "#s1"}}, "Zelensky"},
		{"a role, the words exactly", `The captain said: ` + leaking,
			[]expect{{"Anonymous sources", Misattributed, "#s1"}}, "The captain"},

		// Not misattributions.
		{"the speaker's employer", `The White House said: ` + leaking,
			[]expect{{"Anonymous sources", Verified, "#s1"}}, ""},
		{"the speaker's body by its initials", `An NSC spokesperson said: ` + leaking,
			[]expect{{"Anonymous sources", Verified, "#s1"}}, ""},
		{"a pronoun", `She said: ` + leaking,
			[]expect{{"Anonymous sources", Verified, "#s1"}}, ""},
		{"the speaker", `Emily Horne said: ` + leaking,
			[]expect{{"Anonymous sources", Verified, "#s1"}}, ""},
		{"an indefinite pronoun before the verb", `Nykyforov said that everything agreed "is contained only in official documents from the Ukrainian and American sides".`,
			[]expect{{"is contained only", Verified, "#s5b"}}, ""},
		{"an unnamed official", `An official said: ` + leaking,
			[]expect{{"Anonymous sources", Verified, "#s1"}}, ""},
		{"an unnamed official described", `A senior Ukrainian official said: ` + leaking,
			[]expect{{"Anonymous sources", 0, ""}}, ""},
		{"the outlet that carried the statement", `CNN reported: ` + leaking,
			[]expect{{"Anonymous sources", 0, ""}}, ""},
		{"the part that reports the person's words", `Biden said: "There is a distinct possibility that the Russians could invade Ukraine in February."`,
			[]expect{{"distinct possibility", Verified, "#s1"}}, ""},
		{"a readout's words for the president it reports", `Biden said "the commitment of the United States to Ukraine's sovereignty and territorial integrity" was firm.`,
			[]expect{{"the commitment of the United States", Verified, "#s3a"}}, ""},
		{"part of a sentence", `Putin said "there is a distinct possibility that the Russians could invade Ukraine in February".`,
			[]expect{{"distinct possibility", 0, ""}}, ""},
		{"a stock phrase", `Macron said France backed "Ukraine's sovereignty and territorial integrity".`,
			[]expect{{"sovereignty", 0, ""}}, ""},
		{"another stock phrase", `The State Department said the embassy "remains open and fully operational".`,
			[]expect{{"fully operational", 0, ""}}, ""},
		{"a sentence of common words", `"Reports of anything more or different than that are completely false," the coach said.`,
			[]expect{{"Reports of anything", 0, ""}}, ""},
		{"a phrase with one uncommon word", `"We have been warning about this for months," the captain said.`,
			[]expect{{"warning", 0, ""}}, ""},
		{"the one spoken to", `Zelensky was told: "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February."`,
			[]expect{{"distinct possibility", 0, ""}}, ""},
		{"the one spoken to, cue after", `"President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February," Zelensky was told.`,
			[]expect{{"distinct possibility", 0, ""}}, ""},
		{"two changed words", `Zelensky said: "Anonymous sources are spreading lies."`,
			[]expect{{"Anonymous sources", 0, ""}}, ""},
		// A reporter's post that quotes the official, under its byline.
		{"a quote that credits the speaker", `“Horne: ‘Anonymous sources are 'leaking' falsehoods.’” — Kylie Atwood`,
			[]expect{{"Horne:", 0, ""}, {"Anonymous sources", Verified, "#s1"}}, ""},
		{"a quote that credits the speaker without quote marks", `“Horne: Anonymous sources are 'leaking' falsehoods.” — Kylie Atwood`,
			[]expect{{"Anonymous sources", 0, ""}}, ""},
		{"a quote that credits the speaker after the words", `“Anonymous sources are 'leaking' falsehoods, as Horne put it.” — Kylie Atwood`,
			[]expect{{"Anonymous sources", 0, ""}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found := checkText(t, m, callContext+tc.text, tc.want)
			for _, f := range found {
				if f.AttributedTo != tc.to {
					t.Errorf("%v names %q, want %q", f.Verdict, f.AttributedTo, tc.to)
				}
			}
		})
	}
}

// TestMisattributedFinding: what a misattribution cites: the statement,
// the part of it quoted, and a diff when the words are not exact.
func TestMisattributedFinding(t *testing.T) {
	m := New(bundle.Default())
	found := m.Check(callContext + `Zelensky said: "Anonymous sources are leaking lies."`)
	if len(found) != 1 || found[0].Verdict != Misattributed {
		t.Fatalf("got %+v, want one misattribution", found)
	}
	f := found[0]
	if f.Official != "Anonymous sources are 'leaking' falsehoods" || f.Statement.Speaker.Name != "Emily Horne" {
		t.Errorf("cites %q of %s", f.Official, f.Statement.Speaker.Name)
	}
	var del, ins []string
	for _, d := range f.Diff {
		switch d.Op {
		case Delete:
			del = append(del, d.Text)
		case Insert:
			ins = append(ins, d.Text)
		}
	}
	if fmt.Sprint(del, ins) != "[falsehoods] [lies]" {
		t.Errorf("diff deletes %q, inserts %q; want falsehoods → lies", del, ins)
	}
	exact := m.Check(callContext + `Zelensky said: "Anonymous sources are 'leaking' falsehoods."`)
	if len(exact) != 1 || exact[0].Diff != nil || exact[0].Score != 1 {
		t.Errorf("the exact words: %+v, want no diff and a score of 1", exact)
	}
}

// TestSharedSentence: a sentence that two statements share (Horne's
// statement to CNN and her tweet) is verified when exact and misquoted
// when altered, citing the statement whose context fits or else the first.
func TestSharedSentence(t *testing.T) {
	m := New(bundle.Default())
	const reports = "Reports of anything more or different than that are "
	cases := []struct {
		name string
		text string
		want []expect
	}{
		{"exact", `Horne said: "` + reports + `completely false."`,
			[]expect{{"Reports of anything", Verified, "#s1"}}},
		{"one word changed", `Horne said: "` + reports + `totally false."`,
			[]expect{{"Reports of anything", Misquoted, "#s1"}}},
		{"words added", `Horne said: "` + reports + `completely and utterly false."`,
			[]expect{{"Reports of anything", Misquoted, "#s1"}}},
		{"the tweet's context", `Horne tweeted: "This is not true." She added: "` + reports + `totally false."`,
			[]expect{{"Reports of anything", Misquoted, "#s2"}}},
		{"the sentence reporting Biden, altered", `Horne said: "President Biden said that there is a real possibility that the Russians could invade Ukraine in February."`,
			[]expect{{"real possibility", Misquoted, "#s1"}}},
		{"the sentence reporting Biden, the tweet's context", `Horne wrote: "This is not true. President Biden said that there is a real possibility that the Russians could invade Ukraine in February."`,
			[]expect{{"real possibility", Misquoted, "#s2"}}},
		{"common words only", `Horne said: "Reports of anything more or different than that are wrong."`,
			[]expect{{"Reports of anything", 0, ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkText(t, m, callContext+tc.text, tc.want) })
	}
}

// TestSharedSentenceAmongMany: a misquote whose only uncommon word is in
// many statements still finds its statement, past the first few that hold
// the word.
func TestSharedSentenceAmongMany(t *testing.T) {
	var nodes []string
	for i := range 8 {
		nodes = append(nodes, fmt.Sprintf(`{"@type":"Quotation","@id":"#f%d","text":"The harbour tunnel report number %d is false.",
		 "creator":{"@type":"Person","name":"Port Authority %d"}}`, i, i, i))
	}
	nodes = append(nodes, `{"@type":"Quotation","@id":"#horne","text":"He has said this publicly and we have been warning about this for months. Reports of anything more or different than that are completely false.",
	 "creator":{"@type":"Person","name":"Emily Horne"}}`)
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[` + strings.Join(nodes, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, New(b), `Horne said: "Reports of anything more or different than that are totally false."`,
		[]expect{{"Reports of anything", Misquoted, "#horne"}})
}

// TestNarration: an official's words repeated in the article's own
// narration, without quote marks.
func TestNarration(t *testing.T) {
	m := New(bundle.Default())
	cases := []struct {
		name string
		text string
		want []expect
	}{
		{"a whole sentence", "Reports of anything more or different than that are completely false, the White House insisted.",
			[]expect{{"Reports of anything more or different than that are completely false", Verified, "#s1"}, {"insisted", 0, ""}}},
		{"part of a sentence, with many uncommon words", "Biden made clear that despite the departure of American family members of embassy personnel, the U.S. Embassy in Kyiv, remains open and fully operational, according to the readout.",
			[]expect{{"Biden made clear", Verified, "#s3b"}, {"according to the readout", 0, ""}}},
		{"a phrase of common words and few uncommon", "The United States along with its allies and partners imposed sanctions on Monday.",
			[]expect{{"allies and partners", 0, ""}}},
		{"seven words", "The White House said anonymous sources are 'leaking' falsehoods about the call.",
			[]expect{{"leaking", 0, ""}}},
		{"given to someone else", "Putin said that there is a distinct possibility that the Russians could invade Ukraine in February.",
			[]expect{{"distinct possibility", 0, ""}}},
		{"the same opening, other words", "The manager said there is a distinct possibility that he will rotate the squad in February.",
			[]expect{{"distinct possibility", 0, ""}}},
		{"a misquote in marks is the quote's", `Horne said: "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in March."`,
			[]expect{{"could invade Ukraine in March", Misquoted, "#s1"}}},
		{"words in marks do not make a run", `Horne said that reports of anything more "or different than that are completely" false, a denial.`,
			[]expect{{"reports of anything more", 0, ""}, {"different than that", Verified, "#s1"}}},
		{"a quote beside the narration", `Horne said anonymous sources were “leaking falsehoods” and that reports of anything more or different than that are completely false.`,
			[]expect{{"leaking falsehoods", Verified, "#s1"}, {"reports of anything more or different than that are completely false", Verified, "#s1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found := checkText(t, m, callContext+tc.text, tc.want)
			for _, f := range found {
				if text := (callContext + tc.text)[f.Start:f.End]; f.Verdict == Verified && strings.HasSuffix(text, ",") {
					t.Errorf("the badge covers %q", text)
				}
			}
		})
	}
}

// TestSpeakerAlternateNames: a bundle may give a speaker, or its
// organisation, names in other languages (alternateName); an English
// quote given to the White House in a French or German sentence is then
// the White House's, and one given to another institution is not.
func TestSpeakerAlternateNames(t *testing.T) {
	m := New(bundle.Default())
	cases := []struct {
		text string
		want []expect
	}{
		{"Joe Biden va « respond decisively if Russia further invades Ukraine », affirme la Maison Blanche.",
			[]expect{{"respond decisively if Russia further invades Ukraine", Verified, "#s3a"}}},
		{"Laut dem Weißen Haus will Biden „respond decisively if Russia further invades Ukraine“.",
			[]expect{{"respond decisively if Russia further invades Ukraine", Verified, "#s3a"}}},
		{"„Reports of anything more or different than that are completely false“, erklärte das Weiße Haus.",
			[]expect{{"Reports of anything more or different than that are completely false", Verified, "#s1"}}},
		{"„Reports of anything more or different than that are completely false“, erklärte das Außenministerium.",
			[]expect{{"Reports of anything more or different than that are completely false", 0, ""}}},
		{"« Reports of anything more or different than that are completely false », a déclaré le Kremlin.",
			[]expect{{"Reports of anything more or different than that are completely false", 0, ""}}},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) { checkText(t, m, c.text, c.want) })
	}
}

// TestSharedWording: officials who say the same sentence word for word (a
// government's line, repeated by each of its spokespeople). A quote is
// judged against its speaker's statement however many others share the
// words, so that the speaker's own wording is the one cited, verified or
// misquoted.
func TestSharedWording(t *testing.T) {
	names := []string{"Ana Lima", "Bruno Costa", "Carla Dias", "Daniel Rocha", "Elisa Moura", "Fabio Reis"}
	var nodes []string
	for i, name := range names {
		nodes = append(nodes, fmt.Sprintf(`{"@type":"Quotation","@id":"#s%d",
		  "text":"Our position on the harbour treaty has not changed since the summit in Lisbon.",
		  "creator":{"@type":"Person","name":%q}}`, i, name))
	}
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[` + strings.Join(nodes, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	const context = "Ministers spoke about the harbour treaty in Lisbon on Friday.\n"
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			id := fmt.Sprintf("#s%d", i)
			checkText(t, m, context+`"Our position on the harbour treaty has not changed since the summit in Lisbon," `+name+` said.`,
				[]expect{{"Our position", Verified, id}})
			checkText(t, m, context+`"Our position on the harbour treaty has clearly not changed since the summit in Lisbon," `+name+` said.`,
				[]expect{{"Our position", Misquoted, id}})
		})
	}
}
