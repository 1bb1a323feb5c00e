package alignment

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// toyExamples: the word decides the class, the rules' label does not.
func toyExamples() []Example {
	var ex []Example
	for i := range 30 {
		w, c := []string{"w:toward", "w:away", "w:weather"}[i%3], i%3
		ex = append(ex, Example{Class: c, Features: []Feature{{"bias", 1}, {"sys:none", 1}, {w, 1}}})
	}
	return ex
}

func TestTrainReaderLearns(t *testing.T) {
	p := DefaultReaderParams
	p.Rate = 0.2
	r := TrainReader(toyExamples(), p)
	for w, want := range map[string]int{"w:toward": class0, "w:away": class1, "w:weather": classNone} {
		if got := r.Predict([]Feature{{"bias", 1}, {"sys:none", 1}, {w, 1}}); got != want {
			t.Errorf("Predict(%s) = %d, want %d", w, got, want)
		}
	}
	if again := TrainReader(toyExamples(), p); again.Format() != r.Format() {
		t.Error("two trainings on the same examples differ")
	}
}

func TestReaderFormatRoundTrip(t *testing.T) {
	r := TrainReader(toyExamples(), DefaultReaderParams)
	back, err := ParseReader("r", r.Format())
	if err != nil {
		t.Fatal(err)
	}
	if back.Format() != r.Format() {
		t.Errorf("ParseReader(Format()) changed the reader:\n%s\nvs\n%s", back.Format(), r.Format())
	}
}

func TestParseReaderErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"min-prob\t0.6\n", "r: want a none-bias and a min-prob line"},
		{"none-bias\tx\nmin-prob\t0.6\n", "r:1: none-bias \"x\" is not a number"},
		{"none-bias\t0\nmin-prob\t2\n", "r:2: min-prob 2 is not in [0, 1]"},
		{"none-bias\t0\nmin-prob\t0.6\nw:a\t1\t2\n", "r:3: want \"feature<TAB>w<TAB>w<TAB>w\""},
		{"none-bias\t0\nmin-prob\t0.6\nw:a\t1\t2\tNaN\n", "r:3: weight \"NaN\" of \"w:a\" is not a number"},
		{"none-bias\t0\nmin-prob\t0.6\nw:a\t1\t2\t3\nw:a\t1\t2\t3\n", "r:4: feature \"w:a\" repeated"},
	} {
		if _, err := ParseReader("r", tt.text); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseReader(%q) error = %v, want %q", tt.text, err, tt.want)
		}
	}
}

// TestReread: a reader sure of a label overrules the rules and says why;
// one not sure enough leaves the rules' label. The pull of a sentence
// with evidence blends in the reader's probabilities by reader-pull; a
// sentence with none keeps its pull of 0.
func TestReread(t *testing.T) {
	l := DefaultLexicon()
	l.Reader = &Reader{MinProb: 0.6, Weights: map[string][3]float64{
		"w:pivot":  {0, 4, 0},   // sure: the second pole
		"w:maybe":  {0, 0.3, 0}, // unsure
		"w:ROLE_S": {0, 0, 0},
	}}
	kz := Actor{ID: "kazakhstan", Bloc: "subject", Start: 0, End: 10}
	in := []Input{
		{Text: "Kazakhstan made a pivot.", Actors: []Actor{kz}},
		{Text: "Kazakhstan may maybe act.", Actors: []Actor{kz}},
		{Text: "Kazakhstan cooperates with Russia.", Actors: []Actor{kz, {ID: "russia", Bloc: "russia", Start: 27, End: 33}}},
	}
	ss := l.Sentences(in)
	if ss[0].Stance != None || ss[1].Stance != None || ss[2].Stance != Russia {
		t.Fatalf("rules labelled %q, %q and %q, want none, none and russia", ss[0].Stance, ss[1].Stance, ss[2].Stance)
	}
	if ss[0].Pull != [2]float64{} || ss[1].Pull != [2]float64{} || ss[2].Pull[0] <= 0 {
		t.Fatalf("rules' pulls %v, %v, %v: want none, none, and some toward Russia", ss[0].Pull, ss[1].Pull, ss[2].Pull)
	}
	rules := ss[2].Pull
	l.Reread(nil, in, ss)
	if ss[0].Stance != West || ss[0].Score >= 0 {
		t.Errorf("sure reader: stance %q score %v, want west and a negative score", ss[0].Stance, ss[0].Score)
	}
	if want := `reader: "pivot" (toward the West)`; !slices.Contains(ss[0].Cues, want) {
		t.Errorf("sure reader: cues %q, want %q", ss[0].Cues, want)
	}
	if ss[1].Stance != None || len(ss[1].Cues) != 0 {
		t.Errorf("unsure reader: stance %q cues %q, want none and no cue", ss[1].Stance, ss[1].Cues)
	}
	if ss[2].Stance != Russia {
		t.Errorf("reader with no opinion: stance %q, want the rules' russia", ss[2].Stance)
	}

	// Sentence 0 scores (0, 4, 0) and sentence 2 (0, 0, 0); a = 0.75.
	a := l.Params.ReaderPull
	e4 := math.Exp(4)
	for _, tt := range []struct {
		i    int
		want [2]float64
	}{
		{0, [2]float64{a / (e4 + 2), a * e4 / (e4 + 2)}}, // no rules pull: the reader's alone
		{1, [2]float64{}}, // no evidence: stays 0
		{2, [2]float64{(1-a)*rules[0] + a/3, (1-a)*rules[1] + a/3}}, // blended
	} {
		if got := ss[tt.i].Pull; math.Abs(got[0]-tt.want[0]) > 1e-12 || math.Abs(got[1]-tt.want[1]) > 1e-12 {
			t.Errorf("sentence %d: pull %v, want %v", tt.i, got, tt.want)
		}
	}

	// reader-pull 0: the rules' pulls stand.
	l.Params.ReaderPull = 0
	ss = l.Sentences(in)
	l.Reread(nil, in, ss)
	if ss[0].Pull != [2]float64{} || ss[2].Pull != rules {
		t.Errorf("reader-pull 0: pulls %v and %v, want 0 and the rules' %v", ss[0].Pull, ss[2].Pull, rules)
	}
}

func TestAnonymise(t *testing.T) {
	l := DefaultLexicon()
	in := Input{Text: "Astana’s talks with Moscow and Brussels’ envoy", Actors: []Actor{
		{ID: "kazakhstan", Bloc: "subject", Start: 0, End: 6},
		{ID: "russia", Bloc: "russia", Start: 22, End: 28},
		{ID: "european-union", Bloc: "west", Start: 33, End: 41},
	}}
	if got, want := l.anonymise(in), " ROLE_S ’s talks with  ROLE_R  and  ROLE_W ’ envoy"; got != want {
		t.Errorf("anonymise = %q, want %q", got, want)
	}
}
