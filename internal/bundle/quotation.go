package bundle

// speakerFields are the Quotation fields that may name who spoke, in the
// order they are tried (schema.org: creator; author is the same for a
// CreativeWork; spokenByCharacter is the Quotation's own).
var speakerFields = []string{"creator", "author", "spokenByCharacter"}

// statement reads a Quotation node.
func (n *node) statement() (*Statement, *Error) {
	s := &Statement{ID: n.id}
	if s.ID == "" {
		s.ID = n.path
	}
	if _, ok := n.field["text"]; !ok {
		return nil, fieldErr("text", "is missing")
	}
	var err *Error
	if s.Text, err = words("text", n.field["text"]); err != nil {
		return nil, err
	}
	if s.Text == "" {
		return nil, fieldErr("text", "is empty")
	}
	if s.Speaker, err = n.speaker(); err != nil {
		return nil, err
	}
	if s.Date, err = n.date("datePublished", n.field["datePublished"]); err != nil {
		return nil, err
	}
	if s.Source, err = n.source(); err != nil {
		return nil, err
	}
	return s, nil
}

// speaker reads who said the words; a Quotation without one is unusable.
func (n *node) speaker() (Person, *Error) {
	field, v := firstSet(n.field, "", speakerFields...)
	if v == nil {
		return Person{}, fieldErr(field, "is missing (a Quotation needs who said it: creator, author or spokenByCharacter)")
	}
	p, err := n.person(field, v)
	if err == nil && p.Name == "" {
		err = fieldErr(field, "has no name")
	}
	return p, err
}

// source reads where the words were published: isBasedOn (or recordedIn),
// a URL or a CreativeWork with a name and url; the node's own url is the
// fallback link.
func (n *node) source() (Source, *Error) {
	var src Source
	var err *Error
	field, v := firstSet(n.field, "", "isBasedOn", "recordedIn")
	switch w := n.p.resolve(single(v)).(type) {
	case nil:
	case string:
		src.URL, err = n.url(field, w)
	case map[string]any:
		if src.Name, err = str(field+".name", w["name"]); err != nil {
			return src, err
		}
		src.URL, err = n.url(field+".url", w["url"])
	default:
		return src, fieldErr(field, "is %s, want a URL or a CreativeWork", kind(w))
	}
	if err != nil || src.URL != "" {
		return src, err
	}
	src.URL, err = n.url("url", n.field["url"])
	return src, err
}
