//go:build !js

// Package eval measures how accurate the engine is, on public and generated
// data: the CLEF-2020 CheckThat! Task 2 claims and tweets (does a passage in
// someone else's words find the claim it repeats, and stay silent when the
// claim is not in the bundle?), a battery of quotes generated from a
// bundle's statements (exact, altered, misattributed, out of context), and
// case files of the shapes real articles print quotes in. The figures are
// what every change to the engine is judged by; floors.json holds the
// least each may be.
package eval

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factcheck/internal/bundle"
)

// SharedData returns the path of shared/data/<name> in the nearest folder
// above the working directory that holds it (the project's public data
// sits beside its checkouts), or "" when none does.
func SharedData(name string) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for ; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "data", name)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}

// CLEFClaimsFile is the claim list in the CLEF data's directory: a TSV
// (id, vclaim, title) that the bundle tool reads as it is.
const CLEFClaimsFile = "verified_claims.docs.tsv"

// Claim is one fact-checked claim of the CLEF data.
type Claim struct {
	ID       string
	Text     string // the claim (vclaim)
	Headline string // the fact-check's title
}

// Tweet is one query of a split: a tweet that repeats one claim or more.
type Tweet struct {
	ID   string
	Text string
	Gold []string // the ids of the claims it repeats
}

// CLEF is the CLEF-2020 Task 2 data: the claims and the splits' tweets.
type CLEF struct {
	Claims []Claim
	Splits map[string][]Tweet // "train", "dev"
}

// LoadCLEF reads the data in dir (see its README.md).
func LoadCLEF(dir string) (*CLEF, error) {
	d := &CLEF{Splits: map[string][]Tweet{}}
	err := readTSV(filepath.Join(dir, CLEFClaimsFile), 3, func(f []string) {
		d.Claims = append(d.Claims, Claim{ID: f[0], Text: f[1], Headline: f[2]})
	})
	if err != nil {
		return nil, err
	}
	for _, split := range []string{"train", "dev"} {
		var tweets []Tweet
		at := map[string]int{}
		err := readTSV(filepath.Join(dir, split, "tweets.queries.tsv"), 2, func(f []string) {
			at[f[0]] = len(tweets)
			tweets = append(tweets, Tweet{ID: f[0], Text: f[1]})
		})
		if err != nil {
			return nil, err
		}
		qrels := filepath.Join(dir, split, "tweet-vclaim-pairs.qrels")
		err = readLines(qrels, func(n int, line string) error {
			f := strings.Fields(line)
			if len(f) != 4 {
				return fmt.Errorf("%s:%d: want 4 fields, got %d", qrels, n, len(f))
			}
			i, ok := at[f[0]]
			if !ok {
				return fmt.Errorf("%s:%d: unknown tweet %s", qrels, n, f[0])
			}
			if f[3] != "0" {
				tweets[i].Gold = append(tweets[i].Gold, f[2])
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		d.Splits[split] = tweets
	}
	return d, nil
}

// readTSV calls row with the fields of every record after the header;
// each must have n fields. A field in double quotes may hold tabs, line
// breaks and doubled quotes (as the claims and tweets files write them).
func readTSV(path string, n int, row func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = '\t', n, true
	if _, err := r.Read(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		row(rec)
	}
}

func readLines(path string, line func(n int, s string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if s := strings.TrimRight(sc.Text(), "\r"); s != "" {
			if err := line(n, s); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Bundle returns a statement bundle of the claims, leaving out those in
// skip. The claims have no disputing statement: the fact-check disputes
// them.
func (d *CLEF) Bundle(skip map[string]bool) *bundle.Bundle {
	b := &bundle.Bundle{}
	for _, c := range d.Claims {
		if skip[c.ID] {
			continue
		}
		b.Claims = append(b.Claims, &bundle.Claim{ID: c.ID, Text: c.Text, Headline: c.Headline,
			Rating: "Fact-checked", Reviewer: bundle.Person{Name: "Snopes"}})
	}
	return b
}
