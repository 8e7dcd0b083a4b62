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
	observerCtor := js.Global().Get("IntersectionObserver")
	if observerCtor.Type() != js.TypeFunction {
		// A browser (or a page) without the observer: every host is
		// taken to be in view.
		for i := range hosts {
			seen(i, true)
		}
		return func() {}
	}
	// The hosts cross into JavaScript once, as an array: the observer
	// observes each through forEach, and a host that comes into view is
	// found in it by indexOf. Those out of view at the start, most of a
	// long page's, are never looked up.
	list := make([]any, len(hosts))
	for i, h := range hosts {
		list[i] = h
	}
	array := js.ValueOf(list)
	inView := map[int]bool{}
	callback := js.FuncOf(func(_ js.Value, args []js.Value) any {
		entries := args[0]
		for i, n := 0, entries.Length(); i < n; i++ {
			e := entries.Index(i)
			target := e.Get("target")
			if e.Get("isIntersecting").Bool() {
				if j := array.Call("indexOf", target).Int(); j >= 0 && !inView[j] {
					inView[j] = true
					seen(j, true)
				}
				continue
			}
			for j := range inView {
				if hosts[j].Equal(target) {
					delete(inView, j)
					seen(j, false)
					break
				}
			}
		}
		return nil
	})
	opts := js.Global().Get("Object").New()
	opts.Set("rootMargin", "100% 0px")
	observer := observerCtor.New(callback, opts)
	// forEach passes observe an index and the array too, which it ignores.
	array.Call("forEach", observer.Get("observe").Call("bind", observer))
	return func() {
		observer.Call("disconnect")
		callback.Release()
	}
}
