package chart

import (
	"alignnet/internal/golden"
	"math"
	"testing"
	"time"
)

// TestPreview renders realistic examples for a person to look at:
// go test ./render/chart -run Preview -preview /tmp/render-preview
func TestPreview(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	nan := math.NaN()
	a := &Alignment{
		Title: "Kazakhstan between Russia and the West: alignment of 12 articles, 2008–2012",
		Bars: []Bar{
			{Label: "Kazakhstan and Russia sign air defence agreement within the CSTO framework", Value: 0.82, Lo: 0.55, Hi: 1},
			{Label: "Astana hosts OSCE summit as Nazarbayev courts Western investors", Value: -0.61, Lo: -0.9, Hi: -0.2},
			{Label: "Customs Union enters into force", Value: 0.5, Lo: 0.1, Hi: 0.8},
			{Label: "Energy: KazMunaiGas and Chevron extend Tengiz partnership", Value: -0.35, Lo: -0.7, Hi: 0.05},
			{Label: "Baikonur lease talks", Missing: true, Lo: nan, Hi: nan},
			{Label: "Balanced coverage of the SCO summit in Bishkek", Value: 0, Lo: -0.3, Hi: 0.3},
			{Label: "NATO Partnership for Peace exercise Steppe Eagle held near Almaty", Value: -1, Lo: -1, Hi: -0.6},
			{Label: "Kremlin says Moscow and Astana share a common view on Afghanistan", Value: 1, Lo: 0.7, Hi: 1},
			{Label: "Short", Value: 0.12, Lo: nan, Hi: nan},
			{Label: "Collective Security Treaty Organization rapid reaction force drills", Value: 0.66, Lo: 0.3, Hi: 0.9},
			{Label: "Kazakhstan's multi-vector foreign policy in the eyes of Washington and Brussels", Value: -0.08, Lo: -0.4, Hi: 0.25},
			{Label: "Uranium deal with Japan", Missing: true, Lo: nan, Hi: nan},
		},
	}
	golden.WriteFigure(t, *golden.Preview, "alignment", a)
}

func TestPreviewCentrality(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	c := &Centrality{
		Title: "Most central actors in 120 articles on Kazakhstan (top 15)",
		Actors: []Actor{
			{"Kazakhstan", "subject", 38, 412, 0.41, 0.52, 0.121},
			{"Russia", "russia", 35, 377, 0.22, 0.49, 0.101},
			{"Nursultan Nazarbayev", "subject", 30, 240, 0.12, 0.38, 0.074},
			{"United States", "west", 28, 180, 0.15, 0.31, 0.066},
			{"Collective Security Treaty Organization", "russia", 17, 96, 0.02, 0.24, 0.031},
			{"Vladimir Putin", "russia", 22, 140, 0.05, 0.33, 0.052},
			{"China", "other", 25, 120, 0.09, 0.27, 0.055},
			{"NATO", "west", 19, 88, 0.04, 0.21, 0.040},
			{"Shanghai Cooperation Organisation", "other", 14, 60, 0.01, 0.18, 0.028},
			{"European Union", "west", 16, 70, 0.03, 0.19, 0.033},
			{"Uzbekistan", "other", 12, 44, 0.06, 0.12, 0.030},
			{"Dmitry Medvedev", "russia", 11, 52, 0, 0.16, 0.022},
			{"KazMunaiGas", "subject", 6, 20, 0.008, 0.05, 0.015},
			{"Organization for Security and Co-operation in Europe", "west", 9, 25, 0.01, 0.09, 0.019},
			{"Gazprom", "russia", 7, 30, 0, 0.08, 0.016},
		},
	}
	golden.WriteFigure(t, *golden.Preview, "centrality", c)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestPreviewTimeline renders realistic timelines: a long span with
// undated, inferred and no-evidence articles and a crowded date, and the
// five seed dates.
func TestPreviewTimeline(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	nan := math.NaN()
	long := &Timeline{Title: "Kazakhstan between Russia and the West, 1992–2025 (28 articles)"}
	// A deterministic pseudo-random walk over 34 years.
	v := 0.3
	for i := range 26 {
		d := time.Date(1992+i*34/26, time.Month(1+(i*5)%12), 1+(i*7)%27, 0, 0, 0, 0, time.UTC)
		v = math.Max(-0.95, math.Min(0.95, v+0.37*math.Sin(float64(i*i)+1)))
		p := Dated{Label: "article " + string(rune('A'+i)), Date: d, Value: math.Round(v*100) / 100, Lo: math.Max(-1, v-0.3), Hi: math.Min(1, v+0.25), Inferred: i%4 == 1}
		if i%7 == 3 {
			p = Dated{Label: p.Label, Date: d, Missing: true, Lo: nan, Hi: nan}
		}
		long.Points = append(long.Points, p)
	}
	// Three articles on one day, one undated, one exactly balanced.
	for i, s := range []float64{0.5, 0.5, -0.2} {
		long.Points = append(long.Points, Dated{Label: "same day " + string(rune('a'+i)), Date: day("2014-03-18"), Value: s, Lo: nan, Hi: nan})
	}
	long.Points = append(long.Points, Dated{Label: "undated", Value: 0.4, Lo: nan, Hi: nan})
	long.Points = append(long.Points, Dated{Label: "balanced", Date: day("2001-09-20"), Value: 0, Lo: -0.2, Hi: 0.2})
	golden.WriteFigure(t, *golden.Preview, "timeline", long)

	seeds := &Timeline{Points: []Dated{
		{Label: "EDM 5/40", Date: day("2008-03-03"), Inferred: true, Value: 0.84, Lo: 0.62, Hi: 0.93},
		{Label: "EDM 5/201", Date: day("2008-10-17"), Inferred: true, Value: 0.69, Lo: 0.4, Hi: 0.85},
		{Label: "EDM 5/100", Date: day("2008-05-23"), Inferred: true, Value: 0.85, Lo: 0.7, Hi: 0.92},
		{Label: "Strategic and military relations", Date: day("2011-07-20"), Value: 0.37, Lo: 0.05, Hi: 0.6},
		{Label: "EDM 5/180", Date: day("2008-09-15"), Inferred: true, Value: 0.5, Lo: 0.1, Hi: 0.75},
	}}
	golden.WriteFigure(t, *golden.Preview, "timeline-seeds", seeds)
	one := &Timeline{Points: []Dated{
		{Label: "a", Date: day("2008-03-03"), Value: 0.4, Lo: nan, Hi: nan},
		{Label: "b", Date: day("2008-03-03"), Missing: true, Lo: nan, Hi: nan},
		{Label: "c", Date: day("2008-03-03"), Missing: true, Lo: nan, Hi: nan},
	}}
	golden.WriteFigure(t, *golden.Preview, "timeline-one-date", one)
}

func TestPreviewSpectrum(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	s := &Spectrum{
		Title: "Actors between Russia and the West in 120 articles on Kazakhstan (top 15 by evidence)",
		Actors: []Placed{
			{"Kazakhstan", "subject", 0.31, 0.2, 0.42, 96},
			{"Russia", "russia", 0.62, 0.5, 0.72, 80},
			{"Nursultan Nazarbayev", "subject", 0.22, 0.05, 0.38, 51},
			{"United States", "west", -0.48, -0.66, -0.27, 40},
			{"Collective Security Treaty Organization", "russia", 0.81, 0.66, 0.9, 22},
			{"Vladimir Putin", "russia", 0.7, 0.5, 0.84, 30},
			{"China", "other", 0.05, -0.2, 0.3, 18},
			{"NATO", "west", -0.71, -0.88, -0.45, 17},
			{"Shanghai Cooperation Organisation", "other", 0.4, 0.1, 0.65, 9},
			{"European Union", "west", -0.55, -0.8, -0.2, 12},
			{"Uzbekistan", "other", -0.1, -0.5, 0.3, 5},
			{"Dmitry Medvedev", "russia", 0.66, 0.4, 0.85, 11},
			{"KazMunaiGas", "subject", -0.2, -0.6, 0.25, 3},
			{"Organization for Security and Co-operation in Europe", "west", -0.33, -0.7, 0.1, 4},
			{"Gazprom", "russia", 0.5, 0.0, 0.8, 1},
			{"Kyrgyzstan", "other", math.NaN(), math.NaN(), math.NaN(), 0},
		},
	}
	golden.WriteFigure(t, *golden.Preview, "spectrum", s)
}

func TestPreviewHeatmap(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	labels := []string{"Kazakhstan", "Russia", "Nursultan Nazarbayev", "Vladimir Putin", "CSTO", "Dmitry Medvedev",
		"United States", "NATO", "European Union", "OSCE", "Condoleezza Rice",
		"China", "Uzbekistan", "SCO", "Shanghai Cooperation Organisation member states", "Kyrgyzstan", "Tajikistan", "Islam Karimov", "Turkmenistan", "Georgia"}
	comm := []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4}
	n := len(labels)
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			// Heavier within communities and for the first actors.
			base := 30.0 / float64(1+i) / float64(1+j/3)
			if comm[i] == comm[j] {
				base *= 3
			}
			v := math.Floor(base * (0.5 + 0.5*math.Abs(math.Sin(float64(i*31+j*17)))))
			if (i*7+j*3)%5 == 0 {
				v = 0
			}
			w[i][j], w[j][i] = v, v
		}
	}
	w[0][1], w[1][0] = 187, 187
	golden.WriteFigure(t, *golden.Preview, "heatmap", &Heatmap{Labels: labels, Community: comm, Weights: w})
	golden.WriteFigure(t, *golden.Preview, "heatmap-small", &Heatmap{Labels: labels[:6], Community: comm[:6], Weights: sub(w, 6)})
}

func sub(w [][]float64, n int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = w[i][:n]
	}
	return out
}
