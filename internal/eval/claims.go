//go:build !js

package eval

import (
	"runtime"
	"sort"
	"sync"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// MaxFalse is the working point: the share of tweets that may get a false
// badge when their claim is not in the bundle.
const MaxFalse = 0.02

// ClaimsReport is how the engine does on one split of the CLEF tweets.
type ClaimsReport struct {
	Split  string `json:"split"`
	Tweets int    `json:"tweets"`
	// The ranking of the claims for the whole tweet, bundle complete: is
	// the gold claim first (P@1), and the mean average precision of the
	// first five.
	P1   float64 `json:"p_at_1"`
	MAP5 float64 `json:"map_at_5"`
	// The engine's verdicts (Matcher.Check on the tweet) at its
	// threshold: the share of tweets badged disputed with their gold claim
	// (Recall), with another claim while the gold claim is in the bundle
	// (Wrong), and with any claim once the gold claim and its near
	// duplicates are removed (False).
	Recall float64 `json:"recall"`
	Wrong  float64 `json:"wrong"`
	False  float64 `json:"false"`
	// The ranking's best recall at MaxFalse false badges over any single
	// threshold on the top score, and that threshold: how good the score
	// is, apart from where the engine's threshold sits.
	BestRecall    float64 `json:"best_recall_at_2pct_false"`
	BestThreshold float64 `json:"best_threshold"`
}

// TweetScores is what the ranking says of one tweet: the top candidate's
// score and whether it is a gold claim, bundle complete, and the top score
// once the gold claims and their near duplicates are left out.
type TweetScores struct {
	Top, TopRemoved float64
	TopGold         bool
	AP5             float64 // average precision of the first five
}

// Evaluator runs the claims evaluation: one matcher of the whole claim
// list, and the near duplicates.
type Evaluator struct {
	Data    *CLEF
	Matcher *match.Matcher
	dups    map[string][]string
}

// NewEvaluator indexes every claim of d.
func NewEvaluator(d *CLEF) *Evaluator {
	return &Evaluator{Data: d, Matcher: match.New(d.Bundle(nil)), dups: d.NearDuplicates()}
}

// Removed returns the ids of t's gold claims and their near duplicates.
func (e *Evaluator) Removed(t Tweet) map[string]bool {
	out := map[string]bool{}
	for _, g := range t.Gold {
		out[g] = true
		for _, d := range e.dups[g] {
			out[d] = true
		}
	}
	return out
}

// Candidates returns the engine's candidates for the tweet, bundle
// complete and without its gold claims.
func (e *Evaluator) Candidates(t Tweet) (full, removed []match.ClaimCandidate) {
	skip := e.Removed(t)
	full = e.Matcher.ClaimCandidates(t.Text, nil)
	removed = e.Matcher.ClaimCandidates(t.Text, func(c *bundle.Claim) bool { return skip[c.ID] })
	return full, removed
}

// Scores ranks the claims for every tweet of a split by model md's score.
func (e *Evaluator) Scores(split string, md *match.Model) []TweetScores {
	tweets := e.Data.Splits[split]
	out := make([]TweetScores, len(tweets))
	parallel(len(tweets), func(i int) {
		t := tweets[i]
		full, removed := e.Candidates(t)
		rescore(full, md)
		rescore(removed, md)
		gold := e.Removed(t)
		var ts TweetScores
		if len(full) > 0 {
			ts.Top, ts.TopGold = full[0].Score, gold[full[0].Claim.ID]
		}
		if len(removed) > 0 {
			ts.TopRemoved = removed[0].Score
		}
		hits := 0.0
		for r := 0; r < len(full) && r < 5; r++ {
			if gold[full[r].Claim.ID] {
				hits++
				ts.AP5 += hits / float64(r+1)
			}
		}
		ts.AP5 /= float64(max(1, min(5, len(gold))))
		out[i] = ts
	})
	return out
}

// BestThreshold returns the least threshold on the top score at which at
// most MaxFalse of the tweets get a badge with their gold claims removed,
// and the recall there.
func BestThreshold(scores []TweetScores) (threshold, recall float64) {
	removed := make([]float64, len(scores))
	for i, s := range scores {
		removed[i] = s.TopRemoved
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(removed)))
	// At most allowed tweets may score at or above the threshold.
	allowed := int(MaxFalse * float64(len(scores)))
	threshold = 1
	if allowed < len(removed) {
		threshold = removed[allowed] + 1e-9
	}
	hits := 0
	for _, s := range scores {
		if s.TopGold && s.Top >= threshold {
			hits++
		}
	}
	return threshold, float64(hits) / float64(len(scores))
}

// Claims evaluates the engine on one split.
func (e *Evaluator) Claims(split string) ClaimsReport {
	tweets := e.Data.Splits[split]
	r := ClaimsReport{Split: split, Tweets: len(tweets)}
	md := match.ClaimModel()
	scores := e.Scores(split, &md)
	for _, s := range scores {
		r.MAP5 += s.AP5
	}
	r.P1 = precisionAt1(scores)
	r.BestThreshold, r.BestRecall = BestThreshold(scores)

	var mu sync.Mutex
	parallel(len(tweets), func(i int) {
		t := tweets[i]
		gold := e.Removed(t)
		right, wrong := false, false
		for _, f := range e.Matcher.Check(t.Text) {
			if f.Verdict == match.Disputed {
				right = right || gold[f.Claim.ID]
				wrong = wrong || !gold[f.Claim.ID]
			}
		}
		falseBadge := e.falseBadge(t, nil)
		mu.Lock()
		defer mu.Unlock()
		if right {
			r.Recall++
		}
		if wrong {
			r.Wrong++
		}
		if falseBadge {
			r.False++
		}
	})
	n := float64(max(1, len(tweets)))
	r.MAP5, r.Recall, r.Wrong, r.False = r.MAP5/n, r.Recall/n, r.Wrong/n, r.False/n
	return r
}

// precisionAt1 returns the share of the tweets whose top candidate is a
// gold claim.
func precisionAt1(scores []TweetScores) float64 {
	n := 0
	for _, s := range scores {
		if s.TopGold {
			n++
		}
	}
	return float64(n) / float64(max(1, len(scores)))
}

// parallel runs f(0..n-1) on every core.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// rescore scores the candidates with md, best first.
func rescore(cands []match.ClaimCandidate, md *match.Model) {
	for i := range cands {
		cands[i].Score = md.Score(&cands[i].Features)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Score > cands[j].Score })
}

// falseBadge reports whether the engine, with md (nil: its own model),
// badges t disputed once its gold claims are removed: what a reader of a
// page on a claim the bundle lacks would get.
func (e *Evaluator) falseBadge(t Tweet, md *match.Model) bool {
	gold := e.Removed(t)
	o := match.CheckOptions{Skip: func(c *bundle.Claim) bool { return gold[c.ID] }, Model: md}
	for _, f := range e.Matcher.CheckWith(t.Text, o) {
		if f.Verdict == match.Disputed {
			return true
		}
	}
	return false
}
