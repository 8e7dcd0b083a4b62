package bundletool

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"factcheck/internal/bundle"
)

// MaxInput is the size of the largest file the tool reads. A source may be
// bigger than a bundle (bundle.MaxBytes): a feed of fact-checks on many
// subjects, of which the bundle keeps a part.
const MaxInput = 64 << 20

// sourceKind is how a source file is read.
type sourceKind int

const (
	jsonLDSource sourceKind = iota // JSON-LD: a graph, an array, a node or a DataFeed
	htmlSource                     // an HTML page with <script type="application/ld+json">
	tsvSource                      // a claim list: id, claim, headline
)

// kindOf decides how to read a file: by its extension, else by its first
// character.
func kindOf(name string, data []byte) (sourceKind, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonld", ".json":
		return jsonLDSource, nil
	case ".html", ".htm", ".xhtml":
		return htmlSource, nil
	case ".tsv", ".tab":
		return tsvSource, nil
	}
	switch t := bytes.TrimLeft(data, " \t\r\n"); {
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		return jsonLDSource, nil
	case len(t) > 0 && t[0] == '<':
		return htmlSource, nil
	}
	return 0, errors.New("is neither JSON nor HTML; name a claim list .tsv (the tool reads .jsonld, .json, .html, .htm and .tsv files)")
}

// readText reads a file the tool is to read as text, refusing what it
// cannot use with a message that says why: missing, a directory, too big,
// empty, binary.
func readText(name string) ([]byte, *Problem) {
	fail := func(line int, format string, args ...any) ([]byte, *Problem) {
		return nil, &Problem{File: name, Line: line, Msg: fmt.Sprintf(format, args...), Error: true}
	}
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(0, "no such file")
	case err != nil:
		return fail(0, "cannot read it: %v", unwrapPath(err))
	case info.IsDir():
		return fail(0, "is a directory; name the files in it (%s)", filepath.Join(name, "*.html"))
	case info.Mode().IsRegular() && info.Size() > MaxInput:
		return fail(0, "is %s; the limit is %s", mib(info.Size()), mib(MaxInput))
	}
	f, err := os.Open(name)
	if err != nil {
		return fail(0, "cannot read it: %v", unwrapPath(err))
	}
	defer f.Close()
	// One byte past the limit tells a file that grew (or a pipe) apart.
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxInput+1)); err != nil {
		return fail(0, "cannot read it: %v", unwrapPath(err))
	}
	data := buf.Bytes()
	if len(data) > MaxInput {
		return fail(0, "is more than %s, the limit", mib(MaxInput))
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(0, "is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, _ := bundle.Position(data, i)
		return fail(line, "holds a NUL byte: binary data, not text")
	}
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		line, col := bundle.Position(data, i)
		return fail(line, "column %d: is not UTF-8 text (byte 0x%02x)", col, data[i])
	}
	return data, nil
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// unwrapPath drops the operation and path that an *fs.PathError repeats:
// the message already names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// mib formats a size in bytes for a message.
func mib(n int64) string {
	return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
}
