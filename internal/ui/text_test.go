//go:build js

package ui

import (
	"testing"

	"factcheck/internal/bundle"
	"factcheck/internal/match"
)

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"did not go well", 60, "did not go well"},
		{"  did\n not\tgo   well ", 60, "did not go well"},
		{"did not go well", 15, "did not go well"},
		{"did not go well", 14, "did not go…"},
		{"Anonymous sources are 'leaking' falsehoods, she said", 30, "Anonymous sources are…"},
		{"Zelenskyy’s «sovereignty» — territorial integrity", 20, "Zelenskyy’s…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
	} {
		got := shorten(tc.in, tc.max)
		if got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if n := len([]rune(got)); n > tc.max {
			t.Errorf("shorten(%q, %d) is %d runes", tc.in, tc.max, n)
		}
	}
}

func TestFormatDate(t *testing.T) {
	for in, want := range map[string]string{
		"2022-01-27":           "27 January 2022",
		"2022-01-28T03:15:00Z": "28 January 2022",
		"2022-02-30":           "2022-02-30",
		"2024-02-29":           "29 February 2024",
		"2023-02-29":           "2023-02-29",
		"1900-02-29":           "1900-02-29",
		"2022-13-01":           "2022-13-01",
		"2022-1-01":            "2022-1-01",
		"2022-11-30 ":          "30 November 2022",
		"27 January 2022":      "27 January 2022",
		"2022-01":              "2022-01",
		"":                     "",
	} {
		if got := formatDate(in); got != want {
			t.Errorf("formatDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLabel(t *testing.T) {
	claim := func(rating string) *bundle.Claim { return &bundle.Claim{Rating: rating} }
	for _, tc := range []struct {
		f          match.Finding
		word, name string
	}{
		{match.Finding{Verdict: match.Verified}, "Verified", "Verified: x"},
		{match.Finding{Verdict: match.Misquoted}, "Misquoted", "Misquoted: x"},
		{match.Finding{Verdict: match.Disputed, Claim: claim("False")}, "False", "Disputed (False): x"},
		{match.Finding{Verdict: match.Disputed, Claim: claim("disputed")}, "disputed", "Disputed: x"},
		{match.Finding{Verdict: match.Disputed, Claim: claim(" ")}, "Disputed", "Disputed: x"},
		{match.Finding{Verdict: match.Disputed}, "Disputed", "Disputed: x"},
	} {
		if got := word(&tc.f); got != tc.word {
			t.Errorf("word(%v) = %q, want %q", tc.f.Verdict, got, tc.word)
		}
		if got := label(Item{Finding: &tc.f, Passage: " x "}); got != tc.name {
			t.Errorf("label(%v) = %q, want %q", tc.f.Verdict, got, tc.name)
		}
	}
}

func TestSummary(t *testing.T) {
	item := func(v match.Verdict) Item { return Item{Finding: &match.Finding{Verdict: v}} }
	for _, tc := range []struct {
		items []Item
		want  string
	}{
		{nil, "Fact-check: no quotes matched"},
		{[]Item{item(match.Disputed), item(match.Verified), item(match.Disputed)}, "Fact-check: 1 verified · 2 disputed"},
		{[]Item{item(match.Misquoted)}, "Fact-check: 1 misquoted"},
	} {
		if got := summary(tc.items); got != tc.want {
			t.Errorf("summary = %q, want %q", got, tc.want)
		}
	}
}
