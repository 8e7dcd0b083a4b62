package bundle

import (
	"strings"
)

// claim reads a ClaimReview node with its itemReviewed Claim.
func (n *node) claim() (*Claim, *Error) {
	c := &Claim{ID: n.id}
	if c.ID == "" {
		c.ID = n.path
	}
	var err *Error
	if c.Text, err = words("claimReviewed", n.field["claimReviewed"]); err != nil {
		return nil, err
	}
	if err = n.itemReviewed(c); err != nil {
		return nil, err
	}
	hfield, hvalue := firstSet(n.field, "", "name", "headline")
	if c.Headline, err = words(hfield, hvalue); err != nil {
		return nil, err
	}
	if c.Text == "" {
		switch {
		case len(c.Variants) > 0:
			c.Text, c.Variants = c.Variants[0], c.Variants[1:]
		case c.Headline != "":
			// A fact-check's headline often restates the claim ("Did 122
			// prisoners ... return to the battlefield?"): matched, but
			// worth a warning, since it is not the claim's own wording.
			n.warn("claimReviewed", "is missing; the headline (%s) stands for the claim", hfield)
			c.Text = c.Headline
		default:
			return nil, fieldErr("claimReviewed", "is missing or empty, and neither itemReviewed.alternateName nor name has a value")
		}
	}
	c.Variants = unique(c.Variants, c.Text)
	about, err := n.things("about", n.field["about"])
	if err != nil {
		return nil, err
	}
	c.About = unique(append(c.About, about...), "")
	if c.Rating, c.RatesTrue, err = n.rating(); err != nil {
		return nil, err
	}
	if c.Reviewer, err = n.person(firstSet(n.field, "", "author", "creator")); err != nil {
		return nil, err
	}
	if c.ReviewDate, err = n.date("datePublished", n.field["datePublished"]); err != nil {
		return nil, err
	}
	if c.URL, err = n.url("url", n.field["url"]); err != nil {
		return nil, err
	}
	if c.DisputedBy, err = n.disputedBy(); err != nil {
		return nil, err
	}
	return c, nil
}

// itemReviewed reads the reviewed Claim: its other wordings, subject,
// claimant and date.
func (n *node) itemReviewed(c *Claim) *Error {
	const field = "itemReviewed"
	var item map[string]any
	switch w := n.p.resolve(single(n.field[field])).(type) {
	case nil:
		return nil
	case map[string]any:
		item = w
	default:
		return fieldErr(field, "is %s, want a Claim", kind(w))
	}
	variants, err := strs(field+".alternateName", item["alternateName"])
	if err != nil {
		return err
	}
	for i, v := range variants {
		if v == "" {
			continue
		}
		if err := checkLen(elem(field+".alternateName", i, len(variants)), v); err != nil {
			n.warn(err.Field, "%s, ignored", err.Msg)
			continue
		}
		c.Variants = append(c.Variants, v)
	}
	if c.About, err = n.things(field+".about", item["about"]); err != nil {
		return err
	}
	if c.Claimant, err = n.person(firstSet(item, field+".", "author", "creator")); err != nil {
		return err
	}
	c.ClaimDate, err = n.date(field+".datePublished", item["datePublished"])
	return err
}

// firstSet returns the first of keys that m has, with prefix (for
// messages), and its value; the first key if m has none.
func firstSet(m map[string]any, prefix string, keys ...string) (string, any) {
	for _, k := range keys {
		if v := m[k]; v != nil {
			return prefix + k, v
		}
	}
	return prefix + keys[0], nil
}

// rating reads reviewRating: the verdict text (alternateName, else name,
// else a textual ratingValue) and whether it rates the claim true.
func (n *node) rating() (text string, ratesTrue bool, err *Error) {
	const field = "reviewRating"
	switch w := n.p.resolve(single(n.field[field])).(type) {
	case nil:
	case string:
		text = clean(w)
	case map[string]any:
		if text, ratesTrue, err = n.ratingObject(field, w); err != nil {
			return "", false, err
		}
	default:
		return "", false, fieldErr(field, "is %s, want a Rating", kind(w))
	}
	ratesTrue = ratesTrue || trueRatings[normalRating(text)]
	if text == "" {
		text = "Disputed"
		if ratesTrue {
			text = "True"
		}
		f := field
		if n.field[field] != nil {
			f += ".alternateName"
		}
		n.warn(f, "is missing, read as %q", text)
	}
	return text, ratesTrue, nil
}

// ratingObject reads a Rating object. Its value rates the claim true when
// it is at bestRating (default 5) or beyond it, away from worstRating
// (default 1).
func (n *node) ratingObject(field string, r map[string]any) (text string, atBest bool, err *Error) {
	text, err = str(field+".alternateName", r["alternateName"])
	if err == nil && text == "" {
		text, err = str(field+".name", r["name"])
	}
	if err != nil {
		return "", false, err
	}
	value, hasValue, valueText, err := number(field+".ratingValue", r["ratingValue"])
	if err != nil {
		return "", false, err
	}
	if text == "" {
		text = valueText
	}
	best, hasBest, _, err := number(field+".bestRating", r["bestRating"])
	if err != nil {
		return "", false, err
	}
	worst, hasWorst, _, err := number(field+".worstRating", r["worstRating"])
	if err != nil {
		return "", false, err
	}
	if !hasBest {
		best = 5
	}
	if !hasWorst {
		worst = 1
	}
	atBest = hasValue && (best >= worst && value >= best || best < worst && value <= best)
	return text, atBest, nil
}

// trueRatings are the verdicts, normalised, that rate a claim true: such a
// review is no dispute.
var trueRatings = map[string]bool{
	"true": true, "correct": true, "accurate": true, "correct attribution": true,
	"mostly true": true, "mostly correct": true, "mostly accurate": true,
	"largely true": true, "largely accurate": true,
	"verdadero": true, "cierto": true, "correcto": true, "mayormente verdadero": true, // Spanish
	"verdadeiro": true, "correto": true, // Portuguese
	"vrai": true, "exact": true, "plutôt vrai": true, // French
	"wahr": true, "richtig": true, "zutreffend": true, // German
	"vero": true, "corretto": true, // Italian
	"waar": true, "klopt": true, // Dutch
}

// normalRating lower-cases a verdict, collapses its spaces and trims the
// punctuation around it ("Mostly  True." is "mostly true").
func normalRating(s string) string {
	s = strings.Trim(strings.ToLower(s), " .!¡")
	return strings.Join(strings.Fields(s), " ")
}

// disputedBy reads isBasedOn: the statements the review cites against the
// claim, as @id references ("#s1" or {"@id": "#s1"}) or embedded
// Quotations. A reference to nothing usable is dropped with a warning.
func (n *node) disputedBy() ([]*Statement, *Error) {
	v := n.field["isBasedOn"]
	refs, ok := v.([]any)
	if !ok && v != nil {
		refs = []any{v}
	}
	for i, r := range refs {
		switch r.(type) {
		case string, map[string]any:
		default:
			return nil, fieldErr(elem("isBasedOn", i, len(refs)), "is %s, want a reference to a Quotation", kind(r))
		}
	}
	var out []*Statement
	seen := map[*Statement]bool{nil: true}
	seenID := map[string]bool{}
	for i, r := range refs {
		var s *Statement
		switch id, embedded := n.p.refID(r); {
		case embedded != nil:
			s = n.embeddedStatement(format("isBasedOn[%d]", i), embedded)
		case seenID[id]:
			continue // one warning for a missing statement cited twice
		default:
			seenID[id] = true
			s = n.statementRef(id)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// refID returns the @id that an isBasedOn value (a string or an object)
// refers to, or the object itself when it is not a reference: an object
// with more than an @id (and @type) whose @id is not in the graph.
func (p *parser) refID(r any) (string, map[string]any) {
	m, ok := r.(map[string]any)
	if !ok {
		return clean(r.(string)), nil
	}
	if id, ok := m["@id"].(string); ok {
		if id = clean(id); p.statements[id] != nil || p.byID[id] != nil || len(m) <= 2 {
			return id, nil
		}
	}
	return "", m
}

// embeddedStatement reads a Quotation written inside isBasedOn and adds
// it to the bundle. Another kind of object (a source of another kind)
// gives nil.
func (n *node) embeddedStatement(path string, m map[string]any) *Statement {
	child := &node{p: n.p, at: n.at, path: n.path + "." + path, field: m}
	if err := child.readHeader(); err != nil || child.kind != quotation {
		return nil
	}
	if s := n.p.statements[child.id]; child.id != "" && s != nil {
		return s // embedded again in another review
	}
	return n.p.addStatement(child)
}

// statementRef returns the statement with the given @id, or nil with a
// warning that says why there is none.
func (n *node) statementRef(id string) *Statement {
	if s := n.p.statements[id]; s != nil {
		return s
	}
	switch target := n.p.byID[id]; {
	case target == nil:
		n.warn("isBasedOn", "refers to %q, which is not in the bundle", id)
	case target.kind == quotation:
		n.warn("isBasedOn", "refers to %q, which was skipped", id)
	default:
		n.warn("isBasedOn", "refers to %q, which is a %s, not a Quotation", id, target.typ)
	}
	return nil
}
