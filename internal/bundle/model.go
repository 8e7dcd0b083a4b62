// Package bundle reads a statement bundle: official statements and the
// disputed claims they answer, published as schema.org JSON-LD (one @graph of
// Quotation and ClaimReview nodes). It validates what it reads, names the
// node and field of every problem, and caps sizes so that a hostile bundle
// cannot stall the page.
package bundle

// Bundle is a parsed, validated statement bundle.
type Bundle struct {
	Statements []*Statement
	Claims     []*Claim
	// Warnings are problems that did not stop the bundle from loading
	// (an unknown @type skipped, a reference to a missing statement
	// dropped). Each names the node and field.
	Warnings []string
}

// Person is who said or made something: a person or an organisation.
type Person struct {
	Name        string
	JobTitle    string // "Spokeswoman, National Security Council"
	Affiliation string // "The White House"
	// AlternateNames are other names of the person or of their
	// affiliation (alternateName): what a text in another language
	// calls them ("la Maison Blanche"), an acronym, a nickname.
	AlternateNames []string
}

// Source is where a text was published.
type Source struct {
	Name string // "Statement to CNN", "Twitter"
	URL  string // may be empty
}

// Statement is an official's on-the-record words (a schema.org Quotation).
type Statement struct {
	ID      string // the node's @id, or "@graph[i]" when it has none
	Text    string // the words, exactly as said
	Speaker Person
	Date    string // ISO 8601 date as published ("2022-01-27")
	Source  Source
}

// Claim is a claim reported in the press and reviewed by a fact-checker
// (a schema.org ClaimReview with its itemReviewed Claim).
type Claim struct {
	ID   string // the ClaimReview's @id, or "@graph[i]"
	Text string // claimReviewed: the claim in one sentence
	// Headline is the fact-check's headline (the ClaimReview's name, else
	// headline): it often names the claim's subject in other words. May
	// be empty.
	Headline string
	Variants []string // other wordings of the same claim (optional)
	// About names the claim's subject: people, places, events
	// (itemReviewed.about / ClaimReview.about names). May be empty: the
	// matcher then takes the subject from the claim's own words.
	About     []string
	Claimant  Person // itemReviewed.author
	ClaimDate string // itemReviewed.datePublished
	// Rating is the review's own verdict text (reviewRating.alternateName):
	// "False", "Misleading", "Disputed"...
	Rating string
	// RatesTrue is set when the review rates the claim true (by its
	// alternateName or by ratingValue at bestRating): such a review is not
	// a dispute and the matcher ignores it.
	RatesTrue  bool
	Reviewer   Person // the ClaimReview's author
	ReviewDate string
	URL        string // the review's url
	// DisputedBy are the statements the review cites against the claim.
	DisputedBy []*Statement
}
