package match

// alignment is the best fit of a passage's words inside a statement's words:
// a word-level Levenshtein alignment where the passage must be used whole
// but may start and end anywhere in the statement, and where an ellipsis in
// the passage lets it skip statement words for free.
type alignment struct {
	dist       int // words added, dropped or changed
	equal      int // words in both
	start, end int // the statement words [start, end) the passage covers
	ops        []alignOp
}

type alignOp struct {
	op   Op
	q, s int // passage and statement word indexes (-1 when absent)
	gap  bool
}

// aligner keeps the dynamic-programming table and the operations between
// calls, so that a scan allocates them once. Two alignments' operations
// live at a time: the best so far and the one being worked out.
type aligner struct {
	d    []int32
	ops  [2][]alignOp
	next int // the buffer of the next alignment
}

// align fits q (passage word ids, -1 for words the bundle never uses; gap[i]
// set when an ellipsis precedes q[i]) into s[lo:hi]. The result's ops are
// valid until the second call after keep.
func (a *aligner) align(q []int32, gap []bool, s []int32, lo, hi int) alignment {
	n, m := len(q), hi-lo
	w := m + 1
	if cap(a.d) < (n+1)*w {
		a.d = make([]int32, (n+1)*w)
	}
	d := a.d[:(n+1)*w]
	for j := 0; j <= m; j++ {
		d[j] = 0 // the passage may start anywhere
	}
	for i := 1; i <= n; i++ {
		row, prev := d[i*w:(i+1)*w], d[(i-1)*w:i*w]
		row[0] = int32(i)
		free := i < n && gap[i] // statement words may be skipped after q[i-1]
		for j := 1; j <= m; j++ {
			sub := prev[j-1]
			if q[i-1] < 0 || q[i-1] != s[lo+j-1] {
				sub++
			}
			best := min(sub, prev[j]+1, row[j-1]+1)
			if free && row[j-1] < best {
				best = row[j-1]
			}
			row[j] = best
		}
	}
	last := d[n*w : (n+1)*w]
	// On a tie the later end wins: a changed last word then reads as a
	// substitution (February → March) rather than an added word.
	end := 0
	for j := 1; j <= m; j++ {
		if last[j] <= last[end] {
			end = j
		}
	}
	al := alignment{dist: int(last[end]), end: lo + end, ops: a.ops[a.next][:0]}
	// Walk back from the end to recover the operations.
	i, j := n, end
	for i > 0 {
		row, prev := d[i*w:(i+1)*w], d[(i-1)*w:i*w]
		free := i < n && gap[i]
		switch {
		case j > 0 && q[i-1] >= 0 && q[i-1] == s[lo+j-1] && row[j] == prev[j-1]:
			al.ops = append(al.ops, alignOp{Equal, i - 1, lo + j - 1, false})
			al.equal++
			i, j = i-1, j-1
		case j > 0 && row[j] == prev[j-1]+1:
			al.ops = append(al.ops, alignOp{Insert, i - 1, -1, false}, alignOp{Delete, -1, lo + j - 1, false})
			i, j = i-1, j-1
		case row[j] == prev[j]+1:
			al.ops = append(al.ops, alignOp{Insert, i - 1, -1, false})
			i--
		case j > 0 && free && row[j] == row[j-1]:
			al.ops = append(al.ops, alignOp{Delete, -1, lo + j - 1, true})
			j--
		default: // row[j] == row[j-1]+1
			al.ops = append(al.ops, alignOp{Delete, -1, lo + j - 1, false})
			j--
		}
	}
	al.start = lo + j
	for l, r := 0, len(al.ops)-1; l < r; l, r = l+1, r-1 {
		al.ops[l], al.ops[r] = al.ops[r], al.ops[l]
	}
	a.ops[a.next] = al.ops
	return al
}

// keep keeps the last alignment's ops: the next alignment works in the
// other buffer.
func (a *aligner) keep() { a.next = 1 - a.next }
