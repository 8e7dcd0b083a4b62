//go:build js

package main

import (
	"syscall/js"
	"time"
)

// phases times the stages of a scan, for factcheck:done's detail: where
// the time goes on a given page, for integrators and the benchmark. A
// stage's time is the clock's; its busy time leaves out what the widget
// waited on the browser meanwhile (see waited): the page's own rendering
// and scripts in the turns the widget gives it, and the network.
type phases struct {
	start, last time.Time
	lastWaited  time.Duration
	names       []string
	ms, busy    []float64
}

// startPhases starts the clock of a scan.
func startPhases() *phases {
	now := time.Now()
	return &phases{start: now, last: now, lastWaited: waited}
}

// lap ends the stage called name.
func (p *phases) lap(name string) {
	now := time.Now()
	p.names = append(p.names, name)
	p.ms = append(p.ms, millis(now.Sub(p.last)))
	p.busy = append(p.busy, millis(now.Sub(p.last)-(waited-p.lastWaited)))
	p.last, p.lastWaited = now, waited
}

func (p *phases) total() float64 { return millis(p.last.Sub(p.start)) }

// js returns ms, the stages' times or busy times, as an object
// {name: ms}.
func (p *phases) js(ms []float64) js.Value {
	o := js.Global().Get("Object").New()
	for i, name := range p.names {
		o.Set(name, ms[i])
	}
	return o
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
