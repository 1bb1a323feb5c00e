package eval

import (
	"math"
	"slices"
	"testing"
)

const tol = 1e-12

func near(got Value, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(float64(got))
	}
	return math.Abs(float64(got)-want) <= tol
}

func loadFixture(t testing.TB) Report {
	t.Helper()
	gold, err := LoadGold("testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	run, err := LoadRun("testdata/run.json")
	if err != nil {
		t.Fatal(err)
	}
	return Score(gold, run)
}

// TestFixture checks every figure of testdata against counts made by hand.
//
// Article a (entities; "counted" excludes Astana: place, Shield 2008: its
// form Shield–2008 folds to the ignored Shield-2008, Interfax: a source):
//
//	Nazarbayev/person, Russia/country, CSTO/org, Kazakhstan's  Ministry of
//	Defense/org (folds to the gold's curly form) match typed: TP 4.
//	West/organization shares "Western" with the West/country: untyped only.
//	Vladimir Putin: no gold. Typed TP 4 FP 2 FN 1; untyped TP 5 FP 1 FN 0.
//	Sources {interfax, itar-tass} vs {interfax, kazinform}: TP 1 FP 1 FN 1.
//	Sentences: 1 identical after folding (russia ok); 2 Jaccard 6/8 (russia
//	ok); 3 Jaccard 5/7, none->west; 4 Jaccard 4/9 < 0.6, unpaired west.
//	Alignment 0.35 vs 1: signs + and +.
//
// Article b ("b.txt" in the run):
//
//	Kazakhstan/country and NATO/org match; Kazakh/person competes with
//	Kazakhstan/country for gold Kazakhstan and loses, typed and untyped;
//	Russia is missed. Typed and untyped TP 2 FP 1 FN 1.
//	Sources Interfax–Kazakhstan folds to the gold's: TP 1.
//	Sentences: west ok; none->west. Alignment null -> 0 vs -0.5: disagree.
//
// Article c is missing: entity FN 1, source FN 1, one unpaired none
// sentence, alignment 0 vs 0: agree. Run article x has no gold: extra.
func TestFixture(t *testing.T) {
	r := loadFixture(t)
	if !slices.Equal(r.Missing, []string{"c"}) || !slices.Equal(r.Extra, []string{"x"}) {
		t.Errorf("Missing, Extra = %v, %v, want [c], [x]", r.Missing, r.Extra)
	}
	if r.GoldArticles != 3 || r.Scored != 2 {
		t.Errorf("GoldArticles, Scored = %d, %d, want 3, 2", r.GoldArticles, r.Scored)
	}
	prfs := []struct {
		name       string
		got        PRF
		tp, fp, fn int
		p, r, f1   float64
	}{
		// typed: TP 4+2+0, FP 2+1+0, FN 1+1+1
		{"entities typed", r.Entities, 6, 3, 3, 6.0 / 9, 6.0 / 9, 12.0 / 18},
		// untyped: TP 5+2+0, FP 1+1+0, FN 0+1+1
		{"entities untyped", r.EntitiesUntyped, 7, 2, 2, 7.0 / 9, 7.0 / 9, 14.0 / 18},
		// sources: TP 1+1+0, FP 1+0+0, FN 1+0+1
		{"sources", r.Sources, 2, 1, 2, 2.0 / 3, 2.0 / 4, 4.0 / 7},
		{"a typed", r.Articles[0].Entities, 4, 2, 1, 4.0 / 6, 4.0 / 5, 8.0 / 11},
		{"a untyped", r.Articles[0].EntitiesUntyped, 5, 1, 0, 5.0 / 6, 1, 10.0 / 11},
		{"b typed", r.Articles[1].Entities, 2, 1, 1, 2.0 / 3, 2.0 / 3, 4.0 / 6},
		// c: no system entities, precision 0/0
		{"c typed", r.Articles[2].Entities, 0, 0, 1, math.NaN(), 0, 0},
		// pooled labels from the confusion matrix below
		{"russia", r.Sentences.Labels[0].PRF, 2, 0, 0, 1, 1, 1},
		{"west", r.Sentences.Labels[1].PRF, 1, 2, 1, 1.0 / 3, 1.0 / 2, 2.0 / 5},
		{"none", r.Sentences.Labels[2].PRF, 0, 0, 3, math.NaN(), 0, 0},
	}
	for _, c := range prfs {
		g := c.got
		if g.TP != c.tp || g.FP != c.fp || g.FN != c.fn {
			t.Errorf("%s counts = %d/%d/%d, want %d/%d/%d", c.name, g.TP, g.FP, g.FN, c.tp, c.fp, c.fn)
		}
		if !near(g.Precision, c.p) || !near(g.Recall, c.r) || !near(g.F1, c.f1) {
			t.Errorf("%s P/R/F1 = %v/%v/%v, want %v/%v/%v", c.name, g.Precision, g.Recall, g.F1, c.p, c.r, c.f1)
		}
	}
	s := r.Sentences
	// 7 gold sentences (4+2+1); correct 2 (a) + 1 (b); unpaired a4 and c1.
	if s.Gold != 7 || s.Correct != 3 || s.Unpaired != 2 || s.Paired != 5 {
		t.Errorf("sentences gold/correct/unpaired/paired = %d/%d/%d/%d, want 7/3/2/5", s.Gold, s.Correct, s.Unpaired, s.Paired)
	}
	wantConf := []ConfusionRow{
		{Gold: "russia", Russia: 2},
		{Gold: "west", West: 1, Unpaired: 1},
		{Gold: "none", West: 2, Unpaired: 1},
	}
	if !slices.Equal(s.Confusion, wantConf) {
		t.Errorf("confusion = %+v, want %+v", s.Confusion, wantConf)
	}
	values := []struct {
		name string
		got  Value
		want float64
	}{
		{"accuracy", s.Accuracy, 3.0 / 7},
		{"macro-F1", s.MacroF1, (1 + 0.4 + 0) / 3},
		{"a accuracy", r.Articles[0].Sentences.Accuracy, 2.0 / 4},
		// a: russia F1 1, west 0 (TP 0), none 0 (TP 0)
		{"a macro-F1", r.Articles[0].Sentences.MacroF1, 1.0 / 3},
		// b: russia absent from gold and predictions; west 2/3, none 0
		{"b macro-F1", r.Articles[1].Sentences.MacroF1, (2.0 / 3) / 2},
		// scipy.stats.spearmanr([1, -0.5, 0], [0.35, 0, 0]) = 0.8660254037844387
		{"Spearman", r.Alignment.Spearman, 0.8660254037844387},
		{"sign agree", r.Alignment.SignAgree, 2.0 / 3},
	}
	for _, v := range values {
		if math.Abs(float64(v.got)-v.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", v.name, float64(v.got), v.want)
		}
	}
	if r.Alignment.Null != 2 || r.Alignment.Agreed != 2 {
		t.Errorf("alignment null, agreed = %d, %d, want 2, 2", r.Alignment.Null, r.Alignment.Agreed)
	}
	a := r.Articles[0]
	wantFP := []EntityError{
		{Name: "West", Type: "organization", Gold: "country the West"},
		{Name: "Vladimir Putin", Type: "person"},
	}
	if !slices.Equal(a.EntityFP, wantFP) {
		t.Errorf("a entity FP = %+v, want %+v", a.EntityFP, wantFP)
	}
	if !slices.Equal(a.EntityFN, []EntityError{{Name: "the West", Type: "country"}}) {
		t.Errorf("a entity FN = %+v, want [the West]", a.EntityFN)
	}
	if !slices.Equal(a.Excluded, []string{"Interfax", "Shield 2008"}) {
		t.Errorf("a excluded = %v, want [Interfax Shield 2008]", a.Excluded)
	}
	if !slices.Equal(a.SourceFP, []string{"ITAR-TASS"}) || !slices.Equal(a.SourceFN, []string{"Kazinform"}) {
		t.Errorf("a sources FP, FN = %v, %v, want [ITAR-TASS], [Kazinform]", a.SourceFP, a.SourceFN)
	}
	if len(a.Unpaired) != 1 || !near(a.Unpaired[0].Best, 4.0/9) {
		t.Errorf("a unpaired = %+v, want one at best Jaccard 4/9", a.Unpaired)
	}
}

// TestFold checks the folding of quotes, dashes, whitespace and case.
func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kazakhstan’s", "kazakhstan's"},
		{"‘a’ ‚b‛ c′", "'a' 'b' c'"},
		{"“Nur Otan” „x″", `"nur otan" "x"`},
		{"Interfax–Kazakhstan", "interfax-kazakhstan"},
		{"a—b‒c−d‐e", "a-b-c-d-e"},
		{"  Ministry \t of\n\u00a0Defense  ", "ministry of defense"},
		{"CSTO", "csto"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := Tokens("Kazakhstan’s GDP grew 8% in 2000-01; KAZAKHSTAN’S")
	want := []string{"01", "2000", "8", "gdp", "grew", "in", "kazakhstan", "s"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %v, want %v", got, want)
	}
}

// entityTests are single articles whose counts can be read off the table.
var entityTests = []struct {
	name     string
	gold     Gold
	sys      []Entity
	typed    [3]int // TP, FP, FN
	untyped  [3]int
	excluded []string
}{
	{
		name: "place is never counted, even when it names a gold form",
		gold: Gold{Entities: []GoldEntity{{Name: "Russia", Type: "country", Forms: []string{"Moscow"}}}},
		sys:  []Entity{{Name: "Moscow", Type: "place"}, {Name: "Caspian", Type: "place"}},
		// nothing counted: gold Russia is a false negative
		typed: [3]int{0, 0, 1}, untyped: [3]int{0, 0, 1},
	},
	{
		name: "ignore and sources excuse unmatched entities",
		gold: Gold{
			Entities: []GoldEntity{{Name: "NATO", Type: "organization"}},
			Ignore:   []string{"Partnership for Peace"},
			Sources:  []string{"Interfax-Kazakhstan"},
		},
		sys: []Entity{
			{Name: "NATO", Type: "organization"},
			{Name: "PfP", Type: "organization", Forms: []string{"partnership  for peace"}},
			{Name: "Interfax—Kazakhstan", Type: "organization"},
			{Name: "Interfax", Type: "organization"}, // not a listed source: FP
		},
		typed: [3]int{1, 1, 0}, untyped: [3]int{1, 1, 0},
		excluded: []string{"Interfax—Kazakhstan", "PfP"},
	},
	{
		name: "a form hitting ignore does not excuse a gold actor",
		gold: Gold{
			Entities: []GoldEntity{{Name: "Russia", Type: "country", Forms: []string{"Russia"}}},
			Ignore:   []string{"Soviet"},
		},
		sys: []Entity{
			{Name: "Russia", Type: "country", Forms: []string{"Russia", "Soviet"}},
			{Name: "Soviet", Type: "country", Forms: []string{"Soviet"}},
		},
		// Russia matches; the second hits ignore and shares nothing with gold
		typed: [3]int{1, 0, 0}, untyped: [3]int{1, 0, 0},
		excluded: []string{"Soviet"},
	},
	{
		name:  "type mismatch counts untyped only",
		gold:  Gold{Entities: []GoldEntity{{Name: "the West", Type: "country", Forms: []string{"Western"}}}},
		sys:   []Entity{{Name: "West", Type: "organization", Forms: []string{"WESTERN"}}},
		typed: [3]int{0, 1, 1}, untyped: [3]int{1, 0, 0},
	},
	{
		name: "two system entities for one gold entity: one is FP",
		gold: Gold{Entities: []GoldEntity{{Name: "Dmitry Medvedev", Type: "person", Forms: []string{"Medvedev"}}}},
		sys: []Entity{
			{Name: "Dmitry Medvedev", Type: "person"},
			{Name: "Medvedev", Type: "person"},
		},
		typed: [3]int{1, 1, 0}, untyped: [3]int{1, 1, 0},
	},
	{
		// Greedy in input order pairs the first system entity with the
		// Russian ministry (its first edge) and leaves the second with
		// nothing: TP 1. The maximum matching finds TP 2.
		name: "bipartite matching beats greedy",
		gold: Gold{Entities: []GoldEntity{
			{Name: "Russian Ministry of Defense", Type: "organization", Forms: []string{"Ministry of Defense"}},
			{Name: "Kazakhstan Ministry of Defense", Type: "organization", Forms: []string{"Kazakhstan’s Ministry of Defense", "Ministry of Defense"}},
		}},
		sys: []Entity{
			{Name: "Ministry of Defense", Type: "organization", Forms: []string{"Kazakhstan's Ministry of Defense"}},
			{Name: "Russian Ministry of Defense", Type: "organization"},
		},
		typed: [3]int{2, 0, 0}, untyped: [3]int{2, 0, 0},
	},
}

func TestEntities(t *testing.T) {
	for _, tt := range entityTests {
		for _, order := range []string{"given", "reversed"} {
			sys := slices.Clone(tt.sys)
			if order == "reversed" {
				slices.Reverse(sys)
			}
			typed, untyped, _, _, excluded := scoreEntities(tt.gold, sys)
			if got := [3]int{typed.TP, typed.FP, typed.FN}; got != tt.typed {
				t.Errorf("%s (%s order): typed = %v, want %v", tt.name, order, got, tt.typed)
			}
			if got := [3]int{untyped.TP, untyped.FP, untyped.FN}; got != tt.untyped {
				t.Errorf("%s (%s order): untyped = %v, want %v", tt.name, order, got, tt.untyped)
			}
			if !slices.Equal(excluded, tt.excluded) {
				t.Errorf("%s (%s order): excluded = %v, want %v", tt.name, order, excluded, tt.excluded)
			}
		}
	}
}

// TestGreedyLoses shows that first-come matching would undercount the
// "bipartite matching beats greedy" case of entityTests.
func TestGreedyLoses(t *testing.T) {
	adj := [][]int{{0, 1}, {0}} // system 0 matches both gold entities, system 1 only gold 0
	greedy, taken := 0, map[int]bool{}
	for _, js := range adj {
		for _, j := range js {
			if !taken[j] {
				taken[j], greedy = true, greedy+1
				break
			}
		}
	}
	_, size := maxMatching(adj, 2)
	if greedy != 1 || size != 2 {
		t.Errorf("greedy, maxMatching = %d, %d, want 1, 2", greedy, size)
	}
}

// pairTests check the Jaccard threshold and the choice among candidates.
var pairTests = []struct {
	name string
	gold string
	sys  []string
	want int // index of the paired system sentence, -1 for unpaired
}{
	// {a b c} vs {a b c d e}: 3/5 = 0.6, exactly the threshold
	{"Jaccard 0.6 pairs", "a b c", []string{"a b c d e"}, 0},
	// {a b c} vs {a b c d e f}: 3/6 = 0.5
	{"Jaccard 0.5 does not", "a b c", []string{"a b c d e f"}, -1},
	// {a b c d e f g h i j} vs {a..f x}: 6/11 = 0.545
	{"Jaccard 6/11 does not", "a b c d e f g h i j", []string{"a b c d e f x"}, -1},
	// case, quotes and punctuation fold away: 1.0
	{"folded tokens", "Kazakhstan’s  NATO-plan.", []string{"x", "kazakhstan's nato plan"}, 1},
	// gold {a..e}: candidate 0 {a b c} shares 3 (J 0.6), candidate 1
	// {a b c d e f g} shares 5 (J 5/7 = 0.714): most shared tokens wins
	{"most shared tokens", "a b c d e", []string{"a b c", "a b c d e f g"}, 1},
	// gold {a b c d e f}: candidate 0 {a..f x y} shares 6, J 0.75;
	// candidate 1 {a..f x} shares 6, J 6/7: tie on shared, higher Jaccard
	{"tie broken by Jaccard", "a b c d e f", []string{"a b c d e f x y", "a b c d e f x"}, 1},
	{"no system sentences", "a b c", nil, -1},
	{"empty sentence", "", []string{""}, -1},
}

func TestPairing(t *testing.T) {
	for _, tt := range pairTests {
		var sys []Sentence
		for i, s := range tt.sys {
			stance := "none"
			if i == tt.want {
				stance = "russia"
			}
			sys = append(sys, Sentence{Text: s, Stance: stance})
		}
		c, unpaired, _ := scoreSentences([]GoldSentence{{Text: tt.gold, Stance: "russia"}}, sys)
		got := -1
		switch {
		case len(unpaired) == 1:
		case c[0][0] == 1:
			got = tt.want
		default:
			got = -2 // paired with the wrong sentence
		}
		if got != tt.want {
			t.Errorf("%s: pair = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestPairingDuplicates: two identical gold sentences take two identical
// system sentences in turn rather than both taking the first.
func TestPairingDuplicates(t *testing.T) {
	gold := []GoldSentence{{Text: "Kazakhstan joined.", Stance: "russia"}, {Text: "Kazakhstan joined.", Stance: "west"}}
	sys := []Sentence{{Text: "Kazakhstan joined.", Stance: "russia"}, {Text: "Kazakhstan joined.", Stance: "west"}}
	c, _, wrong := scoreSentences(gold, sys)
	if c[0][0] != 1 || c[1][1] != 1 || len(wrong) != 0 {
		t.Errorf("duplicates: confusion %v, wrong %v, want russia->russia and west->west", c, wrong)
	}
}

// macroTests build a confusion matrix (rows gold russia, west, none;
// columns system russia, west, none, other, unpaired).
var macroTests = []struct {
	name string
	c    sentenceCounts
	want float64
}{
	// west absent from gold and predictions: mean over russia and none, 1
	{"label absent from both", sentenceCounts{{3, 0, 0, 0, 0}, {}, {0, 0, 2, 0, 0}}, 1},
	// west predicted once but never gold: west F1 0 (TP 0, FP 1);
	// russia TP 2 FP 1 FN 1 -> 4/6; none TP 1 FN 1 -> 2/3; (2/3+0+2/3)/3
	{"label only predicted", sentenceCounts{{2, 1, 0, 0, 0}, {}, {1, 0, 1, 0, 0}}, (2.0/3 + 2.0/3) / 3},
	// west gold once, unpaired: west F1 0; russia 1; none absent: (1+0)/2
	{"label only gold, unpaired", sentenceCounts{{1, 0, 0, 0, 0}, {0, 0, 0, 0, 1}, {}}, 0.5},
	// an "other" system label is wrong for russia and nobody's FP:
	// russia TP 1 FN 1 -> 2/3; none TP 1 -> 1; (2/3+1)/2
	{"other stance", sentenceCounts{{1, 0, 0, 1, 0}, {}, {0, 0, 1, 0, 0}}, (2.0/3 + 1) / 2},
	{"no sentences", sentenceCounts{}, math.NaN()},
}

func TestMacroF1(t *testing.T) {
	for _, tt := range macroTests {
		if got := tt.c.scores().MacroF1; !near(got, tt.want) {
			t.Errorf("%s: MacroF1 = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// spearmanTests: want values are scipy.stats.spearmanr(x, y).correlation
// (scipy 1.10.1, Debian python3-scipy), except where marked.
var spearmanTests = []struct {
	x, y []float64
	want float64
}{
	{[]float64{1, -0.5, 0}, []float64{0.35, 0, 0}, 0.8660254037844387},
	{[]float64{1, 1, 1, 0.5, 0.5}, []float64{0.8, 0.2, 0.2, 0.2, -0.3}, 0.6454972243679028},
	{[]float64{-1, -0.5, 0, 0.5, 1, 1}, []float64{0.1, -0.2, 0, 0, 0.6, 0.3}, 0.6176470588235294},
	{[]float64{0.5, 0.5, -1, 0, 1, -0.5, 0}, []float64{0.42, 0.10, -0.61, 0.10, 0.05, -0.05, 0}, 0.7156264473321344},
	{[]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1},
	// by hand: undefined when one side is constant or too short
	{[]float64{1, 1, 1}, []float64{0.1, 0.2, 0.3}, math.NaN()},
	{[]float64{-1, 0, 1}, []float64{0, 0, 0}, math.NaN()},
	{[]float64{1}, []float64{1}, math.NaN()},
	{nil, nil, math.NaN()},
}

func TestSpearman(t *testing.T) {
	for _, tt := range spearmanTests {
		got := Spearman(tt.x, tt.y)
		if !near(Value(got), tt.want) {
			t.Errorf("Spearman(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

// signTests: the gold sign is exact; the system's is 0 within ±0.1
// inclusive (GUIDELINE.md "Scoring").
var signTests = []struct {
	gold, sys float64
	agree     bool
}{
	{0, 0.1, true},
	{0, -0.1, true},
	{0, 0.3 - 0.2, true}, // 0.10000000000000003: float noise stays inside
	{0, 0.1001, false},
	{0, -0.1001, false},
	{0.5, 0.1, false},
	{0.5, 0.1001, true},
	{-1, -0.1, false},
	{-1, -0.11, true},
	{1, -0.5, false},
}

func TestSign(t *testing.T) {
	for _, tt := range signTests {
		score := tt.sys
		ar, _ := scoreArticle(Gold{Alignment: tt.gold}, &Article{Alignment: Alignment{Score: &score}})
		if ar.SignAgrees != tt.agree {
			t.Errorf("sign agrees(gold %v, system %v) = %t, want %t", tt.gold, tt.sys, ar.SignAgrees, tt.agree)
		}
	}
	// a null system score is 0
	ar, _ := scoreArticle(Gold{Alignment: 0}, &Article{})
	if !ar.SignAgrees || ar.Alignment.Defined() {
		t.Errorf("null score: SignAgrees %t, Alignment %v, want true, n/a", ar.SignAgrees, ar.Alignment)
	}
}

// TestScoreOrder: shuffling gold and run articles changes nothing.
func TestScoreOrder(t *testing.T) {
	gold, _ := LoadGold("testdata/gold")
	run, _ := LoadRun("testdata/run.json")
	want := Score(gold, run)
	slices.Reverse(gold)
	slices.Reverse(run)
	got := Score(gold, run)
	if got.Entities != want.Entities || got.Sources != want.Sources ||
		got.Sentences.Correct != want.Sentences.Correct || got.Alignment.Spearman != want.Alignment.Spearman {
		t.Errorf("Score(reversed) = %+v, want %+v", got, want)
	}
}

// TestSpearmanSteps: on the seeds' gold alignments (1, 1, 1, 0.5, 0.5)
// any untied score reaches 0.866 at best, while steps that tie as the
// gold does reach 1; a null score counts as step 0, and a run whose
// scores carry no steps has no steps Spearman.
func TestSpearmanSteps(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	gold := []Gold{{Article: "a", Alignment: 1}, {Article: "b", Alignment: 1}, {Article: "c", Alignment: 1},
		{Article: "d", Alignment: 0.5}, {Article: "e", Alignment: 0.5}, {Article: "f", Alignment: 0}}
	run := []Article{
		{ID: "a", Alignment: Alignment{Score: f(0.77), Step: f(1)}},
		{ID: "b", Alignment: Alignment{Score: f(0.65), Step: f(1)}},
		{ID: "c", Alignment: Alignment{Score: f(0.84), Step: f(1)}},
		{ID: "d", Alignment: Alignment{Score: f(0.38), Step: f(0.5)}},
		{ID: "e", Alignment: Alignment{Score: f(0.49), Step: f(0.5)}},
		{ID: "f"}, // null score: 0 and step 0
	}
	r := Score(gold, run)
	if !near(r.Alignment.SpearmanSteps, 1) || !near(r.Alignment.Spearman, Spearman([]float64{0.77, 0.65, 0.84, 0.38, 0.49, 0}, []float64{1, 1, 1, 0.5, 0.5, 0})) {
		t.Errorf("Spearman %v, of steps %v, want the scores' and 1", r.Alignment.Spearman, r.Alignment.SpearmanSteps)
	}
	run[4].Alignment.Step = nil
	if r := Score(gold, run); r.Alignment.SpearmanSteps.Defined() {
		t.Errorf("a score without a step: Spearman of steps %v, want n/a", r.Alignment.SpearmanSteps)
	}
}
