package bundle

// NodeType returns "Quotation" or "ClaimReview" when the JSON-LD node m is
// read as one (its @type, or one of them, names it, with or without a
// schema.org prefix), and "" for any other node. Tools that gather nodes
// from pages use it to pick the ones Parse reads.
func NodeType(m map[string]any) string {
	n := &node{field: m}
	n.readHeader() // a bad @id leaves the type set: ParseNode reports it
	if n.kind == entity {
		return ""
	}
	return n.typ
}

// ParseNode reads one node as Parse reads a bundle that holds only it. A
// node that cannot be used gives no error, but a warning that ends in
// ", skipped", and nothing in the bundle. The node is named "@graph[0]".
func ParseNode(m map[string]any) *Bundle {
	p := &parser{byID: map[string]*node{}, statements: map[string]*Statement{}}
	for _, n := range p.index([]any{m}) {
		switch n.kind {
		case quotation:
			p.addStatement(n)
		case claimReview:
			p.addClaim(n)
		}
	}
	for _, w := range p.warnings {
		p.b.Warnings = append(p.b.Warnings, w.msg)
	}
	return &p.b
}
