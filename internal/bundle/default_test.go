package bundle

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDefaultIsWebCopy(t *testing.T) {
	web, err := os.ReadFile("../../web/statements.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(web, DefaultJSON()) {
		t.Fatal("web/statements.jsonld differs from internal/bundle/default.jsonld; copy default.jsonld over it")
	}
}

func TestDefault(t *testing.T) {
	b := Default()
	if len(b.Warnings) != 0 {
		t.Fatalf("warnings: %q", b.Warnings)
	}
	if len(b.Statements) != 11 || len(b.Claims) != 3 {
		t.Fatalf("got %d statements and %d claims, want 11 and 3", len(b.Statements), len(b.Claims))
	}
	const s1 = "Anonymous sources are 'leaking' falsehoods. President Biden said that there " +
		"is a distinct possibility that the Russians could invade Ukraine in February. " +
		"He has said this publicly and we have been warning about this for months. " +
		"Reports of anything more or different than that are completely false."
	if b.Statements[0].ID != "#s1" || b.Statements[0].Text != s1 {
		t.Errorf("first statement = %s %q, want #s1 %q", b.Statements[0].ID, b.Statements[0].Text, s1)
	}
	whiteHouseNames := []string{"Maison Blanche", "Weißes Haus", "Weißen Haus"}
	horne := Person{"Emily Horne", "Spokeswoman, National Security Council", "The White House", whiteHouseNames}
	whiteHouse := Person{Name: "The White House", AlternateNames: whiteHouseNames}
	biden := Person{Name: "Joe Biden", JobTitle: "President of the United States"}
	nykyforov := Person{"Sergii Nykyforov", "Spokesman for President Volodymyr Zelensky", "Office of the President of Ukraine", nil}
	const readout = "Readout of President Biden's Call with President Zelenskyy of Ukraine"
	want := []struct {
		id      string
		speaker Person
		date    string
		source  string
	}{
		{"#s1", horne, "2022-01-27", "Statement to CNN"},
		{"#s2", horne, "2022-01-27", "Twitter, reply to a CNN reporter"},
		{"#s3a", whiteHouse, "2022-01-27", readout},
		{"#s3b", whiteHouse, "2022-01-27", readout},
		{"#s3c", whiteHouse, "2022-01-27", readout},
		{"#s3d", whiteHouse, "2022-01-27", readout},
		{"#s3e", whiteHouse, "2022-01-27", readout},
		{"#s4", biden, "2022-01-28", "Twitter (@POTUS)"},
		{"#s5a", nykyforov, "2022-01-27", "Facebook post"},
		{"#s5b", nykyforov, "2022-01-27", "Facebook post"},
		{"#s5c", nykyforov, "2022-01-27", "Facebook post"},
	}
	for i, w := range want {
		s := b.Statements[i]
		if s.ID != w.id || !reflect.DeepEqual(s.Speaker, w.speaker) || s.Date != w.date || s.Source.Name != w.source || s.Source.URL != "" {
			t.Errorf("statement %d = %s %+v %s %+v, want %s %+v %s {Name:%s}", i, s.ID, s.Speaker, s.Date, s.Source, w.id, w.speaker, w.date, w.source)
		}
	}

	claims := []struct {
		id         string
		disputedBy []string
		variants   int
		about      []string
	}{
		{"#c1", []string{"#s1", "#s2", "#s5a", "#s5b", "#s5c"}, 1,
			[]string{"Joe Biden", "Volodymyr Zelensky", "Zelenskyy", "Zelenskiy", "Biden–Zelensky phone call of 27 January 2022"}},
		{"#c2", []string{"#s1", "#s2"}, 3, []string{"Joe Biden", "Volodymyr Zelensky", "Zelenskyy", "Zelenskiy"}},
		{"#c3", []string{"#s1", "#s2"}, 2, []string{"Joe Biden", "Volodymyr Zelensky", "Zelenskyy", "Zelenskiy"}},
	}
	for i, w := range claims {
		c := b.Claims[i]
		var ids []string
		for _, s := range c.DisputedBy {
			ids = append(ids, s.ID)
		}
		if c.ID != w.id || !slices.Equal(ids, w.disputedBy) || len(c.Variants) != w.variants || !slices.Equal(c.About, w.about) {
			t.Errorf("claim %d = %s disputed by %v, %d variants, about %q; want %s, %v, %d, %q",
				i, c.ID, ids, len(c.Variants), c.About, w.id, w.disputedBy, w.variants, w.about)
		}
		if c.Rating != "Disputed" || c.RatesTrue || c.ClaimDate != "2022-01-27" ||
			c.Claimant.Name != "A senior Ukrainian official (anonymous)" || c.Reviewer.Name != "factcheck default bundle" {
			t.Errorf("claim %s: rating %q (true %v), date %q, claimant %q, reviewer %q",
				c.ID, c.Rating, c.RatesTrue, c.ClaimDate, c.Claimant.Name, c.Reviewer.Name)
		}
	}
	if c := b.Claims[0]; c.DisputedBy[0] != b.Statements[0] {
		t.Error("claim #c1 does not point at the bundle's own #s1")
	}
}

// TestDefaultWordForWord checks every statement and claim text against the
// seed file the default bundle was built from (a copy in testdata): an
// official's words must never be altered or invented.
func TestDefaultWordForWord(t *testing.T) {
	seed, err := os.ReadFile("testdata/official-statements.md")
	if err != nil {
		t.Fatal(err)
	}
	// The seed wraps blockquotes over lines ("> ..."): join them.
	flat := strings.Join(strings.Fields(strings.ReplaceAll(string(seed), "\n> ", " ")), " ")
	b := Default()
	for _, s := range b.Statements {
		if !strings.Contains(flat, s.Text) {
			t.Errorf("%s: text is not in the seed word for word: %q", s.ID, s.Text)
		}
	}
	for _, c := range b.Claims {
		if !strings.Contains(flat, `"`+c.Text+`"`) {
			t.Errorf("%s: claim is not a quoted sentence of the seed: %q", c.ID, c.Text)
		}
	}
}
