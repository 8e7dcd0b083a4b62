//go:build !js

package e2e

import (
	"encoding/json"
	"testing"
)

// TestDemoLoads opens the demo as a reader would: the widget attaches,
// scans, and nothing goes wrong on the console.
func TestDemoLoads(t *testing.T) {
	dev := devServer(t)
	tb := newTab(t)
	tb.navigate(t, dev.URL+"/index.html")
	if s := tb.waitFor(t, `s.ready > 0 || s.notice !== ''`); s.Notice != "" {
		t.Fatalf("the loader showed a notice: %s", s.Notice)
	}

	if v := eval[string](t, tb, `FactCheck.version`); v != "0.1.0" {
		t.Errorf("FactCheck.version = %q, want 0.1.0", v)
	}
	// A scan goes through the wasm and back.
	if n := eval[int](t, tb, `FactCheck.scan().then((a) => Array.isArray(a) ? a.length : -1)`); n < 0 {
		t.Errorf("FactCheck.scan() did not resolve to an array")
	}
	if ok := eval[bool](t, tb, `Array.isArray(FactCheck.annotations())`); !ok {
		t.Errorf("FactCheck.annotations() is not an array")
	}
	s := tb.waitFor(t, `s.done.length > 0`)
	if s.Ready != 1 {
		t.Errorf("factcheck:ready fired %d times, want 1", s.Ready)
	}
	var detail struct {
		Annotations []json.RawMessage  `json:"annotations"`
		MS          *float64           `json:"ms"`
		Phases      map[string]float64 `json:"phases"`
		Busy        map[string]float64 `json:"busy"`
	}
	if err := json.Unmarshal(s.Done[0], &detail); err != nil || detail.Annotations == nil || detail.MS == nil {
		t.Errorf("factcheck:done detail = %s, want {annotations: [...], ms} (%v)", s.Done[0], err)
	}
	// Every stage has its time and its busy time, which leaves out the
	// waits: at least 0 and at most the stage's time.
	for _, stage := range []string{"bundle", "read", "match", "mark", "annotate"} {
		ms, ok := detail.Phases[stage]
		busy, okBusy := detail.Busy[stage]
		if !ok || !okBusy || busy < 0 || busy > ms+0.01 {
			t.Errorf("stage %s: %v ms (%v), busy %v ms (%v); want both, 0 ≤ busy ≤ ms", stage, ms, ok, busy, okBusy)
		}
	}
	tb.noErrors(t)
}
