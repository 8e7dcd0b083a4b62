package bundletool

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// FactChecked is the verdict written for a claim from a claim list, which
// gives none: the claim was reviewed by a fact-checker, and the widget
// shows it as a disputed claim with this word as its rating.
const FactChecked = "Fact-checked"

// claimColumns are the names a claim list's header may give its claim
// column (second), lower-cased.
var claimColumns = []string{"vclaim", "claim", "claimreviewed", "text"}

// tsvRow is one claim of a claim list.
type tsvRow struct {
	line                int
	id, claim, headline string
}

// readTSV reads a claim list: a header line (id, vclaim, title: the first
// column's name may be empty), then id<TAB>claim<TAB>headline, the
// headline optional. A field may be quoted as in CSV ("" for a quote
// inside), and may then hold tabs and line breaks. A broken line is an
// error naming its line and column.
func readTSV(data []byte) ([]tsvRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, tsvError(err)
	}
	if len(header) < 2 || len(header) > 3 || !slices.Contains(claimColumns, strings.ToLower(strings.TrimSpace(header[1]))) {
		return nil, fmt.Errorf("line 1: want a header line: id<TAB>vclaim<TAB>title (the claim column may also be named %s)", strings.Join(claimColumns[1:], ", "))
	}
	r.FieldsPerRecord = len(header)
	var rows []tsvRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, tsvError(err)
		}
		line, _ := r.FieldPos(0)
		row := tsvRow{line: line, id: strings.TrimSpace(rec[0]), claim: strings.TrimSpace(rec[1])}
		if len(rec) > 2 {
			row.headline = strings.TrimSpace(rec[2])
		}
		switch {
		case row.id == "":
			return nil, fmt.Errorf("line %d: the id (first column) is empty", line)
		case row.claim == "":
			return nil, fmt.Errorf("line %d: the claim (second column) is empty", line)
		}
		rows = append(rows, row)
	}
}

// tsvError rewords encoding/csv's errors for a claim list.
func tsvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return fmt.Errorf("line %d: the number of columns differs from the header's (id, claim, headline, separated by tabs)", pe.StartLine)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Errorf("line %d, column %d: a \" inside a field that does not start with one: quote the whole field and double the \" inside (\"a \"\"quoted\"\" word\")", pe.Line, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Errorf("line %d, column %d: a quoted field (from line %d) is broken: text follows its closing \", or that \" is missing (a \" inside must be doubled)", pe.Line, pe.Column, pe.StartLine)
	}
	return fmt.Errorf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
}

// node returns the row as a ClaimReview node.
func (row tsvRow) node() map[string]any {
	m := map[string]any{
		"@type":         "ClaimReview",
		"@id":           row.id,
		"claimReviewed": row.claim,
		"reviewRating":  map[string]any{"@type": "Rating", "alternateName": FactChecked},
	}
	if row.headline != "" {
		m["name"] = row.headline
	}
	return m
}
