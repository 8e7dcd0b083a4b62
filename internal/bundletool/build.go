package bundletool

import (
	"errors"
	"fmt"
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/jsontree"
	"factcheck/internal/textnorm"
)

// SourcesField is the member in which build records, in each node it
// writes, the sources the node was read from ("pages/claim.html:41",
// "claims.tsv:17"). The name is not schema.org's: the widget, and any
// JSON-LD reader, ignore it.
const SourcesField = "factcheck:sources"

// origin is where a node was read.
type origin struct {
	file  string
	line  int    // 0 when not known
	where string // the node's path: "script 2, @graph[1]"
}

func (o origin) String() string {
	if o.line > 0 {
		return o.file + ":" + strconv.Itoa(o.line)
	}
	return o.file
}

// item is one node of the bundle being built.
type item struct {
	value   map[string]any
	typ     string // "Quotation" or "ClaimReview"
	id      string // its @id; may be empty
	key     string // its words, normalised: duplicates have the same key
	origins []origin
}

// builder gathers the nodes of the sources, merging duplicates.
type builder struct {
	rep     *report
	items   []*item
	byID    map[string]*item
	byKey   map[string]*item
	sources int // files read
	merged  int // nodes merged into an earlier one
}

// built is what build made.
type built struct {
	json               []byte
	statements, claims int
	sources, merged    int
}

// build reads the named sources and returns the bundle made of their
// Quotation and ClaimReview nodes, or nil when there were errors (which,
// with the warnings, are in rep). out names the bundle in messages.
func build(names []string, out string, rep *report) *built {
	b := &builder{rep: rep, byID: map[string]*item{}, byKey: map[string]*item{}}
	for _, name := range names {
		b.read(name)
	}
	if errs, _ := rep.counts(); errs > 0 {
		return nil
	}
	data := b.encode()
	parsed, err := bundle.Parse(data)
	if err != nil {
		rep.errorf(out, 0, "", "the bundle built is not usable: %v", err)
		return nil
	}
	for _, w := range parsed.Warnings {
		b.attribute(w)
	}
	return &built{json: data, statements: len(parsed.Statements), claims: len(parsed.Claims), sources: b.sources, merged: b.merged}
}

// read reads one source file, any kind.
func (b *builder) read(name string) {
	data, p := readText(name)
	if p != nil {
		b.rep.add(*p)
		return
	}
	kind, err := kindOf(name, data)
	if err != nil {
		b.rep.errorf(name, 0, "", "%v", err)
		return
	}
	before := len(b.items) + b.merged
	switch kind {
	case jsonLDSource:
		b.readJSONLD(name, data)
	case htmlSource:
		b.readHTML(name, data)
	case tsvSource:
		b.readTSV(name, data)
	}
	b.sources++
	if errs, _ := b.rep.counts(); errs == 0 && len(b.items)+b.merged == before {
		b.rep.errorf(name, 0, "", "gave no usable Quotation or ClaimReview node")
	}
}

// readJSONLD reads a JSON-LD file.
func (b *builder) readJSONLD(name string, data []byte) {
	v, err := jsontree.Parse(data, nil)
	if err != nil {
		line, msg := jsonError(data, 0, err)
		b.rep.errorf(name, line, "", "%s", msg)
		return
	}
	doc := newDocument(false)
	doc.define(v)
	n := 0
	collect(v, "", func(f found) {
		n++
		where := f.where
		if where == "" {
			where = "the top-level node"
		}
		b.add(ownNode(doc, f), origin{file: name, where: where})
	})
	if n == 0 {
		b.rep.errorf(name, 0, "", "holds no Quotation or ClaimReview node (%s)", typesIn(v))
	}
}

// readHTML reads the JSON-LD blocks of an HTML page. A block that is not
// JSON is skipped with a warning: pages carry other JSON-LD than the
// fact-check's.
func (b *builder) readHTML(name string, page []byte) {
	scripts := ldScripts(page)
	if len(scripts) == 0 {
		b.rep.errorf(name, 0, "", `has no <script type="application/ld+json"> element: no ClaimReview markup`)
		return
	}
	type block struct {
		v     any
		label string
		line  int
	}
	var blocks []block
	doc := newDocument(true)
	for i, s := range scripts {
		label := "script " + strconv.Itoa(i+1)
		line, _ := bundle.Position(page, s.offset)
		start, end, ok := jsonSpan(s.text)
		if !ok {
			b.rep.warnf(name, line, label, "holds no JSON, skipped")
			continue
		}
		text := s.text[start:end]
		v, err := jsontree.Parse(text, nil)
		if err != nil {
			// Some pages write the JSON with its quotes as &quot;.
			if v2, err2 := jsontree.Parse([]byte(html.UnescapeString(string(text))), nil); err2 == nil {
				v, err = v2, nil
			}
		}
		if err != nil {
			eline, msg := jsonError(page, s.offset+start, err)
			b.rep.warnf(name, eline, label, "%s, skipped", msg)
			continue
		}
		doc.define(v)
		blocks = append(blocks, block{v, label, line})
	}
	n := 0
	var types []string
	for _, bl := range blocks {
		collect(bl.v, "", func(f found) {
			n++
			where := bl.label
			if f.where != "" {
				where += ", " + f.where
			}
			b.add(ownNode(doc, f), origin{file: name, line: bl.line, where: where})
		})
		types = append(types, typesIn(bl.v))
	}
	if n == 0 && len(blocks) > 0 {
		b.rep.errorf(name, 0, "", "its JSON-LD holds no ClaimReview or Quotation (%s)", strings.Join(types, "; "))
	} else if n == 0 {
		b.rep.errorf(name, 0, "", "none of its %d JSON-LD blocks is JSON (see the warnings)", len(scripts))
	}
}

// readTSV reads a claim list.
func (b *builder) readTSV(name string, data []byte) {
	rows, err := readTSV(data)
	if err != nil {
		b.rep.errorf(name, 0, "", "%v", err)
		return
	}
	for _, row := range rows {
		b.add(row.node(), origin{file: name, line: row.line, where: "row"})
	}
}

// jsonError locates a JSON syntax error of the text at offset base of
// data.
func jsonError(data []byte, base int, err error) (line int, msg string) {
	var syntax *jsontree.SyntaxError
	if !errors.As(err, &syntax) {
		return 0, "invalid JSON: " + err.Error()
	}
	line, col := bundle.Position(data, base+syntax.Offset)
	return line, fmt.Sprintf("column %d: invalid JSON: %s", col, syntax.Msg)
}

// typesIn names the @types of a document's top nodes, for a message about
// a document without the ones the bundle reads.
func typesIn(v any) string {
	var nodes []any
	switch v := v.(type) {
	case []any:
		nodes = v
	case map[string]any:
		nodes = []any{v}
		if g, ok := v["@graph"].([]any); ok {
			nodes = g
		}
	}
	var types []string
	for _, n := range nodes {
		if m, ok := n.(map[string]any); ok {
			switch t := m["@type"].(type) {
			case string:
				types = append(types, t)
			case []any:
				for _, e := range t {
					if s, ok := e.(string); ok {
						types = append(types, s)
					}
				}
			}
		}
	}
	if len(types) == 0 {
		return "no node with an @type"
	}
	slices.Sort(types)
	return "types: " + strings.Join(slices.Compact(types), ", ")
}

// add adds a node, or merges it into the node it duplicates: the node
// with the same @id, else a node with the same words when one of the two
// has no @id (two @ids are two nodes, whatever their words). A node the
// widget could not use is left out with a warning.
func (b *builder) add(m map[string]any, o origin) {
	it, reason := check(m)
	if it == nil {
		b.rep.warnf(o.file, o.line, "", "%s", rename(reason, o.where))
		return
	}
	it.origins = []origin{o}
	if first := b.byID[it.id]; it.id != "" && first != nil {
		if first.typ != it.typ || first.key != it.key {
			what := "with other words"
			if first.typ != it.typ {
				what = "a " + first.typ
			}
			b.rep.errorf(o.file, o.line, o.where, "@id %q is also the @id of %s (%s, %s): give one of them another @id",
				it.id, what, first.origins[0], first.origins[0].where)
			return
		}
		b.merge(first, it)
		return
	}
	if first := b.byKey[it.key]; it.key != "" && first != nil && (first.id == "" || it.id == "") {
		b.merge(first, it)
		return
	}
	b.items = append(b.items, it)
	if it.id != "" {
		b.byID[it.id] = it
	}
	if it.key != "" && b.byKey[it.key] == nil {
		b.byKey[it.key] = it
	}
}

// ownNode returns the found node, its references resolved, without the
// @context that nodes of pages repeat: the bundle's is schema.org.
func ownNode(doc *document, f found) map[string]any {
	m := doc.resolve(f.value)
	delete(m, "@context")
	return m
}

// check reads a node as the widget would (a ClaimReview without its
// isBasedOn, whose statements may be in other files) and returns it as an
// item, or the reason the widget could not use it.
func check(m map[string]any) (*item, string) {
	probe := m
	if _, ok := m["isBasedOn"]; ok && bundle.NodeType(m) == "ClaimReview" {
		probe = maps.Clone(m)
		delete(probe, "isBasedOn")
	}
	parsed := bundle.ParseNode(probe)
	it := &item{value: m}
	// The reader's ID is the @id cleaned up, or the node's place when it
	// has none.
	_, hasID := m["@id"].(string)
	switch {
	case len(parsed.Statements) > 0:
		s := parsed.Statements[0]
		it.typ, it.key = "Quotation", dupKey("Quotation", s.Text, s.Speaker.Name)
		if hasID {
			it.id = s.ID
		}
	case len(parsed.Claims) > 0:
		c := parsed.Claims[0]
		it.typ, it.key = "ClaimReview", dupKey("ClaimReview", c.Text, "")
		if hasID {
			it.id = c.ID
		}
	case len(parsed.Warnings) > 0:
		return nil, parsed.Warnings[0]
	default:
		return nil, "@graph[0]: is not a Quotation or ClaimReview, skipped" // collect found it as one: a bug
	}
	return it, ""
}

// dupKey is the key of duplicates: the same type, words and speaker
// after normalisation (quote styles, case, spacing). Text without words
// has none.
func dupKey(typ, text, speaker string) string {
	words := textnorm.Key(text)
	if words == "" {
		return ""
	}
	return typ + "\x00" + words + "\x00" + textnorm.Key(speaker)
}

// merge merges a duplicate into the first node: the first node's members
// win, the duplicate fills those it lacks, their isBasedOn lists (the
// statements that dispute a claim) and sources are joined.
func (b *builder) merge(first, dup *item) {
	b.merged++
	first.origins = append(first.origins, dup.origins...)
	for k, v := range dup.value {
		switch old, ok := first.value[k]; {
		case !ok:
			first.value[k] = v
		case k == "isBasedOn" || k == SourcesField:
			first.value[k] = union(old, v)
		}
	}
	if first.id == "" && dup.id != "" {
		first.id = dup.id
		b.byID[dup.id] = first
	}
}

// union returns the values of a and b (each one value or an array), each
// once, a's first.
func union(a, b any) []any {
	var out []any
	seen := map[string]bool{}
	for _, list := range []any{a, b} {
		vs, ok := list.([]any)
		if !ok {
			vs = []any{list}
		}
		for _, v := range vs {
			if k := string(appendJSON(nil, v)); !seen[k] {
				seen[k] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// encode writes the bundle: one node a line, in the order they were first
// read, each with its sources.
func (b *builder) encode() []byte {
	out := []byte(`{"@context":"https://schema.org","@graph":[`)
	for i, it := range b.items {
		sources := []any{}
		if old, ok := it.value[SourcesField]; ok {
			sources = union(old, sources)
		}
		for _, o := range it.origins {
			sources = union(sources, o.String())
		}
		v := maps.Clone(it.value)
		v[SourcesField] = sources
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, '\n')
		out = appendJSON(out, v)
	}
	return append(out, "\n]}\n"...)
}

// attribute reports a warning of the built bundle as a warning about the
// source of the node it names ("@graph[12] (ClaimReview #c3): ...").
func (b *builder) attribute(w string) {
	rest, ok := strings.CutPrefix(w, "@graph[")
	i, err := 0, error(nil)
	if ok {
		end := strings.IndexByte(rest, ']')
		if end > 0 {
			i, err = strconv.Atoi(rest[:end])
		}
		if end <= 0 || err != nil || i >= len(b.items) {
			ok = false
		}
	}
	if !ok {
		b.rep.warnf("the bundle built", 0, "", "%s", w)
		return
	}
	o := b.items[i].origins[0]
	b.rep.warnf(o.file, o.line, "", "%s", rename(w, o.where))
}

// rename replaces the "@graph[i]" that starts a message of the bundle
// reader with the node's place in its source.
func rename(msg, where string) string {
	if !strings.HasPrefix(msg, "@graph[") {
		return msg
	}
	end := strings.IndexByte(msg, ']')
	return where + msg[end+1:]
}
