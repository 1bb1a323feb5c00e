package chart

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"alignnet/render/style"
)

var preview = flag.String("preview", "", "write realistic example figures (SVG and PNG) to this directory")

func writeFigure(t *testing.T, dir, name string, f style.Figure) {
	t.Helper()
	for _, ext := range []string{".svg", ".png"} {
		fh, err := os.Create(filepath.Join(dir, name+ext))
		if err != nil {
			t.Fatal(err)
		}
		write := f.WriteSVG
		if ext == ".png" {
			write = f.WritePNG
		}
		if err := write(fh); err != nil {
			t.Fatal(err)
		}
		if err := fh.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPreview renders realistic examples for a person to look at:
// go test ./render/chart -run Preview -preview /tmp/render-preview
func TestPreview(t *testing.T) {
	if *preview == "" {
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
	writeFigure(t, *preview, "alignment", a)
}

func TestPreviewCentrality(t *testing.T) {
	if *preview == "" {
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
	writeFigure(t, *preview, "centrality", c)
}
