//go:build js

package main

import (
	_ "embed"
	"errors"
	"strings"
	"syscall/js"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// defaultCompiled is the built-in bundle (internal/bundle/default.jsonld),
// compiled: the widget loads it without parsing or indexing. It is
// generated, not committed: ./build.sh writes it before every build of
// the widget (and before go vet), with factcheck compile, so that it is
// always the current matcher's.
//
//go:embed default.fcb
var defaultCompiled []byte

// maxCompiledBytes caps a compiled bundle: it holds the index beside the
// statements, and takes more room than its JSON-LD, whose own cap is
// bundle.MaxBytes.
const maxCompiledBytes = 32 << 20

// loadMatcher loads the bundle once and keeps its matcher: the built-in
// one, or the one data-statements names, compiled (by its content type,
// its .fcb extension or its first bytes) or JSON-LD, parsed and indexed
// in steps.
func (w *widget) loadMatcher(pause func()) (*match.Matcher, error) {
	if w.matcher != nil {
		return w.matcher, nil
	}
	if w.cfg.statements == "" {
		m, _, err := match.DecodePausing(defaultCompiled, pause)
		if err != nil {
			return nil, errors.New("the built-in statement bundle is not usable: " + err.Error())
		}
		w.matcher = m
		return m, nil
	}
	url := w.cfg.statements
	fetched := w.cfg.bundle
	w.cfg.bundle = js.Undefined() // a later attempt fetches again
	if fetched.IsUndefined() {
		fetched = fetch(url)
	}
	data, contentType, err := readBytes(url, fetched, maxCompiledBytes)
	if err != nil {
		return nil, err
	}
	if isCompiled(url, contentType) || match.IsCompiled(data) {
		m, _, err := match.DecodePausing(data, pause)
		if err != nil {
			return nil, errors.New("the statement bundle " + url + " is not usable: " + err.Error())
		}
		w.matcher = m
		return m, nil
	}
	b, err := bundle.ParsePausing(data, pause)
	if err != nil {
		return nil, errors.New("the statement bundle " + url + " is not usable: " + err.Error())
	}
	for _, warning := range b.Warnings {
		console("warn", "factcheck: statement bundle: "+warning)
	}
	if n := len(b.Warnings); n > 0 {
		w.bundleNotice = "The statement bundle " + url + " has " + plural(n, "problem") +
			" (see the console); the rest of it is used. The first: " + b.Warnings[0]
	}
	bl := match.NewBuilder(b)
	for !bl.Step(64) {
		pause()
	}
	w.matcher = bl.Matcher()
	return w.matcher, nil
}

// isCompiled reports whether a bundle is declared compiled: served as
// match.ContentType, or named *.fcb.
func isCompiled(url, contentType string) bool {
	mediaType, _, _ := strings.Cut(contentType, ";")
	if strings.EqualFold(strings.TrimSpace(mediaType), match.ContentType) {
		return true
	}
	path, _, _ := strings.Cut(url, "#")
	path, _, _ = strings.Cut(path, "?")
	return strings.HasSuffix(strings.ToLower(path), ".fcb")
}
