package bundletool

import (
	"fmt"
	"io"

	"factcheck/internal/match"
)

// compile reads a JSON-LD bundle as the widget would, indexes it, and
// returns it compiled (match.Encode): the widget then loads it without
// parsing or indexing. Warnings go to rep, as validate gives them: a
// compiled bundle does not carry them to the reader's console.
func compile(name string, rep *report, stderr io.Writer) []byte {
	b, data := load(name, rep)
	if b == nil {
		return nil
	}
	out, err := match.Encode(b, match.New(b))
	if err != nil {
		rep.errorf(name, 0, "", "cannot compile it: %v", err)
		return nil
	}
	fmt.Fprintf(stderr, "factcheck compile: %d statements and %d claims, %s of JSON-LD, compiled to %s (format version %d)\n",
		len(b.Statements), len(b.Claims), mib(int64(len(data))), mib(int64(len(out))), match.FormatVersion)
	return out
}
