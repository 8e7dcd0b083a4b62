//go:build js

package ui

import (
	"strconv"
	"strings"
	"syscall/js"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

// Fixtures: S1 and C1 of /work/shared/seed/official-statements.md. The
// source and review URLs are placeholders, and the rating is made up for
// the test.
var (
	horne = &bundle.Statement{
		ID: "S1",
		Text: "Anonymous sources are 'leaking' falsehoods. President Biden said that there is a distinct " +
			"possibility that the Russians could invade Ukraine in February. He has said this publicly and we " +
			"have been warning about this for months. Reports of anything more or different than that are " +
			"completely false.",
		Speaker: bundle.Person{Name: "Emily Horne", JobTitle: "Spokeswoman, National Security Council", Affiliation: "The White House"},
		Date:    "2022-01-27",
		Source:  bundle.Source{Name: "Statement to CNN", URL: "https://example.org/horne"},
	}
	possibility = "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February."

	verified = Item{
		Finding: &match.Finding{Verdict: match.Verified, Score: 1, Statement: horne, Official: possibility},
		Passage: possibility,
	}
	misquoted = Item{
		Finding: &match.Finding{
			Verdict: match.Misquoted, Score: 0.8, Statement: horne, Official: possibility,
			Diff: diffOf("-President =Biden =said -that =there =is =a =distinct =possibility =that " +
				"-the -Russians +Russia =could =invade -Ukraine =in =February."),
		},
		Passage: "Biden said there is a distinct possibility that Russia could invade in February.",
	}
	misattributed = Item{
		Finding: &match.Finding{
			Verdict: match.Misattributed, Score: 1, Statement: horne,
			Official: "Anonymous sources are 'leaking' falsehoods", AttributedTo: "Zelensky",
		},
		Passage: "Anonymous sources are 'leaking' falsehoods.",
	}
	disputed = Item{
		Finding: &match.Finding{
			Verdict: match.Disputed, Score: 0.9, Statement: horne,
			Claim: &bundle.Claim{
				ID:        "C1",
				Text:      "The call between Biden and Zelensky did not go well.",
				Claimant:  bundle.Person{Name: "A senior Ukrainian official"},
				ClaimDate: "2022-01-27",
				Rating:    "False",
				Reviewer:  bundle.Person{Name: "Example Fact Check"},
				URL:       "https://example.org/review",
			},
		},
		Passage: "The call between US President Joe Biden and his Ukrainian counterpart Volodymyr Zelensky " +
			"on Thursday “did not go well”",
	}
)

// diffOf reads a word diff written as words prefixed with "=" (equal),
// "-" (deleted) or "+" (inserted).
func diffOf(spec string) []match.DiffWord {
	ops := map[byte]match.Op{'=': match.Equal, '-': match.Delete, '+': match.Insert}
	var d []match.DiffWord
	for _, w := range strings.Fields(spec) {
		d = append(d, match.DiffWord{Op: ops[w[0]], Text: w[1:]})
	}
	return d
}

var doc = js.Global().Get("document")

// newHost appends a paragraph holding an empty badge host to the page, as
// internal/page does, and removes it when the test ends.
func newHost(t *testing.T) js.Value {
	t.Helper()
	p := doc.Call("createElement", "p")
	p.Set("textContent", "An article's paragraph. ")
	host := doc.Call("createElement", "factcheck-badge")
	host.Call("setAttribute", "data-factcheck-ui", "")
	p.Call("appendChild", host)
	doc.Get("body").Call("appendChild", p)
	t.Cleanup(func() {
		if openBadge != nil {
			openBadge.close(false)
		}
		p.Call("remove")
	})
	return host
}

func button(host js.Value) js.Value {
	return host.Get("shadowRoot").Call("querySelector", "button")
}

func dialog(host js.Value) js.Value {
	return host.Get("shadowRoot").Call("querySelector", "[role=dialog]")
}

// isOpen reports whether host's popover is in the DOM and shown.
func isOpen(host js.Value) bool {
	d := dialog(host)
	return !d.IsNull() && d.Call("matches", ":popover-open").Bool()
}

// waitFor lets the browser run animation frames, in which vecty renders,
// until cond holds; it fails the test if cond still does not hold after
// many frames.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 120 {
		if cond() {
			return
		}
		done := make(chan struct{})
		var f js.Func
		f = js.FuncOf(func(js.Value, []js.Value) any {
			f.Release()
			close(done)
			return nil
		})
		js.Global().Call("requestAnimationFrame", f)
		<-done
	}
	t.Fatalf("still not %s", what)
}

// openBy clicks host's badge button and waits for its popover.
func openBy(t *testing.T, host js.Value) js.Value {
	t.Helper()
	button(host).Call("click")
	waitFor(t, "open", func() bool { return isOpen(host) })
	return dialog(host)
}

func dispatch(target js.Value, ctor, typ string, init map[string]any) {
	init["bubbles"] = true
	init["composed"] = true
	target.Call("dispatchEvent", js.Global().Get(ctor).New(typ, init))
}

func TestBadge(t *testing.T) {
	for _, tc := range []struct {
		item  Item
		label string   // the accessible name's start
		word  string   // the word shown
		shows []string // in the open popover
	}{
		{verified, "Verified: President Biden said", "Verified", []string{
			possibility, "Emily Horne", "Spokeswoman, National Security Council, The White House",
			"27 January 2022", "Statement to CNN",
		}},
		{misquoted, "Misquoted: Biden said there is", "Misquoted", []string{
			possibility, "Emily Horne", "Spokeswoman, National Security Council, The White House", "27 January 2022",
		}},
		{misattributed, "Misattributed to Zelensky: Anonymous sources", "Misattributed", []string{
			"The article gives these words to Zelensky. On the record, Emily Horne said them.",
			"Anonymous sources are 'leaking' falsehoods", "Spokeswoman, National Security Council, The White House",
			"27 January 2022", "Statement to CNN",
		}},
		{disputed, "Disputed (False): The call between", "False", []string{
			"The call between Biden and Zelensky did not go well.", "A senior Ukrainian official", "False",
			"Example Fact Check", horne.Text, "Emily Horne", "Spokeswoman, National Security Council", "27 January 2022",
		}},
	} {
		t.Run(tc.item.Finding.Verdict.String(), func(t *testing.T) {
			host := newHost(t)
			MountBadge(host, tc.item)
			root := host.Get("shadowRoot")
			if n := root.Call("querySelectorAll", "button").Length(); n != 1 {
				t.Fatalf("%d buttons in the shadow root, want 1", n)
			}
			b := button(host)
			if got := b.Call("getAttribute", "type").String(); got != "button" {
				t.Errorf("type = %q", got)
			}
			name := b.Call("getAttribute", "aria-label").String()
			if !strings.HasPrefix(name, tc.label) {
				t.Errorf("aria-label = %q, want it to start with %q", name, tc.label)
			}
			if passage := name[strings.Index(name, ": ")+2:]; len([]rune(passage)) > passageMax {
				t.Errorf("aria-label's passage %q is longer than %d", passage, passageMax)
			}
			if text := b.Get("textContent").String(); !strings.Contains(text, tc.word) {
				t.Errorf("button text = %q, want the word %q", text, tc.word)
			}
			if got := b.Call("getAttribute", "aria-expanded").String(); got != "false" {
				t.Errorf("closed: aria-expanded = %q", got)
			}

			d := openBy(t, host)
			waitFor(t, "expanded", func() bool { return b.Call("getAttribute", "aria-expanded").String() == "true" })
			if id := b.Call("getAttribute", "aria-controls").String(); !root.Call("getElementById", id).Equal(d) {
				t.Errorf("aria-controls %q is not the dialog", id)
			}
			heading := root.Call("getElementById", d.Call("getAttribute", "aria-labelledby").String())
			if heading.IsNull() || heading.Get("textContent").String() == "" {
				t.Error("aria-labelledby does not name a heading with text")
			}
			if d.Call("checkVisibility").Bool() == false {
				t.Error("the dialog is not visible")
			}
			text := d.Get("textContent").String()
			for _, want := range tc.shows {
				if !strings.Contains(text, want) {
					t.Errorf("popover lacks %q; it reads %q", want, text)
				}
			}

			dispatch(d, "KeyboardEvent", "keydown", map[string]any{"key": "Escape"})
			waitFor(t, "closed", func() bool { return dialog(host).IsNull() })
			if !doc.Get("activeElement").Equal(host) || !root.Get("activeElement").Equal(b) {
				t.Error("Escape did not return focus to the badge's button")
			}
			if got := b.Call("getAttribute", "aria-expanded").String(); got != "false" {
				t.Errorf("after Escape: aria-expanded = %q", got)
			}
		})
	}
}

func TestMisquoteDiff(t *testing.T) {
	host := newHost(t)
	MountBadge(host, misquoted)
	d := openBy(t, host)
	texts := func(sel string) []string {
		var out []string
		nodes := d.Call("querySelectorAll", sel)
		for i := range nodes.Length() {
			out = append(out, nodes.Index(i).Get("textContent").String())
		}
		return out
	}
	// Runs of dropped words are grouped, each announced as the official's.
	wantDel := []string{"official: President", "official: that", "official: the Russians", "official: Ukraine"}
	if got := texts(".diff del"); strings.Join(got, "|") != strings.Join(wantDel, "|") {
		t.Errorf("<del> = %q, want %q", got, wantDel)
	}
	if got := texts(".diff ins"); len(got) != 1 || got[0] != "article: Russia" {
		t.Errorf("<ins> = %q, want [\"article: Russia\"]", got)
	}
	// The hidden labels are hidden from sight only.
	hiddenBox := d.Call("querySelector", ".diff del .vh").Call("getBoundingClientRect")
	if w := hiddenBox.Get("width").Float(); w > 1 {
		t.Errorf("the hidden label is %vpx wide", w)
	}
	want := "official: President Biden said official: that there is a distinct possibility that " +
		"official: the Russians article: Russia could invade official: Ukraine in February."
	if got := texts(".diff")[0]; got != want {
		t.Errorf("diff reads %q, want %q", got, want)
	}
}

func TestTextIsNotHTML(t *testing.T) {
	host := newHost(t)
	evil := *horne
	evil.Text = `<script>alert(1)</script><img src=x onerror=window.fcInjected=1>`
	evil.Speaker = bundle.Person{Name: "<b>Someone</b>"}
	MountBadge(host, Item{
		Finding: &match.Finding{Verdict: match.Verified, Statement: &evil},
		Passage: "<i>passage</i>",
	})
	d := openBy(t, host)
	root := host.Get("shadowRoot")
	if n := root.Call("querySelectorAll", "script, img, b, i").Length(); n != 0 {
		t.Errorf("%d elements made from the bundle's text", n)
	}
	text := d.Get("textContent").String()
	for _, want := range []string{evil.Text, "<b>Someone</b>"} {
		if !strings.Contains(text, want) {
			t.Errorf("popover does not show %q literally; it reads %q", want, text)
		}
	}
	if got := button(host).Call("getAttribute", "aria-label").String(); got != "Verified: <i>passage</i>" {
		t.Errorf("aria-label = %q", got)
	}
}

func TestLinks(t *testing.T) {
	for _, tc := range []struct {
		url    string
		linked bool
	}{
		{"https://example.org/horne", true},
		{"http://example.org/horne", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"//example.org/horne", false},
		{"", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			host := newHost(t)
			s := *horne
			s.Source.URL = tc.url
			MountBadge(host, Item{Finding: &match.Finding{Verdict: match.Verified, Statement: &s}, Passage: "p"})
			d := openBy(t, host)
			a := d.Call("querySelector", "a")
			if !tc.linked {
				if !a.IsNull() {
					t.Errorf("linked to %q", a.Call("getAttribute", "href").String())
				}
				if !strings.Contains(d.Get("textContent").String(), "Statement to CNN") {
					t.Error("the source's name is not shown")
				}
				return
			}
			if a.IsNull() {
				t.Fatal("no link to the source")
			}
			if got := a.Get("href").String(); got != tc.url {
				t.Errorf("href = %q", got)
			}
			if a.Call("getAttribute", "target").String() != "_blank" || a.Call("getAttribute", "rel").String() != "noopener noreferrer" {
				t.Error("the link lacks target=_blank rel=\"noopener noreferrer\"")
			}
			if !strings.HasPrefix(a.Get("textContent").String(), "Statement to CNN") {
				t.Errorf("link text = %q", a.Get("textContent").String())
			}
		})
	}
}

func TestOneOpenAtATime(t *testing.T) {
	first, second := newHost(t), newHost(t)
	MountBadge(first, verified)
	MountBadge(second, disputed)
	openBy(t, first)
	openBy(t, second)
	waitFor(t, "the first closed", func() bool { return dialog(first).IsNull() })
	if !isOpen(second) {
		t.Error("the second popover closed")
	}
}

func TestClickOutsideCloses(t *testing.T) {
	host := newHost(t)
	MountBadge(host, verified)
	d := openBy(t, host)
	dispatch(d, "PointerEvent", "pointerdown", map[string]any{})
	dispatch(d.Call("querySelector", "blockquote"), "PointerEvent", "pointerdown", map[string]any{})
	if openBadge == nil {
		t.Fatal("a press inside the popover closed it")
	}
	dispatch(doc.Get("body"), "PointerEvent", "pointerdown", map[string]any{})
	waitFor(t, "closed", func() bool { return dialog(host).IsNull() })
}

// TestPopoverPlacement opens a badge near the viewport's top and near its
// bottom, inside a container that clips its content and under a layer that
// covers the page: the popover is shown above everything, next to its
// button, under it or above it, within the viewport, and never over it.
func TestPopoverPlacement(t *testing.T) {
	setStyle := func(el js.Value, props map[string]string) {
		for k, v := range props {
			el.Get("style").Call("setProperty", k, v)
		}
	}
	for _, tc := range []struct {
		name  string
		block string // where scrollIntoView puts the button
		under bool
	}{
		{"near top", "start", true},
		{"near bottom", "end", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			host := newHost(t)
			clip := host.Get("parentElement")
			setStyle(clip, map[string]string{"overflow": "hidden", "height": "24px", "position": "relative", "z-index": "1", "margin": "100vh 0"})
			cover := doc.Call("createElement", "div")
			setStyle(cover, map[string]string{"position": "fixed", "inset": "0", "z-index": "2147483647"})
			doc.Get("body").Call("appendChild", cover)
			defer cover.Call("remove")

			MountBadge(host, verified)
			b := button(host)
			b.Call("scrollIntoView", map[string]any{"block": tc.block})
			d := openBy(t, host)
			br, dr := b.Call("getBoundingClientRect"), d.Call("getBoundingClientRect")
			edge := func(r js.Value, side string) float64 { return r.Get(side).Float() }
			if tc.under {
				if space := edge(dr, "top") - edge(br, "bottom"); space < 0 || space > 2*gap {
					t.Errorf("popover top %v is not just under its button's bottom %v", edge(dr, "top"), edge(br, "bottom"))
				}
			} else if space := edge(br, "top") - edge(dr, "bottom"); space < 0 || space > 2*gap {
				t.Errorf("popover bottom %v is not just above its button's top %v", edge(dr, "bottom"), edge(br, "top"))
			}
			view := doc.Get("documentElement")
			if edge(dr, "left") < 0 || edge(dr, "top") < 0 ||
				edge(dr, "right") > view.Get("clientWidth").Float() || edge(dr, "bottom") > view.Get("clientHeight").Float() {
				t.Errorf("popover (%v, %v)–(%v, %v) is not inside the viewport",
					edge(dr, "left"), edge(dr, "top"), edge(dr, "right"), edge(dr, "bottom"))
			}
			x, y := edge(dr, "left")+edge(dr, "width")/2, edge(dr, "top")+edge(dr, "height")/2
			if got := doc.Call("elementFromPoint", x, y); !got.Equal(host) {
				t.Errorf("the popover's centre shows <%v>, not the popover", got.Get("tagName"))
			}
		})
	}
}

func TestMountBadgeReusesShadowRoot(t *testing.T) {
	host := newHost(t)
	MountBadge(host, verified)
	openBy(t, host)
	b := MountBadge(host, misquoted)
	if openBadge != nil {
		t.Error("the cleared badge is still recorded as open")
	}
	root := host.Get("shadowRoot")
	if n := root.Get("childElementCount").Int(); n != 1 {
		t.Errorf("%d children in the reused shadow root, want 1", n)
	}
	if got := button(host).Call("getAttribute", "aria-label").String(); !strings.HasPrefix(got, "Misquoted") {
		t.Errorf("aria-label = %q after remounting", got)
	}
	b.Open()
	waitFor(t, "open", func() bool { return isOpen(host) })
}

func TestStyles(t *testing.T) {
	a, b := newHost(t), newHost(t)
	MountBadge(a, verified)
	MountBadge(b, disputed)
	openBy(t, a)
	sa, sb := a.Get("shadowRoot").Get("adoptedStyleSheets"), b.Get("shadowRoot").Get("adoptedStyleSheets")
	if sa.Length() != 1 || sb.Length() != 1 || !sa.Index(0).Equal(sb.Index(0)) {
		t.Error("the shadow roots do not share one adopted stylesheet")
	}
	for _, host := range []js.Value{a, b} {
		root := host.Get("shadowRoot")
		if n := root.Call("querySelectorAll", "style, link").Length(); n != 0 {
			t.Errorf("%d <style>/<link> elements", n)
		}
		styled := root.Call("querySelectorAll", "[style]")
		for i := range styled.Length() {
			if el := styled.Index(i); !el.Equal(dialog(host)) {
				t.Errorf("<%s> has a style attribute", el.Get("tagName"))
			}
		}
	}
	for _, el := range []js.Value{button(a), dialog(a).Call("querySelector", ".meta")} {
		size := js.Global().Call("getComputedStyle", el).Get("fontSize").String()
		if px, err := strconv.ParseFloat(strings.TrimSuffix(size, "px"), 64); err != nil || px < 12 {
			t.Errorf("font-size %s is below 12px", size)
		}
	}
}

func TestPanel(t *testing.T) {
	hosts := []js.Value{newHost(t), newHost(t), newHost(t), newHost(t)}
	items := []Item{verified, misquoted, misattributed, disputed}
	badges := make([]*Badge, len(items))
	for i, it := range items {
		badges[i] = MountBadge(hosts[i], it)
	}
	MountPanel(doc, items, badges)
	MountPanel(doc, items, badges)
	t.Cleanup(func() { doc.Call("querySelector", panelTag).Call("remove") })

	panels := doc.Call("querySelectorAll", panelTag)
	if panels.Length() != 1 {
		t.Fatalf("%d panels after mounting twice, want 1", panels.Length())
	}
	if !panels.Index(0).Call("hasAttribute", "data-factcheck-ui").Bool() {
		t.Error("the panel's host lacks data-factcheck-ui")
	}
	root := panels.Index(0).Get("shadowRoot")
	toggle := root.Call("querySelector", "button.toggle")
	if got, want := toggle.Call("querySelector", ".summary").Get("textContent").String(), "Fact-check: 1 verified · 1 misquoted · 1 misattributed · 1 disputed"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	// Collapsed, it shows the counts only, in a pill that fits in the
	// margin beside a centred article.
	if got := toggle.Call("querySelector", ".counts").Get("textContent").String(); got != "1111" {
		t.Errorf("collapsed panel counts %q, want 1111", got)
	}
	if w := toggle.Call("querySelector", ".summary").Call("getBoundingClientRect").Get("width").Float(); w > 1 {
		t.Errorf("collapsed, the summary is %gpx wide, want it visually hidden", w)
	}
	// About 32px a verdict: 130px with three.
	if w, most := root.Call("querySelector", ".panel").Call("getBoundingClientRect").Get("width").Float(), float64(34+32*len(items)); w > most {
		t.Errorf("the collapsed panel is %gpx wide, want at most %g", w, most)
	}
	list := root.Call("getElementById", toggle.Call("getAttribute", "aria-controls").String())
	if toggle.Call("getAttribute", "aria-expanded").String() != "false" || list.Call("checkVisibility").Bool() {
		t.Error("the panel is not collapsed at first")
	}

	toggle.Call("click")
	waitFor(t, "expanded", func() bool { return list.Call("checkVisibility").Bool() })
	if toggle.Call("getAttribute", "aria-expanded").String() != "true" {
		t.Error("expanded: aria-expanded is not true")
	}
	if w := toggle.Call("querySelector", ".summary").Call("getBoundingClientRect").Get("width").Float(); w < 100 {
		t.Errorf("expanded, the summary is %gpx wide, want it shown", w)
	}
	entries := list.Call("querySelectorAll", "button")
	if entries.Length() != len(items) {
		t.Fatalf("%d entries, want %d", entries.Length(), len(items))
	}
	if got := entries.Index(2).Get("textContent").String(); !strings.HasPrefix(got, "Misattributed") {
		t.Errorf("entry 2 reads %q", got)
	}
	if got := entries.Index(3).Get("textContent").String(); !strings.HasPrefix(got, "False") {
		t.Errorf("entry 3 reads %q", got)
	}

	entries.Index(1).Call("click")
	waitFor(t, "badge 1 open", func() bool { return isOpen(hosts[1]) })
	if !doc.Get("activeElement").Equal(hosts[1]) || !hosts[1].Get("shadowRoot").Get("activeElement").Equal(button(hosts[1])) {
		t.Error("jumping did not focus badge 1's button")
	}
	entries.Index(2).Call("click")
	waitFor(t, "badge 2 open", func() bool { return isOpen(hosts[2]) })
	waitFor(t, "badge 1 closed", func() bool { return dialog(hosts[1]).IsNull() })
}

func TestPanelEmpty(t *testing.T) {
	MountPanel(doc, nil, nil)
	host := doc.Call("querySelector", panelTag)
	defer host.Call("remove")
	root := host.Get("shadowRoot")
	if got := root.Call("querySelector", ".summary").Get("textContent").String(); got != "Fact-check: no quotes matched" {
		t.Errorf("empty panel reads %q", got)
	}
	if n := root.Call("querySelectorAll", "button").Length(); n != 0 {
		t.Errorf("empty panel has %d buttons", n)
	}
}
