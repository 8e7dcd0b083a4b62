//go:build !js

package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"factcheck/internal/bundle"
	"factcheck/internal/eval/realpages"
	"factcheck/internal/match"
	"factcheck/internal/workload"
)

// Report is every figure of the eval.
type Report struct {
	Claims []ClaimsReport `json:"claims"`
	// CrossValidated is the fit's figures on train by cross-validation.
	CrossValidated *CrossValidated `json:"cross_validated,omitempty"`
	// Prose is the claims bundle on real articles, when they were found.
	Prose  *Prose                 `json:"claims_on_prose,omitempty"`
	Quotes map[string][]KindScore `json:"quotes"` // by bundle
	Shapes []GroupScore           `json:"shapes"`
	// RealPages is the widget on saved real pages, when they were run.
	RealPages *realpages.Report `json:"real_pages,omitempty"`
}

// Run computes the native tables: claims (CLEF train and dev; left out
// when clefDir is empty) and the claims bundle on the articles of
// articlesDir (Readability's corpus; left out when it or clefDir is
// empty), quotes (the default bundle and a generated one) and the shape
// cases.
func Run(clefDir, shapesDir, articlesDir string) (*Report, error) {
	r := &Report{Quotes: map[string][]KindScore{}}
	if clefDir != "" {
		d, err := LoadCLEF(clefDir)
		if err != nil {
			return nil, err
		}
		e := NewEvaluator(d)
		for _, split := range []string{"train", "dev"} {
			r.Claims = append(r.Claims, e.Claims(split))
		}
		cv := e.CrossValidate("train")
		r.CrossValidated = &cv
		if articlesDir != "" {
			p, err := e.OnProse(articlesDir)
			if err != nil {
				return nil, err
			}
			r.Prose = &p
		}
	}
	def := bundle.Default()
	r.Quotes["default"] = RunQuotes(match.New(def), QuoteBattery(def, len(def.Statements), 100))
	gen, err := bundle.Parse(workload.Bundle(1000, 100, 1))
	if err != nil {
		return nil, err
	}
	r.Quotes["generated"] = RunQuotes(match.New(gen), QuoteBattery(gen, 300, 1))
	cases, err := LoadShapes(shapesDir)
	if err != nil {
		return nil, err
	}
	r.Shapes = Shapes(match.New(def), cases)
	return r, nil
}

// Print writes the tables.
func (r *Report) Print(w io.Writer) {
	if len(r.Claims) > 0 {
		fmt.Fprintf(w, "claims (CLEF-2020 Task 2; working point: at most %.0f%% false)\n", MaxFalse*100)
		fmt.Fprintf(w, "%-6s %6s %6s %6s %8s %8s %8s %12s\n", "split", "tweets", "P@1", "MAP@5", "recall", "false", "wrong", "best recall")
		for _, c := range r.Claims {
			fmt.Fprintf(w, "%-6s %6d %6.3f %6.3f %8.3f %8.3f %8.3f %12.3f\n", c.Split, c.Tweets, c.P1, c.MAP5, c.Recall, c.False, c.Wrong, c.BestRecall)
		}
		if cv := r.CrossValidated; cv != nil {
			fmt.Fprintf(w, "%s, %d-fold cross-validation of the fit: P@1 %.3f, best recall %.3f\n", cv.Split, cv.Folds, cv.P1, cv.BestRecall)
		}
		if p := r.Prose; p != nil {
			fmt.Fprintf(w, "real articles (Readability's text of %d pages) with the claims bundle: %d false badges, on %d pages\n", p.Pages, p.Badges, p.Badged)
			for _, s := range p.First {
				fmt.Fprintf(w, "    %.100s\n", s)
			}
		}
	}
	for _, name := range []string{"default", "generated"} {
		fmt.Fprintf(w, "\nquotes, %s bundle\n%-16s %7s %7s %7s\n", name, "kind", "cases", "passed", "share")
		for _, k := range r.Quotes[name] {
			fmt.Fprintf(w, "%-16s %7d %7d %7s\n", k.Kind, k.Cases, k.Passed, share(k.Passed, k.Cases))
		}
	}
	fmt.Fprintf(w, "\nshapes (internal/eval/testdata/shapes)\n%-14s %6s %7s\n", "group", "cases", "passed")
	for _, g := range r.Shapes {
		fmt.Fprintf(w, "%-14s %6d %7d\n", g.Group, g.Cases, g.Passed)
		for _, f := range g.Failed {
			fmt.Fprintf(w, "    fails: %s\n", f)
		}
	}
	if rp := r.RealPages; rp != nil {
		fmt.Fprintf(w, "\nreal pages (default bundle): %d pages, %d where the widget runs\n", len(rp.Pages), rp.N)
		fmt.Fprintf(w, "badges %d · root holds >= %.0f%% of the article's words on %d of %d (%s)\n",
			rp.Badges, realpages.OKCoverage*100, rp.RootOK, rp.N, share(rp.RootOK, rp.N))
		for _, p := range rp.Pages {
			switch {
			case p.NA != "":
				fmt.Fprintf(w, "    %s: n/a (%s)\n", p.Name, p.NA)
			case p.Err != "":
				fmt.Fprintf(w, "    %s: error: %s\n", p.Name, p.Err)
			case p.Coverage < realpages.OKCoverage || p.Badges > 0:
				fmt.Fprintf(w, "    %s: coverage %.3f, %d badges (root %s)\n", p.Name, p.Coverage, p.Badges, p.Root)
			}
		}
	}
}

func share(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

// Floors are the least each figure may be; ./build.sh test fails below.
type Floors struct {
	ClaimsRecall map[string]float64 `json:"claims_recall"` // by split
	ClaimsP1     map[string]float64 `json:"claims_p_at_1"`
	ClaimsFalse  map[string]float64 `json:"claims_false_max"` // a ceiling
	// ClaimsCrossValidated bounds the cross-validation's "p_at_1" and
	// "best_recall".
	ClaimsCrossValidated map[string]float64 `json:"claims_cross_validated"`
	Quotes               map[string]float64 `json:"quotes"` // "bundle/kind": share passed
	Shapes               map[string]int     `json:"shapes"` // group: cases passed
	// ClaimsOnProse is the most disputed badges the claims bundle may
	// give real articles (a ceiling).
	ClaimsOnProse *int `json:"claims_on_prose_max"`
	// RealPagesRoot is the least share of the real pages (where the
	// widget runs) whose article it reads; they may have no badge.
	RealPagesRoot float64 `json:"real_pages_root"`
}

// LoadFloors reads a floors file.
func LoadFloors(path string) (*Floors, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := &Floors{}
	if err := json.Unmarshal(b, f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Below returns every figure of r below its floor.
func (f *Floors) Below(r *Report) []string {
	var out []string
	for _, c := range r.Claims {
		if v, ok := f.ClaimsRecall[c.Split]; ok && c.Recall < v {
			out = append(out, fmt.Sprintf("claims %s recall %.3f < %.3f", c.Split, c.Recall, v))
		}
		if v, ok := f.ClaimsP1[c.Split]; ok && c.P1 < v {
			out = append(out, fmt.Sprintf("claims %s P@1 %.3f < %.3f", c.Split, c.P1, v))
		}
		if v, ok := f.ClaimsFalse[c.Split]; ok && c.False > v {
			out = append(out, fmt.Sprintf("claims %s false %.3f > %.3f", c.Split, c.False, v))
		}
	}
	if cv := r.CrossValidated; cv != nil {
		if v, ok := f.ClaimsCrossValidated["p_at_1"]; ok && cv.P1 < v {
			out = append(out, fmt.Sprintf("claims %s cross-validated P@1 %.3f < %.3f", cv.Split, cv.P1, v))
		}
		if v, ok := f.ClaimsCrossValidated["best_recall"]; ok && cv.BestRecall < v {
			out = append(out, fmt.Sprintf("claims %s cross-validated best recall %.3f < %.3f", cv.Split, cv.BestRecall, v))
		}
	}
	if p := r.Prose; p != nil && f.ClaimsOnProse != nil && p.Badges > *f.ClaimsOnProse {
		out = append(out, fmt.Sprintf("claims on real articles: %d false badges > %d", p.Badges, *f.ClaimsOnProse))
	}
	for name, kinds := range r.Quotes {
		for _, k := range kinds {
			if v, ok := f.Quotes[name+"/"+k.Kind]; ok && k.Cases > 0 && float64(k.Passed)/float64(k.Cases) < v {
				out = append(out, fmt.Sprintf("quotes %s/%s %d of %d < %.3f", name, k.Kind, k.Passed, k.Cases, v))
			}
		}
	}
	for _, g := range r.Shapes {
		if v, ok := f.Shapes[g.Group]; ok && g.Passed < v {
			out = append(out, fmt.Sprintf("shapes %s: %d passed < %d", g.Group, g.Passed, v))
		}
	}
	if rp := r.RealPages; rp != nil {
		if rp.Badges > 0 {
			out = append(out, fmt.Sprintf("real pages: %d badges with the default bundle, want none", rp.Badges))
		}
		if float64(rp.RootOK) < f.RealPagesRoot*float64(rp.N) {
			out = append(out, fmt.Sprintf("real pages: the article read on %d of %d < %.2f", rp.RootOK, rp.N, f.RealPagesRoot))
		}
	}
	return out
}
