//go:build js

package ui

import "syscall/js"

// MountWhenVisible renders each badge when its host comes within a
// viewport's height of the visible part of the page, for pages with
// hundreds of findings: rendering them all at once would hold the page for
// as long, and rendering them in the background makes the browser lay out
// a long page again for every batch. A badge the panel jumps to is
// rendered then (Open). The returned function stops watching.
func MountWhenVisible(badges []*Badge) (stop func()) {
	if len(badges) == 0 {
		return func() {}
	}
	byHost := js.Global().Get("Map").New()
	var observer js.Value
	callback := js.FuncOf(func(_ js.Value, args []js.Value) any {
		entries := args[0]
		for i, n := 0, entries.Length(); i < n; i++ {
			e := entries.Index(i)
			if !e.Get("isIntersecting").Bool() {
				continue
			}
			host := e.Get("target")
			observer.Call("unobserve", host)
			if k := byHost.Call("get", host); k.Type() == js.TypeNumber {
				badges[k.Int()].Mount()
			}
		}
		return nil
	})
	opts := js.Global().Get("Object").New()
	opts.Set("rootMargin", "100% 0px")
	observer = js.Global().Get("IntersectionObserver").New(callback, opts)
	for i, b := range badges {
		byHost.Call("set", b.host, i)
		observer.Call("observe", b.host)
	}
	return func() {
		observer.Call("disconnect")
		callback.Release()
	}
}
