//go:build !js

package eval

import (
	"sort"

	"factcheck/internal/textnorm"
)

// nearDupJaccard is how alike two claims' words must be to count as one
// claim fact-checked twice.
const nearDupJaccard = 0.6

// NearDuplicates returns, for every claim id, the ids of the other claims
// that say nearly the same thing: their words (claim and headline, as sets)
// overlap by nearDupJaccard or more, or their claims are equal once
// normalised (texts that differ only in quote marks). The qrels name one
// of them; the others are not wrong answers.
func (d *CLEF) NearDuplicates() map[string][]string {
	sets := make([]map[string]bool, len(d.Claims))
	keys := make(map[string][]int)
	postings := make(map[string][]int)
	for i, c := range d.Claims {
		set := map[string]bool{}
		for _, w := range textnorm.Words(c.Text + " " + c.Headline) {
			if len(w.Norm) > 3 {
				set[w.Norm] = true
			}
		}
		sets[i] = set
		k := textnorm.Key(c.Text)
		keys[k] = append(keys[k], i)
		for w := range set {
			postings[w] = append(postings[w], i)
		}
	}
	out := map[string][]string{}
	add := func(i, j int) {
		a, b := d.Claims[i].ID, d.Claims[j].ID
		for _, x := range out[a] {
			if x == b {
				return
			}
		}
		out[a] = append(out[a], b)
		out[b] = append(out[b], a)
	}
	for _, same := range keys {
		for x := range same {
			for y := x + 1; y < len(same); y++ {
				add(same[x], same[y])
			}
		}
	}
	for i, set := range sets {
		shared := map[int]int{}
		for w := range set {
			if len(postings[w]) > 200 {
				continue // too common to find a duplicate by
			}
			for _, j := range postings[w] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			union := len(set) + len(sets[j]) - n
			if union > 0 && float64(n)/float64(union) >= nearDupJaccard {
				add(i, j)
			}
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}
