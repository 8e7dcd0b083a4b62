package bundletool

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBadInput: every kind of bad input gives a message that names the
// file (and line) and says what is wrong, a nonzero exit, no output file
// and no panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.jsonld")
	if err := os.WriteFile(huge, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxInput+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
	}
	sub := filepath.Join(dir, "pages")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	claimReview := `{"@type":"ClaimReview","@id":"#c1","claimReviewed":"One thing was said."}`
	// A claim list past the widget's 8 MiB: a bundle it would refuse.
	var big strings.Builder
	big.WriteString("id\tvclaim\ttitle\n")
	for i := 0; big.Len() < 9<<20; i++ {
		big.WriteString("row-" + strconv.Itoa(i) + "\t" + strings.Repeat("A long claim that is repeated. ", 130) + strconv.Itoa(i) + "\tTitle\n")
	}

	tests := []struct {
		name  string
		files []string
		want  string // in the messages, after the file's name
	}{
		{"no such file", []string{filepath.Join(dir, "nope.jsonld")}, "nope.jsonld: error: no such file"},
		{"a directory", []string{sub}, "pages: error: is a directory; name the files in it"},
		{"empty", []string{write("empty.jsonld", "")}, "empty.jsonld: error: is empty"},
		{"white space", []string{write("blank.html", " \n\t\n")}, "blank.html: error: is empty"},
		{"binary garbage", []string{write("garbage.bin", string(garbage))}, "garbage.bin:1: error: holds a NUL byte: binary data, not text"},
		{"not UTF-8", []string{write("latin1.tsv", "id\tvclaim\ttitle\n1\tCaf\xe9 claims\tt\n")}, "latin1.tsv:2: error: column 6: is not UTF-8 text (byte 0xe9)"},
		{"huge", []string{huge}, "huge.jsonld: error: is 67108865 bytes (64.0 MiB); the limit is 67108864 bytes (64.0 MiB)"},
		{"unknown kind", []string{write("notes.txt", "just some notes")}, "notes.txt: error: is neither JSON nor HTML"},
		{"not JSON", []string{write("bad.jsonld", "{\n  \"@type\": \"ClaimReview\",\n  oops\n}")}, "bad.jsonld:3: error: column 3: invalid JSON: invalid character 'o'"},
		{"JSON cut short", []string{write("short.json", `{"@type": "ClaimReview", "claimReviewed": "x`)}, "short.json:1: error: column 45: invalid JSON: unexpected end of JSON input"},
		{"JSON too deep", []string{write("deep.json", strings.Repeat("[", 20000))}, "deep.json:1: error: column 10001: invalid JSON: exceeded max depth"},
		{"JSON without nodes", []string{write("other.json", `{"name": "not a graph"}`)}, "other.json: error: holds no Quotation or ClaimReview node (no node with an @type)"},
		{"JSON-LD of other types", []string{write("org.jsonld", `{"@graph": [{"@type": "Organization", "name": "x"}, {"@type": "WebPage"}]}`)}, "org.jsonld: error: holds no Quotation or ClaimReview node (types: Organization, WebPage)"},
		{"no usable node", []string{write("unusable.jsonld", `[{"@type": "Quotation", "text": "Words."}]`)}, "unusable.jsonld: warning: [0] (Quotation): creator is missing (a Quotation needs who said it: creator, author or spokenByCharacter), skipped"},
		{"page without JSON-LD", []string{write("plain.html", "<html><body><script>var a = 1;</script><p>Hi</p></body></html>")}, `plain.html: error: has no <script type="application/ld+json"> element`},
		{"page with broken JSON-LD", []string{write("broken.html", "<html>\n<script type=\"application/ld+json\">\n{\"@type\": \"ClaimReview\", \"claimReviewed\": \"x\",}\n</script></html>")}, "broken.html:3: warning: script 1: column 47: invalid JSON: invalid character '}'"},
		{"page with other JSON-LD", []string{write("web.html", `<script type="application/ld+json">{"@type":"WebPage","name":"x"}</script>`)}, "web.html: error: its JSON-LD holds no ClaimReview or Quotation (types: WebPage)"},
		{"claim list without header", []string{write("noheader.tsv", "1\tA claim.\tA title\n")}, "noheader.tsv: error: line 1: want a header line"},
		{"claim list, a line with 2 columns", []string{write("cols.tsv", "\tvclaim\ttitle\n1\tA claim.\tA title\n2\tA claim without title\n")}, "cols.tsv: error: line 3: the number of columns differs from the header's"},
		{"claim list, a bare quote", []string{write("quote.tsv", "\tvclaim\ttitle\n1\tHe said \"no\" twice.\tA title\n")}, `quote.tsv: error: line 2, column 11: a " inside a field that does not start with one`},
		{"claim list, a quote that does not end", []string{write("open.tsv", "\tvclaim\ttitle\n1\t\"A claim.\tA title\n2\tAnother.\tT\n")}, "open.tsv: error: line 3, column 14: a quoted field (from line 2) is broken"},
		{"claim list, an empty claim", []string{write("noclaim.tsv", "\tvclaim\ttitle\n7\t \tA title\n")}, "noclaim.tsv: error: line 2: the claim (second column) is empty"},
		{"claim list, header only", []string{write("headonly.tsv", "\tvclaim\ttitle\n")}, "headonly.tsv: error: gave no usable Quotation or ClaimReview node"},
		{"one @id, two claims", []string{write("a.jsonld", claimReview), write("b.jsonld", `{"@type":"ClaimReview","@id":"#c1","claimReviewed":"Another thing."}`)}, `b.jsonld: error: the top-level node: @id "#c1" is also the @id of with other words`},
		{"a bundle too big for the widget", []string{write("big.tsv", big.String())}, "error: the bundle built is not usable: the bundle is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonld")
			code, _, stderr := run(t, append([]string{"build", "-o", out}, tt.files...)...)
			if code != 1 && !strings.Contains(tt.want, ": warning: ") {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("messages:\n%s\nwant one with %q", stderr, tt.want)
			}
			if _, err := os.Stat(out); code != 0 && err == nil {
				t.Error("a failed build wrote its output")
			}
		})
	}
}
