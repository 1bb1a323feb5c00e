package compare

import (
	"math"
	"os"
	"strings"
	"testing"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/pipeline"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
)

func analyse(t *testing.T, p *pipeline.Pipeline, texts map[string]string, order []string) *analysis.Result {
	t.Helper()
	var arts []*pipeline.Article
	for _, id := range order {
		doc, err := ingest.Parse(id+".txt", []byte(texts[id]))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, p.Process(doc))
	}
	res, err := analysis.Analyze(arts, alignment.DefaultLexicon(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCompare(t *testing.T) {
	k, err := kb.Parse(os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(k, "")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"base1": "Title: B1\nDate: 2019-01-01\n\nUzbekistan signed a defense cooperation agreement with Russia.\nUzbekistan deepened its alliance with Russia.\n",
		"base2": "Title: B2\nDate: 2019-02-01\n\nUzbekistan signed a trade agreement with Russia.\nThe weather was mild.\n",
		"new":   "Title: N\nDate: 2019-03-01\n\nUzbekistan expanded its partnership with the European Union.\nUzbekistan signed a cooperation agreement with the European Union.\n",
	}
	base := analyse(t, p, texts, []string{"base1", "base2"})
	combined := analyse(t, p, texts, []string{"base1", "base2", "new"})
	r := Compare(base, combined, []string{"new"})

	if r.Baseline.Articles != 2 || r.Baseline.Scored != 2 {
		t.Fatalf("baseline = %+v, want 2 scored articles", r.Baseline)
	}
	if len(r.Articles) != 1 {
		t.Fatalf("articles = %d, want 1", len(r.Articles))
	}
	a := r.Articles[0]
	if a.Score == nil || *a.Score >= 0 {
		t.Fatalf("new article score = %v, want toward the West", a.Score)
	}
	// Both baseline scores lie above the new article's: percentile 0.
	if a.Percentile != 0 {
		t.Errorf("percentile = %v, want 0", a.Percentile)
	}
	want := (*a.Score - r.Baseline.Mean) / r.Baseline.SD
	if math.Abs(a.Z-want) > 1e-12 || a.Z >= 0 {
		t.Errorf("z = %v, want %v (< 0)", a.Z, want)
	}
	lex := alignment.DefaultLexicon()
	reading := "(" + alignment.StepLabel(lex.Params.Step(*a.Score), lex.Poles) + ")" // "leans toward" or "aligned with the West"
	if !strings.HasSuffix(reading, " the West)") {
		t.Errorf("new article reads %s, want toward the West", reading)
	}
	for _, s := range []string{reading, "below every scored article of the baseline (2 scored articles", "European Union"} {
		if !strings.Contains(a.Explanation, s) {
			t.Errorf("explanation %q lacks %q", a.Explanation, s)
		}
	}
	found := false
	for _, m := range r.NewActors {
		if m.ID == "european-union" && m.Before == 0 && m.After > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("new actors = %+v, want european-union", r.NewActors)
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{-0.5, 0, 0, 0.5}
	for _, tt := range []struct{ x, want float64 }{
		{-1, 0}, {-0.5, 12.5}, {0, 50}, {0.25, 75}, {1, 100},
	} {
		if got := percentile(xs, tt.x); got != tt.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", xs, tt.x, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{0: "0th", 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 100: "100th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %s, want %s", n, got, want)
		}
	}
}

// placeTests: where explain places a score against a baseline of 200
// scores (percentiles in steps of 0.5): the ends in words, and a
// percentile that rounds to 0 or 100 without being at an end as the 1st
// or the 99th.
var placeTests = []struct {
	percentile float64
	want       string
}{
	{0, "below every scored article of the baseline (200 scored articles"},
	{0.25, "at the 1st percentile of the baseline"},
	{37.5, "at the 38th percentile of the baseline"},
	{99.75, "at the 99th percentile of the baseline"},
	{100, "above every scored article of the baseline (200 scored articles"},
}

func TestExplainPlace(t *testing.T) {
	r := &Report{Poles: alignment.DefaultLexicon().Poles, Baseline: Baseline{Articles: 200, Scored: 200, Mean: 0.3, SD: 0.2}}
	score, step := 0.3, 0.5
	for _, tt := range placeTests {
		p := Placement{ID: "a", Score: &score, Step: &step, Percentile: tt.percentile, Z: 0}
		if got := explain(r, p); !strings.Contains(got, tt.want) || !strings.Contains(got, "(leans toward Russia)") {
			t.Errorf("explain(percentile %v) = %q, want it to contain %q and the step's reading", tt.percentile, got, tt.want)
		}
	}
}
