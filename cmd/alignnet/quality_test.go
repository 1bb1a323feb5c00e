package main

import (
	"os"
	"path/filepath"
	"testing"

	"alignnet/analysis/eval"
)

// qualityFloors are the measured quality of alignnet on every annotated
// corpus, as floors: a change that lowers one of them below the figure
// measured when it was set fails here instead of going unnoticed. Each
// floor is the measurement rounded down to 0.01, less 0.01; README.md
// ("Quality") has the figures and the history of each corpus (which ones
// were used to develop the rules and which were scored once, unseen).
var qualityFloors = []struct {
	name, in, gold string
	// entity F1 (typed), sentence macro-F1, article Spearman of the
	// scores and of the steps
	entityF1, macroF1, spearman, steps float64
}{
	{"seeds", "../../seeds", "../../../shared/gold", 0.99, 0.81, 0.85, 0.99},
	{"heldout", "../../testdata/heldout/articles", "../../testdata/heldout/gold", 0.97, 0.94, 0.90, 0.81},
	{"blind", "../../testdata/blind/articles", "../../testdata/blind/gold", 0.91, 0.94, 0.95, 0.98},
	{"blind2", "../../testdata/blind2/articles", "../../testdata/blind2/gold", 0.92, 0.91, 0.89, 0.88},
	{"blind3", "../../testdata/blind3/articles", "../../testdata/blind3/gold", 0.92, 0.94, 0.94, 0.94},
	{"blind4", "../../testdata/blind4/articles", "../../testdata/blind4/gold", 0.94, 0.98, 0.81, 0.83},
	{"blind5", "../../testdata/blind5/articles", "../../testdata/blind5/gold", 0.94, 0.96, 0.92, 0.91},
	{"blind6", "../../testdata/blind6/articles", "../../testdata/blind6/gold", 0.95, 0.97, 0.97, 0.94},
	{"blind7", "../../testdata/blind7/articles", "../../testdata/blind7/gold", 0.90, 0.96, 0.95, 0.96},
	{"blind8", "../../testdata/blind8/articles", "../../testdata/blind8/gold", 0.93, 0.95, 0.54, 0.26},
	{"blind9", "../../testdata/blind9/articles", "../../testdata/blind9/gold", 0.92, 0.94, 0.91, 0.79},
	{"blind10", "../../testdata/blind10/articles", "../../testdata/blind10/gold", 0.92, 0.96, 0.87, 0.82},
	{"blind11", "../../testdata/blind11/articles", "../../testdata/blind11/gold", 0.93, 0.94, 0.96, 0.89},
	{"blind12", "../../testdata/blind12/articles", "../../testdata/blind12/gold", 0.91, 0.94, 0.76, 0.89},
	{"blind13", "../../testdata/blind13/articles", "../../testdata/blind13/gold", 0.90, 0.94, 0.96, 0.95},
	{"blind14", "../../testdata/blind14/articles", "../../testdata/blind14/gold", 0.92, 0.94, 0.96, 0.97},
	{"blind15", "../../testdata/blind15/articles", "../../testdata/blind15/gold", 0.92, 0.95, 0.96, 0.89},
	{"blind16", "../../testdata/blind16/articles", "../../testdata/blind16/gold", 0.93, 0.95, 0.83, 0.82},
	{"blind17", "../../testdata/blind17/articles", "../../testdata/blind17/gold", 0.92, 0.94, 0.75, 0.79},
	{"blind18", "../../testdata/blind18/articles", "../../testdata/blind18/gold", 0.88, 0.94, 0.89, 0.88},
	{"blind19", "../../testdata/blind19/articles", "../../testdata/blind19/gold", 0.92, 0.93, 0.86, 0.87},
	{"blind20", "../../testdata/blind20/articles", "../../testdata/blind20/gold", 0.92, 0.95, 0.85, 0.67},
	{"blind21", "../../testdata/blind21/articles", "../../testdata/blind21/gold", 0.92, 0.95, 0.89, 0.94},
	{"blind22", "../../testdata/blind22/articles", "../../testdata/blind22/gold", 0.90, 0.96, 0.81, 0.82},
	{"blind23", "../../testdata/blind23/articles", "../../testdata/blind23/gold", 0.91, 0.75, 0.90, 0.93},
	{"blind24", "../../testdata/blind24/articles", "../../testdata/blind24/gold", 0.90, 0.68, 0.23, 0.17},
	{"blind25", "../../testdata/blind25/articles", "../../testdata/blind25/gold", 0.91, 0.73, 0.86, 0.89},
	{"blind26", "../../testdata/blind26/articles", "../../testdata/blind26/gold", 0.91, 0.67, 0.85, 0.80},
}

func TestQualityFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over every annotated corpus")
	}
	for _, tt := range qualityFloors {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.gold); err != nil {
				t.Skipf("no gold annotations at %s", tt.gold)
			}
			out := t.TempDir()
			if _, stderr, err := runArgs(t, "run", "-in", tt.in, "-out", out, "-figures=false"); err != nil {
				t.Fatalf("run: %v\n%s", err, stderr)
			}
			g, err := eval.LoadGold(tt.gold)
			if err != nil {
				t.Fatal(err)
			}
			r, err := eval.LoadRun(filepath.Join(out, "data", "articles.json"))
			if err != nil {
				t.Fatal(err)
			}
			rep := eval.Score(g, r)
			for _, m := range []struct {
				what       string
				got, floor float64
			}{
				{"typed entity F1", float64(rep.Entities.F1), tt.entityF1},
				{"sentence macro-F1", float64(rep.Sentences.MacroF1), tt.macroF1},
				{"article Spearman", float64(rep.Alignment.Spearman), tt.spearman},
				{"article Spearman of steps", float64(rep.Alignment.SpearmanSteps), tt.steps},
			} {
				t.Logf("%s %.3f (floor %.2f)", m.what, m.got, m.floor)
				if !(m.got >= m.floor) {
					t.Errorf("%s: %s %.3f, below its floor %.2f", tt.name, m.what, m.got, m.floor)
				}
			}
		})
	}
}
