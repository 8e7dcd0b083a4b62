//go:build !js

// Command eval prints how accurate the engine is (see package eval) and
// writes the figures to .cache/eval.json. With -floors, it exits with
// status 1 when a figure is below its floor. Run it from the repository
// root: ./build.sh eval.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"factcheck/internal/eval"
	"factcheck/internal/eval/realpages"
)

func main() {
	clef := flag.String("clef", "", "the CLEF-2020 Task 2 data (default: shared/data/clef2020-t2 in a folder above)")
	shapes := flag.String("shapes", "internal/eval/testdata/shapes", "the shape case files")
	out := flag.String("out", ".cache/eval.json", "where to write the figures")
	floors := flag.String("floors", "", "a floors file to check the figures against")
	pages := flag.String("realpages", "", "also load these saved pages (Readability's corpus) with the built widget in headless Chromium; \"auto\": shared/data/readability in a folder above")
	flag.Parse()
	if *clef == "" {
		if *clef = eval.SharedData("clef2020-t2"); *clef == "" {
			fmt.Fprintln(os.Stderr, "eval: no shared/data/clef2020-t2 in a folder above: the claims table (and its floors) is left out; see -clef")
		}
	}
	if *pages == "auto" {
		if *pages = eval.SharedData("readability"); *pages == "" {
			fmt.Fprintln(os.Stderr, "eval: no shared/data/readability in a folder above: the real-pages table is left out")
		}
	}

	r, err := eval.Run(*clef, *shapes, eval.SharedData("readability"))
	if err != nil {
		log.Fatal(err)
	}
	if *pages != "" {
		rp, err := realpages.Run(context.Background(), ".", *pages)
		if err != nil {
			log.Fatal(err)
		}
		r.RealPages = &rp
	}
	r.Print(os.Stdout)
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	if *floors == "" {
		return
	}
	f, err := eval.LoadFloors(*floors)
	if err != nil {
		log.Fatal(err)
	}
	if below := f.Below(r); len(below) > 0 {
		for _, b := range below {
			fmt.Fprintln(os.Stderr, "eval: below the floor:", b)
		}
		os.Exit(1)
	}
	fmt.Println("\neval: every figure is at or above its floor (" + *floors + ")")
}
