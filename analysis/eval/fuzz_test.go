package eval

import (
	"bytes"
	"os"
	"testing"
)

// FuzzScore decodes arbitrary articles.json bytes, scores them against the
// fixture gold and checks the invariants: no panic, every defined ratio in
// [0, 1] (Spearman in [-1, 1]) and the writers succeed.
func FuzzScore(f *testing.F) {
	seed, err := os.ReadFile("testdata/run.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"articles": [{"id": "a", "sentences": [{"text": "", "stance": ""}]}]}`))
	f.Add([]byte(`{"articles": [{"id": "a", "alignment": {"score": 1e308}}, {"id": "a"}]}`))
	gold, err := LoadGold("testdata/gold")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		run, err := parseRun(data)
		if err != nil {
			return
		}
		r := Score(gold, run)
		for _, v := range []Value{r.Entities.Precision, r.Entities.Recall, r.Entities.F1,
			r.EntitiesUntyped.F1, r.Sources.F1, r.Sentences.Accuracy, r.Sentences.MacroF1, r.Alignment.SignAgree} {
			if v.Defined() && (v < 0 || v > 1) {
				t.Errorf("ratio %v outside [0, 1]", v)
			}
		}
		if s := r.Alignment.Spearman; s.Defined() && (s < -1 || s > 1) {
			t.Errorf("Spearman %v outside [-1, 1]", s)
		}
		if r.Sentences.Gold != 7 {
			t.Errorf("gold sentences = %d, want 7 whatever the run", r.Sentences.Gold)
		}
		var buf bytes.Buffer
		if err := r.WriteText(&buf); err != nil {
			t.Error(err)
		}
		if err := r.WriteDetails(&buf); err != nil {
			t.Error(err)
		}
	})
}

// BenchmarkScore scores the seed gold against itself.
func BenchmarkScore(b *testing.B) {
	gold, err := LoadGold(sharedGold)
	if err != nil {
		b.Skipf("no shared gold: %v", err)
	}
	run := asRun(gold)
	for b.Loop() {
		Score(gold, run)
	}
}
