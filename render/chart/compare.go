package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Marked is a new article on a Comparison chart.
type Marked struct {
	Label string
	// Value is the article's score in [-1, 1]; Lo and Hi its interval
	// (NaN: no whisker). Missing: no evidence, drawn as a note.
	Value, Lo, Hi float64
	Missing       bool
}

// Comparison places new articles against the baseline's distribution of
// article scores: the top row holds one grey dot per baseline article and
// a tick at the baseline mean; each new article has a row of its own with
// its score and interval, on the same axis [-1, 1].
type Comparison struct {
	Title, Note        string
	Negative, Positive string    // pole labels; defaults "toward the West", "toward Russia"
	Baseline           []float64 // baseline article scores
	New                []Marked
}

var _ style.Figure = (*Comparison)(nil)

// WriteSVG writes the chart as SVG.
func (cmp *Comparison) WriteSVG(w io.Writer) error {
	return write(style.WriteSVG, w, cmp.check, cmp.draw)
}

// WritePNG writes the chart as PNG at style.DPI.
func (cmp *Comparison) WritePNG(w io.Writer) error {
	return write(style.WritePNG, w, cmp.check, cmp.draw)
}

func (cmp *Comparison) check() (vg.Length, error) {
	if len(cmp.Baseline) == 0 && len(cmp.New) == 0 {
		return 0, ErrEmpty
	}
	for _, v := range cmp.Baseline {
		if math.IsNaN(v) || v < -1 || v > 1 {
			return 0, fmt.Errorf("baseline score %v: %w", v, ErrRange)
		}
	}
	for _, m := range cmp.New {
		if !m.Missing && (math.IsNaN(m.Value) || m.Value < -1 || m.Value > 1) {
			return 0, fmt.Errorf("score of %q = %v: %w", m.Label, m.Value, ErrRange)
		}
	}
	inner := style.Width - 2*style.Margin
	h := style.HeaderHeight(cmp.title(), cmp.note(), inner)
	h += style.LineHeight(style.Font(style.LabelSize, true)) + 2
	h += vg.Length(len(cmp.New)+1) * alignRow
	h += 34
	return h + 2*style.Margin, nil
}

func (cmp *Comparison) title() string {
	if cmp.Title == "" {
		return "New articles against the baseline"
	}
	return cmp.Title
}

func (cmp *Comparison) note() string {
	if cmp.Note != "" {
		return cmp.Note
	}
	return "Top row: one grey dot per baseline article, tick at the baseline mean. Below: each new article's score with its interval (grey: within ±0.1, balanced)."
}

func (cmp *Comparison) draw(c draw.Canvas) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, cmp.title(), cmp.note())
	lf := style.Font(style.LabelSize, false)
	labelW := (c.Max.X - c.Min.X) * 0.40

	n := len(cmp.New) + 1
	p := plot.New()
	style.Apply(p)
	scoreAxis(p)
	p.X.Label.Text = "alignment score"
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	yt := make(plot.ConstantTicks, n)
	yt[0] = plot.Tick{Value: float64(n - 1), Label: fmt.Sprintf("baseline (%d articles)", len(cmp.Baseline))}
	for i, m := range cmp.New {
		yt[i+1] = plot.Tick{Value: float64(n - 2 - i), Label: style.Truncate(m.Label, MaxLabelRunes, lf, labelW)}
	}
	p.Y.Tick.Marker = yt
	p.Y.Tick.Label.Font = lf
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Add(style.Grid(false), zeroLine{}, &comparePoints{cmp: cmp, rows: n})

	pf := style.Font(style.LabelSize, true)
	pc := c
	pc.Max.Y -= style.LineHeight(pf) + 2
	p.Draw(pc)
	dc := p.DataCanvas(pc)
	neg, pos := poles(cmp.Negative, cmp.Positive)
	poleLabels(c, pc, dc, pf, neg, pos)
}

type comparePoints struct {
	cmp  *Comparison
	rows int
}

func (cp *comparePoints) Plot(c draw.Canvas, p *plot.Plot) {
	row := func(i int) vg.Length { return c.Y(p.Y.Norm(float64(cp.rows - 1 - i))) }
	x := func(v float64) vg.Length { return c.X(p.X.Norm(v)) }
	// Baseline: grey dots, slightly transparent so that ties darken, and
	// a tick at the mean.
	y0 := row(0)
	sum := 0.0
	for _, v := range cp.cmp.Baseline {
		style.Dot(c, vg.Point{X: x(v), Y: y0}, 3.2, color.NRGBA{R: style.Grey.R, G: style.Grey.G, B: style.Grey.B, A: 0xB0})
		sum += v
	}
	if k := len(cp.cmp.Baseline); k > 0 {
		mx := x(sum / float64(k))
		c.StrokeLine2(style.Line(style.Ink, 1.2), mx, y0-7, mx, y0+7)
	}
	lf := style.Italic(style.TickSize)
	for i, m := range cp.cmp.New {
		y := row(i + 1)
		if m.Missing {
			ts := style.Text(lf, style.Muted)
			ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
			c.FillText(ts, vg.Point{X: x(0), Y: y}, noEvident)
			continue
		}
		// Scores within ±0.1 read as balanced (the zero band of eval).
		col := style.Grey
		switch {
		case m.Value > 0.1:
			col = style.BlocColor(style.Russia)
		case m.Value < -0.1:
			col = style.BlocColor(style.West)
		}
		if !math.IsNaN(m.Lo) && !math.IsNaN(m.Hi) {
			lo, hi := math.Max(-1, m.Lo), math.Min(1, m.Hi)
			ls := style.Line(style.Ink, 0.8)
			c.StrokeLine2(ls, x(lo), y, x(hi), y)
			c.StrokeLine2(ls, x(lo), y-alignCap/2, x(lo), y+alignCap/2)
			c.StrokeLine2(ls, x(hi), y-alignCap/2, x(hi), y+alignCap/2)
		}
		// A diamond marks a new article.
		r := vg.Length(5)
		var path vg.Path
		px := x(m.Value)
		path.Move(vg.Point{X: px, Y: y + r})
		path.Line(vg.Point{X: px + r, Y: y})
		path.Line(vg.Point{X: px, Y: y - r})
		path.Line(vg.Point{X: px - r, Y: y})
		path.Close()
		c.SetColor(col)
		c.Fill(path)
	}
}
