package bundle

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// graph wraps nodes (JSON objects) in a schema.org @graph.
func graph(nodes ...string) []byte {
	return []byte(`{"@context": "https://schema.org", "@graph": [` + strings.Join(nodes, ",\n") + `]}`)
}

// Nodes the tests combine.
const (
	quoteS1  = `{"@type": "Quotation", "@id": "#s1", "text": "We will respond decisively.", "creator": "Jane Doe"}`
	reviewC1 = `{"@type": "ClaimReview", "@id": "#c1", "claimReviewed": "The call went badly.",
		"reviewRating": {"@type": "Rating", "alternateName": "False"}, "isBasedOn": {"@id": "#s1"}}`
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the whole error message
	}{
		{"not JSON", "hello", "line 1, column 1: invalid JSON: invalid character 'h' looking for beginning of value"},
		{"syntax error on line 3", "{\n  \"@graph\": [\n    {,}\n]}",
			"line 3, column 6: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"column counts characters", "[\"é\" x]",
			"line 1, column 6: invalid JSON: invalid character 'x' after array element"},
		{"truncated", `{"@graph": [`, "line 1, column 13: invalid JSON: the input ends in the middle of a value"},
		{"empty", "  \n", "the bundle is empty"},
		{"trailing data", quoteS1 + "\n x", "line 2, column 2: invalid JSON: invalid character 'x' after top-level value"},
		{"a number", "42", "the bundle is a number, want a JSON-LD object or an array of nodes"},
		{"a string", `"statements"`, "the bundle is a string, want a JSON-LD object or an array of nodes"},
		{"null", "null", "the bundle is null, want a JSON-LD object or an array of nodes"},
		{"an array of numbers", "[1, 2, 3]",
			"no usable Quotation or ClaimReview node (3 problems; the first: @graph[0]: is a number, not a node object, skipped)"},
		{"@graph a string", `{"@graph": "none"}`, "@graph is a string, want an array of nodes"},
		{"an object that is no graph and no node", `{"statements": [` + quoteS1 + `]}`,
			"the bundle is an object with neither @graph nor @type, want a JSON-LD graph or node"},
		{"objects nested 10,000 deep in a node", string(graph(`{"@type": "Quotation", "text": "x", "creator": "A", "n": ` +
			strings.Repeat(`{"a": `, 10000) + "1" + strings.Repeat("}", 10000) + "}")),
			"line 1, column 470: JSON is nested deeper than 64 levels"},
		{"empty graph", `{"@context": "https://schema.org", "@graph": []}`, "no usable Quotation or ClaimReview node"},
		{"only bad nodes", string(graph(`{"@type": "Quotation", "text": ""}`)),
			"no usable Quotation or ClaimReview node (1 problems; the first: @graph[0] (Quotation): text is empty, skipped)"},
		{"too many nodes", "[" + strings.Repeat(quoteS1+",", MaxNodes) + quoteS1 + "]",
			fmt.Sprintf("the bundle has %d nodes; the limit is %d", MaxNodes+1, MaxNodes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.in))
			if b != nil || err == nil {
				t.Fatalf("Parse = %v, %v; want no bundle and an error", b, err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, want *Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseTooBig(t *testing.T) {
	// 50 MB that would also be too deep: the size must be checked first,
	// before anything scans the bytes.
	data := make([]byte, 50<<20)
	for i := range data {
		data[i] = '['
	}
	_, err := Parse(data)
	want := fmt.Sprintf("the bundle is %d bytes (50.0 MiB); the limit is %d bytes (8.0 MiB)", len(data), MaxBytes)
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %s", err, want)
	}
}

func TestParseTooDeep(t *testing.T) {
	data := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	_, err := Parse([]byte(data))
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || e.Column != MaxDepth+1 ||
		e.Error() != "line 1, column 65: JSON is nested deeper than 64 levels" {
		t.Fatalf("error = %v", err)
	}

	// Brackets inside strings (with escaped quotes) are not nesting.
	deepText := `{"@type": "Quotation", "text": "\"[[{` + strings.Repeat("[{", 100) + `\\", "creator": "A"}`
	b, err := Parse([]byte(deepText))
	if err != nil {
		t.Fatal(err)
	}
	if want := `"[[{` + strings.Repeat("[{", 100) + `\`; b.Statements[0].Text != want {
		t.Errorf("text = %q, want %q", b.Statements[0].Text, want)
	}

	// Exactly MaxDepth levels is allowed.
	nested := `{"@type": "Quotation", "text": "x", "creator": "A", "n": ` +
		strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + "}"
	if _, err := Parse([]byte(nested)); err != nil {
		t.Errorf("%d levels: %v", MaxDepth, err)
	}
}

// TestParseNodeProblems checks that a node that cannot be used is skipped
// with a warning naming it and its field, while the rest still loads.
func TestParseNodeProblems(t *testing.T) {
	tests := []struct {
		name string
		node string // added after quoteS1 and reviewC1, at @graph[2]
		want string // the warning
	}{
		{"missing text", `{"@type": "Quotation", "@id": "#s3", "creator": "A"}`,
			"@graph[2] (Quotation #s3): text is missing, skipped"},
		{"empty text", `{"@type": "Quotation", "@id": "#s3", "text": " \u0000\t ", "creator": "A"}`,
			"@graph[2] (Quotation #s3): text is empty, skipped"},
		{"text is a number", `{"@type": "Quotation", "@id": "#s3", "text": 42, "creator": "A"}`,
			"@graph[2] (Quotation #s3): text is a number, want text, skipped"},
		{"text has two values", `{"@type": "Quotation", "text": ["a", "b"], "creator": "A"}`,
			"@graph[2] (Quotation): text has 2 values, want one, skipped"},
		{"text too long", `{"@type": "Quotation", "text": "` + strings.Repeat("é", MaxTextLen+1) + `", "creator": "A"}`,
			"@graph[2] (Quotation): text is 5001 characters long; the limit is 5000, skipped"},
		{"creator is a number", `{"@type": "Quotation", "@id": "#s3", "text": "x", "creator": 7}`,
			"@graph[2] (Quotation #s3): creator is a number, want a Person or Organization, skipped"},
		{"creator name is an object", `{"@type": "Quotation", "text": "x", "creator": {"name": {"first": "A"}}}`,
			"@graph[2] (Quotation): creator.name is an object, want text, skipped"},
		{"no speaker", `{"@type": "Quotation", "text": "x"}`,
			"@graph[2] (Quotation): creator is missing (a Quotation needs who said it: creator, author or spokenByCharacter), skipped"},
		{"speaker without a name", `{"@type": "Quotation", "text": "x", "creator": {"@type": "Person", "jobTitle": "Minister"}}`,
			"@graph[2] (Quotation): creator has no name, skipped"},
		{"source is a number", `{"@type": "Quotation", "text": "x", "creator": "A", "isBasedOn": 3}`,
			"@graph[2] (Quotation): isBasedOn is a number, want a URL or a CreativeWork, skipped"},
		{"unknown type", `{"@type": "Recipe", "name": "Soup"}`, `@graph[2]: unknown @type "Recipe", skipped`},
		{"no type", `{"text": "x", "creator": "A"}`, "@graph[2]: has no @type, skipped"},
		{"type is a number", `{"@type": 5}`, "@graph[2]: @type is a number, want a type name, skipped"},
		{"id is a number", `{"@type": "Quotation", "@id": 3, "text": "x", "creator": "A"}`,
			"@graph[2] (Quotation): @id is a number, want a string, skipped"},
		{"not an object", `"#s3"`, "@graph[2]: is a string, not a node object, skipped"},
		{"duplicate id", `{"@type": "Quotation", "@id": "#s1", "text": "Other words.", "creator": "B"}`,
			`@graph[2] (Quotation #s1): duplicate @id "#s1" (first at @graph[0]), skipped`},
		{"claim without text", `{"@type": "ClaimReview", "@id": "#c2", "itemReviewed": {"@type": "Claim"}}`,
			"@graph[2] (ClaimReview #c2): claimReviewed is missing or empty, and neither itemReviewed.alternateName nor name has a value, skipped"},
		{"claim is a number", `{"@type": "ClaimReview", "claimReviewed": 1}`,
			"@graph[2] (ClaimReview): claimReviewed is a number, want text, skipped"},
		{"itemReviewed is a string", `{"@type": "ClaimReview", "claimReviewed": "x", "itemReviewed": "a claim"}`,
			"@graph[2] (ClaimReview): itemReviewed is a string, want a Claim, skipped"},
		{"about is a number", `{"@type": "ClaimReview", "claimReviewed": "x", "about": ["Kyiv", 4]}`,
			"@graph[2] (ClaimReview): about[1] is a number, want a Thing or a name, skipped"},
		{"rating is a number", `{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": 1}`,
			"@graph[2] (ClaimReview): reviewRating is a number, want a Rating, skipped"},
		{"ratingValue is a boolean", `{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"ratingValue": true}}`,
			"@graph[2] (ClaimReview): reviewRating.ratingValue is a boolean, want a number, skipped"},
		{"isBasedOn holds a number", `{"@type": "ClaimReview", "claimReviewed": "x", "isBasedOn": ["#s1", 2]}`,
			"@graph[2] (ClaimReview): isBasedOn[1] is a number, want a reference to a Quotation, skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(graph(quoteS1, reviewC1, tt.node))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(b.Warnings, []string{tt.want}) {
				t.Errorf("warnings:\n got %q\nwant [%q]", b.Warnings, tt.want)
			}
			if len(b.Statements) != 1 || len(b.Claims) != 1 {
				t.Fatalf("got %d statements and %d claims, want 1 and 1", len(b.Statements), len(b.Claims))
			}
			if s := b.Statements[0]; s.ID != "#s1" || s.Text != "We will respond decisively." {
				t.Errorf("statement = %s %q: the first #s1 must win", s.ID, s.Text)
			}
		})
	}
}

// TestParsePartlyBad reads a bundle with many kinds of broken nodes
// among good ones: the good ones load, with what they refer to, and each
// broken one gives one warning naming it and its field.
func TestParsePartlyBad(t *testing.T) {
	b, err := Parse(graph(
		quoteS1,
		`{"@type": "Quotation", "@id": "#s2", "text": "<b>Bold</b> <script>alert(1)</script>", "creator": {"name": "<img src=x onerror=alert(2)>"}}`,
		`{"@type": "Quotation", "@id": "#s3", "text": "", "creator": "A"}`,
		`{"@type": "Quotation", "@id": "#s4", "text": ["a", "b"], "creator": "A"}`,
		`{"@type": "Recipe", "@id": "#r1"}`,
		`{"@type": "Quotation", "@id": "#s1", "text": "Other words.", "creator": "B"}`,
		`[1, 2]`,
		`{"@type": "ClaimReview", "@id": "#c1", "claimReviewed": "The call went badly.", "reviewRating": "False",
			"isBasedOn": ["#s1", "#s2", "#s3", "#s9", "#r1"]}`,
		`{"@type": "ClaimReview", "@id": "#c2", "claimReviewed": 5}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"@graph[2] (Quotation #s3): text is empty, skipped",
		"@graph[3] (Quotation #s4): text has 2 values, want one, skipped",
		`@graph[4]: unknown @type "Recipe", skipped`,
		`@graph[5] (Quotation #s1): duplicate @id "#s1" (first at @graph[0]), skipped`,
		"@graph[6]: is an array, not a node object, skipped",
		`@graph[7] (ClaimReview #c1): isBasedOn refers to "#s3", which was skipped`,
		`@graph[7] (ClaimReview #c1): isBasedOn refers to "#s9", which is not in the bundle`,
		`@graph[7] (ClaimReview #c1): isBasedOn refers to "#r1", which is not in the bundle`,
		"@graph[8] (ClaimReview #c2): claimReviewed is a number, want text, skipped",
	}
	if !slices.Equal(b.Warnings, want) {
		t.Errorf("warnings:\n got %q\nwant %q", b.Warnings, want)
	}
	if len(b.Statements) != 2 || b.Statements[0].Text != "We will respond decisively." ||
		b.Statements[1].Text != "<b>Bold</b> <script>alert(1)</script>" ||
		b.Statements[1].Speaker.Name != "<img src=x onerror=alert(2)>" {
		t.Fatalf("statements %+v, want #s1 and #s2 as written", b.Statements)
	}
	if len(b.Claims) != 1 || !slices.Equal(b.Claims[0].DisputedBy, b.Statements) {
		t.Fatalf("claims %+v, want #c1 disputed by #s1 and #s2", b.Claims)
	}
}

// TestParseWarnings checks problems that leave the node loaded.
func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name  string
		nodes []string
		want  []string
		check func(*testing.T, *Bundle)
	}{
		{
			name: "reference to a missing statement",
			nodes: []string{quoteS1, `{"@type": "ClaimReview", "@id": "#c2", "claimReviewed": "x",
				"reviewRating": {"alternateName": "False"}, "isBasedOn": [{"@id": "#s9"}, {"@id": "#s1"}]}`},
			want: []string{`@graph[1] (ClaimReview #c2): isBasedOn refers to "#s9", which is not in the bundle`},
			check: func(t *testing.T, b *Bundle) {
				if d := b.Claims[0].DisputedBy; len(d) != 1 || d[0] != b.Statements[0] {
					t.Errorf("DisputedBy = %v, want [#s1]", d)
				}
			},
		},
		{
			name: "a missing statement cited twice warns once",
			nodes: []string{`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "False",
				"isBasedOn": ["#s9", {"@id": "#s9"}, {"@type": "Quotation", "@id": "#s9"}]}`},
			want: []string{`@graph[0] (ClaimReview): isBasedOn refers to "#s9", which is not in the bundle`},
		},
		{
			name: "claim with only missing statements still loads",
			nodes: []string{`{"@type": "ClaimReview", "@id": "#c2", "claimReviewed": "x",
				"reviewRating": {"alternateName": "False"}, "isBasedOn": "#s9"}`},
			want: []string{`@graph[0] (ClaimReview #c2): isBasedOn refers to "#s9", which is not in the bundle`},
			check: func(t *testing.T, b *Bundle) {
				if len(b.Claims) != 1 || len(b.Claims[0].DisputedBy) != 0 {
					t.Errorf("claims = %+v", b.Claims)
				}
			},
		},
		{
			name: "reference to a skipped statement and to a non-statement",
			nodes: []string{`{"@type": "Quotation", "@id": "#s2", "text": ""}`,
				`{"@type": "Person", "@id": "#p1", "name": "Jane Doe"}`,
				`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "False", "isBasedOn": ["#s2", "#p1"]}`},
			want: []string{
				"@graph[0] (Quotation #s2): text is empty, skipped",
				`@graph[2] (ClaimReview): isBasedOn refers to "#s2", which was skipped`,
				`@graph[2] (ClaimReview): isBasedOn refers to "#p1", which is a Person, not a Quotation`,
			},
		},
		{
			name: "warnings in graph order",
			nodes: []string{`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "False", "isBasedOn": "#s9"}`,
				`{"@type": "Recipe"}`},
			want: []string{
				`@graph[0] (ClaimReview): isBasedOn refers to "#s9", which is not in the bundle`,
				`@graph[1]: unknown @type "Recipe", skipped`,
			},
		},
		{
			name: "unsafe and relative URLs are dropped",
			nodes: []string{`{"@type": "Quotation", "text": "x", "creator": "A", "url": "/quotes/1",
				"isBasedOn": {"name": "Briefing", "url": "javascript:alert(1)"}}`},
			want: []string{
				`@graph[0] (Quotation): isBasedOn.url "javascript:alert(1)" is not an http or https URL, ignored`,
				`@graph[0] (Quotation): url "/quotes/1" is not an http or https URL, ignored`,
			},
			check: func(t *testing.T, b *Bundle) {
				if src := b.Statements[0].Source; src != (Source{Name: "Briefing"}) {
					t.Errorf("source = %+v", src)
				}
			},
		},
		{
			name:  "date that is not ISO 8601",
			nodes: []string{`{"@type": "Quotation", "text": "x", "creator": "A", "datePublished": "27 January 2022"}`},
			want:  []string{`@graph[0] (Quotation): datePublished "27 January 2022" is not an ISO 8601 date, ignored`},
		},
		{
			name:  "missing rating reads as Disputed",
			nodes: []string{`{"@type": "ClaimReview", "claimReviewed": "x"}`},
			want:  []string{`@graph[0] (ClaimReview): reviewRating is missing, read as "Disputed"`},
			check: func(t *testing.T, b *Bundle) {
				if c := b.Claims[0]; c.Rating != "Disputed" || c.RatesTrue {
					t.Errorf("rating = %q, %v", c.Rating, c.RatesTrue)
				}
			},
		},
		{
			name:  "rating without text",
			nodes: []string{`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"@type": "Rating", "ratingValue": 2}}`},
			want:  []string{`@graph[0] (ClaimReview): reviewRating.alternateName is missing, read as "Disputed"`},
		},
		{
			name: "variant too long",
			nodes: []string{`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "False",
				"itemReviewed": {"alternateName": ["y", "` + strings.Repeat("z", MaxTextLen+1) + `"]}}`},
			want: []string{`@graph[0] (ClaimReview): itemReviewed.alternateName[1] is 5001 characters long; the limit is 5000, ignored`},
			check: func(t *testing.T, b *Bundle) {
				if v := b.Claims[0].Variants; !slices.Equal(v, []string{"y"}) {
					t.Errorf("variants = %q", v)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(graph(tt.nodes...))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(b.Warnings, tt.want) {
				t.Errorf("warnings:\n got %q\nwant %q", b.Warnings, tt.want)
			}
			if tt.check != nil {
				tt.check(t, b)
			}
		})
	}
}

// TestParseShapes checks that the variants real feeds use read the same.
func TestParseWarningCap(t *testing.T) {
	nodes := []string{quoteS1}
	for range maxWarnings + 500 {
		nodes = append(nodes, `{"@type": "Recipe"}`)
	}
	b, err := Parse(graph(nodes...))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) != maxWarnings+1 || b.Warnings[0] != `@graph[1]: unknown @type "Recipe", skipped` ||
		b.Warnings[maxWarnings] != "500 more warnings not shown" {
		t.Errorf("%d warnings, first %q, last %q", len(b.Warnings), b.Warnings[0], b.Warnings[len(b.Warnings)-1])
	}
}

func TestParseShapes(t *testing.T) {
	want := Statement{
		ID:      "#s1",
		Text:    "We will respond decisively.",
		Speaker: Person{Name: "Jane Doe", JobTitle: "Spokeswoman", Affiliation: "Ministry of Affairs"},
		Date:    "2022-01-27",
		Source:  Source{Name: "Briefing", URL: "https://example.org/briefing"},
	}
	tests := []struct {
		name string
		in   string
	}{
		{"plain @graph", string(graph(`{"@type": "Quotation", "@id": "#s1", "text": "We will respond decisively.",
			"creator": {"@type": "Person", "name": "Jane Doe", "jobTitle": "Spokeswoman",
				"affiliation": {"@type": "Organization", "name": "Ministry of Affairs"}},
			"datePublished": "2022-01-27", "isBasedOn": {"@type": "CreativeWork", "name": "Briefing", "url": "https://example.org/briefing"}}`))},
		{"top-level array, arrays for single values", `[{"@type": ["CreativeWork", "Quotation"], "@id": "#s1",
			"text": ["  We will respond decisively.\n"],
			"creator": [{"name": ["Jane Doe"], "jobTitle": {"@type": "DefinedTerm", "name": "Spokeswoman"},
				"affiliation": ["Ministry of Affairs", "Other"]}, "Someone Else"],
			"datePublished": ["2022-01-27"], "isBasedOn": [{"name": "Briefing", "url": ["https://example.org/briefing"]}]}]`},
		{"single node, value objects, prefixed type", `{"@context": "https://schema.org", "@type": "schema:Quotation", "@id": "#s1",
			"text": {"@value": "We will respond decisively.", "@language": "en"},
			"spokenByCharacter": {"@type": "Person", "name": {"@value": "Jane Doe"}, "jobTitle": "Spokeswoman",
				"worksFor": {"@type": "GovernmentOrganization", "name": "Ministry of Affairs"}},
			"datePublished": "2022-01-27", "url": "https://example.org/briefing", "recordedIn": {"name": "Briefing"}}`},
		{"@graph object, full type IRI", `{"@graph": {"@type": "https://schema.org/Quotation", "@id": "#s1",
			"text": "We will respond decisively.", "datePublished": "2022-01-27",
			"author": {"name": "Jane Doe", "jobTitle": "Spokeswoman", "affiliation": "Ministry of Affairs"},
			"isBasedOn": {"name": "Briefing", "url": {"@id": "https://example.org/briefing"}}}}`},
		{"@id references to other nodes", string(graph(
			`{"@type": "Quotation", "@id": "#s1", "text": "We will respond decisively.", "author": {"@id": "#jane"},
				"datePublished": "2022-01-27", "isBasedOn": {"@id": "#briefing"}}`,
			`{"@type": "Person", "@id": "#jane", "name": "Jane Doe", "jobTitle": "Spokeswoman", "affiliation": {"@id": "#ministry"}}`,
			`{"@type": "GovernmentOrganization", "@id": "#ministry", "name": "Ministry of Affairs"}`,
			`{"@type": "WebPage", "@id": "#briefing", "name": "Briefing", "url": "https://example.org/briefing"}`))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Warnings) != 0 || len(b.Statements) != 1 {
				t.Fatalf("%d statements, warnings %q", len(b.Statements), b.Warnings)
			}
			if got := *b.Statements[0]; !reflect.DeepEqual(got, want) {
				t.Errorf("statement:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"HTML stays literal", `<b>Bold</b> &amp; <a href=\"javascript:x()\">link</a>`, `<b>Bold</b> &amp; <a href="javascript:x()">link</a>`},
		{"script stays literal", `\u003cscript\u003ealert('x')\u003c/script\u003e`, `<script>alert('x')</script>`},
		{"control characters", "\\u0000a\\u0007b\\u001bc\\td\\ne\\r\\nf\\rg\\u0085h\\u009f", "abc\td\ne\nf\ngh"},
		{"trimmed, not collapsed", "  two  spaces\\n\\nand lines \\t", "two  spaces\n\nand lines"},
		{"Unicode kept", "Zelenskyy’s “sovereignty” — 主权 🇺🇦", "Zelenskyy’s “sovereignty” — 主权 🇺🇦"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(graph(`{"@type": "Quotation", "text": "` + tt.in + `", "creator": "A"}`))
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Statements[0].Text; got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseClaim(t *testing.T) {
	b, err := Parse(graph(quoteS1,
		`{"@type": "Claim", "@id": "#claim", "alternateName": ["The talks went badly", "The call went badly."],
			"author": {"@type": "Person", "name": "An official", "jobTitle": "Adviser"}, "datePublished": "2022-01-27",
			"about": [{"@type": "Person", "name": "Volodymyr Zelensky", "alternateName": ["Zelenskyy", "Zelenskiy"]}, "Joe Biden"]}`,
		`{"@type": "ClaimReview", "@id": "#c1", "claimReviewed": "The call went badly.", "itemReviewed": {"@id": "#claim"},
			"about": [{"@type": "Event", "name": "The call", "alternateName": "Joe Biden"}, {"@value": "Kyiv"}, ""],
			"reviewRating": {"@type": "Rating", "alternateName": "Misleading", "ratingValue": "2"},
			"author": {"@type": "Organization", "name": "Checkers"}, "datePublished": "2022-01-28",
			"url": "https://example.org/c1", "name": "Did the call go badly?",
			"isBasedOn": ["#s1", {"@id": "#s1"}, {"@type": "WebPage", "url": "https://example.org/source"},
				{"@type": "Quotation", "@id": "#s2", "text": "Not so.", "creator": "B"}]}`,
		`{"@type": "ClaimReview", "itemReviewed": {"@type": "Claim", "alternateName": "Only a variant"},
			"reviewRating": {"alternateName": "False"}, "isBasedOn": {"@id": "#s2"}}`,
		`{"@type": "ClaimReview", "@id": "#c3", "headline": "Only a headline", "reviewRating": "False"}`))
	if err != nil {
		t.Fatal(err)
	}
	wantWarnings := []string{"@graph[4] (ClaimReview #c3): claimReviewed is missing; the headline (headline) stands for the claim"}
	if !slices.Equal(b.Warnings, wantWarnings) {
		t.Errorf("warnings %q, want %q", b.Warnings, wantWarnings)
	}
	if len(b.Statements) != 2 || b.Statements[1].ID != "#s2" || b.Statements[1].Text != "Not so." {
		t.Fatalf("statements %+v: want #s1 and the embedded #s2", b.Statements)
	}
	c := b.Claims[0]
	want := Claim{
		ID: "#c1", Text: "The call went badly.", Headline: "Did the call go badly?", Variants: []string{"The talks went badly"},
		About:    []string{"Volodymyr Zelensky", "Zelenskyy", "Zelenskiy", "Joe Biden", "The call", "Kyiv"},
		Claimant: Person{Name: "An official", JobTitle: "Adviser"}, ClaimDate: "2022-01-27",
		Rating: "Misleading", Reviewer: Person{Name: "Checkers"}, ReviewDate: "2022-01-28",
		URL: "https://example.org/c1", DisputedBy: b.Statements,
	}
	if fmt.Sprintf("%+v", *c) != fmt.Sprintf("%+v", want) {
		t.Errorf("claim:\n got %+v\nwant %+v", *c, want)
	}
	if c := b.Claims[1]; c.ID != "@graph[3]" || c.Text != "Only a variant" || len(c.Variants) != 0 ||
		len(c.DisputedBy) != 1 || c.DisputedBy[0] != b.Statements[1] {
		t.Errorf("second claim = %+v", *c)
	}
	if c := b.Claims[2]; c.Text != "Only a headline" || c.Headline != "Only a headline" {
		t.Errorf("third claim = %+v, want the headline as its text", *c)
	}
}

func TestParseRatesTrue(t *testing.T) {
	tests := []struct {
		rating string // the reviewRating JSON
		text   string
		isTrue bool
	}{
		{`{"alternateName": "True"}`, "True", true},
		{`{"alternateName": " Mostly  TRUE. "}`, "Mostly  TRUE.", true},
		{`{"alternateName": "Correct attribution"}`, "Correct attribution", true},
		{`{"alternateName": "accurate"}`, "accurate", true},
		{`{"alternateName": "Verdadero"}`, "Verdadero", true},
		{`{"alternateName": "Vrai"}`, "Vrai", true},
		{`{"alternateName": "Wahr"}`, "Wahr", true},
		{`"True"`, "True", true},
		{`{"alternateName": "False"}`, "False", false},
		{`{"alternateName": "Not true"}`, "Not true", false},
		{`{"alternateName": "Half true"}`, "Half true", false},
		{`{"alternateName": "Misleading", "ratingValue": 2}`, "Misleading", false},
		{`{"name": "Pants on Fire", "ratingValue": "1"}`, "Pants on Fire", false},
		{`{"alternateName": "Rated 5 of 5", "ratingValue": 5}`, "Rated 5 of 5", true},
		{`{"alternateName": "Top", "ratingValue": "5", "bestRating": "5"}`, "Top", true},
		{`{"alternateName": "Rated 4", "ratingValue": 4}`, "Rated 4", false},
		{`{"alternateName": "Three of three", "ratingValue": 3, "bestRating": 3, "worstRating": 0}`, "Three of three", true},
		{`{"alternateName": "Inverted best", "ratingValue": 1, "bestRating": 1, "worstRating": 5}`, "Inverted best", true},
		{`{"alternateName": "Inverted worst", "ratingValue": 5, "bestRating": 1, "worstRating": 5}`, "Inverted worst", false},
		{`{"ratingValue": "False"}`, "False", false},
		{`{"ratingValue": "True"}`, "True", true},
	}
	for _, tt := range tests {
		t.Run(tt.rating, func(t *testing.T) {
			b, err := Parse(graph(`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": ` + tt.rating + `}`))
			if err != nil {
				t.Fatal(err)
			}
			if c := b.Claims[0]; c.Rating != tt.text || c.RatesTrue != tt.isTrue || len(b.Warnings) != 0 {
				t.Errorf("rating %q, true %v, warnings %q; want %q, %v", c.Rating, c.RatesTrue, b.Warnings, tt.text, tt.isTrue)
			}
		})
	}
}

// TestParseAlternateNames reads a speaker's other names, its own and its
// affiliation's (an organisation's @id reference too), without repeats or
// the speaker's own name; a name that is not text is an error naming the
// field.
func TestParseAlternateNames(t *testing.T) {
	b, err := Parse(graph(
		`{"@type": "Quotation", "@id": "#s1", "text": "We will respond decisively.",
			"creator": {"@type": "Person", "name": "Jane Doe", "alternateName": ["J. Doe", "Jane Doe"],
				"affiliation": {"@id": "#ministry"}}}`,
		`{"@type": "GovernmentOrganization", "@id": "#ministry", "name": "Ministry of Affairs",
			"alternateName": ["Ministère des Affaires", "J. Doe", "Ministerium für Angelegenheiten"]}`,
		`{"@type": "Quotation", "@id": "#s2", "text": "We said it.", "creator": "A spokesperson"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"J. Doe", "Ministère des Affaires", "Ministerium für Angelegenheiten"}
	if got := b.Statements[0].Speaker.AlternateNames; !slices.Equal(got, want) {
		t.Errorf("alternate names %q, want %q", got, want)
	}
	if got := b.Statements[1].Speaker.AlternateNames; got != nil {
		t.Errorf("a plain name's alternate names %q, want none", got)
	}
	_, err = Parse(graph(`{"@type": "Quotation", "@id": "#s1", "text": "We will.",
		"creator": {"name": "Jane Doe", "alternateName": {"@type": "Person"}}}`))
	if err == nil || !strings.Contains(err.Error(), "creator.alternateName") {
		t.Errorf("error %v, want one naming creator.alternateName", err)
	}
}
