//go:build !js

// Command fit fits the engine's claim model on the CLEF-2020 train split,
// chooses its threshold on the dev split (at most 2% false badges) and
// writes internal/match/model.go. Run it from the repository root after
// changing the features:
//
//	go run ./internal/eval/cmd/fit
//
// A test (internal/eval TestModelIsFitted) checks that the committed model
// is what this program gives.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"factcheck/internal/eval"
)

func main() {
	data := flag.String("data", "", "the CLEF-2020 Task 2 data (default: shared/data/clef2020-t2 in a folder above)")
	out := flag.String("o", "internal/match/model.go", "the Go file to write")
	flag.Parse()
	if *data == "" {
		if *data = eval.SharedData("clef2020-t2"); *data == "" {
			log.Fatal("no shared/data/clef2020-t2 in a folder above; see -data")
		}
	}
	d, err := eval.LoadCLEF(*data)
	if err != nil {
		log.Fatal(err)
	}
	md := eval.FitModel(d)
	if err := os.WriteFile(*out, eval.ModelSource(md), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s: bias %.3f, weights %.3f, threshold %.4f\n", *out, md.Bias, md.Weights, md.Threshold)
}
