package match

import (
	"strings"
	"testing"
	"unicode/utf8"

	"factcheck/internal/bundle"
)

// FuzzCheck runs the engine on any text with the default bundle: it must
// not panic, and every finding must be a passage of the text, on rune
// boundaries. (The page's text comes from the DOM: valid UTF-8.)
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"“President Biden said that there is a distinct possibility that [Russia] could invade Ukraine in February,” Horne said.",
		"[", "]", "[[", "a [b", "“[sic]”", "“[not] a [ b ] c [", "#fyrefestival https://t.co/x pic.twitter.com/y",
		"Biden and Zelensky spoke.\n\nThe call did not go well, the official said.",
		"„Anonyme Quellen“, sagte Horne. « Tout le reste est spéculation », a dit Nykyforov.",
	} {
		f.Add(seed)
	}
	m := New(bundle.Default())
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		for _, fd := range m.Check(text) {
			if fd.Start < 0 || fd.Start >= fd.End || fd.End > len(text) {
				t.Fatalf("finding [%d, %d) outside the text (%d bytes)", fd.Start, fd.End, len(text))
			}
			if !utf8.RuneStart(text[fd.Start]) || fd.End < len(text) && !utf8.RuneStart(text[fd.End]) {
				t.Fatalf("finding [%d, %d) cuts a rune", fd.Start, fd.End)
			}
		}
	})
}
