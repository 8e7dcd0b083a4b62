//go:build !js

package eval

import (
	"testing"

	"factcheck/internal/match"
)

// clefDir is the CLEF data, found above this package's directory.
var clefDir = SharedData("clef2020-t2")

// TestModelIsFitted checks that the committed claim model is what the fit
// gives on the train split, with the threshold chosen on dev: same data,
// same weights.
func TestModelIsFitted(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the model on 800 tweets")
	}
	if clefDir == "" {
		t.Skip("no shared/data/clef2020-t2 in a folder above")
	}
	d, err := LoadCLEF(clefDir)
	if err != nil {
		t.Fatal(err)
	}
	got, want := FitModel(d), match.ClaimModel()
	if string(ModelSource(got)) != string(ModelSource(want)) {
		t.Errorf("internal/match/model.go is not what the fit gives: run go run ./internal/eval/cmd/fit\n got %+v\nwant %+v", got, want)
	}
}

// TestFitRecovers checks the fit on examples drawn from a known model: the
// weights it finds rank the examples as the model does.
func TestFitRecovers(t *testing.T) {
	var ex []Example
	for i := 0; i < 400; i++ {
		var f match.Features
		for k := range f {
			f[k] = float64((i*(k+3)*7919)%97) / 97
		}
		// Stated when the first feature outweighs the second.
		ex = append(ex, Example{F: f, State: f[0]-f[1] > 0.1})
	}
	md := Fit(ex)
	if md.Weights[0] <= 0 || md.Weights[1] >= 0 {
		t.Errorf("weights %v: want the first positive and the second negative", md.Weights)
	}
	wrong := 0
	for i := range ex {
		if (md.Score(&ex[i].F) >= 0.5) != ex[i].State {
			wrong++
		}
	}
	if wrong > len(ex)/20 {
		t.Errorf("%d of %d examples misjudged", wrong, len(ex))
	}
}
