// Package workload generates deterministic work for benchmarks: statement
// bundles (Bundle) and long articles full of quotations (Article), some
// taken from a bundle word for word, some altered by one word, some claims
// reported, the rest invented, so that the engine and the widget are
// measured on realistic work. It is never linked into the widget.
package workload

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"factcheck/internal/bundle"
)

// Article returns about words words of text in paragraphs, with about
// quotes quotations, drawn from b. The same arguments give the same text.
func Article(b *bundle.Bundle, words, quotes int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 0x776f726b6c6f6164))
	var paras []string
	var para strings.Builder
	written, quoted := 0, 0
	// Every this many words a sentence carries a quote.
	every := max(1, words/max(1, quotes))
	sinceQuote := 0
	for written < words {
		var sentence string
		switch {
		case sinceQuote >= every && len(b.Statements) > 0:
			sentence = quoteSentence(r, b)
			quoted++
			sinceQuote = 0
		case len(b.Claims) > 0 && r.IntN(40) == 0:
			c := b.Claims[r.IntN(len(b.Claims))]
			sentence = fmt.Sprintf("According to %s, %s", pick(r, reporters), lowerFirst(c.Text))
		default:
			sentence = filler(r)
		}
		n := len(strings.Fields(sentence))
		written += n
		sinceQuote += n
		if para.Len() > 0 {
			para.WriteByte(' ')
		}
		para.WriteString(sentence)
		if para.Len() > 400+r.IntN(400) {
			paras = append(paras, para.String())
			para.Reset()
		}
	}
	if para.Len() > 0 {
		paras = append(paras, para.String())
	}
	return paras
}

// quoteSentence quotes a run of a statement: as said (half the time), with
// one word changed, or cut with an ellipsis.
func quoteSentence(r *rand.Rand, b *bundle.Bundle) string {
	s := b.Statements[r.IntN(len(b.Statements))]
	w := strings.Fields(s.Text)
	n := min(len(w), 3+r.IntN(14))
	at := r.IntN(len(w) - n + 1)
	q := append([]string(nil), w[at:at+n]...)
	switch r.IntN(4) {
	case 0:
		q[r.IntN(len(q))] = pick(r, fillerWords)
	case 1:
		if len(q) > 6 {
			q = append(append(q[:2:2], "…"), q[len(q)-3:]...)
		}
	}
	text := strings.Trim(strings.Join(q, " "), ".,;:!?")
	if r.IntN(2) == 0 {
		return fmt.Sprintf("“%s,” %s said.", text, s.Speaker.Name)
	}
	return fmt.Sprintf("%s told reporters that it was “%s”.", s.Speaker.Name, text)
}

func filler(r *rand.Rand) string {
	n := 8 + r.IntN(16)
	w := make([]string, n)
	for i := range w {
		w[i] = pick(r, fillerWords)
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var reporters = []string{"a senior official", "local media", "two people familiar with the talks", "the agency"}

var fillerWords = strings.Fields(`the a of to in and that for on with as was at by from it he she
they this but not be have had has which were are an their its said would could will also after
about more than over into new year week city council meeting plans budget school road market
prices water energy report residents team season match players coach weather rain morning
evening officials minister government members company workers strike talks agreement border
region village river bridge project hospital doctors patients study scientists data results
museum festival music film book author library students teachers court judge case police
station train flight airport travel tourists summer winter spring autumn local national`)
