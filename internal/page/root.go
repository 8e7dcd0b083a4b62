//go:build js

package page

import (
	"errors"
	"strconv"
	"syscall/js"
)

// fallbacks are the selectors Root tries, in order, after <article>.
var fallbacks = []string{"[itemprop=articleBody]", "main", "[role=main]"}

// Root picks the article's root element. With a selector, it is the first
// element matching it; an invalid selector, or one matching nothing, is an
// error. Without, it is the <article> with the most text, else the first
// of [itemprop=articleBody], <main>, [role=main], else document.body.
func Root(doc js.Value, selector string) (js.Value, error) {
	if selector != "" {
		el, err := querySelector(doc, selector)
		if err != nil {
			return js.Null(), err
		}
		if el.IsNull() {
			return js.Null(), errors.New("page: root selector " + strconv.Quote(selector) + " matches nothing")
		}
		return el, nil
	}
	if el := longest(doc.Call("querySelectorAll", "article")); el.Truthy() {
		return el, nil
	}
	for _, sel := range fallbacks {
		if el := doc.Call("querySelector", sel); el.Truthy() {
			return el, nil
		}
	}
	if body := doc.Get("body"); body.Truthy() {
		return body, nil
	}
	return js.Null(), errors.New("page: the document has no body")
}

// querySelector is doc.querySelector(selector), with the SyntaxError it
// throws on an invalid selector turned into an error.
func querySelector(doc js.Value, selector string) (el js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			jsErr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			el, err = js.Null(), errors.New("page: invalid root selector "+strconv.Quote(selector)+": "+jsErr.Get("message").String())
		}
	}()
	return doc.Call("querySelector", selector), nil
}

// longest returns the element of the NodeList with the longest
// textContent, or null when the list is empty.
func longest(els js.Value) js.Value {
	best, most := js.Null(), -1
	for i, n := 0, els.Length(); i < n; i++ {
		el := els.Index(i)
		if k := jsLen(el.Get("textContent")); k > most {
			best, most = el, k
		}
	}
	return best
}
