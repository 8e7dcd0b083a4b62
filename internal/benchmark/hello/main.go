//go:build js

// Command hello is the floor of the widget's cold start: the smallest Go
// program that starts in the browser and tells the page so, with a
// hello:done event on document. The benchmark builds it as build.sh builds
// the widget and loads it with instantiateStreaming.
package main

import "syscall/js"

func main() {
	js.Global().Get("document").Call("dispatchEvent", js.Global().Get("Event").New("hello:done"))
}
