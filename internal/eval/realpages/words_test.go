package realpages

import "testing"

func TestOverlap(t *testing.T) {
	tests := []struct {
		name, expected, read string
		coverage, precision  float64
	}{
		{"same words", "The Mayor said: yes.", "the mayor SAID yes", 1, 1},
		{"read holds more", "the mayor said", "menu the mayor said home", 1, 0.6},
		{"a word expected twice must be read twice", "yes yes no no", "yes no no", 0.75, 1},
		{"nothing read", "the mayor", "", 0, 1},
		{"letters and digits of any script", "Zürich 2024 東京", "zürich, 2024; 東京", 1, 1},
		{"nothing expected", "", "menu", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, p := overlap(words(tt.expected), words(tt.read))
			if c != tt.coverage || p != tt.precision {
				t.Fatalf("overlap = %v, %v; want %v, %v", c, p, tt.coverage, tt.precision)
			}
		})
	}
}
