// Package figures draws the report figures of an analysis into a folder.
package figures

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"

	"alignnet/analysis"
	"alignnet/render/chart"
	"alignnet/render/netplot"
	"alignnet/render/style"
)

// Options set what the figures show.
type Options struct {
	Seed        int // layout seed
	TopLabels   int // network nodes labelled, by PageRank
	TopActors   int // actors in the centrality chart
	TopSpectrum int // actors on the Russia–West spectrum, by evidence
	TopHeatmap  int // actors in the co-mention heatmap, by PageRank
}

// DefaultOptions are the options of `alignnet run`.
var DefaultOptions = Options{Seed: 1, TopLabels: 30, TopActors: 15, TopSpectrum: 15, TopHeatmap: 20}

// Set is a set of named figures.
type Set map[string]style.Figure

// Build makes every figure of res. A figure without data (no dated
// article for the timeline, no actor for the network) is left out.
func Build(ctx context.Context, res *analysis.Result, opt Options) (Set, error) {
	figs := Set{}
	neg, pos := "toward "+res.Poles[1].Label, "toward "+res.Poles[0].Label
	if len(res.Actors) > 0 {
		nodes, edges := networkOf(res, opt.TopLabels)
		p, err := netplot.Layout(ctx, nodes, edges, opt.Seed)
		if err != nil {
			return nil, fmt.Errorf("network layout: %w", err)
		}
		figs["network"] = &netplot.Network{SizeName: "PageRank", ColorBy: netplot.ByBloc, Nodes: nodes, Edges: edges, Pos: p}
		figs["network-communities"] = &netplot.Network{Title: "Communities of the co-mention network", SizeName: "PageRank", ColorBy: netplot.ByCommunity, Nodes: nodes, Edges: edges, Pos: p}
		figs["centrality"] = &chart.Centrality{Actors: topActors(res, opt.TopActors)}
		figs["heatmap"] = heatmap(res, opt.TopHeatmap)
		if sp := spectrum(res, opt.TopSpectrum, neg, pos); len(sp.Actors) > 0 {
			figs["spectrum"] = sp
		}
	}
	if len(res.Articles) > 0 {
		figs["alignment"] = &chart.Alignment{Bars: alignmentBars(res),
			Note:     "Bar: alignment score of the article, from −1 to +1; 0 is balanced. Whisker: 95% bootstrap interval.",
			Negative: neg, Positive: pos}
		if tl := timeline(res, neg, pos); tl != nil {
			figs["timeline"] = tl
		}
	}
	return figs, nil
}

// Write draws every figure into dir as .svg and .png and returns the SVG
// bytes by name, for the report.
func Write(dir string, figs Set) (map[string][]byte, error) {
	svgs := map[string][]byte{}
	for _, name := range slices.Sorted(maps.Keys(figs)) {
		f := figs[name]
		for _, ext := range []string{".svg", ".png"} {
			var buf bytes.Buffer
			var err error
			if ext == ".svg" {
				err = f.WriteSVG(&buf)
				svgs[name] = buf.Bytes()
			} else {
				err = f.WritePNG(&buf)
			}
			if err != nil {
				return nil, fmt.Errorf("figure %s%s: %w", name, ext, err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+ext), buf.Bytes(), 0o644); err != nil {
				return nil, err
			}
		}
	}
	return svgs, nil
}

// byPageRank orders actors by PageRank, then ID.
func byPageRank(as []analysis.Actor) []analysis.Actor {
	s := slices.Clone(as)
	slices.SortFunc(s, func(a, b analysis.Actor) int {
		if c := cmp.Compare(b.Measures.PageRank, a.Measures.PageRank); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return s
}

func networkOf(res *analysis.Result, labels int) ([]netplot.Node, []netplot.Edge) {
	labelled := map[string]bool{}
	for i, a := range byPageRank(res.Actors) {
		if i < labels {
			labelled[a.ID] = true
		}
	}
	var nodes []netplot.Node
	for _, a := range res.Actors {
		nodes = append(nodes, netplot.Node{ID: a.ID, Label: Label(a), Bloc: string(a.Bloc), Community: a.Measures.Community, Size: a.Measures.PageRank, Labelled: labelled[a.ID]})
	}
	var edges []netplot.Edge
	for _, e := range res.Network.Edges {
		edges = append(edges, netplot.Edge{A: e.A, B: e.B, Weight: e.Weight})
	}
	return nodes, edges
}

// byMeanRank orders actors by their mean rank over the five measures
// (then ID), so an actor central under one measure only does not crowd out
// the actors central under all.
func byMeanRank(as []analysis.Actor) []analysis.Actor {
	measures := []func(analysis.Actor) float64{
		func(a analysis.Actor) float64 { return float64(a.Measures.Degree) },
		func(a analysis.Actor) float64 { return a.Measures.Strength },
		func(a analysis.Actor) float64 { return a.Measures.Betweenness },
		func(a analysis.Actor) float64 { return a.Measures.Eigenvector },
		func(a analysis.Actor) float64 { return a.Measures.PageRank },
	}
	sum := map[string]int{}
	for _, m := range measures {
		s := slices.Clone(as)
		slices.SortStableFunc(s, func(a, b analysis.Actor) int { return cmp.Compare(m(b), m(a)) })
		for r, a := range s {
			sum[a.ID] += r
		}
	}
	s := slices.Clone(as)
	slices.SortFunc(s, func(a, b analysis.Actor) int {
		if c := cmp.Compare(sum[a.ID], sum[b.ID]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return s
}

func topActors(res *analysis.Result, n int) []chart.Actor {
	var out []chart.Actor
	for i, a := range byMeanRank(res.Actors) {
		if i >= n {
			break
		}
		m := a.Measures
		out = append(out, chart.Actor{Label: Label(a), Bloc: string(a.Bloc), Degree: float64(m.Degree), Strength: m.Strength, Betweenness: m.Betweenness, Eigenvector: m.Eigenvector, PageRank: m.PageRank})
	}
	return out
}

func alignmentBars(res *analysis.Result) []chart.Bar {
	var bars []chart.Bar
	for _, a := range res.Articles {
		label := ArticleLabel(a)
		b := chart.Bar{Label: label, Lo: math.NaN(), Hi: math.NaN()}
		if a.Alignment.Score == nil {
			b.Missing = true
		} else {
			b.Value = *a.Alignment.Score
		}
		if iv := a.Alignment.Interval; iv != nil {
			b.Lo, b.Hi = iv.Low, iv.High
		}
		bars = append(bars, b)
	}
	return bars
}

// maxName is the longest actor name shown in full; longer names give way to
// an acronym the articles use ("Collective Security Treaty Organization"
// becomes "CSTO").
const maxName = 26

// Label is the name figures show for an actor.
func Label(a analysis.Actor) string {
	if len([]rune(a.Name)) <= maxName {
		return a.Name
	}
	best := ""
	for _, f := range a.Forms {
		if isAcronym(f.Text) && (best == "" || len(f.Text) < len(best)) {
			best = f.Text
		}
	}
	if best == "" {
		return a.Name
	}
	return best
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// ArticleLabel is the name figures show for an article: its date and
// title, or its publication and issue, or its file name.
func ArticleLabel(a analysis.Article) string {
	d := a.Doc
	label := d.Title
	switch {
	case label != "":
	case d.Publication != "" && d.Volume != "" && d.Issue != "":
		label = fmt.Sprintf("%s %s/%s", d.Publication, d.Volume, d.Issue)
	case d.Publication != "":
		label = d.Publication + " " + d.ID
	default:
		label = d.ID
	}
	if d.Date != "" {
		label = d.Date + " · " + label
	}
	return label
}
