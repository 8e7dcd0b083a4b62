package bundle

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and that whatever it loads
// keeps the promises the rest of the widget relies on. Besides the seeds
// below, testdata/fuzz/FuzzParse holds a small generated bundle
// (workload.Bundle(5, 3, 1); workload imports this package).
func FuzzParse(f *testing.F) {
	f.Add(DefaultJSON())
	f.Add(graph(quoteS1, reviewC1))
	f.Add(graph(`{"@type": "Quotation", "text": "<script>x</script>\u0000", "creator": {"@id": "#p"}, "url": "javascript:x"}`,
		`{"@type": "Person", "@id": "#p", "name": "P"}`,
		`{"@type": ["ClaimReview"], "itemReviewed": {"alternateName": ["a", "a"], "about": [{"name": "b"}]},
			"reviewRating": {"ratingValue": "5"}, "isBasedOn": ["#s1", {"@type": "Quotation", "text": "t", "creator": "c"}]}`))
	f.Add([]byte(`[[[[{"@graph": 1}]]]]`))
	f.Add([]byte(`{"@type": "Quotation", "text": "\"[{\\", "creator": "A"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data)
		if (b == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v: want a bundle or an error", b, err)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || err.Error() == "" {
				t.Fatalf("error %T %q, want a non-empty *Error", err, err)
			}
			return
		}
		for _, s := range b.Statements {
			checkText(t, "statement "+s.ID, s.Text)
			checkURL(t, s.Source.URL)
		}
		for _, c := range b.Claims {
			checkText(t, "claim "+c.ID, c.Text)
			for _, v := range c.Variants {
				checkText(t, "variant of "+c.ID, v)
			}
			checkURL(t, c.URL)
			for _, s := range c.DisputedBy {
				if !slices.Contains(b.Statements, s) {
					t.Fatalf("claim %s is disputed by %s, which is not among the statements", c.ID, s.ID)
				}
			}
		}
	})
}

func checkText(t *testing.T, what, s string) {
	t.Helper()
	if s == "" || strings.TrimSpace(s) != s || !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxTextLen {
		t.Fatalf("%s: bad text %q", what, s)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("%s: control character %U in %q", what, r, s)
		}
	}
}

func checkURL(t *testing.T, u string) {
	t.Helper()
	if u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		t.Fatalf("URL %q is not http(s)", u)
	}
}
