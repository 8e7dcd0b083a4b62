//go:build !js

// Command bench measures the built widget in headless Chromium and prints
// a table of the figures, their budgets and their floors; it also writes
// them as JSON. `./build.sh bench` builds the widget and runs it.
//
//	go run ./internal/benchmark/cmd/bench [-root .] [-web DIR] [-runs 5] [-out .cache/bench.json] [-pages demo,S,L,CLEF] [-clef DIR] [-peer DIR] [-peer-all] [-console] [-json]
//
// Without -pages it measures every page; CLEF only when its data is there.
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
	"factcheck/internal/eval"
)

func main() {
	root := flag.String("root", ".", "the repository root (web/ holds the built widget)")
	web := flag.String("web", "", "serve the widget's files from this directory instead of ROOT/web (to compare builds)")
	runs := flag.Int("runs", 5, "page loads per figure, each in a fresh browser profile")
	out := flag.String("out", ".cache/bench.json", "write the figures as JSON to this file")
	pages := flag.String("pages", "", "what to measure: demo and the workloads' names (default: all; CLEF when its data is there)")
	clef := flag.String("clef", "", "the CLEF-2020 Task 2 data, for the CLEF page (default: shared/data/clef2020-t2 in a folder above)")
	peer := flag.String("peer", "", "the JavaScript peer's node_modules (default: ROOT/.cache/peer/node_modules, where ./build.sh bench installs it)")
	noPeer := flag.Bool("no-peer", false, "leave the JavaScript peer out (quicker runs)")
	peerAll := flag.Bool("peer-all", false, "the JavaScript peer searches every statement for every quote (default: those that share one of the quote's two rarest words)")
	console := flag.Bool("console", false, "print the pages' console messages")
	profile := flag.String("profile", "", "write a CPU profile of each page's first load to this folder, and print its top functions (build the widget without -s for Go's names)")
	jsonBundles := flag.Bool("json", false, "serve the workloads' bundles as JSON-LD, not compiled")
	flag.Parse()
	if *clef == "" {
		*clef = eval.SharedData("clef2020-t2")
	}
	if *peer == "" {
		*peer = filepath.Join(*root, ".cache", "peer", "node_modules")
	}
	var list []string
	if *pages == "" {
		list = allPages(*clef)
	} else {
		list = strings.Split(*pages, ",")
	}
	if err := run(*root, *web, *clef, *peer, *peerAll, *noPeer, *runs, *out, *profile, list, *console, *jsonBundles); err != nil {
		log.Fatal(err)
	}
}

// allPages is every page, leaving out CLEF (and saying so) when its data
// is not in clef.
func allPages(clef string) []string {
	pages := []string{"demo"}
	for _, w := range benchmark.Workloads {
		if w.CLEF {
			if _, err := os.Stat(clef); err != nil {
				fmt.Fprintf(os.Stderr, "bench: leaving out the %s page: no CLEF data (%v); see -clef\n", w.Name, err)
				continue
			}
		}
		pages = append(pages, w.Name)
	}
	return pages
}

func run(root, web, clef, peer string, peerAll, noPeer bool, runs int, out, profile string, pages []string, console, jsonBundles bool) error {
	if runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", runs)
	}
	cfg := benchmark.Config{Root: root, Web: web, Runs: runs, CLEFDir: clef, PeerModules: peer, PeerAll: peerAll, NoPeer: noPeer, Log: os.Stderr, JSONBundles: jsonBundles, Profile: profile}
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
