package chart

import (
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Bar is one article of an alignment chart.
type Bar struct {
	// Label names the article (its title); it is shortened to
	// MaxLabelRunes runes and to the label column.
	Label string
	// Value is the alignment score in [-1, 1]: below 0 the article
	// portrays the subject toward the negative pole (the West), above 0
	// toward the positive pole (Russia).
	Value float64
	// Lo and Hi bound the confidence interval drawn as a whisker; NaN in
	// either: no whisker. They are clipped to [-1, 1].
	Lo, Hi float64
	// Missing marks an article without alignment evidence: no bar, the
	// text "no evidence" instead.
	Missing bool
}

// Alignment is a diverging bar chart of article alignment scores on a
// fixed axis [-1, 1], one row per article in the order given, top down.
// Bars below 0 take the West colour, bars above 0 the Russia colour.
type Alignment struct {
	Title string // default "Alignment of articles"
	// Note is the one-line reading note under the title; empty: a default
	// that says what bars and whiskers are.
	Note string
	// Negative and Positive are the pole labels; defaults "toward the
	// West" and "toward Russia".
	Negative, Positive string
	Bars               []Bar
}

var _ style.Figure = (*Alignment)(nil)

const (
	alignRow  = 16 // row pitch, points
	alignBar  = 9  // bar thickness, points
	alignCap  = 5  // whisker cap height, points
	noEvident = "no evidence"
)

// WriteSVG writes the chart as SVG.
func (a *Alignment) WriteSVG(w io.Writer) error { return write(style.WriteSVG, w, a.check, a.draw) }

// WritePNG writes the chart as PNG at style.DPI.
func (a *Alignment) WritePNG(w io.Writer) error { return write(style.WritePNG, w, a.check, a.draw) }

// check validates the bars and returns the figure height.
func (a *Alignment) check() (vg.Length, error) {
	if len(a.Bars) == 0 {
		return 0, fmt.Errorf("alignment chart: %w", ErrEmpty)
	}
	for _, b := range a.Bars {
		if b.Missing {
			continue
		}
		if math.IsNaN(b.Value) || b.Value < -1 || b.Value > 1 {
			return 0, fmt.Errorf("alignment of %q = %v: %w", b.Label, b.Value, ErrRange)
		}
	}
	inner := style.Width - 2*style.Margin
	h := style.HeaderHeight(a.title(), a.note(), inner)
	h += style.LineHeight(style.Font(style.LabelSize, true)) + 2 // pole labels
	h += vg.Length(len(a.Bars)) * alignRow
	h += 34 // x axis: ticks, tick labels, axis label
	return h + 2*style.Margin, nil
}

func (a *Alignment) title() string {
	if a.Title == "" {
		return "Alignment of articles"
	}
	return a.Title
}

func (a *Alignment) note() string {
	if a.Note != "" {
		return a.Note
	}
	n := "Bar: alignment score of the article, from −1 to +1; 0 is balanced."
	for _, b := range a.Bars {
		if !b.Missing && !math.IsNaN(b.Lo) && !math.IsNaN(b.Hi) {
			return n + " Whisker: confidence interval."
		}
	}
	return n
}

func (a *Alignment) poles() (neg, pos string) { return poles(a.Negative, a.Positive) }

func (a *Alignment) draw(c draw.Canvas) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, a.title(), a.note())

	lf := style.Font(style.LabelSize, false)
	scoreF := style.Font(style.TickSize, false)
	scoreW := style.TextWidth(scoreF, "−0.00") + 10
	labelW := (c.Max.X - c.Min.X) * 0.46

	n := len(a.Bars)
	p := plot.New()
	style.Apply(p)
	scoreAxis(p)
	p.X.Label.Text = "alignment score"
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	yt := make(plot.ConstantTicks, n)
	for i, b := range a.Bars {
		yt[i] = plot.Tick{Value: float64(n - 1 - i), Label: style.Truncate(b.Label, MaxLabelRunes, lf, labelW)}
	}
	p.Y.Tick.Marker = yt
	p.Y.Tick.Label.Font = lf
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Add(style.Grid(false), zeroLine{}, &bars{bars: a.Bars})

	// The pole labels sit above the data area, the scores right of it.
	pf := style.Font(style.LabelSize, true)
	poleH := style.LineHeight(pf) + 2
	pc := c
	pc.Max.Y -= poleH
	pc.Max.X -= scoreW
	p.Draw(pc)
	dc := p.DataCanvas(pc)

	neg, pos := a.poles()
	y := poleLabels(c, pc, dc, pf, neg, pos)

	st := style.Text(scoreF, style.Ink)
	st.XAlign, st.YAlign = draw.XRight, draw.YCenter
	hs := st
	hs.Color = style.Muted
	hs.YAlign = draw.YBottom
	c.FillText(hs, vg.Point{X: c.Max.X, Y: y}, "score")
	// Text centred on a row sits higher by the descent, as gonum/plot's
	// tick labels do, so that it lines up with them.
	up := st.FontExtents().Descent
	for i, b := range a.Bars {
		yy := dc.Y(p.Y.Norm(float64(n - 1 - i)))
		s := "–"
		if !b.Missing {
			s = signed(b.Value, 2)
		}
		c.FillText(st, vg.Point{X: c.Max.X, Y: yy + up}, s)
	}
}

// zeroLine draws the vertical line at x = 0.
type zeroLine struct{}

func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	x := c.X(p.X.Norm(0))
	c.StrokeLine2(style.Line(style.ZeroColor, 0.8), x, c.Min.Y, x, c.Max.Y)
}

// bars draws the diverging bars, whiskers and "no evidence" notes.
type bars struct{ bars []Bar }

func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	n := len(b.bars)
	x0 := c.X(p.X.Norm(0))
	ns := style.Text(style.Italic(style.TickSize), style.Muted)
	ns.YAlign = draw.YCenter
	for i, bar := range b.bars {
		y := c.Y(p.Y.Norm(float64(n - 1 - i)))
		if bar.Missing {
			c.FillText(ns, vg.Point{X: x0 + 5, Y: y + ns.FontExtents().Descent}, noEvident)
			continue
		}
		x := c.X(p.X.Norm(bar.Value))
		switch {
		case bar.Value == 0:
			style.Dot(c, vg.Point{X: x0, Y: y}, 3, style.Grey)
		default:
			clr := style.BlocColor(style.Russia)
			if bar.Value < 0 {
				clr = style.BlocColor(style.West)
			}
			lo, hi := min(x0, x), max(x0, x)
			c.SetColor(clr)
			c.Fill(vg.Rectangle{
				Min: vg.Point{X: lo, Y: y - alignBar/2},
				Max: vg.Point{X: hi, Y: y + alignBar/2},
			}.Path())
		}
		if math.IsNaN(bar.Lo) || math.IsNaN(bar.Hi) {
			continue
		}
		l := c.X(p.X.Norm(clamp(math.Min(bar.Lo, bar.Hi))))
		r := c.X(p.X.Norm(clamp(math.Max(bar.Lo, bar.Hi))))
		ls := style.Line(style.Ink, 0.9)
		c.StrokeLine2(ls, l, y, r, y)
		c.StrokeLine2(ls, l, y-alignCap/2, l, y+alignCap/2)
		c.StrokeLine2(ls, r, y-alignCap/2, r, y+alignCap/2)
	}
}

func clamp(v float64) float64 { return math.Max(-1, math.Min(1, v)) }
