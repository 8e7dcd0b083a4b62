//go:build !js

package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"factcheck/internal/match"
)

// ShapeCase is one case file of testdata/shapes: an article text and the
// verdicts its passages must get.
type ShapeCase struct {
	Name, Group string
	Text        string
	Wants       []ShapeWant
}

// ShapeWant is one line "want: <verdict> <text>": a badge with that
// verdict covers the text, or, for "none", no badge overlaps it.
type ShapeWant struct {
	Verdict string
	Text    string
}

// LoadShapes reads the case files in dir.
func LoadShapes(dir string) ([]ShapeCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	var out []ShapeCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		head, text, ok := strings.Cut(string(b), "\n---\n")
		if !ok {
			return nil, fmt.Errorf("%s: no line --- between the wants and the text", f)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		group, _, _ := strings.Cut(name, "-")
		c := ShapeCase{Name: name, Group: group, Text: strings.TrimSuffix(text, "\n")}
		for _, line := range strings.Split(head, "\n") {
			rest, ok := strings.CutPrefix(line, "want: ")
			if !ok {
				return nil, fmt.Errorf("%s: %q is not a want line", f, line)
			}
			verdict, want, _ := strings.Cut(rest, " ")
			if !strings.Contains(c.Text, want) {
				return nil, fmt.Errorf("%s: %q is not in the text", f, want)
			}
			c.Wants = append(c.Wants, ShapeWant{verdict, want})
		}
		out = append(out, c)
	}
	return out, nil
}

// Check runs m on the case and returns what does not hold, if anything.
func (c *ShapeCase) Check(m *match.Matcher) []string {
	found := m.Check(c.Text)
	var bad []string
	for _, w := range c.Wants {
		at := strings.Index(c.Text, w.Text)
		end := at + len(w.Text)
		got := ""
		for _, f := range found {
			if f.Start < end && at < f.End && (w.Verdict == "none" || f.Start <= at && end <= f.End) {
				got = f.Verdict.String()
				if got == w.Verdict {
					break
				}
			}
		}
		switch {
		case w.Verdict == "none" && got != "":
			bad = append(bad, fmt.Sprintf("%q: got %s, want no badge", w.Text, got))
		case w.Verdict != "none" && got != w.Verdict:
			bad = append(bad, fmt.Sprintf("%q: got %q, want %s", w.Text, got, w.Verdict))
		}
	}
	return bad
}

// GroupScore is how many cases of a group pass.
type GroupScore struct {
	Group  string   `json:"group"`
	Cases  int      `json:"cases"`
	Passed int      `json:"passed"`
	Failed []string `json:"failed,omitempty"`
}

// Shapes runs every case and counts, by group.
func Shapes(m *match.Matcher, cases []ShapeCase) []GroupScore {
	by := map[string]*GroupScore{}
	for i := range cases {
		c := &cases[i]
		g := by[c.Group]
		if g == nil {
			g = &GroupScore{Group: c.Group}
			by[c.Group] = g
		}
		g.Cases++
		if bad := c.Check(m); len(bad) == 0 {
			g.Passed++
		} else {
			g.Failed = append(g.Failed, c.Name+": "+strings.Join(bad, "; "))
		}
	}
	var out []GroupScore
	for _, g := range by {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}
