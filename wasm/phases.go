//go:build js

package main

import (
	"syscall/js"
	"time"
)

// phases times the stages of a scan, for factcheck:done's detail: where
// the time goes on a given page, for integrators and the benchmark.
type phases struct {
	start, last time.Time
	names       []string
	ms          []float64
}

// startPhases starts the clock of a scan.
func startPhases() *phases {
	now := time.Now()
	return &phases{start: now, last: now}
}

// lap ends the stage called name.
func (p *phases) lap(name string) {
	now := time.Now()
	p.names = append(p.names, name)
	p.ms = append(p.ms, millis(now.Sub(p.last)))
	p.last = now
}

func (p *phases) total() float64 { return millis(p.last.Sub(p.start)) }

// js returns the stages as an object {name: ms}.
func (p *phases) js() js.Value {
	o := js.Global().Get("Object").New()
	for i, name := range p.names {
		o.Set(name, p.ms[i])
	}
	return o
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
