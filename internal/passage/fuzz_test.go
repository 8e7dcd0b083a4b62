package passage

import (
	"os"
	"testing"
)

func FuzzFind(f *testing.F) {
	if b, err := os.ReadFile(seedArticle); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"“We will respond,” Horne said. “This is not a drill.”",
		"“One.\n\n“Two,” Horne said.",
		"“Smith said ‘Jones told me “no” twice’ today,” Horne said.",
		"He said “this never ends.\n\nNext “quote” here.",
		"« a » »b« „c“ „d” ‚e‘ ‹f› 「g」 ”h” 'i' \"j\" rock ’n’ roll, students’ union",
		"Mr. Smith met U.S. officials. J. Smith said e.g. 1.5! Yes… 東京。大阪。",
		"قال المتحدث «لن نتراجع» أمس. “🎉👨\u200d👩\u200d👧”",
		"according to\n“,” said\n: “",
		"\xff“\xfe”\xe2\x80 '",
		"“One.\nAdvertisement\nRead: ‘x’\ntwo,” Horne said.\n« a\nPublicité\nb », a déclaré X.",
		"Speaker\vQuote\v\nHorne\t“no”\t\t\n\vX\v“y\t”\nHorne said:\n“z”",
		"„x“, sagte Horne. Laut Horne, „y“. « z », a-t-elle dit. Horne, a spokeswoman, said “w”.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkPassages(t, text, Find(text))
	})
}
