package match

import (
	"slices"
	"testing"
)

func TestAcronyms(t *testing.T) {
	for text, want := range map[string][]string{
		"Spokeswoman, National Security Council": {"nsc"},
		"The White House":                        nil,
		"President of the United States":         nil,
		"Federal Bureau of Investigation (FBI)":  nil,
		"World Health Organization, Geneva":      {"who"},
		"":                                       nil,
	} {
		if got := acronyms(text); !slices.Equal(got, want) {
			t.Errorf("acronyms(%q) = %q, want %q", text, got, want)
		}
	}
}
