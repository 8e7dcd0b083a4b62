package bundle

import (
	_ "embed"
	"sync"
)

// defaultJSON is the default bundle: the official statements and disputed
// claims behind the demo article. web/statements.jsonld is a byte-identical
// copy (go:embed cannot reach ../../web; a test keeps the two equal).
//
//go:embed default.jsonld
var defaultJSON string

var (
	defaultOnce   sync.Once
	defaultBundle *Bundle
)

// Default returns the bundle embedded in the binary, parsed once. Callers
// share it and must not modify it.
//
// A sync.Once rather than a package-level sync.OnceValue: a variable's
// initialiser is linked into every binary that imports the package, and
// the widget, which embeds the bundle compiled, would carry the JSON-LD
// too.
func Default() *Bundle {
	defaultOnce.Do(func() {
		b, err := Parse([]byte(defaultJSON))
		if err != nil {
			panic("bundle: the embedded default bundle does not parse: " + err.Error())
		}
		defaultBundle = b
	})
	return defaultBundle
}

// DefaultJSON returns the embedded default bundle's bytes (a fresh copy).
func DefaultJSON() []byte {
	return []byte(defaultJSON)
}
