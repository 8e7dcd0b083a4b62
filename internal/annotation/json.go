package annotation

import "factcheck/internal/jsontree"

// AppendJSON appends the annotation as JSON, as encoding/json would write
// it from the struct tags (a test holds the two equal), without the
// reflection that would cost the widget's binary.
func (a *Annotation) AppendJSON(dst []byte) []byte {
	e := jsontree.Encoder{Buf: dst}
	e.BeginObject()
	e.Field("@context", a.Context)
	e.Field("id", a.ID)
	e.Field("type", a.Type)
	e.Field("motivation", a.Motivation)
	e.Field("verdict", a.Verdict)
	e.Name("score")
	e.Float(a.Score)
	e.Name("body")
	a.Body.encode(&e)
	e.Name("target")
	a.Target.encode(&e)
	e.EndObject()
	return e.Buf
}

func (b *Body) encode(e *jsontree.Encoder) {
	e.BeginObject()
	e.Field("type", b.Type)
	e.Field("purpose", b.Purpose)
	e.Field("value", b.Value)
	if s := b.Statement; s != nil {
		e.Name("statement")
		e.BeginObject()
		e.Field("id", s.ID)
		e.Field("text", s.Text)
		e.Field("speaker", s.Speaker)
		e.OptField("jobTitle", s.JobTitle)
		e.OptField("affiliation", s.Affiliation)
		e.OptField("date", s.Date)
		e.OptField("source", s.Source)
		e.OptField("url", s.URL)
		e.EndObject()
	}
	e.OptField("official", b.Official)
	if c := b.Claim; c != nil {
		e.Name("claim")
		e.BeginObject()
		e.Field("id", c.ID)
		e.Field("text", c.Text)
		e.OptField("claimant", c.Claimant)
		e.OptField("date", c.Date)
		e.Field("rating", c.Rating)
		e.OptField("reviewer", c.Reviewer)
		e.OptField("url", c.URL)
		e.EndObject()
	}
	if len(b.Diff) > 0 {
		e.Name("diff")
		e.BeginArray()
		for _, d := range b.Diff {
			e.BeginObject()
			e.Field("op", d.Op)
			e.Field("text", d.Text)
			e.EndObject()
		}
		e.EndArray()
	}
	e.OptField("attributedTo", b.AttributedTo)
	e.EndObject()
}

func (t *Target) encode(e *jsontree.Encoder) {
	e.BeginObject()
	e.Field("source", t.Source)
	e.Name("selector")
	e.BeginArray()
	for _, sel := range t.Selector {
		e.BeginObject()
		switch sel := sel.(type) {
		case TextQuoteSelector:
			e.Field("type", sel.Type)
			e.Field("exact", sel.Exact)
			e.Field("prefix", sel.Prefix)
			e.Field("suffix", sel.Suffix)
		case TextPositionSelector:
			e.Field("type", sel.Type)
			e.Name("start")
			e.Int(sel.Start)
			e.Name("end")
			e.Int(sel.End)
		}
		e.EndObject()
	}
	e.EndArray()
	e.EndObject()
}
