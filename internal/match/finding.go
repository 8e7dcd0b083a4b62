package match

import "factcheck/internal/bundle"

// Verdict is what a passage is found to be.
type Verdict int

const (
	Verified      Verdict = iota + 1 // the official's words, exactly
	Misquoted                        // close to an official wording, but altered
	Disputed                         // states a claim that a statement disputes
	Misattributed                    // an official's words, given to someone else
)

// String returns the verdict's lower-case name, as used in the JS API.
func (v Verdict) String() string {
	switch v {
	case Verified:
		return "verified"
	case Misquoted:
		return "misquoted"
	case Disputed:
		return "disputed"
	case Misattributed:
		return "misattributed"
	}
	return "none"
}

// Op is the kind of one step of a word diff.
type Op int

const (
	Equal  Op = iota // the word is in both
	Insert           // the passage added the word
	Delete           // the passage dropped the official's word
)

// DiffWord is one word of a word-level difference between a passage and
// the official wording. Text is the word as written (in the passage for
// Equal and Insert, in the statement for Delete).
type DiffWord struct {
	Op   Op
	Text string
}

// Finding is one passage worth a badge.
type Finding struct {
	Start, End int // byte offsets [Start, End) of the passage in the input text
	Verdict    Verdict
	Score      float64 // 0..1, how closely the passage matched
	// Statement is the official wording matched (Verified, Misquoted,
	// Misattributed) or, for Disputed, the first statement that disputes
	// the claim (may be nil).
	Statement *bundle.Statement
	// Official is the part of Statement.Text the passage corresponds to.
	Official string
	Claim    *bundle.Claim // Disputed only
	// Diff is the word difference of a Misquoted passage, and of a
	// Misattributed one whose words are not exactly the official's.
	Diff []DiffWord
	// AttributedTo is who the text gives a Misattributed passage to, as
	// written ("Zelensky", "the captain").
	AttributedTo string
}
