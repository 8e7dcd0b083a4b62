package match

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/workload"
)

// expect is one passage of a text and the verdict it must get. The passage
// is found by a unique substring of it; id is the statement (verified,
// misquoted) or claim (disputed) the finding must cite.
type expect struct {
	passage string
	verdict Verdict // 0: the passage gets no badge
	id      string
}

// checkText runs the matcher on text and compares with want: every
// expected verdict is found on a passage containing the substring, every
// "no badge" passage has none, and nothing else is badged.
func checkText(t *testing.T, m *Matcher, text string, want []expect) []Finding {
	t.Helper()
	found := m.Check(text)
	used := make([]bool, len(found))
	for _, w := range want {
		at := strings.Index(text, w.passage)
		if at < 0 {
			t.Fatalf("test bug: %q is not in the text", w.passage)
		}
		end := at + len(w.passage)
		hit := -1
		for i, f := range found {
			if f.Start < end && at < f.End {
				hit = i
			}
		}
		if w.verdict == 0 {
			if hit >= 0 {
				t.Errorf("%q: got %v %q, want no badge", w.passage, found[hit].Verdict, text[found[hit].Start:found[hit].End])
				used[hit] = true
			}
			continue
		}
		if hit < 0 {
			t.Errorf("%q: no finding, want %v", w.passage, w.verdict)
			continue
		}
		used[hit] = true
		f := found[hit]
		if f.Verdict != w.verdict {
			t.Errorf("%q: got %v on %q, want %v", w.passage, f.Verdict, text[f.Start:f.End], w.verdict)
			continue
		}
		if id := citedID(f); w.id != "" && id != w.id {
			t.Errorf("%q: cites %s, want %s", w.passage, id, w.id)
		}
	}
	for i, f := range found {
		if !used[i] {
			t.Errorf("unexpected %v (%s) on %q", f.Verdict, citedID(f), text[f.Start:f.End])
		}
	}
	return found
}

func citedID(f Finding) string {
	if f.Verdict == Disputed {
		return f.Claim.ID
	}
	return f.Statement.ID
}

// TestSeedArticle: every quote and reported claim of the seed article.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	found := checkText(t, New(bundle.Default()), string(data), []expect{
		{"did not go well", Disputed, "#c1"},
		{"risk levels", 0, ""},
		{"leaking falsehoods", Verified, "#s1"},
		{"distinct possibility”.", Verified, ""},
		{"long and frank", 0, ""},
		{"Biden warned that Russia’s attack may be imminent", 0, ""},
		{"virtually certain after the ground had frozen", Disputed, "#c2"},
		{"dangerous but ambiguous", 0, ""},
		{"Anonymous sources are 'leaking' falsehoods”", Verified, "#s1"},
		{"He has said this publicly and we", Verified, "#s1"},
		{"‘frank’", 0, ""},
		{"Russia’s military action is imminent", 0, ""},
		{"lasted for an hour and 20 minutes", 0, ""},
		{"'decisive response'", 0, ""},
		{"respond decisively”", Verified, ""},
		{"more than half a billion dollars", 0, ""},
		{"He also underscored the commitment of the United States", Verified, "#s3a"},
	})
	// The verified quotes are badged whole, not in part.
	for _, f := range found {
		if f.Verdict == Verified && f.Statement.ID == "#s1" && strings.Contains(f.Official, "He has said") &&
			!strings.HasSuffix(f.Official, "completely false") {
			t.Errorf("Horne's quote matched only %q", f.Official)
		}
	}
}

// TestHardCases: misquotes of one word, fragments, ellipses, quote styles,
// attribution, and the same words about something else.
func TestHardCases(t *testing.T) {
	m := New(bundle.Default())
	const biden = "Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.\n"
	cases := []struct {
		name string
		text string
		want []expect
	}{
		{"one changed word", biden + `Horne said: “President Biden said that there is a distinct possibility that the Russians could invade Ukraine in March.”`,
			[]expect{{"could invade Ukraine in March", Misquoted, "#s1"}}},
		{"fragment", biden + `The spokeswoman said “anonymous sources are leaking” and denied the report.`,
			[]expect{{"anonymous sources are leaking", Verified, "#s1"}}},
		{"one dropped word", biden + `Horne said “President Biden said there is a distinct possibility that the Russians could invade Ukraine in February”.`,
			[]expect{{"said there is a distinct", Misquoted, "#s1"}}},
		{"one changed word, short", biden + `Horne said “anonymous sources are leaking lies”.`,
			[]expect{{"anonymous sources are leaking lies", Misquoted, "#s1"}}},
		{"added word", biden + `It was, Horne said, “a very distinct possibility”.`,
			[]expect{{"a very distinct possibility", Misquoted, ""}}},
		{"ellipsis", biden + `“President Biden said that there is a distinct possibility … in February,” Horne said.`,
			[]expect{{"distinct possibility … in February", Verified, "#s1"}}},
		{"ampersand and Kyiv Post wording", biden + `Horne tweeted: "He has previously said this publicly & we have been warning about this for months."`,
			[]expect{{"previously said this publicly", Verified, "#s2"}}},
		{"guillemets and case", biden + `Horne : « ANONYMOUS SOURCES ARE ‘LEAKING’ FALSEHOODS »`,
			[]expect{{"ANONYMOUS SOURCES", Verified, "#s1"}}},
		{"quote broken by attribution", biden + `“Anonymous sources are 'leaking' falsehoods,” Horne said. “Reports of anything more or different than that are completely false.”`,
			[]expect{{"Anonymous sources", Verified, "#s1"}, {"Reports of anything more", Verified, "#s1"}}},
		{"the speaker's body by its initials", biden + `An NSC spokesperson said “anonymous sources are 'leaking' falsehoods”.`,
			[]expect{{"anonymous sources", Verified, "#s1"}}},
		{"attributed to someone else", biden + `Putin said “there is a distinct possibility that the Russians could invade Ukraine in February”.`,
			[]expect{{"distinct possibility that the Russians", 0, ""}}},
		{"two ordinary words", biden + `Aid came “last year”, officials said.`,
			[]expect{{"last year", 0, ""}}},
		{"headline", "Biden–Zelensky call ‘did not go well’, Ukrainian official says\n" + biden,
			[]expect{{"did not go well", Disputed, "#c1"}}},
		{"reported without quotes", biden + "Biden warned Zelensky that a Russian invasion was nearly certain once the ground freezes in February, an official said.",
			[]expect{{"nearly certain once the ground freezes", Disputed, "#c2"}}},
		{"misspellings", biden + "Biden told Zelenskiy that an invassion was virtualy certain once the ground froze in Febuary, an official said.",
			[]expect{{"virtualy certain once the ground froze", Disputed, "#c2"}}},
		{"nested three deep", biden + `The editor wrote: “The aide recalled: ‘Horne told us: «President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February.» That was all.’ Nothing more.”`,
			[]expect{{"President Biden said that there is a distinct possibility", Verified, "#s1"}}},
		{"sacked", biden + "A Ukrainian official said Biden told Zelensky that Kyiv could be “sacked” and urged him to “prepare for impact”.",
			[]expect{{"prepare for impact", Disputed, "#c3"}}},
		{"denial reported", biden + "Horne said reports that Biden told Zelensky an invasion was virtually certain once the ground freezes were false.",
			[]expect{{"virtually certain", 0, ""}}},
		{"negated", biden + "Biden never told Zelensky that a Russian invasion was virtually certain once the ground freezes in February.",
			[]expect{{"virtually certain", 0, ""}}},
		{"same words, other subject", "The derby “did not go well”, the coach admitted after the match.\nThe club faces Arsenal on Sunday.",
			[]expect{{"did not go well", 0, ""}}},
		{"other subject, reported", "The coach said the call between the managers did not go well.",
			[]expect{{"did not go well", 0, ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkText(t, m, tc.text, tc.want) })
	}
}

// TestMisquoteDiff: the diff shows the official's word and the passage's.
func TestMisquoteDiff(t *testing.T) {
	m := New(bundle.Default())
	text := "Biden and Zelensky spoke.\nHorne said “there is a distinct possibility that the Russians could invade Ukraine in March”."
	found := m.Check(text)
	if len(found) != 1 || found[0].Verdict != Misquoted {
		t.Fatalf("got %+v, want one misquote", found)
	}
	var del, ins []string
	for _, d := range found[0].Diff {
		switch d.Op {
		case Delete:
			del = append(del, d.Text)
		case Insert:
			ins = append(ins, d.Text)
		}
	}
	if strings.Join(del, " ") != "February" || strings.Join(ins, " ") != "March" {
		t.Errorf("diff deletes %q, inserts %q; want February → March", del, ins)
	}
	if !strings.HasPrefix(found[0].Official, "there is a distinct possibility") || !strings.HasSuffix(found[0].Official, "February") {
		t.Errorf("official wording %q", found[0].Official)
	}
}

// TestRatedTrueIsNoDispute: a review that rates its claim true disputes
// nothing.
func TestRatedTrueIsNoDispute(t *testing.T) {
	b, err := bundle.Parse([]byte(`{"@context":"https://schema.org","@graph":[
	 {"@type":"ClaimReview","@id":"#t","claimReviewed":"The mayor opened the new harbour bridge in Rotterdam.",
	  "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"A reporter"}},
	  "reviewRating":{"@type":"Rating","alternateName":"True","ratingValue":5,"bestRating":5},
	  "author":{"@type":"Organization","name":"Checkers"}},
	 {"@type":"ClaimReview","@id":"#f","claimReviewed":"The mayor closed the old harbour tunnel in Rotterdam.",
	  "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"A reporter"}},
	  "reviewRating":{"@type":"Rating","alternateName":"False"},
	  "author":{"@type":"Organization","name":"Checkers"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	checkText(t, m, "In Rotterdam, the mayor opened the new harbour bridge on Monday. Later the mayor closed the old harbour tunnel in Rotterdam, residents said.", []expect{
		{"opened the new harbour bridge", 0, ""},
		{"closed the old harbour tunnel", Disputed, "#f"},
	})
}

// TestSteps: a matcher built a step at a time, and a scan done a step at a
// time, find what New and Check find, on a generated bundle and article
// that exercise every kind of finding.
func TestSteps(t *testing.T) {
	b, err := bundle.Parse(workload.Bundle(300, 30, 1))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(workload.Article(b, 6000, 150, 3), "\n")
	want := New(b).Check(text)
	if len(want) < 50 {
		t.Fatalf("the workload gives %d findings, too few to compare", len(want))
	}
	bl := NewBuilder(b)
	steps := 1
	for !bl.Step(1) {
		steps++
	}
	if steps < len(b.Statements) {
		t.Errorf("the build took %d steps, fewer than the %d statements", steps, len(b.Statements))
	}
	s := bl.Matcher().NewScan(text)
	for !s.Step(1) {
	}
	if got := s.Findings(); !reflect.DeepEqual(got, want) {
		t.Errorf("step by step: %d findings, want %d; first difference %v", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b []Finding) string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return fmt.Sprintf("%+v / %+v", a[i], b[i])
		}
	}
	return "in the length"
}

// TestEditorialInsertions: words a writer puts in square brackets inside
// a quote stand in for the speaker's or add to them, as an ellipsis leaves
// some out; a bracketed negation does not.
func TestEditorialInsertions(t *testing.T) {
	m := New(bundle.Default())
	const said = "President Biden said that there is a distinct possibility that "
	cases := []struct {
		name, quote string
		want        Verdict
	}{
		{"a name for the speaker's words", said + "[Russia] could invade Ukraine in February", Verified},
		{"two words", said + "[Moscow's forces] could invade Ukraine in February", Verified},
		{"sic", "Anonymous sources are 'leaking' falsehoods [sic]", Verified},
		{"a bracket left open", said + "[the Russians could invade Ukraine in February", Verified},
		{"a negation", "President Biden said that there is [not] a distinct possibility that the Russians could invade Ukraine in February", Misquoted},
		{"a word changed, outside the brackets", said + "[Russia] would invade Ukraine in February", Misquoted},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := "Biden and Zelensky spoke by phone on Thursday about Russian troops near Ukraine.\n“" + tc.quote + ",” Horne said."
			checkText(t, m, text, []expect{{tc.quote, tc.want, "#s1"}})
		})
	}
}
