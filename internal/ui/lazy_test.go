//go:build js

package ui

import (
	"syscall/js"
	"testing"
)

// TestWhenVisible renders badges as WhenVisible reports them in view: a
// badge near the viewport is rendered, one far below is not until the page
// scrolls to it, and leaves the view when the page scrolls back; none is
// reported after stop.
func TestWhenVisible(t *testing.T) {
	near := newHost(t)
	spacer := doc.Call("createElement", "div")
	spacer.Get("style").Set("height", "6000px")
	doc.Get("body").Call("appendChild", spacer)
	defer spacer.Call("remove")
	far, farther := newHost(t), newHost(t)
	spacer2 := spacer.Call("cloneNode")
	doc.Get("body").Call("appendChild", spacer2)
	defer spacer2.Call("remove")
	doc.Get("body").Call("insertBefore", spacer2, farther.Get("parentNode"))

	badges := []*Badge{NewBadge(near, verified), NewBadge(far, disputed), NewBadge(farther, misquoted)}
	hosts := []js.Value{near, far, farther}
	inView := make([]bool, len(hosts))
	stop := WhenVisible(hosts, func(i int, visible bool) {
		inView[i] = visible
		if visible {
			badges[i].Mount()
		}
	})
	waitFor(t, "the badge in view rendered", badges[0].Mounted)
	if badges[1].Mounted() || badges[2].Mounted() || !far.Get("shadowRoot").IsNull() {
		t.Fatal("a badge far out of view was rendered")
	}
	far.Call("scrollIntoView")
	waitFor(t, "the badge scrolled to rendered", badges[1].Mounted)
	if b := button(far); b.IsNull() || b.Get("textContent").String() == "" {
		t.Fatal("the badge scrolled to has no button")
	}
	if !inView[1] || inView[0] {
		t.Fatalf("in view: %v; want only the badge scrolled to", inView)
	}
	near.Call("scrollIntoView")
	waitFor(t, "the badge scrolled away from left the view", func() bool { return !inView[1] && inView[0] })

	stop()
	farther.Call("scrollIntoView")
	for range 10 { // frames in which the observer would have reported it
		waitFor(t, "a frame", func() bool { return true })
	}
	if badges[2].Mounted() {
		t.Fatal("a badge was rendered after stop")
	}
	badges[2].Open() // as the panel does
	waitFor(t, "the unrendered badge opened", func() bool { return isOpen(farther) })
	doc.Get("documentElement").Call("scrollTo", 0, 0)
}

// TestWhenVisibleWithoutObserver: where the page has no
// IntersectionObserver, every host is reported in view at once.
func TestWhenVisibleWithoutObserver(t *testing.T) {
	saved := js.Global().Get("IntersectionObserver")
	js.Global().Set("IntersectionObserver", js.Undefined())
	defer js.Global().Set("IntersectionObserver", saved)
	hosts := []js.Value{newHost(t), newHost(t)}
	var seen []int
	stop := WhenVisible(hosts, func(i int, visible bool) {
		if visible {
			seen = append(seen, i)
		}
	})
	defer stop()
	if len(seen) != 2 || seen[0] != 0 || seen[1] != 1 {
		t.Fatalf("reported in view: %v, want [0 1]", seen)
	}
}
