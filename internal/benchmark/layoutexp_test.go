//go:build !js

package benchmark

import (
	"context"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestLayoutExp(t *testing.T) {
	if os.Getenv("LAYOUTEXP") == "" {
		t.Skip()
	}
	site, err := newSite(Workloads[:1], "", "/work/main/.cache", io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	origin, stop, err := site.serve("/work/main", "/work/main/web", tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	b, err := startBrowser(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(origin+pagePath(Workloads[0], false))); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](os.Getenv("LAYOUTEXP"), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(out)
}
