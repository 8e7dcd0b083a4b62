package passage

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestFindInSegments: the passages found a segment at a time are those
// found in the whole text, on the seed article repeated into a long text.
func TestFindInSegments(t *testing.T) {
	seed, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(seed)+"\n", 40)
	// A quote over two paragraphs, English style, at every size of cut.
	text += "\nShe said: “The first paragraph of a long quote\n“and the second paragraph of it.”\n"
	whole := Find(text)
	for _, size := range []int{1, 100, 4096, 1 << 20} {
		var got []Passage
		segments := 0
		for start := 0; start < len(text); segments++ {
			end := Cut(text, start, size)
			if end <= start {
				t.Fatalf("Cut(%d, %d) = %d", start, size, end)
			}
			got = append(got, FindIn(text, start, end)...)
			start = end
		}
		if !reflect.DeepEqual(got, whole) {
			t.Errorf("size %d, %d segments: %d passages, Find finds %d", size, segments, len(got), len(whole))
			for i := range min(len(got), len(whole)) {
				if !reflect.DeepEqual(got[i], whole[i]) {
					t.Fatalf("first difference: %+v, want %+v", got[i], whole[i])
				}
			}
		}
	}
}
