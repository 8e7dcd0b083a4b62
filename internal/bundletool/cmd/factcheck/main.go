// Command factcheck is the publisher's tool for statement bundles:
// validate, build and stats (run it without arguments for its usage, or
// see internal/bundletool). ./build.sh bundle runs it.
package main

import (
	"os"

	"factcheck/internal/bundletool"
)

func main() {
	os.Exit(bundletool.Main(os.Args[1:], os.Stdout, os.Stderr))
}
