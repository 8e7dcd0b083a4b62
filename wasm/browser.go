//go:build js

package main

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"
	"time"
)

// await blocks the calling goroutine until promise settles. The page's
// event loop runs meanwhile.
func await(promise js.Value) (js.Value, error) {
	done := make(chan struct{})
	var value js.Value
	var err error
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		value = args[0]
		close(done)
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		err = jsError(args[0])
		close(done)
		return nil
	})
	defer then.Release()
	defer catch.Release()
	promise.Call("then", then, catch)
	defer waiting()()
	<-done
	return value, err
}

// jsError turns a thrown JavaScript value into a Go error.
func jsError(v js.Value) error {
	if v.Type() == js.TypeObject && v.Get("message").Type() == js.TypeString {
		return errors.New(v.Get("message").String())
	}
	return errors.New(v.Call("toString").String())
}

// yielder gives the page's event loop a turn: a message posted to itself
// runs after pending input and rendering work, without setTimeout's
// clamping.
type yielder struct {
	port js.Value
	ch   chan struct{}
	// turn, when set, runs every turn given to the page (see watcher.turn).
	turn func(yield func())
}

func newYielder() *yielder {
	y := &yielder{ch: make(chan struct{}, 1)}
	mc := js.Global().Get("MessageChannel").New()
	mc.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
		y.ch <- struct{}{}
		return nil
	}))
	y.port = mc.Get("port2")
	return y
}

func (y *yielder) yield() {
	if y.turn != nil {
		y.turn(y.wait)
		return
	}
	y.wait()
}

func (y *yielder) wait() {
	defer waiting()()
	y.port.Call("postMessage", js.Null())
	<-y.ch
}

// waited is how long the widget has waited on the browser: for turns
// given to the page, and for promises (the network). What a stage of a
// scan takes, less what it waited, is the widget's own work (see phases).
var waited time.Duration

// waiting starts a wait; the function it returns ends it.
func waiting() func() {
	start := time.Now()
	return func() { waited += time.Since(start) }
}

// dispatch sends a CustomEvent named name with detail to document.
func dispatch(name string, detail js.Value) {
	init := js.Global().Get("Object").New()
	init.Set("detail", detail)
	ev := js.Global().Get("CustomEvent").New(name, init)
	js.Global().Get("document").Call("dispatchEvent", ev)
}

// fetch starts fetching url, without credentials (the bundle is public
// data); it returns the Promise of the Response. The loader does the
// same for the first load (host.bundle).
func fetch(url string) js.Value {
	opts := js.Global().Get("Object").New()
	opts.Set("credentials", "omit")
	return js.Global().Call("fetch", url, opts)
}

// readBytes waits for fetched, the fetch of url, and returns the body and
// its Content-Type, refusing more than limit bytes (by Content-Length,
// and again after reading).
func readBytes(url string, fetched js.Value, limit int) ([]byte, string, error) {
	fail := func(what string) error {
		return errors.New("cannot fetch the statement bundle " + url + ": " + what)
	}
	tooBig := func(size int) error {
		return errors.New("the statement bundle " + url + " is " + strconv.Itoa(size) + " bytes; the limit is " + strconv.Itoa(limit))
	}
	resp, err := await(fetched)
	if err != nil {
		// The browser does not say why, on purpose; these are the causes.
		return nil, "", fail(err.Error() + " (no answer from the server, or the request was blocked by CORS or by the page's Content-Security-Policy connect-src)")
	}
	if !resp.Get("ok").Bool() {
		return nil, "", fail("HTTP " + strconv.Itoa(resp.Get("status").Int()) + " " + resp.Get("statusText").String())
	}
	if n := resp.Get("headers").Call("get", "Content-Length"); n.Type() == js.TypeString {
		if size, err := strconv.Atoi(strings.TrimSpace(n.String())); err == nil && size > limit {
			return nil, "", tooBig(size)
		}
	}
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return nil, "", errors.New("cannot read the statement bundle " + url + ": " + err.Error())
	}
	bytes := js.Global().Get("Uint8Array").New(buf)
	if n := bytes.Length(); n > limit {
		return nil, "", tooBig(n)
	}
	data := make([]byte, bytes.Length())
	js.CopyBytesToGo(data, bytes)
	contentType := ""
	if t := resp.Get("headers").Call("get", "Content-Type"); t.Type() == js.TypeString {
		contentType = t.String()
	}
	return data, contentType, nil
}
