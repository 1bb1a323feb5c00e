package alignment

import (
	"bytes"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sent is a sentence that pulls p toward the first pole (p < 0: -p
// toward the second), labelled by the sign of p and scored as the scorer
// scores a net evidence of p.
func sent(p float64, actors ...string) Sentence {
	s := Sentence{Stance: None, Score: p / (1 + math.Abs(p)), Pull: [2]float64{max(p, 0), max(-p, 0)}, Actors: actors}
	switch {
	case p > 0:
		s.Stance = Russia
	case p < 0:
		s.Stance = West
	}
	return s
}

var aggregateTests = []struct {
	name                string
	in                  []Sentence
	score, russia, west float64
	evidence            int
}{
	// Three clear cues toward Russia, the first the lede (weight 2), and
	// one toward the West: R 4, W 1, k 4, score (4-1)/9 = 1/3, components
	// 4/9 and 1/9.
	{"mixed", []Sentence{sent(1), sent(1), sent(1), sent(-1), sent(0)}, 1.0 / 3, 4.0 / 9, 1.0 / 9, 4},
	// One co-mention (0.25) after a lede with no stance: 0.25/4.25 =
	// 1/17, inside the ±0.1 band eval reads as 0.
	{"one weak sentence", []Sentence{sent(0), sent(0.25)}, 1.0 / 17, 1.0 / 17, 0, 1},
	// The same co-mention as the lede weighs 0.5: 0.5/4.5 = 1/9.
	{"weak lede", []Sentence{sent(0.25)}, 1.0 / 9, 1.0 / 9, 0, 1},
	// Twenty clear cues toward the West, the first doubled: W 21, score
	// -21/25.
	{"twenty clear", repeat(sent(-1), 20), -21.0 / 25, 0, 21.0 / 25, 20},
	// Balanced after a lede with no stance: R = W = 2, score 0 but not
	// nil.
	{"balanced", []Sentence{sent(0), sent(1), sent(1), sent(-1), sent(-1)}, 0, 1.0 / 4, 1.0 / 4, 4},
	// The lede outweighs one later sentence of the other side: W 2, R 1,
	// score -1/7.
	{"lede", []Sentence{sent(-1), sent(1)}, -1.0 / 7, 1.0 / 7, 2.0 / 7, 2},
	// A sentence left none because its evidence is balanced still pulls
	// both ways: as lede R 2, W 2, then one clear cue: R 3, score 1/9.
	{"balanced sentence", []Sentence{{Stance: None, Pull: [2]float64{1, 1}}, sent(1)}, 1.0 / 9, 3.0 / 9, 2.0 / 9, 2},
}

func repeat(s Sentence, n int) []Sentence {
	out := make([]Sentence, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestAggregate(t *testing.T) {
	for _, tt := range aggregateTests {
		a := Aggregate(tt.in, 1)
		if a.Score == nil {
			t.Errorf("%s: Aggregate score nil, want %v", tt.name, tt.score)
			continue
		}
		if math.Abs(*a.Score-tt.score) > 1e-12 || math.Abs(a.Russia-tt.russia) > 1e-12 || math.Abs(a.West-tt.west) > 1e-12 || a.Evidence != tt.evidence {
			t.Errorf("%s: Aggregate = score %v russia %v west %v evidence %d, want %v %v %v %d",
				tt.name, *a.Score, a.Russia, a.West, a.Evidence, tt.score, tt.russia, tt.west, tt.evidence)
		}
		if a.Step == nil || *a.Step != DefaultParams.Step(*a.Score) {
			t.Errorf("%s: step %v, want DefaultParams.Step(%v)", tt.name, a.Step, *a.Score)
		}
		if a.Interval == nil || a.Interval.Low > *a.Score+1e-9 || a.Interval.High < *a.Score-1e-9 || a.Resamples != Resamples {
			t.Errorf("%s: interval %+v (%d resamples) does not hold score %v", tt.name, a.Interval, a.Resamples, *a.Score)
		}
	}
	if a := Aggregate([]Sentence{sent(0), sent(0)}, 1); a.Score != nil || a.Step != nil || a.Interval != nil || a.Evidence != 0 || a.Drivers != nil {
		t.Errorf("Aggregate(no evidence) = %+v, want nil score and interval", a)
	}
	// A pole's pressure labels its sentence but, at the default
	// pressure-pull of 0, says nothing of the subject's lean.
	pressure := Sentence{Stance: Russia, Score: 0.5}
	if a := Aggregate([]Sentence{sent(0), pressure}, 1); a.Score != nil || a.Evidence != 0 {
		t.Errorf("Aggregate(pressure only) = %+v, want nil score", a)
	}
	if a := Aggregate(nil, 1); a.Score != nil {
		t.Errorf("Aggregate(nil) score = %v, want nil", *a.Score)
	}
}

// TestAggregateTitled: the title is one more unit at the title weight
// (2): after a lede with no stance and one clear cue toward Russia, a
// title with one clear cue toward the West gives R 1, W 2, score
// -1/(3+4); a title alone gives a score with no evidence sentence.
func TestAggregateTitled(t *testing.T) {
	l := DefaultLexicon()
	west := sent(-1)
	a := l.AggregateTitled(&west, []Sentence{sent(0), sent(1)}, 1)
	if a.Score == nil || math.Abs(*a.Score+1.0/7) > 1e-12 || a.Evidence != 1 || a.TitlePull != [2]float64{0, 2} || a.Title == nil {
		t.Errorf("AggregateTitled = score %v evidence %d title pull %v, want -1/7, 1, [0 2]", a.Score, a.Evidence, a.TitlePull)
	}
	if len(a.Drivers) != 1 || a.Drivers[0].Index != 1 {
		t.Errorf("drivers = %+v, want sentence 1 only (the title is no driver)", a.Drivers)
	}
	russia := sent(1)
	if a := l.AggregateTitled(&russia, []Sentence{sent(0)}, 1); a.Score == nil || math.Abs(*a.Score-2.0/6) > 1e-12 || a.Evidence != 0 {
		t.Errorf("title alone = score %v evidence %d, want 1/3 and 0", a.Score, a.Evidence)
	}
	none := sent(0)
	if a := l.AggregateTitled(&none, []Sentence{sent(0)}, 1); a.Score != nil || a.Title == nil {
		t.Errorf("nothing pulls = %+v, want nil score, title kept", a)
	}
}

// stepTests: the default edges are 0.1, where eval's zero band ends
// (GUIDELINE.md "Scoring": a score within ±0.1 is 0, float noise
// included), and 0.5; symmetric, with no negative zero. The last three
// are the article scores of aggregateTests: one co-mention (1/17), one
// co-mention as lede (1/9) and twenty clear cues (21/25).
var stepTests = []struct{ score, want float64 }{
	{0, 0}, {math.Copysign(0, -1), 0}, {0.0999, 0}, {-0.0999, 0},
	{0.1, 0}, {-0.1, 0}, {0.3 - 0.2, 0}, {0.1001, 0.5}, {-0.1001, -0.5},
	{0.4999, 0.5}, {0.5, 1}, {-0.5, -1}, {0.99, 1}, {-1, -1},
	{1.0 / 17, 0}, {1.0 / 9, 0.5}, {21.0 / 25, 1},
}

func TestStep(t *testing.T) {
	for _, tt := range stepTests {
		got := DefaultParams.Step(tt.score)
		if got != tt.want || math.Signbit(got) != (tt.want < 0) {
			t.Errorf("Step(%v) = %v, want %v", tt.score, got, tt.want)
		}
	}
}

// TestLexiconStep: Lexicon.Aggregate reads the steps with the edges of
// its poles file, not the defaults.
func TestLexiconStep(t *testing.T) {
	l, err := ParseLexicon("p.poles", minimal+"[settings]\nstep-zero = 0.2\nstep-full = 0.3\n")
	if err != nil {
		t.Fatal(err)
	}
	// One co-mention as lede: 1/9, +0.5 by default, 0 here.
	ss := []Sentence{sent(0.25)}
	if a := l.Aggregate(ss, 1); a.Step == nil || *a.Step != 0 {
		t.Errorf("Lexicon.Aggregate step = %v, want 0 (edges 0.2 and 0.3)", a.Step)
	}
	if a := Aggregate(ss, 1); a.Step == nil || *a.Step != 0.5 {
		t.Errorf("Aggregate step = %v, want 0.5 (default edges)", a.Step)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	in := []Sentence{sent(0.5), sent(0.6), sent(-0.4), sent(0), sent(0.2), sent(0), sent(-0.5)}
	seed := Seed("000_717f928630a62741", 1)
	a, b := Aggregate(in, seed), Aggregate(in, seed)
	if *a.Interval != *b.Interval {
		t.Errorf("same seed: intervals %+v and %+v differ", *a.Interval, *b.Interval)
	}
	if c := Aggregate(in, Seed("another", 1)); *c.Interval == *a.Interval {
		t.Errorf("different seeds gave the same interval %+v", *a.Interval)
	}
	if Seed("a", 1) == Seed("b", 1) || Seed("a", 1) == Seed("a", 2) {
		t.Error("Seed does not separate IDs or run seeds")
	}
}

// The percentile interval covers the population value of the statistic
// about 95% of the time. Articles of 40 sentences drawn with P(russia)
// 0.4 at strength 0.5, P(west) 0.15 at 0.5, else none: the population
// value is (0.4-0.15)·40·0.5 / ((0.4+0.15)·40·0.5 + 1) = 5/12. 300
// articles with 1000 resamples each; the floor 0.88 leaves room for the
// percentile method's known undercoverage at small n and for chance
// (binomial sd at 0.95 and n 300: 0.013).
func TestBootstrapCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const articles, n = 300, 40
	truth := (0.4 - 0.15) * n * 0.5 / ((0.4+0.15)*n*0.5 + 1)
	rng := rand.New(rand.NewPCG(7, 7))
	covered := 0
	for i := range articles {
		ss := make([]Sentence, n)
		for j := range ss {
			switch u := rng.Float64(); {
			case u < 0.4:
				ss[j] = sent(0.5)
			case u < 0.55:
				ss[j] = sent(-0.5)
			default:
				ss[j] = sent(0)
			}
		}
		lo, hi := bootstrap(pulls(ss, 1), 1, uint64(i), 1000)
		if lo <= truth && truth <= hi {
			covered++
		}
	}
	rate := float64(covered) / articles
	t.Logf("coverage %.3f of %d intervals (truth %.4f)", rate, articles, truth)
	if rate < 0.88 || rate > 0.995 {
		t.Errorf("bootstrap coverage = %.3f, want about 0.95", rate)
	}
}

// TestDrivers: an article's drivers are its pulling sentences, the
// largest net weighted pull first (ties: earlier first), the lede's pull
// doubled as in the score; at most five.
func TestDrivers(t *testing.T) {
	in := []Sentence{sent(0.2), sent(-0.6), sent(0), sent(0.6), sent(0.5), sent(0.1), sent(-0.05)}
	got := Aggregate(in, 1).Drivers
	want := []int{1, 3, 4, 0, 5} // |0.6| twice (earlier first), 0.5, the lede's 0.2 x 2, 0.1
	if len(got) != len(want) {
		t.Fatalf("Drivers = %+v, want indices %v", got, want)
	}
	for i := range want {
		if got[i].Index != want[i] {
			t.Errorf("Drivers[%d].Index = %d, want %d", i, got[i].Index, want[i])
		}
	}
	if got[3].Pull != [2]float64{0.4, 0} {
		t.Errorf("the lede's driver pull = %v, want its pull weighted by 2", got[3].Pull)
	}
	if d := Aggregate([]Sentence{sent(0)}, 1).Drivers; len(d) != 0 {
		t.Errorf("drivers of a none sentence = %+v, want none", d)
	}
}

func TestActors(t *testing.T) {
	in := []Sentence{
		sent(0.5, "kazakhstan", "russia"),
		sent(0.5, "kazakhstan", "russia"),
		sent(-0.5, "kazakhstan", "nato"),
		sent(0, "russia"),
		sent(0, "china"),
	}
	rows := Actors(in, 1)
	ids := []string{"china", "kazakhstan", "nato", "russia"}
	if len(rows) != len(ids) {
		t.Fatalf("Actors = %d rows, want %d", len(rows), len(ids))
	}
	for i, id := range ids {
		if rows[i].ID != id {
			t.Errorf("Actors()[%d].ID = %s, want %s", i, rows[i].ID, id)
		}
	}
	// kazakhstan: R 1, W 0.5 (no lede among an actor's sentences), k 4,
	// score 0.5/5.5 = 1/11.
	k := rows[1]
	if k.Sentences != 3 || k.Russia != 2 || k.West != 1 || k.None != 0 || k.Score == nil || math.Abs(*k.Score-1.0/11) > 1e-12 || k.Interval == nil {
		t.Errorf("Actors kazakhstan = %+v, want 3 sentences 2/1/0 score 1/11", k)
	}
	if c := rows[0]; c.Score != nil || c.Interval != nil || c.None != 1 {
		t.Errorf("Actors china = %+v, want no score", c)
	}
	again := Actors(in, 1)
	if *again[1].Interval != *k.Interval {
		t.Error("Actors is not deterministic")
	}
}

func TestWriteEvidenceGolden(t *testing.T) {
	lex := DefaultLexicon()
	var texts []string
	var in []Input
	for _, s := range []string{
		"[Uzbekistan|subject] would never allow a [U.S.|west] military base on its soil.",
		"[Karimov|subject] signed an alliance treaty with [Moscow|russia].",
		"The economy grew.",
		"[Tashkent|subject] joined [NATO|west]'s Partnership for Peace program despite [Moscow|russia]'s objections.",
	} {
		x, err := parseMarkup(s)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, x)
		texts = append(texts, x.Text)
	}
	ss := lex.Sentences(in)
	tx, err := parseMarkup("[Uzbekistan|subject] turns to [Moscow|russia]")
	if err != nil {
		t.Fatal(err)
	}
	title := lex.Score(tx.Text, tx.Actors)
	uz := lex.AggregateTitled(&title, ss, Seed("uz-2005", 1))
	docs := []Doc{
		{ID: "uz-2005", Title: "Uzbekistan  turns\nto Moscow", Sentences: len(ss), Alignment: uz, Texts: DriverTexts(uz, func(i int) string { return texts[i] })},
		{ID: "empty", Sentences: 1},
	}
	var buf bytes.Buffer
	if err := WriteEvidence(&buf, docs, 5, lex.Poles); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "evidence.md")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteEvidence = \n%s\nwant (%s)\n%s", buf.Bytes(), golden, want)
	}
}

// The normal approximation used from NormalFrom sentences agrees with the
// bootstrap it replaces: on 1,200 sentences (a third toward each pole, a
// third none, strengths spread over (0, 1)) both 95% bounds differ by less
// than 0.01, about the bootstrap's own noise at 2000 resamples.
func TestNormalMatchesBootstrap(t *testing.T) {
	var ss []Sentence
	for i := 0; i < 1200; i++ {
		s := Sentence{Stance: None}
		v := 0.1 + 0.8*float64(i%97)/97
		switch i % 3 {
		case 0:
			s = sent(v)
		case 1:
			s = sent(-v * 0.7)
		}
		ss = append(ss, s)
	}
	x := pulls(ss, 1)
	blo, bhi := bootstrap(x, 2, 7, Resamples)
	nlo, nhi := normalInterval(x, 2)
	if math.Abs(blo-nlo) > 0.01 || math.Abs(bhi-nhi) > 0.01 {
		t.Errorf("bootstrap [%.4f, %.4f], normal [%.4f, %.4f]: differ by more than 0.01", blo, bhi, nlo, nhi)
	}
}

// pulls returns the weighted pulls of ss, the first weighing lede.
func pulls(ss []Sentence, lede float64) [][2]float64 {
	x := make([][2]float64, len(ss))
	for i, s := range ss {
		x[i] = s.Pull
	}
	if len(x) > 0 {
		x[0][0] *= lede
		x[0][1] *= lede
	}
	return x
}

// naiveBootstrap is the textbook percentile bootstrap: len(ss) draws per
// resample, a full sort. bootstrap must match its distribution.
func naiveBootstrap(x [][2]float64, k float64, seed uint64, n int) (lo, hi float64) {
	rng := rand.New(rand.NewPCG(seed, seed))
	scores := make([]float64, n)
	for b := range scores {
		var r, w float64
		for range x {
			s := x[rng.IntN(len(x))]
			r += s[0]
			w += s[1]
		}
		scores[b] = (r - w) / (r + w + k)
	}
	sort.Float64s(scores)
	at := func(q float64) float64 {
		h := q * float64(n-1)
		i := math.Floor(h)
		return scores[int(i)] + (h-i)*(scores[min(int(i)+1, n-1)]-scores[int(i)])
	}
	return at(0.025), at(0.975)
}

// The two-step bootstrap (binomial count of stance sentences, then draws
// among them) gives the intervals of the textbook bootstrap: over article
// shapes from 3 to 600 sentences and evidence shares from 2% to 100%,
// bounds at 20,000 resamples agree within 0.01 (the Monte Carlo noise of a
// 2.5% quantile at that many resamples is a few thousandths).
func TestBootstrapMatchesNaive(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for _, tc := range []struct {
		n     int
		share float64
	}{{3, 1}, {10, 0.3}, {44, 0.4}, {44, 0.05}, {120, 0.6}, {600, 0.02}, {600, 1}} {
		ss := make([]Sentence, tc.n)
		for i := range ss {
			if rng.Float64() < tc.share || i == 0 {
				v := 0.1 + 0.9*rng.Float64()
				if rng.IntN(3) == 0 {
					v = -v
				}
				ss[i] = sent(v)
			} else {
				ss[i] = sent(0)
			}
		}
		x := pulls(ss, 2)
		lo, hi := bootstrap(x, 2, 11, 20000)
		nlo, nhi := naiveBootstrap(x, 2, 12, 20000)
		if math.Abs(lo-nlo) > 0.01 || math.Abs(hi-nhi) > 0.01 {
			t.Errorf("n %d share %.2f: bootstrap [%.4f, %.4f], textbook [%.4f, %.4f]", tc.n, tc.share, lo, hi, nlo, nhi)
		}
	}
}

// binomialCDF agrees with gonum's closed form.
func TestBinomialCDF(t *testing.T) {
	for _, tc := range [][2]int{{1, 0}, {1, 1}, {5, 2}, {44, 9}, {999, 3}, {999, 990}} {
		n, e := tc[0], tc[1]
		cdf := binomialCDF(n, e)
		b := distuv.Binomial{N: float64(n), P: float64(e) / float64(n)}
		for k := 0; k <= n; k++ {
			if got, want := cdf[k], b.CDF(float64(k)); math.Abs(got-want) > 1e-9 {
				t.Fatalf("B(%d, %d/%d) CDF at %d = %.12f, gonum %.12f", n, e, n, k, got, want)
			}
		}
	}
}

// percentile by selection equals the sorted-array quantile, with ties and
// at both ends.
func TestPercentile(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, n := range []int{1, 2, 3, 7, 40, 2000} {
		for trial := range 20 {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(rng.IntN(1 + trial*5)) // many ties when trial is small
			}
			sorted := slices.Sorted(slices.Values(xs))
			for _, q := range []float64{0, 0.025, 0.5, 0.975, 1} {
				h := q * float64(n-1)
				i := math.Floor(h)
				want := sorted[int(i)] + (h-i)*(sorted[min(int(i)+1, n-1)]-sorted[int(i)])
				if got := percentile(slices.Clone(xs), q); got != want {
					t.Fatalf("n %d q %v: percentile %v, sorted quantile %v", n, q, got, want)
				}
			}
		}
	}
}

func BenchmarkAggregate(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	ss := make([]Sentence, 44)
	for i := range ss {
		if rng.Float64() < 0.4 {
			ss[i] = sent(0.2 + 0.8*rng.Float64())
		}
	}
	for b.Loop() {
		Aggregate(ss, 1)
	}
}
