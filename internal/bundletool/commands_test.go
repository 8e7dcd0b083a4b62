package bundletool

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"factcheck/internal/bundle"
)

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	warned := filepath.Join(dir, "warned.jsonld")
	if err := os.WriteFile(warned, []byte(`{"@context": "https://schema.org", "@graph": [
		{"@type": "Quotation", "@id": "#s1", "text": "We said it.", "creator": "A spokesperson", "url": "javascript:alert(1)"},
		{"@type": "Quotation", "@id": "#s2", "creator": "A spokesperson"},
		{"@type": "ClaimReview", "@id": "#c1", "claimReviewed": "They did not say it.", "isBasedOn": ["#s1", "#s9"]}
	]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.jsonld")
	if err := os.WriteFile(broken, []byte("{\n  \"@graph\": [\n    {\"@type\": \"Quotation\",}\n  ]\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"the default bundle", []string{"validate", "-strict", "../../web/statements.jsonld"}, 0,
			[]string{"../../web/statements.jsonld: 11 statements, 3 claims, 0 warnings"}, nil},
		{"warnings", []string{"validate", warned}, 0,
			[]string{"warned.jsonld: 1 statements, 1 claims, 4 warnings"},
			[]string{
				`warned.jsonld: warning: @graph[0] (Quotation #s1): url "javascript:alert(1)" is not an http or https URL, ignored`,
				"warned.jsonld: warning: @graph[1] (Quotation #s2): text is missing, skipped",
				`warned.jsonld: warning: @graph[2] (ClaimReview #c1): isBasedOn refers to "#s9", which is not in the bundle`,
				`warned.jsonld: warning: @graph[2] (ClaimReview #c1): reviewRating is missing, read as "Disputed"`,
			}},
		{"warnings, strict", []string{"validate", "-strict", warned}, 1, nil, []string{"text is missing, skipped"}},
		{"not JSON", []string{"validate", broken, "../../web/statements.jsonld"}, 1,
			[]string{"broken.jsonld: not usable", "statements.jsonld: 11 statements"},
			[]string{"broken.jsonld:3: error: column 27: invalid JSON: invalid character '}' looking for beginning of object key string"}},
		{"a page", []string{"validate", "testdata/pages/snopes-shape.html"}, 1, nil,
			[]string{"snopes-shape.html: error: is an HTML page, not a bundle: make a bundle of its ClaimReview markup with `factcheck build`"}},
		{"missing", []string{"validate", filepath.Join(dir, "nope.jsonld")}, 1, nil, []string{"nope.jsonld: error: no such file"}},
		{"no file", []string{"validate"}, 2, nil, []string{"factcheck validate: name at least one file"}},
		{"build without -o", []string{"build", "testdata/feed.jsonld"}, 2, nil, []string{"name the bundle to write with -o OUT"}},
		{"unknown command", []string{"check", "x"}, 2, nil, []string{`unknown command "check"`, "usage: factcheck COMMAND"}},
		{"bad flag", []string{"stats", "-x", "x"}, 2, nil, []string{"flag provided but not defined: -x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout:\n%s\nwant %q", stdout, want)
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr:\n%s\nwant %q", stderr, want)
				}
			}
		})
	}
}

func TestStats(t *testing.T) {
	const name = "../../web/statements.jsonld"
	code, stdout, stderr := run(t, "stats", name)
	if code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr)
	}
	b := bundle.Default()
	speakers := set{}
	biggest, biggestID := 0, ""
	for _, s := range b.Statements {
		speakers.add(s.Speaker.Name)
		if n := len(strings.Fields(s.Text)); n > biggest {
			biggest, biggestID = n, s.ID
		}
	}
	lines := strings.Split(stdout, "\n")
	field := func(label string) string {
		for _, l := range lines {
			if v, ok := strings.CutPrefix(l, label); ok && strings.HasPrefix(v, " ") {
				return strings.Fields(v)[0]
			}
		}
		t.Errorf("no %q line in\n%s", label, stdout)
		return ""
	}
	for label, want := range map[string]int{
		"statements": len(b.Statements),
		"claims":     len(b.Claims),
		"speakers":   len(speakers),
		"warnings":   0,
	} {
		if got := field(label); got != strconv.Itoa(want) {
			t.Errorf("%s %s, want %d", label, got, want)
		}
	}
	if !strings.Contains(stdout, "Quotation "+biggestID+" ") {
		t.Errorf("the biggest statement, %s (%d words), is not among the biggest nodes:\n%s", biggestID, biggest, stdout)
	}
}

func TestLDScripts(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"plain", `<script type="application/ld+json">{"a":1}</script>`, []string{`{"a":1}`}},
		{"case and charset", `<SCRIPT Type='Application/LD+JSON; charset=utf-8'>{}</Script>`, []string{`{}`}},
		{"other scripts", `<script>var x = "<script type='application/ld+json'>";</script><script type="text/javascript">1</script>`, nil},
		{"in a comment", `<!-- <script type="application/ld+json">{}</script> --><script type="application/ld+json">[]</script>`, []string{`[]`}},
		{"a > in an attribute", `<script data-x="a>b" type="application/ld+json">{"b":2}</script>`, []string{`{"b":2}`}},
		{"not a script tag", `<scripts type="application/ld+json">{}</scripts>`, nil},
		{"unclosed", `<script type="application/ld+json">{"c":3}`, []string{`{"c":3}`}},
		{"unclosed tag", `<script type="application/ld+json"`, nil},
		{"unclosed comment", `<!-- <script type="application/ld+json">{}</script>`, nil},
		{"two", "<script type=application/ld+json>1</script>\n<script type=\"application/ld+json\">2</script>", []string{"1", "2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range ldScripts([]byte(tt.page)) {
			got = append(got, string(s.text))
			if tt.page[s.offset:s.offset+len(s.text)] != string(s.text) {
				t.Errorf("%s: offset %d does not point at the script's text", tt.name, s.offset)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestJSONSpan(t *testing.T) {
	tests := map[string]string{
		` {"a":1} `:                          `{"a":1}`,
		"<!--\n{\"a\":1}\n-->":               `{"a":1}`,
		"/*<![CDATA[*/{\"a\":1}/*]]>*/":      `{"a":1}`,
		"//<![CDATA[\n[1]\n//]]>":            `[1]`,
		"<![CDATA[ <!-- {\"a\":[1]} --> ]]>": `{"a":[1]}`,
		"  \n ":                              "",
		`{"text": "a <!-- b --> c"}`:         `{"text": "a <!-- b --> c"}`,
	}
	for in, want := range tests {
		start, end, ok := jsonSpan([]byte(in))
		got := ""
		if ok {
			got = in[start:end]
		}
		if got != want || ok != (want != "") {
			t.Errorf("jsonSpan(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
