package bundletool

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Usage is the command's help.
const Usage = `usage: factcheck COMMAND [flags] FILE...

The publisher's tool for statement bundles (the format: web/BUNDLE.md).

commands:
  validate [-strict] BUNDLE...
        read each bundle as the widget does and list every problem, with
        its file, node and field
  build -o OUT [-strict] SOURCE...
        write one bundle made of the Quotation and ClaimReview nodes of the
        sources: JSON-LD files (.jsonld, .json: a @graph, an array, a node,
        a DataFeed), HTML pages with ClaimReview markup (.html, .htm: their
        <script type="application/ld+json"> blocks) and claim lists (.tsv:
        id<TAB>claim<TAB>headline under a header line). Duplicates are
        merged; each node lists its sources in "factcheck:sources".
        -o - writes to standard output.
  stats BUNDLE...
        count statements, claims, speakers and words; list the biggest nodes
  compile -o OUT [-strict] BUNDLE
        write the bundle and the widget's index of it in the widget's
        binary format (OUT.fcb; serve it as application/vnd.factcheck.bundle):
        the widget loads it without parsing or indexing. -o - writes to
        standard output.

Problems go to standard error as FILE[:LINE]: error|warning: MESSAGE.
An error makes a file unusable (not JSON, no usable node, a broken line of
a claim list, two nodes with one @id); a warning is a node skipped or a
value read another way, and the rest is used.

exit status: 0 when there is no error (warnings allowed; with -strict, no
warning either), 1 otherwise (build then writes nothing), 2 for a usage
mistake.
`

// Main runs the command with args (without the program's name) and
// returns its exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, Usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("factcheck "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, Usage) }
	var strict bool
	var out string
	switch cmd {
	case "validate":
		fs.BoolVar(&strict, "strict", false, "fail on warnings too")
	case "build", "compile":
		fs.BoolVar(&strict, "strict", false, "fail on warnings too")
		fs.StringVar(&out, "o", "", "the bundle to write (- for standard output)")
	case "stats":
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, Usage)
		return 0
	default:
		fmt.Fprintf(stderr, "factcheck: unknown command %q\n\n%s", cmd, Usage)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files := fs.Args()
	switch {
	case len(files) == 0:
		fmt.Fprintf(stderr, "factcheck %s: name at least one file\n", cmd)
		return 2
	case (cmd == "build" || cmd == "compile") && out == "":
		fmt.Fprintf(stderr, "factcheck %s: name the bundle to write with -o OUT\n", cmd)
		return 2
	case cmd == "compile" && len(files) > 1:
		fmt.Fprintln(stderr, "factcheck compile: name one bundle (make one of several with factcheck build)")
		return 2
	}

	rep := &report{}
	switch cmd {
	case "validate":
		validate(files, stdout, rep)
	case "stats":
		stats(files, stdout, rep)
	case "build":
		b := build(files, out, rep)
		if errs, warns := rep.counts(); b != nil && (errs == 0 && (!strict || warns == 0)) {
			if err := writeFile(out, b.json, stdout); err != nil {
				rep.errorf(out, 0, "", "cannot write it: %v", unwrapPath(err))
			} else {
				fmt.Fprintf(stderr, "factcheck build: %d statements and %d claims from %d files (%d duplicates merged), %s to %s\n",
					b.statements, b.claims, b.sources, b.merged, mib(int64(len(b.json))), out)
			}
		}
	case "compile":
		compiled := compile(files[0], rep, stderr)
		if errs, warns := rep.counts(); compiled != nil && (errs == 0 && (!strict || warns == 0)) {
			if err := writeFile(out, compiled, stdout); err != nil {
				rep.errorf(out, 0, "", "cannot write it: %v", unwrapPath(err))
			}
		}
	}
	rep.print(stderr)
	errs, warns := rep.counts()
	if errs > 0 || strict && warns > 0 {
		if cmd == "build" || cmd == "compile" {
			fmt.Fprintf(stderr, "factcheck %s: %d errors, %d warnings: %s not written\n", cmd, errs, warns, out)
		}
		return 1
	}
	return 0
}

// writeFile writes data to name, whole or not at all (through a temporary
// file in the same directory), or to stdout when name is "-".
func writeFile(name string, data []byte, stdout io.Writer) error {
	if name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
