package bundletool

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factcheck/internal/bundle"
)

// run runs the command and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// buildBundle builds sources into a bundle file, fails the test unless
// the build succeeds, and returns the bundle read back.
func buildBundle(t *testing.T, sources ...string) (*bundle.Bundle, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bundle.jsonld")
	code, _, stderr := run(t, append([]string{"build", "-o", out}, sources...)...)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Parse(data)
	if err != nil {
		t.Fatalf("the bundle built does not parse: %v", err)
	}
	return b, data
}

func claimByText(b *bundle.Bundle, prefix string) *bundle.Claim {
	for _, c := range b.Claims {
		if strings.HasPrefix(c.Text, prefix) {
			return c
		}
	}
	return nil
}

// sourcesOf returns the factcheck:sources of the node with the given
// claimReviewed or text prefix in the built JSON.
func sourcesOf(t *testing.T, data []byte, prefix string) string {
	t.Helper()
	for line := range strings.SplitSeq(string(data), "\n") {
		if strings.Contains(line, `"claimReviewed":"`+prefix) || strings.Contains(line, `"text":"`+prefix) {
			_, rest, _ := strings.Cut(line, `"factcheck:sources":`)
			end := strings.IndexByte(rest, ']')
			return rest[:end+1]
		}
	}
	t.Fatalf("no node starts with %q", prefix)
	return ""
}

var pages = []string{
	"testdata/pages/politifact-shape.html",
	"testdata/pages/snopes-shape.html",
	"testdata/pages/fullfact-shape.html",
	"testdata/pages/afp-shape.html",
}

// TestBuildFactCheckPages builds a bundle of the fact-check pages'
// ClaimReview markup, a DataFeed, the default bundle and a claim list.
func TestBuildFactCheckPages(t *testing.T) {
	defaultBundle := "../../web/statements.jsonld"
	sources := append([]string{defaultBundle, "testdata/feed.jsonld"}, pages...)
	sources = append(sources, "testdata/claims.tsv")
	b, data := buildBundle(t, sources...)
	if len(b.Warnings) > 0 {
		t.Errorf("the bundle built has warnings:\n%s", strings.Join(b.Warnings, "\n"))
	}
	def := bundle.Default()
	// Each page's claims, the feed's shark claim merged with the
	// PolitiFact one, the feed's Kyiv claim with the default bundle's,
	// the feed's #s1 with the default's, the commented-out script left
	// out, the Full Fact one rated "Correct" kept (the widget ignores it).
	if got, want := len(b.Statements), len(def.Statements); got != want {
		t.Errorf("%d statements, want %d (the default bundle's; the feed's #s1 is the same)", got, want)
	}
	if got, want := len(b.Claims), len(def.Claims)+1+2+1+2+3; got != want {
		t.Errorf("%d claims, want %d", got, want)
	}
	tests := []struct {
		claim, rating, reviewer, claimant, headline, url string
		ratesTrue                                        bool
	}{
		{"A photo shows a shark swimming", "False", "Feed Desk", "Viral image", "No, that photo does not show a shark on a flooded highway", "https://feed.example/reviews/shark", false},
		{"A city council banned residents", "False", "Snopes-style Desk", "Facebook posts", "Did a City Ban Snow Shovels?", "https://www.snopes.example/fact-check/snow-shovel-ban/", false},
		{"Bus fares have doubled", "Incorrect. Average fares rose by about 6% over the year, according to the official statistics.", "Full Fact-style Desk", "A social media user", "", "https://fullfact.example/transport/bus-fares-claims/", false},
		{"Children under five travel free", "Correct. This has been the rule since 2008.", "Full Fact-style Desk", "A social media user", "", "https://fullfact.example/transport/bus-fares-claims/", false},
		{"Video shows a floating island drifting past a city’s harbour", "False", "AFP-style Fact Check", "Social media users", `Video of "floating island" is computer-generated`, "https://factcheck.afp.example/doc.afp.com.32DX7AB", false},
		{"A bridge collapsed into the river", "Misleading", "AFP-style Fact Check", "", "", "", false},
		{"A \"miracle\" fruit cures\nall colds in a day.", FactChecked, "", "", "Miracle Fruit", "", false},
		{"A town renamed itself", FactChecked, "", "", "", "", false},
	}
	for _, tt := range tests {
		c := claimByText(b, tt.claim)
		if c == nil {
			t.Errorf("no claim %q", tt.claim)
			continue
		}
		got := []string{c.Rating, c.Reviewer.Name, c.Claimant.Name, c.Headline, c.URL}
		want := []string{tt.rating, tt.reviewer, tt.claimant, tt.headline, tt.url}
		if !slices.Equal(got, want) || c.RatesTrue != tt.ratesTrue {
			t.Errorf("claim %q:\n got rating, reviewer, claimant, headline, url %q, rates true %v\nwant %q, %v", tt.claim, got, c.RatesTrue, want, tt.ratesTrue)
		}
	}
	if c := claimByText(b, "This block is commented out"); c != nil {
		t.Error("a script inside an HTML comment was read")
	}
	kyiv := claimByText(b, "Biden told Zelensky that Kyiv could be 'sacked'")
	if kyiv == nil || !slices.ContainsFunc(kyiv.DisputedBy, func(s *bundle.Statement) bool { return s.ID == "#s1" }) {
		t.Errorf("the feed's Kyiv claim (the same words as the default bundle's) did not bring its isBasedOn #s1: %+v", kyiv)
	}
	if got := sourcesOf(t, data, "A photo shows a shark"); got != `["testdata/feed.jsonld","testdata/pages/politifact-shape.html:10"]` {
		t.Errorf("sources of the merged shark claim: %s", got)
	}
	if got := sourcesOf(t, data, "Anonymous sources are 'leaking'"); got != `["../../web/statements.jsonld","testdata/feed.jsonld"]` {
		t.Errorf("sources of #s1: %s", got)
	}
	if got := sourcesOf(t, data, "A town renamed itself"); got != `["testdata/claims.tsv:5"]` {
		t.Errorf("sources of a claim list's row: %s", got)
	}
}

// TestBuildIsStable: a bundle built again from itself is the same bundle,
// and validates without a warning.
func TestBuildIsStable(t *testing.T) {
	first, data := buildBundle(t, append(pages, "testdata/feed.jsonld")...)
	path := filepath.Join(t.TempDir(), "first.jsonld")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	again, _ := buildBundle(t, path)
	if len(again.Claims) != len(first.Claims) || len(again.Statements) != len(first.Statements) {
		t.Errorf("rebuilt: %d claims, %d statements; first: %d, %d", len(again.Claims), len(again.Statements), len(first.Claims), len(first.Statements))
	}
	if code, stdout, stderr := run(t, "validate", "-strict", path); code != 0 {
		t.Errorf("validate -strict of a built bundle: exit %d\n%s%s", code, stdout, stderr)
	}
}

// clefClaims finds the CLEF-2020 claim list in the shared data beside
// the checkout.
func clefClaims(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "data", "clef2020-t2", "verified_claims.docs.tsv")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("the CLEF-2020 claims (shared/data/clef2020-t2) are not beside the checkout")
	return ""
}

// TestBuildCLEF builds a bundle of all 10,375 CLEF-2020 claims.
func TestBuildCLEF(t *testing.T) {
	b, data := buildBundle(t, clefClaims(t))
	if len(b.Claims) != 10375 || len(b.Statements) != 0 || len(b.Warnings) != 0 {
		t.Fatalf("%d claims, %d statements, %d warnings (%q); want 10375 claims", len(b.Claims), len(b.Statements), len(b.Warnings), b.Warnings[:min(3, len(b.Warnings))])
	}
	if len(data) > bundle.MaxBytes {
		t.Errorf("the bundle is %d bytes, more than the widget reads", len(data))
	}
	byID := map[string]*bundle.Claim{}
	for _, c := range b.Claims {
		byID[c.ID] = c
		if c.Rating != FactChecked || c.RatesTrue {
			t.Fatalf("claim %s: rating %q, rates true %v; want %q", c.ID, c.Rating, c.RatesTrue, FactChecked)
		}
	}
	// Rows 0 and 3057 of the file: a plain one, and one quoted over two
	// lines.
	for id, want := range map[string][2]string{
		"0":    {"122 detainees released from confinement at Guantanamo Bay under President Obama have re-engaged in terrorist activities.", "Did 122 Prisoners Released from Guantanamo by President Obama Return to the Battlefield?"},
		"3057": {"Account describes Pamela Murphy’s efforts on behalf of patients at a Veterans\nAdministration hospital.", "A Great Lady Has Passed — Pamela Murphy"},
	} {
		c := byID[id]
		if c == nil || c.Text != want[0] || c.Headline != want[1] {
			t.Errorf("claim %s: %+v, want text %q and headline %q", id, c, want[0], want[1])
		}
	}
}
