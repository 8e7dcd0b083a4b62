package bundletool

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"factcheck/internal/bundle"
	"factcheck/internal/textnorm"
)

// biggest is how many of the biggest nodes stats lists.
const biggest = 5

// sized is a node and its size in words.
type sized struct {
	words int
	typ   string
	id    string
	label string // who and what
}

// stats writes what each bundle holds.
func stats(names []string, out io.Writer, rep *report) {
	for i, name := range names {
		b, data := load(name, rep)
		if b == nil {
			continue
		}
		if i > 0 {
			fmt.Fprintln(out)
		}
		writeStats(out, name, data, b)
	}
}

func writeStats(out io.Writer, name string, data []byte, b *bundle.Bundle) {
	var nodes []sized
	speakers, claimants, reviewers := set{}, set{}, set{}
	dupStatements, dupClaims := set{}, set{}
	statementWords, claimWords, ratedTrue := 0, 0, 0
	for _, s := range b.Statements {
		n := len(textnorm.Words(s.Text))
		statementWords += n
		speakers.add(s.Speaker.Name)
		dupStatements.add(dupKey("Quotation", s.Text, s.Speaker.Name))
		nodes = append(nodes, sized{n, "Quotation", s.ID, s.Speaker.Name + ": " + s.Text})
	}
	for _, c := range b.Claims {
		n := len(textnorm.Words(c.Text)) + len(textnorm.Words(c.Headline))
		for _, v := range c.Variants {
			n += len(textnorm.Words(v))
		}
		claimWords += n
		claimants.add(c.Claimant.Name)
		reviewers.add(c.Reviewer.Name)
		dupClaims.add(dupKey("ClaimReview", c.Text, ""))
		if c.RatesTrue {
			ratedTrue++
		}
		nodes = append(nodes, sized{n, "ClaimReview", c.ID, c.Rating + ": " + c.Text})
	}
	slices.SortStableFunc(nodes, func(a, b sized) int { return b.words - a.words })

	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "bundle\t%s\n", name)
	fmt.Fprintf(w, "size\t%s bytes (%s gzipped)\n", thousands(len(data)), thousands(gzipSize(data)))
	fmt.Fprintf(w, "statements\t%s\n", thousands(len(b.Statements)))
	fmt.Fprintf(w, "claims\t%s (%s rated true: the widget ignores them)\n", thousands(len(b.Claims)), thousands(ratedTrue))
	fmt.Fprintf(w, "speakers\t%s\n", thousands(len(speakers)))
	fmt.Fprintf(w, "claimants\t%s\n", thousands(len(claimants)))
	fmt.Fprintf(w, "reviewers\t%s\n", thousands(len(reviewers)))
	fmt.Fprintf(w, "words\t%s (statements %s; claims, with their other wordings and headlines, %s)\n",
		thousands(statementWords+claimWords), thousands(statementWords), thousands(claimWords))
	fmt.Fprintf(w, "same words\t%s statements and %s claims repeat an earlier one's words\n",
		thousands(len(b.Statements)-len(dupStatements)), thousands(len(b.Claims)-len(dupClaims)))
	fmt.Fprintf(w, "warnings\t%s\n", thousands(len(b.Warnings)))
	w.Flush()
	fmt.Fprintf(out, "biggest nodes (words):\n")
	w = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, n := range nodes[:min(biggest, len(nodes))] {
		fmt.Fprintf(w, "%7s  %s %s\t%s\n", thousands(n.words), n.typ, n.id, shorten(n.label, 72))
	}
	w.Flush()
}

// set counts distinct non-empty strings.
type set map[string]bool

func (s set) add(v string) {
	if v != "" {
		s[v] = true
	}
}

// gzipSize is the size of data gzipped, as a server sends it.
func gzipSize(data []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// thousands writes n with thousands separators: 10,375.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// shorten cuts s to at most n characters, on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
