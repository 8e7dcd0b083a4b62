//go:build !js

package benchmark

import (
	"strings"
	"testing"
)

func TestStat(t *testing.T) {
	var s Stat
	for _, v := range []float64{30, 10, 50, 20} {
		s.add(v)
	}
	if s.Median != 25 || s.Min != 10 || s.Max != 50 {
		t.Errorf("median, min, max of 30 10 50 20 = %v, %v, %v; want 25, 10, 50", s.Median, s.Min, s.Max)
	}
	s.add(40)
	if s.Median != 30 {
		t.Errorf("median of 30 10 50 20 40 = %v, want 30", s.Median)
	}
}

func TestBlocking(t *testing.T) {
	tasks := [][2]float64{{0, 120}, {200, 60}, {300, 51}, {500, 80}}
	// The scan runs from 210 to 400: it overlaps the second and third.
	longest, total := blocking(tasks, 210, 400)
	if longest != 60 || total != 11 {
		t.Errorf("blocking = %v, %v; want 60, 11", longest, total)
	}
	if longest, total = blocking(tasks, 0, 1000); longest != 120 || total != 70+10+1+30 {
		t.Errorf("blocking over all = %v, %v; want 120, 111", longest, total)
	}
	if longest, total = blocking(nil, 0, 1000); longest != 0 || total != 0 {
		t.Errorf("blocking of no tasks = %v, %v", longest, total)
	}
}

func TestArticlePage(t *testing.T) {
	w := Workload{Name: "T", Words: 10, Statements: 1}
	paras := []string{`He said “a <b> & c”.`, "Second."}
	with, without := articlePage(w, paras, bundlePath(w, false)), articlePage(w, paras, "")
	for _, want := range []string{"<p>He said “a &lt;b&gt; &amp; c”.</p>", "<p>Second.</p>", "<article>"} {
		if !strings.Contains(with, want) || !strings.Contains(without, want) {
			t.Errorf("the pages lack %q", want)
		}
	}
	loader := `<script src="/web/factcheck.js" defer data-statements="/bench/T.fcb" data-root="article"></script>`
	if !strings.Contains(with, loader) {
		t.Errorf("the page with the widget lacks %s:\n%s", loader, with)
	}
	if strings.Contains(without, "<script") {
		t.Errorf("the page without the widget has a script:\n%s", without)
	}
}
