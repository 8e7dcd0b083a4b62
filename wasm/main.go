//go:build js

// Command wasm is the fact-check widget: it wires the loader's
// configuration, the statement bundle, the page reader, the engine and the
// badges together, and offers window.FactCheck to the page.
package main

import (
	"runtime/debug"
	"syscall/js"
)

// Garbage collection settings. In WebAssembly the collector marks the heap
// in one go (one thread, no preemption): every cycle is a task of its own
// that can block the page for 50 ms and more. Letting the heap grow to four
// times what is live before collecting halves the cycles (a 20k-word page
// against 1,000 statements scans with none; a 200k-word page against
// 10,000 with 2 instead of 8, at 117 MB instead of 80), and the limit
// keeps a hostile page from taking more.
const (
	gcPercent   = 300
	memoryLimit = 256 << 20
)

func main() {
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
	fc := js.Global().Get("FactCheck")
	if fc.Type() != js.TypeObject || fc.Get("_host").Type() != js.TypeObject {
		js.Global().Get("console").Call("error", "factcheck: factcheck.wasm must be started by factcheck.js")
		return
	}
	host := fc.Get("_host")
	cfg := readConfig(host.Get("config"))
	if p := host.Get("bundle"); cfg.statements != "" && p.Type() == js.TypeObject {
		cfg.bundle = p
	}
	w := newWidget(host, cfg)
	w.watch = newWatcher(w.autoScan)
	w.y.turn = w.watch.turn
	host.Call("attach", w.api())
	dispatch("factcheck:ready", js.Null())
	go w.scanUnasked(js.Undefined())
	select {} // keep the callbacks alive
}
