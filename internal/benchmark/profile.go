//go:build !js

package benchmark

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// profileInterval is the CPU profiler's sampling interval, in µs.
const profileInterval = 100

// startProfile starts Chromium's CPU profiler in the browser's page. It
// first opens a page of origin, so that the page measured next runs in
// the same renderer process and the profile sees it from its start.
func (b *browser) startProfile(origin string) error {
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(origin+"/favicon.ico")); err != nil {
		return err
	}
	if _, err := chromedp.Call(b.Ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(b.Ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: profileInterval}); err != nil {
		return err
	}
	_, err := chromedp.Call(b.Ctx, profiler.Start, cdp.Empty{})
	return err
}

// stopProfile stops the profiler and writes its profile to dir, as
// name.cpuprofile (which Chromium's DevTools open), and the functions that
// took the most time, alone and with what they called, to log.
func (b *browser) stopProfile(dir, name string, log io.Writer) error {
	res, err := chromedp.Call(b.Ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return err
	}
	p := res.Profile
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, name+".cpuprofile")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return err
	}
	self, total := profileTimes(p)
	fmt.Fprintf(log, "profile %s (top functions, ms: self, then with callees)\n", file)
	for _, t := range [][]fnTime{self, total} {
		for _, f := range t[:min(len(t), 25)] {
			fmt.Fprintf(log, "  %8.1f  %s\n", f.ms, f.name)
		}
		fmt.Fprintln(log, "  --")
	}
	return nil
}

// fnTime is the time spent in a function.
type fnTime struct {
	name string
	ms   float64
}

// profileTimes returns the time of each function in the profile: self
// (at the top of the stack) and total (anywhere on it, once per sample),
// longest first.
func profileTimes(p *profiler.Profile) (self, total []fnTime) {
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame
		s := f.FunctionName
		if s == "" {
			s = "(anonymous)"
		}
		if f.URL != "" {
			s += " " + f.URL[strings.LastIndex(f.URL, "/")+1:]
		}
		return s
	}
	selfMS, totalMS := map[string]float64{}, map[string]float64{}
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		// A sample's time is the interval up to the next sample.
		ms := float64(p.TimeDeltas[i+1]) / 1000
		selfMS[name(byID[id])] += ms
		seen := map[string]bool{}
		for n, ok := id, true; ok; n, ok = parent[n] {
			if s := name(byID[n]); !seen[s] {
				seen[s] = true
				totalMS[s] += ms
			}
		}
	}
	sorted := func(m map[string]float64) []fnTime {
		var l []fnTime
		for k, v := range m {
			l = append(l, fnTime{k, v})
		}
		slices.SortFunc(l, func(a, b fnTime) int { return cmp.Compare(b.ms, a.ms) })
		return l
	}
	return sorted(selfMS), sorted(totalMS)
}
