//go:build js

package ui

import "syscall/js"

// WhenVisible tells seen, for pages with hundreds of findings, when
// hosts[i] comes within a viewport's height of the visible part of the page
// (seen(i, true)) and when it leaves that band (seen(i, false)): the caller
// renders a badge when it comes into view, as rendering them all at once
// would hold the page for as long, and rendering them in the background
// makes the browser lay out a long page again for every batch. Each host
// starts out of view: seen hears only of changes. The returned function
// stops watching.
func WhenVisible(hosts []js.Value, seen func(i int, visible bool)) (stop func()) {
	if len(hosts) == 0 {
		return func() {}
	}
	byHost := js.Global().Get("Map").New()
	visible := make([]bool, len(hosts))
	callback := js.FuncOf(func(_ js.Value, args []js.Value) any {
		entries := args[0]
		for i, n := 0, entries.Length(); i < n; i++ {
			e := entries.Index(i)
			k := byHost.Call("get", e.Get("target"))
			if k.Type() != js.TypeNumber {
				continue
			}
			j, now := k.Int(), e.Get("isIntersecting").Bool()
			if now != visible[j] {
				visible[j] = now
				seen(j, now)
			}
		}
		return nil
	})
	opts := js.Global().Get("Object").New()
	opts.Set("rootMargin", "100% 0px")
	observer := js.Global().Get("IntersectionObserver").New(callback, opts)
	for i, h := range hosts {
		byHost.Call("set", h, i)
		observer.Call("observe", h)
	}
	return func() {
		observer.Call("disconnect")
		callback.Release()
	}
}
