//go:build js

// Command wasm is the fact-check widget: it wires the loader's
// configuration, the statement bundle, the page reader, the engine and the
// badges together, and offers window.FactCheck to the page.
package main

import (
	"syscall/js"
)

func main() {
	fc := js.Global().Get("FactCheck")
	if fc.Type() != js.TypeObject || fc.Get("_host").Type() != js.TypeObject {
		js.Global().Get("console").Call("error", "factcheck: factcheck.wasm must be started by factcheck.js")
		return
	}
	host := fc.Get("_host")
	w := newWidget(host, readConfig(host.Get("config")))
	w.watch = newWatcher(w.autoScan)
	w.y.turn = w.watch.turn
	host.Call("attach", w.api())
	dispatch("factcheck:ready", js.Null())
	w.scanAsync(js.Undefined())
	select {} // keep the callbacks alive
}
