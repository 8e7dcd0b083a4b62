package passage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxColumns bounds the columns whose headers a table's rows look up.
const maxColumns = 64

// blockSpeakers returns, for each block, the speaker that the blocks
// around it give to its quotes and sentences that name none themselves,
// or nil when no block has one:
//
//   - a lead-in: a paragraph ending with a colon whose last sentence
//     names a speaker ("Horne said:") gives it to the paragraphs after it
//     that open with a quote mark (the items of a list of her quotes, a
//     block quote), up to the first that does not;
//   - a table row: a cell in a column headed "Speaker" (or "Who",
//     "Source"…), else the row's header cell, else a cell that is only a
//     name ("Emily Horne, NSC spokeswoman") gives it to the row's other
//     cells; failing that, a cell's column header, when it is a name (a
//     table of quotes with one column per speaker).
func blockSpeakers(text string, blocks []block, sentences []sentence) []string {
	var given []string
	give := func(bi int, speaker string) {
		if speaker == "" {
			return
		}
		if given == nil {
			given = make([]string, len(blocks))
		}
		given[bi] = speaker
	}
	lead := ""
	si := 0                    // the first sentence of the current block
	var heads [maxColumns]Span // the current table's column headers; empty when none
	for bi := 0; bi < len(blocks); {
		b := &blocks[bi]
		for si < len(sentences) && sentences[si].block < bi {
			si++
		}
		if b.col >= 0 && !b.whole() {
			end := bi + 1
			for end < len(blocks) && blocks[end].para == b.para {
				end++
			}
			row := blocks[bi:end]
			if isHeaderRow(row) {
				heads = [maxColumns]Span{}
				for _, c := range row {
					if c.col < maxColumns {
						heads[c.col] = c.Span
					}
				}
			} else {
				from := rowSpeaker(text, row, &heads)
				for k, c := range row {
					switch {
					case from >= 0 && from != k:
						give(bi+k, text[row[from].Start:row[from].End])
					case c.col < maxColumns && heads[c.col].End > 0 && isName(text, heads[c.col]):
						give(bi+k, text[heads[c.col].Start:heads[c.col].End])
					}
				}
			}
			lead, bi = "", end
			continue
		}
		if b.col < 0 {
			heads = [maxColumns]Span{} // the table ended
		}
		if lead != "" && isQuoteMark(firstRune(text[b.Start:])) {
			give(bi, lead)
			bi++
			continue
		}
		lead = ""
		if text[b.End-1] == ':' {
			last := si
			for last+1 < len(sentences) && sentences[last+1].block == bi {
				last++
			}
			if last < len(sentences) && sentences[last].block == bi {
				lead = sentences[last].speaker
			}
		}
		bi++
	}
	return given
}

// isHeaderRow reports whether every cell of row is a header cell.
func isHeaderRow(row []block) bool {
	for _, c := range row {
		if !c.header {
			return false
		}
	}
	return true
}

// rowSpeaker returns the index in row of the cell that names who speaks in
// the row's other cells, or -1: a cell of a speaker column, else a header
// cell that is a name, else a cell that is a name.
func rowSpeaker(text string, row []block, heads *[maxColumns]Span) int {
	for k, c := range row {
		if c.col < maxColumns && heads[c.col].End > 0 && speakerColumns[strings.ToLower(text[heads[c.col].Start:heads[c.col].End])] &&
			strings.IndexFunc(text[c.Start:c.End], isQuoteMark) < 0 {
			return k
		}
	}
	for k, c := range row {
		if c.header && isName(text, c.Span) {
			return k
		}
	}
	for k, c := range row {
		if isName(text, c.Span) {
			return k
		}
	}
	return -1
}

// isName reports whether s is only a name, perhaps with a role after a
// comma: a few words, the first capitalised, no digits, quote marks or
// sentence punctuation, no verb, and no word a table heads a column with.
func isName(text string, s Span) bool {
	w := text[s.Start:s.End]
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || tableHeadings[strings.ToLower(w)] {
		return false
	}
	if strings.ContainsAny(w, "!?:;…") || strings.IndexFunc(w, func(r rune) bool {
		return unicode.IsDigit(r) || isQuoteMark(r) && r != '’' && r != '\''
	}) >= 0 {
		return false
	}
	c := cues{text: text}
	c.toks = tokenize(nil, text, s, nil, nil)
	words := 0
	for i, t := range c.toks {
		if t.kind != word {
			if c.word(i) == "." && i == len(c.toks)-1 {
				return false // a sentence, not a name
			}
			continue
		}
		if words++; words > maxSubject || c.isVerb(i) || c.is(i, stopWords) && !c.is(i, conjunctions) {
			return false
		}
	}
	return words > 0
}

var (
	// speakerColumns are the headings of a table's column of speakers.
	speakerColumns = set("speaker", "speakers", "who", "source", "sources", "official",
		"officials", "name", "said by", "person", "attribution", "qui", "auteur", "sprecher", "wer")
	// tableHeadings are headings of other columns, which are no names.
	tableHeadings = set("quote", "quotes", "statement", "statements", "claim", "claims", "date",
		"when", "what", "said", "text", "topic", "context", "verdict", "rating", "notes", "note",
		"time", "remarks", "comment", "comments", "subject", "issue", "fact check", "status",
		"quotation", "quotations", "citation", "zitat", "aussage")
)
