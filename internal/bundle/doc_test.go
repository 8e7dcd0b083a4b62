package bundle

import (
	"os"
	"strings"
	"testing"
)

// TestDocExample parses the complete example of web/BUNDLE.md, so that
// the format documentation cannot drift from the reader.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../web/BUNDLE.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```json\n")
	if len(blocks) != 2 {
		t.Fatalf("BUNDLE.md has %d ```json blocks, want exactly one (the complete example)", len(blocks)-1)
	}
	example, _, ok := strings.Cut(blocks[1], "```")
	if !ok {
		t.Fatal("the ```json block of BUNDLE.md is not closed")
	}
	b, err := Parse([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) != 0 {
		t.Errorf("warnings: %q", b.Warnings)
	}
	if len(b.Statements) != 1 || len(b.Claims) != 1 {
		t.Fatalf("got %d statements and %d claims, want 1 and 1", len(b.Statements), len(b.Claims))
	}
	if d := b.Claims[0].DisputedBy; len(d) != 1 || d[0] != b.Statements[0] {
		t.Errorf("the claim is disputed by %v, want the example's statement", d)
	}
	// The example quotes a real official: its words must be the default
	// bundle's, word for word.
	if got, want := b.Statements[0].Text, Default().Statements[0].Text; got != want {
		t.Errorf("the example misquotes #s1:\n got %q\nwant %q", got, want)
	}
}
