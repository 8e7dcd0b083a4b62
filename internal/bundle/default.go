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

// Default returns the bundle embedded in the binary, parsed once. Callers
// share it and must not modify it.
func Default() *Bundle {
	return parseDefault()
}

var parseDefault = sync.OnceValue(func() *Bundle {
	b, err := Parse([]byte(defaultJSON))
	if err != nil {
		panic("bundle: the embedded default bundle does not parse: " + err.Error())
	}
	return b
})

// DefaultJSON returns the embedded default bundle's bytes (a fresh copy).
func DefaultJSON() []byte {
	return []byte(defaultJSON)
}
