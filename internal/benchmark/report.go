//go:build !js

package benchmark

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
)

// Report is everything one benchmark run measured.
type Report struct {
	Go       string `json:"go"`
	Chromium string `json:"chromium"`
	CPUs     int    `json:"cpus"`
	Runs     int    `json:"runs"`    // page loads per figure, each in a fresh browser
	Bundles  string `json:"bundles"` // how the workloads' bundles are served: "compiled" or "JSON-LD"
	// The JavaScript peer searched every statement for every quote, not
	// only those that share one of its rarest words.
	PeerAll bool `json:"peer_all,omitempty"`

	Demo  *Timing       `json:"demo,omitempty"`  // index.html, the embedded bundle
	Hello *Timing       `json:"hello,omitempty"` // the floor of Demo's cold start
	Scans []*ScanResult `json:"scans,omitempty"`

	Sizes     []Size `json:"sizes"`      // the widget's files
	HelloSize Size   `json:"hello_size"` // the floor of factcheck.wasm's
}

// Timing is what the probe saw of one page over the runs.
type Timing struct {
	NavDone Stat `json:"nav_done_ms"` // navigation start → done event
	Scan    Stat `json:"scan_ms"`     // factcheck:done's detail.ms
	// Long tasks that overlap the scan (the detail.ms before the done
	// event), and all those from navigation start to the done event.
	ScanLongest Stat `json:"scan_longest_task_ms"`
	ScanTBT     Stat `json:"scan_total_blocking_ms"`
	LoadLongest Stat `json:"load_longest_task_ms"`
	LoadTBT     Stat `json:"load_total_blocking_ms"`

	// The scan's stages, as the widget timed them (detail.phases), and
	// their busy time (detail.busy: without the widget's waits on the
	// browser).
	Phases map[string]*Stat `json:"phases_ms,omitempty"`
	Busy   map[string]*Stat `json:"busy_ms,omitempty"`

	Annotations int            `json:"annotations"` // of the last run
	Verdicts    map[string]int `json:"verdicts"`    // the last run's annotations by verdict
	LongTasks   [][][2]float64 `json:"long_tasks"`  // by run: start, duration (ms)
}

// ScanResult is a workload's page with the widget, and the TreeWalker
// floor on the same page without it; on the generated pages, the widget
// and its JavaScript peer injected into the page without the widget.
type ScanResult struct {
	Workload
	PageBytes   int  `json:"page_bytes"`
	BundleBytes int  `json:"bundle_bytes"`
	TreeWalker  Stat `json:"tree_walker_ms"`
	Timing
	Widget *Injected `json:"widget_injected,omitempty"`
	Peer   *Injected `json:"peer_injected,omitempty"`
	// The peer's injection → done over the widget's, run by run.
	Faster Stat `json:"widget_faster_by"`
}

// Stat is a figure over the runs.
type Stat struct {
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	Runs   []float64 `json:"runs"`
}

func (s *Stat) add(v float64) {
	s.Runs = append(s.Runs, v)
	sorted := slices.Sorted(slices.Values(s.Runs))
	n := len(sorted)
	s.Min, s.Max = sorted[0], sorted[n-1]
	s.Median = sorted[n/2]
	if n%2 == 0 {
		s.Median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
}

// longTaskLimit is the duration beyond which a task blocks input (the
// Long Tasks API's threshold).
const longTaskLimit = 50

// blocking returns the longest of the long tasks that overlap [from, to]
// and their total blocking time (the sum of what each lasts beyond 50 ms).
func blocking(tasks [][2]float64, from, to float64) (longest, total float64) {
	for _, t := range tasks {
		start, d := t[0], t[1]
		if start > to || start+d < from {
			continue
		}
		longest = max(longest, d)
		total += max(0, d-longTaskLimit)
	}
	return longest, total
}

// add records one page load.
func (t *Timing) add(l load) {
	at := l.Done.At
	t.NavDone.add(at)
	t.Scan.add(l.Done.MS)
	longest, total := blocking(l.Tasks, at-l.Done.MS, at)
	t.ScanLongest.add(longest)
	t.ScanTBT.add(total)
	longest, total = blocking(l.Tasks, 0, at)
	t.LoadLongest.add(longest)
	t.LoadTBT.add(total)
	addPhases(&t.Phases, l.Done.Phases)
	addPhases(&t.Busy, l.Done.Busy)
	t.Annotations, t.Verdicts = l.Done.Annotations, l.Done.Verdicts
	t.LongTasks = append(t.LongTasks, l.Tasks)
}

// addPhases records one run's stages (ms by name) in stats.
func addPhases(stats *map[string]*Stat, phases map[string]float64) {
	for name, ms := range phases {
		if *stats == nil {
			*stats = map[string]*Stat{}
		}
		if (*stats)[name] == nil {
			(*stats)[name] = &Stat{}
		}
		(*stats)[name].add(ms)
	}
}

// phaseNames are the widget's scan stages, in order.
var phaseNames = []string{"bundle", "read", "match", "mark", "annotate"}

// Budgets of issue 5, and the figure to watch on the CLEF page.
const (
	budgetColdStart = 250     // ms, demo navigation → done
	budgetScanS     = 60      // ms
	budgetScanL     = 1000    // ms
	budgetScanCLEF  = 2000    // ms
	budgetBrotli    = 650_000 // bytes of factcheck.wasm, brotli
	// ms of the widget's own work to load L's compiled bundle of 10,000
	// statements (its bundle stage's busy time)
	budgetLoadL = 30
)

// verdictNames are the badges' verdicts, in the table's order.
var verdictNames = []string{"verified", "misquoted", "misattributed", "disputed"}

// WriteTable prints the report as a table of medians, with the budgets and
// floors beside the figures they bound.
func (r *Report) WriteTable(out io.Writer) error {
	fmt.Fprintf(out, "%s, %s, %d CPUs; median of %d runs, each in a fresh browser profile; %s bundles\n\n",
		r.Chromium, r.Go, r.CPUs, r.Runs, r.Bundles)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "figure (ms)\t   median\t      min\t      max\tbudget\tfloor, or busy time\t")
	row := func(name string, s Stat, budget string, floor string) {
		fmt.Fprintf(w, "%s\t%9.1f\t%9.1f\t%9.1f\t%s\t%s\t\n", name, s.Median, s.Min, s.Max, budget, floor)
	}
	if d := r.Demo; d != nil {
		floor := ""
		if r.Hello != nil {
			floor = fmt.Sprintf("hello.wasm %.1f", r.Hello.NavDone.Median)
		}
		row("demo cold start, navigation → done", d.NavDone, fmt.Sprintf("≤ %d", budgetColdStart), floor)
		row("demo scan (detail.ms)", d.Scan, "", "")
		phaseRows(row, "demo", phaseNames, d.Phases, d.Busy, nil)
		row("demo longest task, navigation → done", d.LoadLongest, "", "")
		row("demo total blocking, navigation → done", d.LoadTBT, "", "")
	}
	for _, s := range r.Scans {
		budget := ""
		switch s.Name {
		case "S":
			budget = fmt.Sprintf("≤ %d", budgetScanS)
		case "L":
			budget = fmt.Sprintf("≤ %d", budgetScanL)
		case "CLEF":
			budget = fmt.Sprintf("≤ %d", budgetScanCLEF)
		}
		row("scan "+s.label()+" detail.ms", s.Scan, budget, fmt.Sprintf("TreeWalker %.1f", s.TreeWalker.Median))
		var budgets map[string]string
		if s.Name == "L" {
			budgets = map[string]string{"bundle": fmt.Sprintf("busy ≤ %d", budgetLoadL)}
		}
		phaseRows(row, "scan "+s.Name, phaseNames, s.Phases, s.Busy, budgets)
		row("scan "+s.Name+" navigation → done", s.NavDone, "", "")
		row("scan "+s.Name+" longest task during the scan", s.ScanLongest, fmt.Sprintf("≤ %d", longTaskLimit), "")
		row("scan "+s.Name+" total blocking during the scan", s.ScanTBT, "", "")
		row("scan "+s.Name+" longest task, navigation → done", s.LoadLongest, "", "")
		row("scan "+s.Name+" total blocking, navigation → done", s.LoadTBT, "", "")
		if s.Widget != nil && s.Peer != nil {
			prefix := "scan " + s.Name + " injected: "
			peer := "JS peer (rare-word index)"
			if r.PeerAll {
				peer = "JS peer (every statement)"
			}
			row(prefix+"widget, injection → done", s.Widget.Done, "", "")
			row(prefix+"widget   · scan (detail.ms)", s.Widget.Scan, "", "")
			row(prefix+peer+", injection → done", s.Peer.Done, "", "")
			phaseRows(row, prefix+"JS peer", peerPhaseNames, s.Peer.Phases, nil, nil)
			row(prefix+"widget faster by (×: peer ÷ widget; < 1: slower)", s.Faster, "", "")
			row(prefix+"widget longest task", s.Widget.Longest, "", "")
			row(prefix+"JS peer longest task", s.Peer.Longest, "", "")
			row(prefix+"widget total blocking", s.Widget.TBT, "", "")
			row(prefix+"JS peer total blocking", s.Peer.TBT, "", "")
		}
	}
	fmt.Fprintln(w, "\t\t\t\t\t\t")
	fmt.Fprintf(w, "badges (last run)\t%9s\t%9s\t%9s\t%9s\t\t\n", "verified", "misquoted", "misattrib.", "disputed")
	badges := func(name string, t *Timing) {
		fmt.Fprintf(w, "%s", name)
		for _, v := range verdictNames {
			fmt.Fprintf(w, "\t%9d", t.Verdicts[v])
		}
		fmt.Fprint(w, "\t\t\n")
	}
	if r.Demo != nil {
		badges("demo", r.Demo)
	}
	for _, s := range r.Scans {
		badges("scan "+s.label(), &s.Timing)
	}
	peerRows := false
	for _, s := range r.Scans {
		if s.Peer == nil || s.Peer.Work == nil {
			continue
		}
		if !peerRows {
			fmt.Fprintln(w, "\t\t\t\t\t\t")
			fmt.Fprintf(w, "JS peer (last run)\t%9s\t%9s\t%9s\t%9s\t\t\n", "quotes", "searches", "matched", "marks")
			peerRows = true
		}
		p := s.Peer.Work
		fmt.Fprintf(w, "scan %s\t%9d\t%9d\t%9d\t%9d\t\t\n", s.label(), p.Quotes, p.Searches, p.Matches, p.Marks)
	}
	fmt.Fprintln(w, "\t\t\t\t\t\t")
	fmt.Fprintln(w, "bytes\t      raw\t  gzip -9\t brotli 11\tbudget\tfloor\t")
	for _, s := range r.Sizes {
		budget, floor := "", ""
		if s.File == "factcheck.wasm" {
			budget = fmt.Sprintf("brotli ≤ %d", budgetBrotli)
			floor = fmt.Sprintf("hello.wasm %d / %d / %d", r.HelloSize.Raw, r.HelloSize.Gzip, r.HelloSize.Brotli)
		}
		fmt.Fprintf(w, "%s\t%9d\t%9d\t%9d\t%s\t%s\t\n", s.File, s.Raw, s.Gzip, s.Brotli, budget, floor)
	}
	return w.Flush()
}

// phaseRows prints a row for each of the stages names that phases holds,
// with its median busy time (when busy holds it) and its budget (when
// budgets does) in the last columns.
func phaseRows(row func(name string, s Stat, budget, floor string), prefix string, names []string, phases, busy map[string]*Stat, budgets map[string]string) {
	for _, name := range names {
		if st := phases[name]; st != nil {
			note := ""
			if b := busy[name]; b != nil {
				note = fmt.Sprintf("busy %.1f", b.Median)
			}
			row(prefix+"   · "+name, *st, budgets[name], note)
		}
	}
}
