// Package bundletool is the publisher's statement bundle tool behind the
// factcheck command (./build.sh bundle): it validates bundles, builds one
// bundle from JSON-LD files, fact-check pages and TSV claim lists, and
// counts what a bundle holds.
//
// Its words for problems are the bundle reader's (see web/BUNDLE.md): an
// error makes an input unusable; a warning is a node skipped or a value
// read another way, and the rest of the input is used.
package bundletool

import (
	"fmt"
	"io"
	"strconv"
)

// Problem is something wrong with an input, located as closely as the
// input allows.
type Problem struct {
	File  string // as named on the command line
	Line  int    // 1-based; 0 when not known
	Where string // the node and field: "script 2, @graph[1] (ClaimReview): reviewRating"; may be empty
	Msg   string
	Error bool // an error; else a warning
}

func (p Problem) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
	}
	if p.Error {
		s += ": error: "
	} else {
		s += ": warning: "
	}
	if p.Where != "" {
		s += p.Where + ": "
	}
	return s + p.Msg
}

// report collects the problems of one command.
type report struct {
	problems []Problem
}

func (r *report) add(p Problem) { r.problems = append(r.problems, p) }

func (r *report) errorf(file string, line int, where, format string, args ...any) {
	r.add(Problem{File: file, Line: line, Where: where, Msg: fmt.Sprintf(format, args...), Error: true})
}

func (r *report) warnf(file string, line int, where, format string, args ...any) {
	r.add(Problem{File: file, Line: line, Where: where, Msg: fmt.Sprintf(format, args...)})
}

// counts returns the number of errors and warnings.
func (r *report) counts() (errors, warnings int) {
	for _, p := range r.problems {
		if p.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// print writes every problem, one a line.
func (r *report) print(w io.Writer) {
	for _, p := range r.problems {
		fmt.Fprintln(w, p)
	}
}
