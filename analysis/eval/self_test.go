package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// sharedGold is shared/gold beside the work tree (CI clones main with
// shared/ beside it).
var sharedGold = filepath.Join("..", "..", "..", "shared", "gold")

// asRun turns gold annotations into the run a perfect pipeline would write.
func asRun(gold []Gold) []Article {
	var run []Article
	for _, g := range gold {
		a := Article{ID: g.Article + ".txt", Sources: g.Sources}
		for i, e := range g.Entities {
			a.Entities = append(a.Entities, Entity{ID: string(rune('a' + i%26)), Name: e.Name, Type: e.Type, Forms: e.Forms})
		}
		for _, s := range g.Sentences {
			a.Sentences = append(a.Sentences, Sentence{Text: s.Text, Stance: s.Stance})
		}
		score := g.Alignment
		a.Alignment.Score = &score
		run = append(run, a)
	}
	return run
}

// TestSelf scores the seed gold against itself: every figure must be 1.
func TestSelf(t *testing.T) {
	if _, err := os.Stat(sharedGold); err != nil {
		t.Skipf("no shared gold: %v", err)
	}
	gold, err := LoadGold(sharedGold)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, asRun(gold))
	ones := map[string]Value{
		"entities P": r.Entities.Precision, "entities R": r.Entities.Recall, "entities F1": r.Entities.F1,
		"untyped P": r.EntitiesUntyped.Precision, "untyped R": r.EntitiesUntyped.Recall, "untyped F1": r.EntitiesUntyped.F1,
		"sources P": r.Sources.Precision, "sources R": r.Sources.Recall, "sources F1": r.Sources.F1,
		"accuracy": r.Sentences.Accuracy, "macro-F1": r.Sentences.MacroF1,
		"Spearman": r.Alignment.Spearman, "sign agree": r.Alignment.SignAgree,
	}
	for _, a := range r.Articles {
		ones[a.ID+" entities F1"] = a.Entities.F1
		ones[a.ID+" sources F1"] = a.Sources.F1
		ones[a.ID+" accuracy"] = a.Sentences.Accuracy
		ones[a.ID+" macro-F1"] = a.Sentences.MacroF1
	}
	for name, v := range ones {
		if math.Abs(float64(v)-1) > 1e-12 {
			t.Errorf("self-score %s = %v, want 1", name, v)
		}
	}
	if len(r.Missing) != 0 || len(r.Extra) != 0 || r.Sentences.Unpaired != 0 {
		t.Errorf("self-score missing %v, extra %v, unpaired %d, want none", r.Missing, r.Extra, r.Sentences.Unpaired)
	}
}
