package bundle

import (
	"errors"
	"fmt"
	"testing"
)

// TestFormat: format writes what fmt.Sprintf writes for the verbs and
// types the messages use.
func TestFormat(t *testing.T) {
	cases := []struct {
		f    string
		args []any
	}{
		{"plain", nil},
		{"is %s, want a Claim", []any{"an array"}},
		{"refers to %q, which is a %s, not a Quotation", []any{"#s1 \"x\"\n", "Person"}},
		{"has %d values, want one", []any{3}},
		{"%s[%d]", []any{"isBasedOn", 12}},
		{"invalid JSON: %v", []any{errors.New("unexpected end")}},
		{"100%% sure, %d%%", []any{5}},
		{"“%s” ‘%q’", []any{"é", "😀\x00"}},
	}
	for _, tc := range cases {
		if got, want := format(tc.f, tc.args...), fmt.Sprintf(tc.f, tc.args...); got != want {
			t.Errorf("format(%q) = %q, fmt.Sprintf writes %q", tc.f, got, want)
		}
	}
}
