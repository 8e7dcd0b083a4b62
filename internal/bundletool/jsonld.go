package bundletool

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/jsontree"
)

// found is a Quotation or ClaimReview node found in a source document.
type found struct {
	value map[string]any
	where string // its path in the document: "@graph[3]", "dataFeedElement[0].item[2]"
}

// document is one JSON-LD document, or the JSON-LD blocks of one page: the
// nodes it defines by @id, so that a bare reference ({"@id": "#org"}) in a
// Quotation or ClaimReview can be replaced by what it stands for.
type document struct {
	defs map[string]map[string]any // the first node of each @id
	// unescape decodes HTML character references (&amp;, &#8217;) in
	// every string: pages' JSON-LD often carries them.
	unescape bool
}

func newDocument(unescape bool) *document {
	return &document{defs: map[string]map[string]any{}, unescape: unescape}
}

// define records the nodes that v defines: objects with an @id and
// something more, wherever they are.
func (d *document) define(v any) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			d.define(e)
		}
	case map[string]any:
		if id, ok := v["@id"].(string); ok && !isRef(v) {
			if _, seen := d.defs[id]; !seen {
				d.defs[id] = v
			}
		}
		for _, e := range v {
			d.define(e)
		}
	}
}

// isRef reports whether m is a bare reference: an @id and maybe an @type.
func isRef(m map[string]any) bool {
	if _, ok := m["@id"].(string); !ok {
		return false
	}
	for k := range m {
		if k != "@id" && k != "@type" {
			return false
		}
	}
	return true
}

// collect calls add for every Quotation and ClaimReview node in v, where
// it stands: in a @graph, an array, a DataFeed's dataFeedElement (or its
// DataFeedItems' item), or inside another node (a WebPage's mainEntity).
// It does not look inside the nodes it finds: a Quotation embedded in a
// ClaimReview's isBasedOn is the review's.
func collect(v any, where string, add func(found)) {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			collect(e, where+"["+strconv.Itoa(i)+"]", add)
		}
	case map[string]any:
		if bundle.NodeType(v) != "" {
			add(found{value: v, where: where})
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			path := k
			if where != "" {
				path = where + "." + k
			}
			collect(v[k], path, add)
		}
	}
}

// maxInlined bounds the values that resolving references may copy into
// one node: references that refer to each other many times over must not
// blow a node up.
const maxInlined = 10000

// resolve returns a copy of the node m in which every bare reference to a
// node the document defines is replaced by a copy of that node (itself
// resolved), except references to Quotations and ClaimReviews, which are
// nodes of the bundle. A node never replaces a reference inside itself.
func (d *document) resolve(m map[string]any) map[string]any {
	r := resolver{d: d, open: map[string]bool{}}
	if id, ok := m["@id"].(string); ok {
		r.open[id] = true
	}
	return r.value(m).(map[string]any)
}

type resolver struct {
	d      *document
	open   map[string]bool // the nodes being copied, outermost first
	copied int
}

func (r *resolver) value(v any) any {
	r.copied++
	switch v := v.(type) {
	case string:
		if r.d.unescape && strings.IndexByte(v, '&') >= 0 {
			return html.UnescapeString(v)
		}
		return v
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = r.value(e)
		}
		return out
	case map[string]any:
		if isRef(v) && r.copied < maxInlined {
			id := v["@id"].(string)
			if def, ok := r.d.defs[id]; ok && !r.open[id] && bundle.NodeType(def) == "" {
				r.open[id] = true
				out := r.value(def)
				delete(r.open, id)
				return out
			}
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = r.value(e)
		}
		return out
	}
	return v // jsontree.Number, bool, nil
}

// appendJSON appends v, a tree as jsontree.Parse gives it, as JSON: object
// members sorted by name (@context, @id and @type first), so that a
// rebuilt bundle changes only where its sources did.
func appendJSON(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case jsontree.Number:
		return append(b, v...)
	case string:
		return jsontree.AppendString(b, v)
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, e)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(jsontree.AppendString(b, k), ':')
			b = appendJSON(b, v[k])
		}
		return append(b, '}')
	}
	panic("appendJSON: a value jsontree.Parse does not give") // a bug in this package
}
