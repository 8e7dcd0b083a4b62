//go:build !js

package benchmark

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

var profPage = flag.String("prof", "", "")

func TestProf(t *testing.T) {
	if *profPage == "" {
		t.Skip()
	}
	site, err := newSite(Workloads)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	web := os.Getenv("PROFWEB")
	origin, stop, err := site.serve("../..", web, tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	path, _ := chromiumPath()
	b, err := startBrowser(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(origin+*profPage)); err != nil {
		t.Fatal(err)
	}
	rec, err := chromedp.Run(ctx, chromedp.Evaluate[string](awaitDone, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("RECORD", rec)
	var prof *profiler.Profile
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		prof = res.Profile
		return err
	})); err != nil {
		t.Fatal(err)
	}
	self := map[string]int{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range prof.Nodes {
		byID[n.ID] = n
	}
	parent := map[int64]int64{}
	for _, n := range prof.Nodes {
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	for _, s := range prof.Samples {
		n := byID[s]
		self[n.CallFrame.FunctionName+" "+n.CallFrame.URL[max(0, len(n.CallFrame.URL)-20):]]++
	}
	type kv struct {
		k string
		v int
	}
	var list []kv
	total := 0
	for k, v := range self {
		list = append(list, kv{k, v})
		total += v
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	for i, e := range list {
		if i > 60 {
			break
		}
		fmt.Printf("%6.1fms %s\n", float64(e.v)/10, e.k)
	}
	fmt.Println("total samples", total)
	if os.Getenv("TIMELINE") != "" {
		ts := int64(prof.StartTime)
		bucket, counts := int64(-1), map[string]int{}
		flush := func() {
			best, bn := "", 0
			for k, v := range counts {
				if v > bn {
					best, bn = k, v
				}
			}
			if bucket >= 0 {
				fmt.Printf("t=%4dms %-60s %v\n", bucket*5, best, len(counts))
			}
			counts = map[string]int{}
		}
		for i, sid := range prof.Samples {
			ts += prof.TimeDeltas[i]
			b := (ts - int64(prof.StartTime)) / 5000
			if b != bucket {
				flush()
				bucket = b
			}
			// the innermost Go frame under the sample, else the leaf
			name := byID[sid].CallFrame.FunctionName
			for id := sid; id != 0; id = parent[id] {
				if fn := byID[id].CallFrame.FunctionName; strings.Contains(fn, "factcheck_") || strings.Contains(fn, "main.") {
					name = fn
					break
				}
			}
			counts[name]++
		}
		flush()
	}
	incl := map[string]int{}
	for _, sid := range prof.Samples {
		seen := map[string]bool{}
		for id := sid; id != 0; id = parent[id] {
			n := byID[id]
			if n == nil {
				break
			}
			name := n.CallFrame.FunctionName
			if !seen[name] {
				seen[name] = true
				incl[name]++
			}
		}
	}
	list = list[:0]
	for k, v := range incl {
		if strings.Contains(k, "factcheck") || strings.Contains(k, "vecty") || strings.Contains(k, "json") || strings.Contains(k, "addspecial") || strings.Contains(k, "SetFinalizer") {
			list = append(list, kv{k, v})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	for i, e := range list {
		if i > 50 {
			break
		}
		fmt.Printf("incl %6.1fms %s\n", float64(e.v)/10, e.k)
	}
}
