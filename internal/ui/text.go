//go:build js

package ui

import (
	"strconv"
	"strings"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

const (
	passageMax = 60 // runes of a passage in a badge's name or a panel entry
	ratingMax  = 24 // runes of a review's rating shown as a badge's word
	speakerMax = 40 // runes of whom the page gives a misattributed passage to
)

// word is the word a badge shows for f: "Verified", "Misquoted",
// "Misattributed", or the review's own rating ("False", "Misleading"),
// "Disputed" when it has none.
func word(f *match.Finding) string {
	switch f.Verdict {
	case match.Verified:
		return "Verified"
	case match.Misquoted:
		return "Misquoted"
	case match.Misattributed:
		return "Misattributed"
	}
	if r := rating(f); r != "" {
		return r
	}
	return "Disputed"
}

// rating is the review's rating text for a disputed finding, shortened, or
// "" when there is none.
func rating(f *match.Finding) string {
	if f.Claim == nil {
		return ""
	}
	return shorten(f.Claim.Rating, ratingMax)
}

// label is a badge's accessible name: the verdict and the passage it is
// about, such as "Disputed (False): did not go well" or "Misattributed to
// Zelensky: Anonymous sources…".
func label(it Item) string {
	head := "Disputed"
	switch r := rating(it.Finding); {
	case it.Finding.Verdict == match.Misattributed:
		head = "Misattributed"
		if to := shorten(it.Finding.AttributedTo, speakerMax); to != "" {
			head += " to " + to
		}
	case it.Finding.Verdict != match.Disputed:
		head = word(it.Finding)
	case r != "" && !strings.EqualFold(r, head):
		head += " (" + r + ")"
	}
	return head + ": " + shorten(it.Passage, passageMax)
}

// shorten collapses s's white space and cuts it to at most max runes,
// at a word boundary when one is near, ending a cut text with "…".
func shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// formatDate writes an ISO 8601 date ("2022-01-27", or a date-time starting
// with one) as "27 January 2022"; any other text is returned as it is.
func formatDate(iso string) string {
	s := strings.TrimSpace(iso)
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	num := func(from, to int) int {
		n := 0
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return iso
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	if year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year) {
		return iso
	}
	return strconv.Itoa(day) + " " + months[month-1] + " " + s[:4]
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// daysIn is the number of days of month (1–12) in year, Gregorian.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// role is what p does: job title and affiliation, comma-separated.
func role(p bundle.Person) string {
	var parts []string
	for _, s := range []string{p.JobTitle, p.Affiliation} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// official is the official wording a verified or misquoted finding matched:
// the part of the statement the passage corresponds to, else all of it.
func official(f *match.Finding) string {
	if f.Official != "" || f.Statement == nil {
		return f.Official
	}
	return f.Statement.Text
}
