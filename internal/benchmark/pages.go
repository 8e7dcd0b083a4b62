//go:build !js

package benchmark

import (
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/devserver"
	"factcheck/internal/match"
	"factcheck/internal/workload"
)

// Workload is a page the widget scans and the bundle it scans it with: a
// generated article and bundle, or (CLEF) real tweets and claims.
type Workload struct {
	Name       string `json:"name"`
	Words      int    `json:"words"`      // about this many words of article
	Quotes     int    `json:"quotes"`     // about this many quotations in it
	Statements int    `json:"statements"` // statements in the bundle
	Claims     int    `json:"claims"`     // claim reviews in the bundle
	// CLEF: the page is the CLEF-2020 dev tweets and the bundle every
	// CLEF claim (see clef.go); Words, Claims and Tweets are counted
	// from the data when the page is made.
	CLEF   bool `json:"clef,omitempty"`
	Tweets int  `json:"tweets,omitempty"`
}

// Workloads are the sizes: S, a long article against a mid-size
// bundle, and L, a book-length page against a large one; and CLEF, real
// tweets against a real claim list.
var Workloads = []Workload{
	{Name: "S", Words: 20_000, Quotes: 500, Statements: 1_000, Claims: 100},
	{Name: "L", Words: 200_000, Quotes: 5_000, Statements: 10_000, Claims: 1_000},
	{Name: "CLEF", CLEF: true},
}

// label names the workload in the table.
func (w Workload) label() string {
	if w.CLEF {
		return fmt.Sprintf("%s (%d tweets, %d claims)", w.Name, w.Tweets, w.Claims)
	}
	return fmt.Sprintf("%s (%dk words, %dk statements)", w.Name, w.Words/1000, w.Statements/1000)
}

// The seeds of the generated work: fixed, so that every run measures the
// same bytes.
const (
	bundleSeed  = 1
	articleSeed = 2
)

// site is the workloads' pages and bundles, the hello floor, and the
// repository (demo, loader, wasm) behind them.
type site struct {
	files     map[string]file // by URL path
	workloads []Workload      // as made: the CLEF figures counted
}

type file struct {
	body        []byte
	contentType string
}

// newSite makes the workloads' pages and bundles: it generates them, or
// for CLEF reads the data in clefDir and builds its bundle into cacheDir.
// Bundles are served compiled unless jsonBundles.
func newSite(workloads []Workload, clefDir, cacheDir string, log io.Writer, jsonBundles bool) (*site, error) {
	s := &site{files: map[string]file{
		helloPagePath: {[]byte(helloPage), "text/html; charset=utf-8"},
	}}
	for _, w := range workloads {
		var data []byte
		var body string
		if w.CLEF {
			var err error
			if data, body, err = clefPage(&w, clefDir, cacheDir, log); err != nil {
				return nil, fmt.Errorf("workload %s: %v", w.Name, err)
			}
		}
		if !w.CLEF {
			data = workload.Bundle(w.Statements, w.Claims, bundleSeed)
		}
		b, err := bundle.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("workload %s: the bundle does not parse: %v", w.Name, err)
		}
		if !w.CLEF {
			body = paragraphs(workload.Article(b, w.Words, w.Quotes, articleSeed))
		}
		path, served := bundlePath(w, jsonBundles), file{data, "application/ld+json"}
		if !jsonBundles {
			compiled, err := match.Encode(b, match.New(b))
			if err != nil {
				return nil, fmt.Errorf("workload %s: %v", w.Name, err)
			}
			served = file{compiled, match.ContentType}
		}
		s.workloads = append(s.workloads, w)
		// The JSON-LD is always there too: the JavaScript peer reads it.
		s.files[bundlePath(w, true)] = file{data, "application/ld+json"}
		s.files[path] = served
		s.files[pagePath(w, true)] = file{[]byte(articlePage(w, body, path)), "text/html; charset=utf-8"}
		s.files[pagePath(w, false)] = file{[]byte(articlePage(w, body, "")), "text/html; charset=utf-8"}
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

// paragraphs is the HTML of paragraphs of text.
func paragraphs(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// articlePage is a news page around body (HTML); with a bundle, the
// loader comes last, configured with it.
func articlePage(w Workload, body string, bundle string) string {
	var b strings.Builder
	title := html.EscapeString("Workload " + w.label())
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"+
		"<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<article>\n<h1>%s</h1>\n", title, title)
	b.WriteString(body)
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
