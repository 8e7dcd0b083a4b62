package bundletool

import (
	"errors"
	"fmt"
	"io"

	"factcheck/internal/bundle"
)

// load reads a file as a bundle, as the widget would read it. Problems go
// to rep; the bundle is nil when the file is not usable.
func load(name string, rep *report) (*bundle.Bundle, []byte) {
	data, p := readText(name)
	if p != nil {
		rep.add(*p)
		return nil, nil
	}
	switch kind, _ := kindOf(name, data); kind {
	case htmlSource:
		rep.errorf(name, 0, "", "is an HTML page, not a bundle: make a bundle of its ClaimReview markup with `factcheck build`")
		return nil, nil
	case tsvSource:
		rep.errorf(name, 0, "", "is a claim list, not a bundle: make a bundle of it with `factcheck build`")
		return nil, nil
	}
	b, err := bundle.Parse(data)
	var be *bundle.Error
	switch {
	case errors.As(err, &be):
		located := *be
		located.Line, located.Column = 0, 0
		msg := located.Error()
		if be.Line > 0 {
			msg = fmt.Sprintf("column %d: %s", be.Column, msg)
		}
		rep.errorf(name, be.Line, "", "%s", msg)
		return nil, nil
	case err != nil:
		rep.errorf(name, 0, "", "%v", err)
		return nil, nil
	}
	for _, w := range b.Warnings {
		rep.warnf(name, 0, "", "%s", w)
	}
	return b, data
}

// validate checks each bundle and writes a line about each to out.
func validate(names []string, out io.Writer, rep *report) {
	for _, name := range names {
		before := len(rep.problems)
		b, _ := load(name, rep)
		if b == nil {
			fmt.Fprintf(out, "%s: not usable\n", name)
			continue
		}
		fmt.Fprintf(out, "%s: %d statements, %d claims, %d warnings\n",
			name, len(b.Statements), len(b.Claims), len(rep.problems)-before)
	}
}
