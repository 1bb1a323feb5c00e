package chart

import (
	"bytes"
	"errors"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"alignnet/render/style"
)

// timelineFixture has every kind of point: toward Russia with a whisker,
// toward the West with an inferred date, exactly balanced, no evidence,
// two articles on one day, and an undated article (left out).
func timelineFixture() *Timeline {
	return &Timeline{
		Title: "Alignment over time (fixture)",
		Points: []Dated{
			{Label: "Air defence agreement", Date: day("2008-03-03"), Value: 0.6, Lo: 0.3, Hi: 0.85},
			{Label: "OSCE summit", Date: day("2010-12-01"), Inferred: true, Value: -0.45, Lo: -0.8, Hi: -0.1},
			{Label: "SCO summit", Date: day("2009-06-15"), Value: 0, Lo: nan, Hi: nan},
			{Label: "Baikonur lease", Date: day("2009-06-15"), Missing: true, Lo: nan, Hi: nan},
			{Label: "Customs Union", Date: day("2010-07-01"), Value: 0.5, Lo: nan, Hi: nan},
			{Label: "Customs Union, second report", Date: day("2010-07-01"), Value: 0.5, Lo: nan, Hi: nan},
			{Label: "Undated", Value: 0.2, Lo: nan, Hi: nan},
		},
	}
}

// spectrumFixture has four actors of three blocs, one with a whisker
// reaching past +1 (clipped) and one without evidence.
func spectrumFixture() *Spectrum {
	return &Spectrum{
		Title: "Actors on the spectrum (fixture)",
		Actors: []Placed{
			{"United States", "west", -0.5, -0.8, -0.2, 6},
			{"Russia", "russia", 0.7, 0.4, 1.3, 20},
			{"Kazakhstan", "subject", 0.2, -0.1, 0.5, 24},
			{"Uzbekistan", "other", nan, nan, nan, 0},
			{"China", "other", 0.05, nan, nan, 1},
		},
	}
}

// heatmapFixture is a five-actor co-mention matrix in two communities.
func heatmapFixture() *Heatmap {
	return &Heatmap{
		Title:     "Co-mentions (fixture)",
		Labels:    []string{"Kazakhstan", "Russia", "CSTO", "United States", "NATO"},
		Community: []int{0, 0, 0, 1, 1},
		Weights: [][]float64{
			{0, 40, 6, 5, 2},
			{40, 0, 9, 3, 0},
			{6, 9, 0, 0, 1},
			{5, 3, 0, 0, 4},
			{2, 0, 1, 4, 0},
		},
	}
}

func TestNewFiguresSVGContent(t *testing.T) {
	tests := []struct {
		name string
		fig  style.Figure
		want []string
	}{
		{"timeline", timelineFixture(), []string{
			"↑ toward Russia", "↓ toward the West", "publication date", "alignment score",
			"no evidence", "date inferred", "balanced", "One undated",
			"2008", "2010", "#D55E00", "#0072B2", "#8C8C8C",
		}},
		{"spectrum", spectrumFixture(), []string{
			"← toward the West", "toward Russia →", "actor alignment score", "no evidence",
			"Russia bloc", "Western bloc", "subject state", "other", "dot area, n =",
			"+0.70", "−0.50", ">24<", "#009E73",
		}},
		{"heatmap", heatmapFixture(), []string{
			"community 1", "community 2", "sentences naming both", "square-root colour scale",
			">40<", ">Kazakhstan<", "#E69F00", "#56B4E9", // community strips
		}},
	}
	for _, tt := range tests {
		svg, _ := render(t, tt.fig)
		for _, w := range tt.want {
			if !bytes.Contains(svg, []byte(w)) {
				t.Errorf("%s SVG lacks %q", tt.name, w)
			}
		}
	}
}

var newErrorTests = []struct {
	name string
	fig  style.Figure
	want error
}{
	{"no points", &Timeline{}, ErrEmpty},
	{"no dated point", &Timeline{Points: []Dated{{Label: "a", Value: 0.1}}}, ErrNoDates},
	{"timeline NaN", &Timeline{Points: []Dated{{Label: "a", Date: day("2000-01-01"), Value: nan}}}, ErrRange},
	{"no actors", &Spectrum{}, ErrEmpty},
	{"spectrum above 1", &Spectrum{Actors: []Placed{{Label: "a", Value: 1.2, Evidence: 1}}}, ErrRange},
	{"negative evidence", &Spectrum{Actors: []Placed{{Label: "a", Evidence: -1}}}, ErrRange},
	{"no labels", &Heatmap{}, ErrEmpty},
	{"short row", &Heatmap{Labels: []string{"a", "b"}, Weights: [][]float64{{0, 1}, {1}}}, ErrShape},
	{"rows", &Heatmap{Labels: []string{"a", "b"}, Weights: [][]float64{{0, 1}}}, ErrShape},
	{"communities", &Heatmap{Labels: []string{"a"}, Community: []int{0, 1}, Weights: [][]float64{{0}}}, ErrShape},
	{"negative weight", &Heatmap{Labels: []string{"a", "b"}, Weights: [][]float64{{0, -1}, {-1, 0}}}, ErrRange},
	{"infinite weight", &Heatmap{Labels: []string{"a", "b"}, Weights: [][]float64{{0, math.Inf(1)}, {1, 0}}}, ErrRange},
}

func TestNewErrors(t *testing.T) {
	for _, tt := range newErrorTests {
		if err := tt.fig.WriteSVG(&bytes.Buffer{}); !errors.Is(err, tt.want) {
			t.Errorf("%s: WriteSVG = %v, want %v", tt.name, err, tt.want)
		}
		if err := tt.fig.WritePNG(&bytes.Buffer{}); !errors.Is(err, tt.want) {
			t.Errorf("%s: WritePNG = %v, want %v", tt.name, err, tt.want)
		}
	}
	// A missing point needs no value; one dated point is enough.
	tl := &Timeline{Points: []Dated{{Label: "a", Date: day("2000-01-01"), Value: nan, Missing: true}, {Label: "b", Value: nan}}}
	if err := tl.WriteSVG(&bytes.Buffer{}); err != nil {
		t.Errorf("one dated missing point: %v", err)
	}
	// A single actor with a zero matrix draws (no weight to scale by).
	h := &Heatmap{Labels: []string{"a"}, Weights: [][]float64{{0}}}
	if err := h.WriteSVG(&bytes.Buffer{}); err != nil {
		t.Errorf("1×1 heatmap: %v", err)
	}
}

func ticksOf(lo, hi string) []string {
	var out []string
	for _, t := range timeTicks(days(day(lo)), days(day(hi))) {
		out = append(out, t.Label)
	}
	return out
}

var timeTickTests = []struct {
	lo, hi string
	want   []string
}{
	// 5 months: monthly ticks.
	{"2008-03-10", "2008-08-10", []string{"Apr 2008", "May 2008", "Jun 2008", "Jul 2008", "Aug 2008"}},
	// 10 months: 10 monthly ticks are too many, every 2 months gives 5.
	{"2008-02-15", "2008-12-20", []string{"Mar 2008", "May 2008", "Jul 2008", "Sep 2008", "Nov 2008"}},
	// 3.5 years: every 6 months gives 7.
	{"2008-02-01", "2011-08-01", []string{"Jul 2008", "Jan 2009", "Jul 2009", "Jan 2010", "Jul 2010", "Jan 2011", "Jul 2011"}},
	// 1991–2026: every 5 years, on multiples of 5.
	{"1991-01-01", "2026-06-30", []string{"1995", "2000", "2005", "2010", "2015", "2020", "2025"}},
	// 12 years: every 2 years.
	{"2000-06-01", "2012-06-01", []string{"2002", "2004", "2006", "2008", "2010", "2012"}},
}

func TestTimeTicks(t *testing.T) {
	for _, tt := range timeTickTests {
		if got := ticksOf(tt.lo, tt.hi); !slices.Equal(got, tt.want) {
			t.Errorf("timeTicks(%s, %s) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestTimeRange(t *testing.T) {
	// One date: MinSpan (183 days) centred on it.
	lo, hi := timeRange([]Dated{{Date: day("2008-03-03")}, {}})
	if d := days(day("2008-03-03")); hi-lo != 183 || (lo+hi)/2 != d {
		t.Errorf("timeRange(one date) = %v..%v, want 183 days centred on %v", lo, hi, d)
	}
	// Ten years: padded by 4% of the span on each side.
	lo, hi = timeRange([]Dated{{Date: day("2000-01-01")}, {Date: day("2010-01-01")}})
	span := days(day("2010-01-01")) - days(day("2000-01-01"))
	if math.Abs(hi-lo-span*1.08) > 1e-9 {
		t.Errorf("timeRange(10 years) spans %v days, want %v", hi-lo, span*1.08)
	}
}

func TestDodge(t *testing.T) {
	// Three markers at one place: the first stays, the others take the
	// first free offsets of 2r (1r is closer than 1.6r): +2r and −2r.
	r := vg.Length(4)
	ps := []placedPoint{
		{Dated: Dated{Label: "c"}, at: vg.Point{X: 100, Y: 50}},
		{Dated: Dated{Label: "a"}, at: vg.Point{X: 100, Y: 50}},
		{Dated: Dated{Label: "b"}, at: vg.Point{X: 100, Y: 50}},
		{Dated: Dated{Label: "far"}, at: vg.Point{X: 100, Y: 90}},
	}
	dodge(ps, r)
	got := map[string]vg.Length{}
	for _, p := range ps {
		got[p.Label] = p.at.X
	}
	want := map[string]vg.Length{"a": 100, "b": 108, "c": 92, "far": 100}
	for l, x := range want {
		if got[l] != x {
			t.Errorf("dodge: %s at x = %v, want %v", l, got[l], x)
		}
	}
}

var sizeStepTests = []struct {
	nmax int
	want []int
}{
	{0, nil},
	{1, []int{1}},
	{2, []int{1, 2}},
	{24, []int{1, 5, 24}}, // a quarter is 6, rounded down to 5
	{96, []int{1, 20, 96}},
	{3, []int{1, 3}},
}

func TestSizeSteps(t *testing.T) {
	for _, tt := range sizeStepTests {
		if got := sizeSteps(tt.nmax); !slices.Equal(got, tt.want) {
			t.Errorf("sizeSteps(%d) = %v, want %v", tt.nmax, got, tt.want)
		}
	}
}

func TestSpectrumOrder(t *testing.T) {
	var got []string
	for _, a := range spectrumFixture().ordered() {
		got = append(got, a.Label)
	}
	// By score, highest first; Uzbekistan has no evidence: last.
	want := []string{"Russia", "Kazakhstan", "China", "United States", "Uzbekistan"}
	if !slices.Equal(got, want) {
		t.Errorf("Spectrum.ordered() = %v, want %v", got, want)
	}
}

var keyTickTests = []struct {
	max  float64
	want []float64
}{
	// At √(v/40)·150 pt, 2 sits 9.8 pt right of 1: closer than the
	// 10.4 pt their half labels and the 6 pt gap need.
	{40, []float64{1, 5, 10, 20, 40}},
	{187, []float64{1, 5, 20, 50, 100, 187}},
	{1, []float64{1}},
	{0, nil},
}

func TestKeyTicks(t *testing.T) {
	for _, tt := range keyTickTests {
		if got := keyTicks(tt.max, 150); !slices.Equal(got, tt.want) {
			t.Errorf("keyTicks(%v, 150) = %v, want %v", tt.max, got, tt.want)
		}
	}
}

func TestSequentialScale(t *testing.T) {
	// The ends are ColorBrewer Purples' first and last class.
	if got, want := sequential(0), (color.RGBA{0xFC, 0xFB, 0xFD, 0xFF}); got != want {
		t.Errorf("sequential(0) = %v, want %v", got, want)
	}
	if got, want := sequential(1), (color.RGBA{0x3F, 0x00, 0x7D, 0xFF}); got != want {
		t.Errorf("sequential(1) = %v, want %v", got, want)
	}
	// Darker all along: the sum of channels falls.
	prev := 1 << 30
	for i := range 101 {
		c := sequential(float64(i) / 100)
		s := int(c.R) + int(c.G) + int(c.B)
		if s > prev {
			t.Errorf("sequential(%v) = %v is lighter than the step before", float64(i)/100, c)
		}
		prev = s
	}
}

func TestTimelineNote(t *testing.T) {
	tl := timelineFixture()
	tl.Points = append(tl.Points, Dated{Label: "also undated", Lo: nan, Hi: nan})
	if n := tl.note(); !strings.Contains(n, "2 undated articles are left out.") {
		t.Errorf("Timeline.note() = %q, want the undated count", n)
	}
}

func BenchmarkHeatmapPNG(b *testing.B) {
	h := heatmapFixture()
	for b.Loop() {
		if err := h.WritePNG(&bytes.Buffer{}); err != nil {
			b.Fatal(err)
		}
	}
}
