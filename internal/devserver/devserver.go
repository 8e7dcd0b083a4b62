// Package devserver is the development web server behind `./build.sh serve`
// and the end-to-end tests. It serves the repository's static files the way
// a production host should: correct MIME types (the browser compiles
// factcheck.wasm while it streams only when it is application/wasm),
// precompressed .br and .gz variants, and CORS on /web/ so that the
// bookmarklet can load the widget into pages of any origin.
//
// It serves files only: no directory listings, no dotfiles (.git, .cache),
// nothing outside the root.
package devserver

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// contentTypes are the types that must not depend on the host's MIME
// database.
var contentTypes = map[string]string{
	".css":    "text/css; charset=utf-8",
	".html":   "text/html; charset=utf-8",
	".js":     "text/javascript; charset=utf-8",
	".json":   "application/json",
	".jsonld": "application/ld+json",
	".md":     "text/markdown; charset=utf-8",
	".png":    "image/png",
	".svg":    "image/svg+xml",
	".txt":    "text/plain; charset=utf-8",
	".wasm":   "application/wasm",
}

// encodings are the precompressed variants, best first: the file name
// suffix and the Content-Encoding it stands for.
var encodings = []struct{ suffix, name string }{
	{".br", "br"},
	{".gz", "gzip"},
}

type handler struct {
	root *os.Root
}

// Handler returns a handler serving the files under dir, which it keeps
// open. "/" serves index.html. Paths with a segment that starts with "."
// (dotfiles, ..) are not found, and so are directories and anything a
// symbolic link leads to outside dir.
func Handler(dir string) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &handler{root: root}, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(r.URL.Path, "/web/") {
		hdr.Set("Access-Control-Allow-Origin", "*")
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, info, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if ct := contentType(name); ct != "" {
		hdr.Set("Content-Type", ct)
	}
	hdr.Add("Vary", "Accept-Encoding")
	accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	for _, enc := range encodings {
		if !accepted[enc.name] {
			continue
		}
		cf, cinfo, err := h.open(name + enc.suffix)
		if err != nil {
			continue
		}
		defer cf.Close()
		// A variant older than its original is left over from an
		// earlier build: serving it would hide an edit. Compared to the
		// second: brotli gives its output the input's time cut to the
		// second, so a fresh .br is up to a second "older" than its
		// original.
		if cinfo.ModTime().Before(info.ModTime().Truncate(time.Second)) {
			continue
		}
		hdr.Set("Content-Encoding", enc.name)
		f, info = cf, cinfo
		break
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// fileName maps a URL path to a file name under the root; ok is false
// for paths that must not be served.
func fileName(urlPath string) (name string, ok bool) {
	if urlPath == "/" {
		return "index.html", true
	}
	if !strings.HasPrefix(urlPath, "/") || strings.HasSuffix(urlPath, "/") {
		return "", false
	}
	name = urlPath[1:]
	for seg := range strings.SplitSeq(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") || strings.Contains(seg, "\\") {
			return "", false
		}
	}
	return name, true
}

// open opens a regular file under the root.
func (h *handler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// contentType is the Content-Type of the file name, or "" to let
// http.ServeContent sniff it.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	return mime.TypeByExtension(ext)
}

// acceptedEncodings parses an Accept-Encoding header into the set of
// content codings it accepts (q > 0). "*" is not expanded: a client that
// sends only "*" gets the identity encoding, which it accepts too.
func acceptedEncodings(header string) map[string]bool {
	set := map[string]bool{}
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		set[coding] = qualityAboveZero(params)
	}
	return set
}

// qualityAboveZero reports whether the parameters of one Accept-Encoding
// element leave its quality above zero.
func qualityAboveZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if strings.TrimSpace(strings.ToLower(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return true
}
