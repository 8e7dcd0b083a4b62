package annotation

import (
	"encoding/json"
	"strings"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// plain is a text read with nothing put in; its offsets count UTF-16 units
// as the page does (’ and “ are one unit each but three bytes), or bytes.
type plain struct {
	s     string
	units bool
}

func (p plain) Quote(start, end int) string { return p.s[start:min(end, len(p.s))] }
func (p plain) BodyOffset(b int) int {
	if p.units {
		return len([]rune(p.s[:b]))
	}
	return b
}
func (p plain) BodyEnd(b int) int { return p.BodyOffset(b) }

func TestNew(t *testing.T) {
	st := &bundle.Statement{ID: "#s1", Text: "There is a distinct possibility.", Date: "2022-01-27",
		Speaker: bundle.Person{Name: "Emily Horne", JobTitle: "Spokeswoman"}, Source: bundle.Source{Name: "Statement to CNN"}}
	cl := &bundle.Claim{ID: "#c1", Text: "The call did not go well.", Rating: "Disputed",
		Claimant: bundle.Person{Name: "An official"}, DisputedBy: []*bundle.Statement{st}}
	text := "Zelensky’s aide said the call “did not go well”; Horne called it a “distinct possibility”."
	quote := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }

	cases := []struct {
		name    string
		f       match.Finding
		verdict string
		value   string
		exact   string
	}{
		{"verified", func() match.Finding {
			s, e := quote("distinct possibility")
			return match.Finding{Start: s, End: e, Verdict: match.Verified, Score: 1, Statement: st, Official: "distinct possibility"}
		}(), "verified", "Verified: Emily Horne, 2022-01-27", "distinct possibility"},
		{"disputed", func() match.Finding {
			s, e := quote("did not go well")
			return match.Finding{Start: s, End: e, Verdict: match.Disputed, Score: 0.9, Claim: cl, Statement: st}
		}(), "disputed", "Disputed: The call did not go well.", "did not go well"},
		{"misquoted", func() match.Finding {
			s, e := quote("the call")
			return match.Finding{Start: s, End: e, Verdict: match.Misquoted, Score: 0.8, Statement: st,
				Diff: []match.DiffWord{{Op: match.Delete, Text: "a"}, {Op: match.Insert, Text: "the"}, {Op: match.Equal, Text: "call"}}}
		}(), "misquoted", "Misquoted: Emily Horne, 2022-01-27", "the call"},
		{"misattributed", func() match.Finding {
			s, e := quote("distinct possibility")
			return match.Finding{Start: s, End: e, Verdict: match.Misattributed, Score: 1, Statement: st,
				Official: "distinct possibility", AttributedTo: "Zelensky’s aide"}
		}(), "misattributed", "Misattributed: Emily Horne, 2022-01-27, not Zelensky’s aide", "distinct possibility"},
	}
	for n, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := New(tc.f, n, plain{text, true}, "https://news.example/a")
			data := a.AppendJSON(nil)
			if std, err := json.Marshal(a); err != nil || string(std) != string(data) {
				t.Fatalf("AppendJSON wrote\n%s\nencoding/json writes\n%s", data, std)
			}
			var got map[string]any
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			if got["@context"] != "http://www.w3.org/ns/anno.jsonld" || got["type"] != "Annotation" || got["verdict"] != tc.verdict {
				t.Errorf("header: %v", string(data))
			}
			body := got["body"].(map[string]any)
			if body["value"] != tc.value {
				t.Errorf("body.value = %q, want %q", body["value"], tc.value)
			}
			sel := got["target"].(map[string]any)["selector"].([]any)
			q, p := sel[0].(map[string]any), sel[1].(map[string]any)
			if q["type"] != "TextQuoteSelector" || q["exact"] != tc.exact {
				t.Errorf("quote selector %v", q)
			}
			if !strings.HasSuffix(text[:tc.f.Start], q["prefix"].(string)) || !strings.HasPrefix(text[tc.f.End:], q["suffix"].(string)) {
				t.Errorf("prefix/suffix %q / %q", q["prefix"], q["suffix"])
			}
			start, end := int(p["start"].(float64)), int(p["end"].(float64))
			if r := []rune(text); string(r[start:end]) != tc.exact {
				t.Errorf("position selector %d-%d gives %q", start, end, string(r[start:end]))
			}
			if tc.f.Verdict == match.Misquoted && len(body["diff"].([]any)) != 3 {
				t.Errorf("diff %v", body["diff"])
			}
			if to, ok := body["attributedTo"]; tc.f.Verdict == match.Misattributed && (to != tc.f.AttributedTo ||
				body["statement"].(map[string]any)["speaker"] != "Emily Horne") || tc.f.Verdict != match.Misattributed && ok {
				t.Errorf("attributedTo %v, statement %v", to, body["statement"])
			}
		})
	}
}

func TestContextIsBoundedAndValidUTF8(t *testing.T) {
	text := strings.Repeat("é", 100) + "QUOTE" + strings.Repeat("😀", 100)
	f := match.Finding{Start: 200, End: 205, Verdict: match.Verified, Statement: &bundle.Statement{}}
	a := New(f, 0, plain{text, false}, "s")
	q := a.Target.Selector[0].(TextQuoteSelector)
	if q.Exact != "QUOTE" || q.Prefix != strings.Repeat("é", contextLen) || q.Suffix != strings.Repeat("😀", contextLen) {
		t.Errorf("got %+v", q)
	}
}
