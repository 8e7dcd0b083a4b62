//go:build !js

// Command bench measures the built widget in headless Chromium and prints
// a table of the figures, their budgets and their floors; it also writes
// them as JSON. `./build.sh bench` builds the widget and runs it.
//
//	go run ./internal/benchmark/cmd/bench [-root .] [-web DIR] [-runs 5] [-out .cache/bench.json] [-pages demo,S,L] [-console] [-json]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"factcheck/internal/benchmark"
)

func main() {
	root := flag.String("root", ".", "the repository root (web/ holds the built widget)")
	web := flag.String("web", "", "serve the widget's files from this directory instead of ROOT/web (to compare builds)")
	runs := flag.Int("runs", 5, "page loads per figure, each in a fresh browser profile")
	out := flag.String("out", ".cache/bench.json", "write the figures as JSON to this file")
	pages := flag.String("pages", "demo,S,L", "what to measure: demo and the workloads' names")
	console := flag.Bool("console", false, "print the pages' console messages")
	jsonBundles := flag.Bool("json", false, "serve the workloads' bundles as JSON-LD, not compiled")
	flag.Parse()
	if err := run(*root, *web, *runs, *out, strings.Split(*pages, ","), *console, *jsonBundles); err != nil {
		log.Fatal(err)
	}
}

func run(root, web string, runs int, out string, pages []string, console, jsonBundles bool) error {
	if runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", runs)
	}
	cfg := benchmark.Config{Root: root, Web: web, Runs: runs, Log: os.Stderr, JSONBundles: jsonBundles}
	if console {
		cfg.Console = os.Stderr
	}
	for _, p := range pages {
		i := slices.IndexFunc(benchmark.Workloads, func(w benchmark.Workload) bool { return w.Name == p })
		switch {
		case p == "demo":
			cfg.Demo = true
		case i >= 0:
			cfg.Workloads = append(cfg.Workloads, benchmark.Workloads[i])
		default:
			return fmt.Errorf("-pages: unknown page %q; use demo and the workloads' names", p)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r, err := benchmark.Run(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Println()
	if err := r.WriteTable(os.Stdout); err != nil {
		return err
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("\nwrote %s\n", out)
	return nil
}
