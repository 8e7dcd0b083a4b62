package passage

import (
	"fmt"
	"strings"
	"testing"
)

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []gotQuote
	}{
		{"english double", "He called it “a disaster” twice.", []gotQuote{{"a disaster", 0, ""}}},
		{"ascii double", `He called it "a disaster" twice.`, []gotQuote{{"a disaster", 0, ""}}},
		{"english single", "the so-called ‘frank’ talks", []gotQuote{{"frank", 0, ""}}},
		{"ascii single", "a pledge for 'decisive response' in", []gotQuote{{"decisive response", 0, ""}}},
		{"french with no-break spaces", "« Nous ne céderons pas », a déclaré le ministre.",
			[]gotQuote{{"Nous ne céderons pas", 0, "le ministre"}}},
		{"french tight", "il a dit «non» hier", []gotQuote{{"non", 0, ""}}},
		{"danish", "han sagde »nej« i går", []gotQuote{{"nej", 0, ""}}},
		{"german", "Er sagte: „Das ist nicht wahr“.", []gotQuote{{"Das ist nicht wahr", 0, ""}}},
		{"polish", "Powiedział „to nieprawda” wczoraj", []gotQuote{{"to nieprawda", 0, ""}}},
		{"german single", "das ‚einfache‘ Wort", []gotQuote{{"einfache", 0, ""}}},
		{"single guillemets", "le mot ‹ simple › ici", []gotQuote{{"simple", 0, ""}}},
		{"swiss single guillemets", "das Wort ›einfach‹ hier", []gotQuote{{"einfach", 0, ""}}},
		{"cjk corners", "彼は「東京へ行く」と言った。", []gotQuote{{"東京へ行く", 0, ""}}},
		{"cjk white corners", "「彼は『はい』と言った」", []gotQuote{{"彼は『はい』と言った", 0, ""}, {"はい", 1, ""}}},
		{"swedish", "han sa ”nej” igen", []gotQuote{{"nej", 0, ""}}},
		{"ascii opening, curly closing", `allies to "respond decisively” if Russia`,
			[]gotQuote{{"respond decisively", 0, ""}}},
		{"curly opening, ascii closing", "outlet, “...completely false.\"", []gotQuote{{"...completely false.", 0, ""}}},
		{"nested", "She told CNN, “Anonymous sources are 'leaking' falsehoods”.",
			[]gotQuote{{"Anonymous sources are 'leaking' falsehoods", 0, ""}, {"leaking", 1, ""}}},
		{"nested curly", "“the ‘frank’ talks”", []gotQuote{{"the ‘frank’ talks", 0, ""}, {"frank", 1, ""}}},
		{"nested same marks", `He said "a "b" c" then`, []gotQuote{{`a "b" c`, 0, ""}, {"b", 1, ""}}},
		{"three deep", "“Smith said ‘Jones told me “no” twice’ today,” Horne said.", []gotQuote{
			{"Smith said ‘Jones told me “no” twice’ today", 0, "Horne"},
			{"Jones told me “no” twice", 1, "Smith"},
			{"no", 2, "Jones"}}},
		{"apostrophes are not quotes", "Russia’s and Ukraine’s leaders, the ’90s, rock ’n’ roll, don't, students’ union, O’Neill",
			nil},
		{"plural possessive inside double quotes", "“the students’ union voted”", []gotQuote{{"the students’ union voted", 0, ""}}},
		{"plural possessive closes an open single quote", "‘the students’ union", []gotQuote{{"the students", 0, ""}}},
		{"apostrophes inside a single quote", "‘Ukraine’s ’90s don’t’", []gotQuote{{"Ukraine’s ’90s don’t", 0, ""}}},
		{"trailing comma belongs to the sentence", "“We will respond,” Horne said.", []gotQuote{{"We will respond", 0, "Horne"}}},
		{"rtl arabic", "قال المتحدث «لن نتراجع» أمس", []gotQuote{{"لن نتراجع", 0, ""}}},
		{"rtl hebrew", `הוא אמר "שלום לכולם" אתמול`, []gotQuote{{"שלום לכולם", 0, ""}}},
		{"emoji inside", "“We did it 🎉👨\u200d👩\u200d👧” he wrote", []gotQuote{{"We did it 🎉👨\u200d👩\u200d👧", 0, ""}}},
		{"empty quotes are dropped", `an empty "" pair and “ ” here`, nil},
		{"unclosed quote is dropped", "He said “this never ends. And more text.", nil},
		{"unclosed quote does not swallow the next paragraph",
			"He said “this never ends.\n\nThe next paragraph has “a real quote” in it.",
			[]gotQuote{{"a real quote", 0, ""}}},
		{"unclosed inner quote is dropped", "“He said ‘no way.” Then", []gotQuote{{"He said ‘no way.", 0, ""}}},
		{"a quote inside an unclosed one is top level", "He said “this is ‘fine’ and more.",
			[]gotQuote{{"fine", 0, ""}}},
		{"stray closing marks", "a” b» c」 d’ e", nil},
		{"paragraph-crossing quote",
			"“The first paragraph of the quote.\n\n“The second paragraph ends it,” Horne said.",
			[]gotQuote{{"The first paragraph of the quote.\n\n“The second paragraph ends it", 0, "Horne"}}},
		{"paragraph-crossing french", "« Premier paragraphe.\n» Second paragraphe. »",
			[]gotQuote{{"Premier paragraphe.\n» Second paragraphe.", 0, ""}}},
		{"paragraph-crossing over three paragraphs", "“One.\n“Two.\n“Three.”",
			[]gotQuote{{"One.\n“Two.\n“Three.", 0, ""}}},
		{"no crossing into a paragraph of another family", "“One.\n‘Two’ is here.",
			[]gotQuote{{"Two", 0, ""}}},
		{"broken quote", "“We will respond,” Horne said. “This is not a drill.”",
			[]gotQuote{{"We will respond", 0, "Horne"}, {"This is not a drill.", 0, "Horne"}}},
		{"broken quote, same sentence", "“We will,” Horne said, “respond decisively.”",
			[]gotQuote{{"We will", 0, "Horne"}, {"respond decisively.", 0, "Horne"}}},
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

// TestQuoteMarksUnpaired feeds texts of nothing but marks: no quote may
// run over the block it starts in, and every quote is between marks.
func TestQuoteMarksUnpaired(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("“a ", 1000),
		strings.Repeat("a” ", 1000),
		strings.Repeat("“‘«„ x ", 500) + "\n" + strings.Repeat("”’» y ", 500),
		strings.Repeat(`"`, 2000),
		strings.Repeat("'a' ", 1000),
	} {
		ps := Find(text)
		checkPassages(t, text, ps)
		for _, p := range ps {
			if p.Depth >= maxNesting {
				t.Fatalf("depth %d beyond maxNesting", p.Depth)
			}
		}
	}
}

// TestSplitQuotes: a quote running over paragraphs, with what pages insert
// between them, as real articles print it. A joined quote's Pieces leave
// out the inserted blocks; marks that are no pair are not joined.
func TestSplitQuotes(t *testing.T) {
	type split struct {
		Text    string
		Pieces  []string
		Speaker string
	}
	tests := []struct {
		name string
		in   string
		want []split
	}{
		{"english style, no insert",
			"“Reports of anything more are false.\n\n“He has said this publicly,” Horne said.",
			[]split{{"Reports of anything more are false.\n\n“He has said this publicly", nil, "Horne"}}},
		{"english style around an advertisement",
			"“Reports of anything more are false.\n\nAdvertisement\n\n“He has said this publicly,” Horne said.",
			[]split{{"Reports of anything more are false.\n\nAdvertisement\n\n“He has said this publicly",
				[]string{"Reports of anything more are false.", "He has said this publicly"}, "Horne"}}},
		{"no reopening mark, around a related-link box",
			"Horne told CNN: “President Biden said that there is a distinct possibility.\n" +
				"RELATED\nBiden warns Putin of severe costs\n" +
				"He has said this publicly and we have been warning about this for months.”\nThe call lasted an hour.",
			[]split{{"President Biden said that there is a distinct possibility.\nRELATED\nBiden warns Putin of severe costs\n" +
				"He has said this publicly and we have been warning about this for months.",
				[]string{"President Biden said that there is a distinct possibility.",
					"He has said this publicly and we have been warning about this for months."}, "Horne"}}},
		{"no reopening mark, next paragraph",
			"“We will respond decisively.\nIf Russia further invades Ukraine,” Biden said.",
			[]split{{"We will respond decisively.\nIf Russia further invades Ukraine", nil, "Biden"}}},
		{"a pull quote in the inserted box is a quote of its own",
			"“This is not true.\n“Not true,” Horne wrote\nPresident Biden said that there is a distinct possibility,” she wrote.",
			// The box opens with a mark of the family: English style, the
			// quote goes on in it.
			[]split{{"This is not true.\n“Not true", nil, "Horne"}}},
		{"a short quote inside an inserted box",
			"“This is not true.\nRead: ‘Biden’s warning’ in full\nPresident Biden said there is a distinct possibility,” Horne wrote.",
			[]split{
				{"This is not true.\nRead: ‘Biden’s warning’ in full\nPresident Biden said there is a distinct possibility",
					[]string{"This is not true.", "President Biden said there is a distinct possibility"}, "Horne"},
				{"Biden’s warning", nil, ""}}},
		{"french guillemets around an advertisement",
			"« Nous ne céderons pas.\nPublicité\nNous répondrons », a déclaré le ministre.",
			[]split{{"Nous ne céderons pas.\nPublicité\nNous répondrons",
				[]string{"Nous ne céderons pas.", "Nous répondrons"}, "le ministre"}}},
		{"an inch sign is no closing mark",
			"He said “we are ready.\nAdvertisement\nThe new screen is 55\" wide.",
			nil},
		{"an apostrophe is no closing mark",
			"She called it ‘a plan.\nAdvertisement\nThe students’ union voted.",
			nil},
		{"long prose between is not inserted",
			"He said “we are ready.\nThe talks went on for hours on Thursday as officials from both sides met in Geneva to discuss the crisis.\n" +
				"Then it ended,” she said.",
			nil},
		{"a typo's unclosed mark does not join a later quote",
			"He said “this never ends.\nAdvertisement\nThe next paragraph has “a real quote” in it.",
			[]split{{"a real quote", nil, ""}}},
		{"too many blocks between",
			"“We are ready.\nAd\nAd\nAd\nAd\nThen it ended,” she said.",
			nil},
		{"table cells do not join",
			"“We are ready.\tAd\tThen it ended,” she said.\t",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []split
			ps := Find(tt.in)
			// The pieces of the split quotes so far, each a quote of its
			// own too, with the speaker of the whole.
			pieces := map[Span]string{}
			for _, p := range ps {
				if p.Kind != Quote {
					continue
				}
				if speaker, ok := pieces[p.Span]; ok {
					if p.Pieces != nil || p.Speaker != speaker {
						t.Errorf("piece %q as a quote: %+v", tt.in[p.Start:p.End], p)
					}
					delete(pieces, p.Span)
					continue
				}
				s := split{Text: tt.in[p.Start:p.End], Speaker: p.Speaker}
				for _, pc := range p.Pieces {
					s.Pieces = append(s.Pieces, tt.in[pc.Start:pc.End])
					pieces[pc] = p.Speaker
				}
				got = append(got, s)
			}
			if len(pieces) > 0 {
				t.Errorf("pieces not found as quotes: %v", pieces)
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("quotes of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkPassages(t, tt.in, ps)
		})
	}
}
