package bundle

import (
	"slices"
	"strings"
)

// Parse reads a bundle. It returns an error (and no bundle) when the input
// cannot be used at all: not JSON, too big, too deep, or no usable node.
// A single node that cannot be used is skipped with a warning in
// Bundle.Warnings, and the rest still loads. Errors are *Error.
func Parse(data []byte) (*Bundle, error) {
	return ParsePausing(data, nil)
}

// pauseNodes is how many nodes ParsePausing reads between calls of pause.
const pauseNodes = 16

// ParsePausing is Parse calling pause (if not nil) every few hundred
// values and nodes: a caller in a browser gives the page a turn there, so
// that a large bundle does not freeze it.
func ParsePausing(data []byte, pause func()) (*Bundle, error) {
	v, err := decode(data, pause)
	if err != nil {
		return nil, err
	}
	items, err := graphItems(v)
	if err != nil {
		return nil, err
	}
	if len(items) > MaxNodes {
		return nil, &Error{Msg: format("the bundle has %d nodes; the limit is %d", len(items), MaxNodes)}
	}
	p := &parser{byID: map[string]*node{}, statements: map[string]*Statement{}}
	nodes := p.index(items)
	for i, n := range nodes {
		if n.kind == quotation {
			p.addStatement(n)
		}
		if pause != nil && i%pauseNodes == 0 {
			pause()
		}
	}
	for i, n := range nodes {
		if n.kind == claimReview {
			p.addClaim(n)
		}
		if pause != nil && i%pauseNodes == 0 {
			pause()
		}
	}
	return p.result()
}

// nodeKind is what Parse does with a node.
type nodeKind int

const (
	entity      nodeKind = iota // kept only as the target of @id references
	quotation                   // read as a Statement
	claimReview                 // read as a Claim
)

// entityTypes are the schema.org types a graph may hold besides Quotation
// and ClaimReview without a warning: the people, organisations, claims,
// ratings and works that the main nodes refer to by @id.
var entityTypes = map[string]bool{
	"Thing": true, "Person": true, "Organization": true,
	"GovernmentOrganization": true, "NewsMediaOrganization": true,
	"Claim": true, "Rating": true, "Event": true, "Place": true, "Country": true,
	"CreativeWork": true, "WebPage": true, "WebSite": true, "Article": true,
	"NewsArticle": true, "SocialMediaPosting": true, "DefinedTerm": true,
}

// parser holds the state of one Parse.
type parser struct {
	byID       map[string]*node      // the first node of each @id
	statements map[string]*Statement // statements loaded, by @id
	warnings   []warning
	b          Bundle
}

// maxWarnings caps Bundle.Warnings: past it, one last warning gives the
// number left out.
const maxWarnings = 1000

// warning is a message with the graph index it concerns, so that warnings
// come out in graph order although nodes are read in two passes.
type warning struct {
	at  int
	msg string
}

// node is one node object of the graph (or one Quotation embedded in a
// ClaimReview) being read.
type node struct {
	p     *parser
	at    int    // graph index, for ordering warnings
	path  string // "@graph[3]", "@graph[7].isBasedOn[0]"
	typ   string // the schema.org type it is read as
	id    string // its @id; may be empty
	kind  nodeKind
	field map[string]any
	// warnings wait here until the node loads: a skipped node gives only
	// the reason it was skipped.
	warnings []string
}

// name names the node in messages: "@graph[3] (Quotation #s3)".
func (n *node) name() string {
	switch {
	case n.typ == "":
		return n.path
	case n.id == "":
		return n.path + " (" + n.typ + ")"
	}
	return n.path + " (" + n.typ + " " + n.id + ")"
}

// warn notes a problem that does not stop the node from loading.
func (n *node) warn(field, msg string, args ...any) {
	e := fieldErr(field, msg, args...)
	e.Node = n.name()
	n.warnings = append(n.warnings, e.Error())
}

// loaded records the node's warnings.
func (n *node) loaded() {
	for _, w := range n.warnings {
		n.p.warnings = append(n.p.warnings, warning{n.at, w})
	}
}

// skip records why the node was not loaded, and nothing else about it.
func (n *node) skip(err *Error) {
	err.Node = n.name()
	n.p.warnings = append(n.p.warnings, warning{n.at, err.Error() + ", skipped"})
}

// index reads the @type and @id of every graph item, skips the unusable
// ones and records the first node of each @id.
func (p *parser) index(items []any) []*node {
	nodes := make([]*node, 0, len(items))
	for i, item := range items {
		n := &node{p: p, at: i, path: format("@graph[%d]", i)}
		m, ok := item.(map[string]any)
		if !ok {
			n.skip(&Error{Msg: "is " + kind(item) + ", not a node object"})
			continue
		}
		n.field = m
		if err := n.readHeader(); err != nil {
			n.skip(err)
			continue
		}
		if n.id != "" {
			if first, dup := p.byID[n.id]; dup {
				n.skip(&Error{Msg: format("duplicate @id %q (first at %s)", n.id, first.path)})
				continue
			}
			p.byID[n.id] = n
		}
		nodes = append(nodes, n)
	}
	return nodes
}

// readHeader reads the node's @type and @id.
func (n *node) readHeader() *Error {
	var types []string
	switch t := n.field["@type"].(type) {
	case nil:
		return &Error{Msg: "has no @type"}
	case string:
		types = []string{t}
	case []any:
		for _, v := range t {
			s, ok := v.(string)
			if !ok {
				return fieldErr("@type", "holds %s, want type names", kind(v))
			}
			types = append(types, s)
		}
	default:
		return fieldErr("@type", "is %s, want a type name", kind(t))
	}
	for i := range types {
		types[i] = schemaName(types[i])
	}
	switch {
	case slices.Contains(types, "Quotation"):
		n.typ, n.kind = "Quotation", quotation
	case slices.Contains(types, "ClaimReview"):
		n.typ, n.kind = "ClaimReview", claimReview
	case len(types) == 0:
		return &Error{Msg: "has no @type"}
	default:
		i := slices.IndexFunc(types, func(t string) bool { return entityTypes[t] })
		if i < 0 {
			return &Error{Msg: format("unknown @type %q", types[0])}
		}
		n.typ, n.kind = types[i], entity
	}
	switch id := n.field["@id"].(type) {
	case nil:
	case string:
		n.id = clean(id)
	default:
		return fieldErr("@id", "is %s, want a string", kind(id))
	}
	return nil
}

// schemaName returns a schema.org type name without its prefix:
// "schema:Quotation" and "https://schema.org/Quotation" are "Quotation".
func schemaName(t string) string {
	for _, prefix := range []string{"schema:", "http://schema.org/", "https://schema.org/"} {
		if s, ok := strings.CutPrefix(t, prefix); ok {
			return s
		}
	}
	return t
}

// resolve returns the graph node that v refers to when v is a bare
// reference ({"@id": "#p1"}, possibly with an @type); otherwise v itself.
func (p *parser) resolve(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	id, ok := m["@id"].(string)
	if !ok {
		return v
	}
	for k := range m {
		if k != "@id" && k != "@type" {
			return v
		}
	}
	if n, ok := p.byID[clean(id)]; ok {
		return n.field
	}
	return v
}

// addStatement reads a Quotation node into the bundle.
func (p *parser) addStatement(n *node) *Statement {
	s, err := n.statement()
	if err != nil {
		n.skip(err)
		return nil
	}
	n.loaded()
	p.b.Statements = append(p.b.Statements, s)
	if n.id != "" {
		p.statements[n.id] = s
	}
	return s
}

// addClaim reads a ClaimReview node into the bundle.
func (p *parser) addClaim(n *node) {
	c, err := n.claim()
	if err != nil {
		n.skip(err)
		return
	}
	n.loaded()
	p.b.Claims = append(p.b.Claims, c)
}

// result returns the bundle, or an error when nothing in it was usable.
func (p *parser) result() (*Bundle, error) {
	slices.SortStableFunc(p.warnings, func(a, b warning) int { return a.at - b.at })
	for _, w := range p.warnings[:min(len(p.warnings), maxWarnings)] {
		p.b.Warnings = append(p.b.Warnings, w.msg)
	}
	if more := len(p.warnings) - maxWarnings; more > 0 {
		p.b.Warnings = append(p.b.Warnings, format("%d more warnings not shown", more))
	}
	if len(p.b.Statements) == 0 && len(p.b.Claims) == 0 {
		msg := "no usable Quotation or ClaimReview node"
		if len(p.b.Warnings) > 0 {
			msg += format(" (%d problems; the first: %s)", len(p.b.Warnings), p.b.Warnings[0])
		}
		return nil, &Error{Msg: msg}
	}
	return &p.b, nil
}
