//go:build !js

package benchmark

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"factcheck/internal/wasmdata"
)

// Size is what a file costs on the wire: raw, gzip -9 and brotli -q 11
// bytes (Brotli is 0 when the brotli command is not installed).
type Size struct {
	File   string `json:"file"`
	Raw    int    `json:"raw"`
	Gzip   int    `json:"gzip"`
	Brotli int    `json:"brotli"`
}

// measureSize compresses the file as build.sh does and returns its sizes.
func measureSize(path, name string) (Size, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Size{}, err
	}
	s := Size{File: name, Raw: len(data)}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(data)
	if err := w.Close(); err != nil {
		return Size{}, err
	}
	s.Gzip = gz.Len()
	if _, err := exec.LookPath("brotli"); err == nil {
		out, err := exec.Command("brotli", "-c", "-q", "11", path).Output()
		if err != nil {
			return Size{}, fmt.Errorf("brotli %s: %v", path, err)
		}
		s.Brotli = len(out)
	}
	return s, nil
}

// buildHello builds the hello floor (internal/benchmark/hello) into dir as
// build.sh builds the widget, with .gz and .br variants for the devserver
// to serve, and returns the path of hello.wasm.
func buildHello(root, dir string) (string, error) {
	out := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./internal/benchmark/hello")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the hello floor: %v\n%s", err, msg)
	}
	module, err := os.ReadFile(out)
	if err != nil {
		return "", err
	}
	joined, err := wasmdata.Join(module, wasmdata.MaxGap)
	if err != nil {
		return "", fmt.Errorf("joining the hello floor's data segments: %v", err)
	}
	if err := os.WriteFile(out, joined, 0o644); err != nil {
		return "", err
	}
	if msg, err := exec.Command("gzip", "-9", "-k", "-f", "-n", out).CombinedOutput(); err != nil {
		return "", fmt.Errorf("gzip hello.wasm: %v\n%s", err, msg)
	}
	if _, err := exec.LookPath("brotli"); err == nil {
		if msg, err := exec.Command("brotli", "-f", "-q", "11", "-o", out+".br", out).CombinedOutput(); err != nil {
			return "", fmt.Errorf("brotli hello.wasm: %v\n%s", err, msg)
		}
	}
	return out, nil
}
