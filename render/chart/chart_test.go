package chart

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"alignnet/internal/golden"
	"alignnet/render/style"
)

var nan = math.NaN()

// alignmentFixture has one bar of each kind: toward Russia with a
// whisker, toward the West with a whisker reaching past −1 (clipped), no
// evidence, exactly balanced, and a title longer than MaxLabelRunes.
func alignmentFixture() *Alignment {
	return &Alignment{
		Title: "Alignment of four articles",
		Bars: []Bar{
			{Label: "Kazakhstan and Russia sign air defence agreement", Value: 0.6, Lo: 0.3, Hi: 0.85},
			{Label: "Astana hosts OSCE summit", Value: -0.45, Lo: -1.2, Hi: -0.1},
			{Label: "Baikonur lease talks", Missing: true, Lo: nan, Hi: nan},
			{Label: "Balanced coverage of the SCO summit in Bishkek and of the NATO exercise Steppe Eagle", Value: 0, Lo: nan, Hi: nan},
		},
	}
}

// centralityFixture has four actors whose ranks differ between measures
// and a tie (Putin and NATO both have betweenness 0).
func centralityFixture() *Centrality {
	return &Centrality{
		Title: "Central actors (fixture)",
		Actors: []Actor{
			{"Kazakhstan", "subject", 3, 9, 0.67, 0.61, 0.31},
			{"Russia", "russia", 3, 7, 0.33, 0.55, 0.28},
			{"Vladimir Putin", "russia", 2, 4, 0, 0.41, 0.19},
			{"NATO", "west", 2, 5, 0, 0.39, 0.22},
		},
	}
}

func render(t *testing.T, f style.Figure) (svg, png []byte) {
	t.Helper()
	var s, p bytes.Buffer
	if err := f.WriteSVG(&s); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	if err := f.WritePNG(&p); err != nil {
		t.Fatalf("WritePNG: %v", err)
	}
	return s.Bytes(), p.Bytes()
}

var goldenTests = []struct {
	name string
	fig  func() style.Figure
}{
	{"alignment", func() style.Figure { return alignmentFixture() }},
	{"centrality", func() style.Figure { return centralityFixture() }},
	{"timeline", func() style.Figure { return timelineFixture() }},
	{"spectrum", func() style.Figure { return spectrumFixture() }},
	{"heatmap", func() style.Figure { return heatmapFixture() }},
	{"comparison", func() style.Figure { return comparisonFixture() }},
}

// comparisonFixture: five baseline scores, three new articles, one
// without evidence.
func comparisonFixture() *Comparison {
	return &Comparison{
		Baseline: []float64{0.35, 0.53, 0.7, 0.84, 0.91},
		New: []Marked{
			{Label: "2005-06-20 · Tashkent turns away from Washington", Value: -0.37, Lo: -0.7, Hi: 0.02},
			{Label: "2014-10-21 · Rahmon leans on Moscow", Value: 0.56, Lo: 0.14, Hi: 0.86},
			{Label: "2020-01-01 · Weather report", Missing: true, Lo: math.NaN(), Hi: math.NaN()},
		},
	}
}

func TestGolden(t *testing.T) {
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			svg, png := render(t, tt.fig())
			golden.Check(t, tt.name+".svg", svg)
			golden.CheckHash(t, tt.name+".png.sha256", png)
			if dir := *golden.Preview; dir != "" {
				golden.WriteFigure(t, dir, "fixture-"+tt.name, tt.fig())
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, tt := range goldenTests {
		svg1, png1 := render(t, tt.fig())
		svg2, png2 := render(t, tt.fig())
		if !bytes.Equal(svg1, svg2) {
			t.Errorf("%s: two SVG renders differ", tt.name)
		}
		if !bytes.Equal(png1, png2) {
			t.Errorf("%s: two PNG renders differ", tt.name)
		}
	}
}

func TestAlignmentSVGContent(t *testing.T) {
	svg, _ := render(t, alignmentFixture())
	for _, want := range []string{
		"no evidence", "← toward the West", "toward Russia →", "alignment score",
		"#D55E00", "#0072B2", // bar colours by sign
		"Balanced coverage of the SCO summit in…", // cut at a space to fit the label column
		"+0.60", "−0.45", "0.00",
	} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("alignment SVG lacks %q", want)
		}
	}
	a := alignmentFixture()
	a.Negative, a.Positive = "toward the EU", "toward the EAEU"
	svg, _ = render(t, a)
	for _, want := range []string{"← toward the EU", "toward the EAEU →"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("alignment SVG with custom poles lacks %q", want)
		}
	}
}

var errorTests = []struct {
	name string
	fig  style.Figure
	want error
}{
	{"no bars", &Alignment{}, ErrEmpty},
	{"no actors", &Centrality{}, ErrEmpty},
	{"value above 1", &Alignment{Bars: []Bar{{Label: "a", Value: 1.5}}}, ErrRange},
	{"NaN value", &Alignment{Bars: []Bar{{Label: "a", Value: nan}}}, ErrRange},
	{"negative degree", &Centrality{Actors: []Actor{{Label: "a", Degree: -1}}}, ErrRange},
	{"infinite PageRank", &Centrality{Actors: []Actor{{Label: "a", PageRank: math.Inf(1)}}}, ErrRange},
}

func TestErrors(t *testing.T) {
	for _, tt := range errorTests {
		var buf bytes.Buffer
		if err := tt.fig.WriteSVG(&buf); !errors.Is(err, tt.want) {
			t.Errorf("%s: WriteSVG = %v, want %v", tt.name, err, tt.want)
		}
		if err := tt.fig.WritePNG(&buf); !errors.Is(err, tt.want) {
			t.Errorf("%s: WritePNG = %v, want %v", tt.name, err, tt.want)
		}
	}
	// A missing bar needs no value.
	a := &Alignment{Bars: []Bar{{Label: "a", Value: nan, Missing: true}}}
	if err := a.WriteSVG(&bytes.Buffer{}); err != nil {
		t.Errorf("missing bar with NaN value: %v", err)
	}
}

func TestOrdered(t *testing.T) {
	as, rs := ordered(centralityFixture().Actors)
	// Ranks by hand from centralityFixture: Kazakhstan and Russia tie on
	// degree (1, 1); Putin and NATO tie on degree (3, 3) and betweenness
	// (3, 3). Mean ranks: Kazakhstan 1, Russia 1.8, NATO 3.4, Putin 3.6.
	want := []struct {
		label string
		ranks [5]int
	}{
		{"Kazakhstan", [5]int{1, 1, 1, 1, 1}},
		{"Russia", [5]int{1, 2, 2, 2, 2}},
		{"NATO", [5]int{3, 3, 3, 4, 3}},
		{"Vladimir Putin", [5]int{3, 4, 3, 3, 4}},
	}
	for i, w := range want {
		if as[i].Label != w.label || rs[i] != w.ranks {
			t.Errorf("ordered()[%d] = %s %v, want %s %v", i, as[i].Label, rs[i], w.label, w.ranks)
		}
	}
}

var niceMaxTests = []struct {
	max     float64
	integer bool
	top     float64
	step    float64
}{
	{0, false, 1, 0.5},       // all zero: a unit axis
	{38, true, 40, 20},       // half 19 → step 20
	{412, true, 500, 250},    // half 206 → 250
	{0.41, false, 0.5, 0.25}, // half 0.205 → 0.25
	{0.121, false, 0.16, 0.08},
	{0.52, false, 0.6, 0.3},
	{3, false, 3, 1.5},
	{3, true, 4, 2}, // counts: no 1.5 tick
	{1, true, 2, 1},
	{1, false, 1, 0.5},
	{9, true, 10, 5},
	{7, true, 8, 4},
}

func TestNiceMax(t *testing.T) {
	for _, tt := range niceMaxTests {
		top, step := niceMax(tt.max, tt.integer)
		if top != tt.top || step != tt.step {
			t.Errorf("niceMax(%v, %v) = %v, %v, want %v, %v", tt.max, tt.integer, top, step, tt.top, tt.step)
		}
		if tt.max > 1 && tt.max/top < 0.6 {
			t.Errorf("niceMax(%v) = %v: data fill %.0f%% of the axis, want ≥ 60%%", tt.max, top, 100*tt.max/top)
		}
	}
}

var signedTests = []struct {
	v    float64
	want string
}{
	{0.4213, "+0.42"},
	{-0.1, "−0.10"},
	{0, "0.00"},
	{-0.001, "0.00"}, // rounds to zero: no sign
	{1, "+1.00"},
}

func TestSigned(t *testing.T) {
	for _, tt := range signedTests {
		if got := signed(tt.v, 2); got != tt.want {
			t.Errorf("signed(%v, 2) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func BenchmarkAlignmentPNG(b *testing.B) {
	a := alignmentFixture()
	for b.Loop() {
		if err := a.WritePNG(&bytes.Buffer{}); err != nil {
			b.Fatal(err)
		}
	}
}
