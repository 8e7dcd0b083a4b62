package bundletool

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

func TestCompile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "statements.fcb")
	code, _, stderr := run(t, "compile", "-strict", "-o", out, "../../web/statements.jsonld")
	if code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr)
	}
	if want := "factcheck compile: 11 statements and 3 claims"; !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant %q", stderr, want)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, b, err := match.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b.Statements, bundle.Default().Statements) {
		t.Error("the compiled bundle's statements are not the bundle's")
	}

	// A bundle with warnings compiles, but not with -strict; a broken one
	// never; one bundle at a time.
	warned := filepath.Join(dir, "warned.jsonld")
	if err := os.WriteFile(warned, []byte(`{"@graph": [
		{"@type": "Quotation", "@id": "#s1", "text": "We said it.", "creator": "A spokesperson"},
		{"@type": "Quotation", "@id": "#s2", "creator": "A spokesperson"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.jsonld")
	if err := os.WriteFile(broken, []byte(`{"@graph": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		written bool
		stderr  string
	}{
		{"warnings", []string{warned}, 0, true, "warned.jsonld: warning: @graph[1] (Quotation #s2): text is missing, skipped"},
		{"warnings, strict", []string{"-strict", warned}, 1, false, "factcheck compile: 0 errors, 1 warnings"},
		{"not JSON", []string{broken}, 1, false, "broken.jsonld:1: error: column 13: "},
		{"two bundles", []string{warned, warned}, 2, false, "factcheck compile: name one bundle"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.fcb")
			code, _, stderr := run(t, append([]string{"compile", "-o", out}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit status %d, stderr:\n%s\nwant %d and %q", code, stderr, tc.code, tc.stderr)
			}
			if _, err := os.Stat(out); (err == nil) != tc.written {
				t.Errorf("%s written: %v, want %v", out, err == nil, tc.written)
			}
		})
	}
	if code, _, stderr := run(t, "compile", warned); code != 2 || !strings.Contains(stderr, "factcheck compile: name the bundle to write with -o OUT") {
		t.Errorf("compile without -o: exit status %d, stderr:\n%s", code, stderr)
	}
}
