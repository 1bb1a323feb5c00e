package chart

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Actor is one row of a centrality chart: an actor and its value under
// each of the five measures (all ≥ 0).
type Actor struct {
	Label string
	Bloc  string // style.Russia, style.West, style.Subject or anything else (other)
	// Degree is the number of actors co-mentioned with this one, Strength
	// the sum of its co-mention weights; Betweenness, Eigenvector and
	// PageRank as the caller computed them.
	Degree, Strength, Betweenness, Eigenvector, PageRank float64
}

// Measures names the five measures in column order.
var Measures = [5]string{"Degree", "Strength", "Betweenness", "Eigenvector", "PageRank"}

func (a Actor) values() [5]float64 {
	return [5]float64{a.Degree, a.Strength, a.Betweenness, a.Eigenvector, a.PageRank}
}

// Centrality is a dot plot of the top actors under five centrality
// measures: one row per actor, one column per measure, each column with
// its own axis from 0. Rows are ordered by mean rank over the five
// measures (then by label); the number beside each dot is the actor's rank
// under that column's measure, so rank differences between measures show.
// Dots take the colour of the actor's bloc.
type Centrality struct {
	Title string // default "Central actors under five measures"
	// Note is the reading note under the title; empty: a default.
	Note   string
	Actors []Actor
}

var _ style.Figure = (*Centrality)(nil)

const (
	centRow  = 15  // row pitch, points
	centDot  = 3.6 // dot radius, points
	maxLabel = 30  // longest actor label, runes
	panelGap = 14  // space between two columns, points
)

// WriteSVG writes the chart as SVG.
func (c *Centrality) WriteSVG(w io.Writer) error { return write(style.WriteSVG, w, c.check, c.draw) }

// WritePNG writes the chart as PNG at style.DPI.
func (c *Centrality) WritePNG(w io.Writer) error { return write(style.WritePNG, w, c.check, c.draw) }

func (c *Centrality) check() (vg.Length, error) {
	if len(c.Actors) == 0 {
		return 0, fmt.Errorf("centrality chart: %w", ErrEmpty)
	}
	for _, a := range c.Actors {
		for i, v := range a.values() {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return 0, fmt.Errorf("%s of %q = %v: %w", Measures[i], a.Label, v, ErrRange)
			}
		}
	}
	inner := style.Width - 2*style.Margin
	h := style.HeaderHeight(c.title(), c.note(), inner)
	h += style.LegendHeight(c.legend(), inner)
	h += 22 // panel titles
	h += vg.Length(len(c.Actors)) * centRow
	h += 22 // x axes
	return h + 2*style.Margin, nil
}

func (c *Centrality) title() string {
	if c.Title == "" {
		return "Central actors under five measures"
	}
	return c.Title
}

func (c *Centrality) note() string {
	if c.Note != "" {
		return c.Note
	}
	return "Dot: the actor's value, each column on its own scale from 0. Number: its rank under that measure. " +
		"Rows: by mean rank."
}

func (c *Centrality) legend() []style.Swatch {
	seen := map[string]bool{}
	for _, a := range c.Actors {
		seen[bloc(a.Bloc)] = true
	}
	var s []style.Swatch
	for _, b := range style.Blocs {
		if seen[b] {
			s = append(s, style.Swatch{Label: style.BlocName(b), Color: style.BlocColor(b)})
		}
	}
	return s
}

func bloc(b string) string {
	switch b {
	case style.Russia, style.West, style.Subject:
		return b
	}
	return style.Other
}

// ranks returns, for each measure, the competition rank ("1224") of each
// actor: 1 for the largest value, equal values sharing the best rank.
func ranks(actors []Actor) [][5]int {
	r := make([][5]int, len(actors))
	for m := range 5 {
		for i, a := range actors {
			v := a.values()[m]
			k := 1
			for _, b := range actors {
				if b.values()[m] > v {
					k++
				}
			}
			r[i][m] = k
		}
	}
	return r
}

// ordered returns the actors and their ranks sorted by mean rank, then by
// label.
func ordered(actors []Actor) ([]Actor, [][5]int) {
	r := ranks(actors)
	idx := make([]int, len(actors))
	mean := make([]float64, len(actors))
	for i := range actors {
		idx[i] = i
		for _, k := range r[i] {
			mean[i] += float64(k)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(mean[a], mean[b]), cmp.Compare(actors[a].Label, actors[b].Label))
	})
	as := make([]Actor, len(idx))
	rs := make([][5]int, len(idx))
	for i, j := range idx {
		as[i], rs[i] = actors[j], r[j]
	}
	return as, rs
}

// niceMax returns the axis maximum for data up to max: twice the smallest
// step from {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8}×10^k that reaches it, so the
// ticks 0, step and 2·step have short labels and the data fill at least
// 60% of the axis. For integer data (counts) the step is a whole number.
func niceMax(max float64, integer bool) (top, step float64) {
	if max <= 0 {
		return 1, 0.5
	}
	half := max / 2
	mag := math.Pow(10, math.Floor(math.Log10(half)))
	for _, f := range []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		// Round to kill the binary noise of f·mag (0.15 not 0.15000000000000002).
		s := roundSig(f*mag, 6)
		if integer && s != math.Trunc(s) {
			continue
		}
		if s >= half*(1-1e-12) {
			return 2 * s, s
		}
	}
	return 20 * mag, 10 * mag
}

func roundSig(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	p := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

func (c *Centrality) draw(dc draw.Canvas) {
	dc = draw.Crop(dc, style.Margin, -style.Margin, style.Margin, -style.Margin)
	dc = style.Header(dc, c.title(), c.note())
	dc = style.Legend(dc, c.legend())
	dc.Max.Y -= 4

	actors, rk := ordered(c.Actors)
	n := len(actors)
	lf := style.Font(style.LabelSize, false)
	width := dc.Max.X - dc.Min.X
	var labelW vg.Length
	labels := make([]string, n)
	for i, a := range actors {
		labels[i] = style.Truncate(a.Label, maxLabel, lf, width*0.28)
		labelW = max(labelW, style.TextWidth(lf, labels[i]))
	}
	labelW += 8
	panelW := (width - labelW) / 5

	// One plot per measure, all with the same vertical geometry: no Y
	// axis, the same title and tick fonts.
	plots := make([]*plot.Plot, 5)
	canvases := make([]draw.Canvas, 5)
	for m := range 5 {
		var vmax float64
		integer := true
		for _, a := range actors {
			v := a.values()[m]
			vmax = max(vmax, v)
			integer = integer && v == math.Trunc(v)
		}
		top, step := niceMax(vmax, integer)
		p := plot.New()
		style.Apply(p)
		p.Title.Text = Measures[m]
		p.Title.TextStyle.Font = style.Font(style.TickSize+0.5, true)
		p.X.Min, p.X.Max = 0, top
		// The 0 tick goes unlabelled: every scale starts there, and a
		// "0" next to the previous column's last label would read as
		// one number.
		p.X.Tick.Marker = ticks(func(v float64) string {
			if v == 0 {
				return ""
			}
			return plain(v)
		}, 0, step, top)
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.Y.Tick.Marker = plot.ConstantTicks(nil)
		p.Y.LineStyle.Width = 0
		p.Add(style.Grid(false), &dots{actors: actors, ranks: rk, m: m})
		pc := dc
		pc.Min.X = dc.Min.X + labelW + vg.Length(m)*panelW + panelGap/2
		pc.Max.X = pc.Min.X + panelW - panelGap
		plots[m], canvases[m] = p, pc
	}

	// Zebra bands across labels and panels, under everything else.
	d0 := plots[0].DataCanvas(canvases[0])
	rowY := func(i int) vg.Length { return d0.Y(plots[0].Y.Norm(float64(n - 1 - i))) }
	for i := 0; i < n; i += 2 {
		y := rowY(i)
		dc.SetColor(zebra)
		dc.Fill(vg.Rectangle{
			Min: vg.Point{X: dc.Min.X, Y: y - centRow/2},
			Max: vg.Point{X: dc.Max.X, Y: y + centRow/2},
		}.Path())
	}
	for m, p := range plots {
		p.Draw(canvases[m])
	}
	ts := style.Text(lf, style.Ink)
	ts.YAlign = draw.YCenter
	up := ts.FontExtents().Descent
	for i, l := range labels {
		dc.FillText(ts, vg.Point{X: dc.Min.X, Y: rowY(i) + up}, l)
	}
}

var zebra = style.BandColor

// dots draws one column of the dot plot: a stem from 0, the dot, the rank.
type dots struct {
	actors []Actor
	ranks  [][5]int
	m      int
}

func (d *dots) Plot(c draw.Canvas, p *plot.Plot) {
	n := len(d.actors)
	rf := style.Font(style.TickSize-0.5, false)
	// The 0 tick is unlabelled, so the grid skips it: draw the baseline.
	x0 := c.X(p.X.Norm(0))
	c.StrokeLine2(style.Line(style.GridColor, 0.5), x0, c.Min.Y, x0, c.Max.Y)
	for i, a := range d.actors {
		y := c.Y(p.Y.Norm(float64(n - 1 - i)))
		v := a.values()[d.m]
		x := c.X(p.X.Norm(v))
		style.Dot(c, vg.Point{X: x, Y: y}, centDot, style.BlocColor(a.Bloc))
		ts := style.Text(rf, style.Muted)
		ts.YAlign = draw.YCenter
		pt := vg.Point{X: x + centDot + 2, Y: y + ts.FontExtents().Descent}
		if v > p.X.Max*0.6 {
			ts.XAlign = draw.XRight
			pt.X = x - centDot - 2
		}
		c.FillText(ts, pt, fmt.Sprint(d.ranks[i][d.m]))
	}
}
