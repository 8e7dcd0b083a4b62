//go:build !js

package benchmark

import (
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/devserver"
	"factcheck/internal/match"
	"factcheck/internal/workload"
)

// Workload is a generated article checked against a generated bundle.
type Workload struct {
	Name       string `json:"name"`
	Words      int    `json:"words"`      // about this many words of article
	Quotes     int    `json:"quotes"`     // about this many quotations in it
	Statements int    `json:"statements"` // statements in the bundle
	Claims     int    `json:"claims"`     // claim reviews in the bundle
}

// Workloads are the sizes: S, a long article against a mid-size
// bundle, and L, a book-length page against a large one.
var Workloads = []Workload{
	{Name: "S", Words: 20_000, Quotes: 500, Statements: 1_000, Claims: 100},
	{Name: "L", Words: 200_000, Quotes: 5_000, Statements: 10_000, Claims: 1_000},
}

// The seeds of the generated work: fixed, so that every run measures the
// same bytes.
const (
	bundleSeed  = 1
	articleSeed = 2
)

// site is the generated pages and bundles of the workloads, the hello
// floor, and the repository (demo, loader, wasm) behind them.
type site struct {
	files map[string]file // by URL path
}

type file struct {
	body        []byte
	contentType string
}

// newSite generates the workloads' pages and bundles, compiled unless
// jsonBundles.
func newSite(workloads []Workload, jsonBundles bool) (*site, error) {
	s := &site{files: map[string]file{
		helloPagePath: {[]byte(helloPage), "text/html; charset=utf-8"},
	}}
	for _, w := range workloads {
		data := workload.Bundle(w.Statements, w.Claims, bundleSeed)
		b, err := bundle.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("workload %s: the generated bundle does not parse: %v", w.Name, err)
		}
		paras := workload.Article(b, w.Words, w.Quotes, articleSeed)
		path, served := bundlePath(w, jsonBundles), file{data, "application/ld+json"}
		if !jsonBundles {
			compiled, err := match.Encode(b, match.New(b))
			if err != nil {
				return nil, fmt.Errorf("workload %s: %v", w.Name, err)
			}
			served = file{compiled, match.ContentType}
		}
		s.files[path] = served
		s.files[pagePath(w, true)] = file{[]byte(articlePage(w, paras, path)), "text/html; charset=utf-8"}
		s.files[pagePath(w, false)] = file{[]byte(articlePage(w, paras, "")), "text/html; charset=utf-8"}
	}
	return s, nil
}

func bundlePath(w Workload, jsonBundle bool) string {
	if jsonBundle {
		return "/bench/" + w.Name + ".jsonld"
	}
	return "/bench/" + w.Name + ".fcb"
}

func bundleFormat(jsonBundles bool) string {
	if jsonBundles {
		return "JSON-LD"
	}
	return "compiled"
}

// pagePath is the workload's page with the widget, or without it (for the
// TreeWalker floor).
func pagePath(w Workload, widget bool) string {
	if widget {
		return "/bench/" + w.Name + ".html"
	}
	return "/bench/" + w.Name + "-plain.html"
}

// articlePage is a news page around the paragraphs; with a bundle, the
// loader comes last, configured with it.
func articlePage(w Workload, paras []string, bundle string) string {
	var b strings.Builder
	title := fmt.Sprintf("Workload %s: %d words, %d statements", w.Name, w.Words, w.Statements)
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"+
		"<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<article>\n<h1>%s</h1>\n", title, title)
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	b.WriteString("</article>\n")
	if bundle != "" {
		fmt.Fprintf(&b, "<script src=\"/web/factcheck.js\" defer data-statements=%q data-root=\"article\"></script>\n", bundle)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// helloPage starts hello.wasm as a page would that loads Go's runtime and
// streams the module, with nothing else.
const (
	helloPagePath = "/bench/hello.html"
	helloWasmPath = "/bench/hello/hello.wasm"
	helloPage     = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>hello</title><link rel="icon" href="data:,"></head>
<body>
<p>Hello from Go.</p>
<script src="/web/wasm_exec.js"></script>
<script>
const go = new Go();
WebAssembly.instantiateStreaming(fetch('` + helloWasmPath + `'), go.importObject).then((r) => go.run(r.instance));
</script>
</body>
</html>
`
)

// serve starts an HTTP server on 127.0.0.1 with the generated files, the
// widget's files from web under /web/, the hello floor's files from
// helloDir under /bench/hello/, and the repository at root for every other
// path, all served as the devserver serves them. It returns the server's
// origin.
func (s *site) serve(root, web, helloDir string) (origin string, stop func(), err error) {
	mux := http.NewServeMux()
	for _, d := range []struct{ prefix, dir string }{{"", root}, {"/web", web}, {"/bench/hello", helloDir}} {
		h, err := devserver.Handler(d.dir)
		if err != nil {
			return "", nil, err
		}
		mux.Handle(d.prefix+"/", http.StripPrefix(d.prefix, h))
	}
	mux.HandleFunc("/bench/", func(w http.ResponseWriter, r *http.Request) {
		f, ok := s.files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", f.contentType)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(f.body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
