// Command wasmdata joins the data segments of WebAssembly modules, in
// place, so that they compress better (see package wasmdata). build.sh
// runs it on factcheck.wasm after go build.
//
//	go run ./internal/wasmdata/cmd/wasmdata FILE.wasm...
package main

import (
	"fmt"
	"os"

	"factcheck/internal/wasmdata"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmdata FILE.wasm...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := joinFile(name); err != nil {
			fmt.Fprintln(os.Stderr, "wasmdata:", err)
			os.Exit(1)
		}
	}
}

func joinFile(name string) error {
	module, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	joined, err := wasmdata.Join(module, wasmdata.MaxGap)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return os.WriteFile(name, joined, 0o644)
}
