package chart

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Errors returned by the charts.
var (
	ErrEmpty = errors.New("chart: nothing to draw")
	ErrRange = errors.New("chart: value out of range")
	ErrShape = errors.New("chart: lengths do not match")
	// ErrNoDates is returned by a Timeline without a dated article: the
	// caller can skip the figure.
	ErrNoDates = errors.New("chart: no dated article")
)

// MaxLabelRunes is the longest row label, in runes, before it is shortened
// with an ellipsis.
const MaxLabelRunes = 48

// signed formats v with an explicit sign and a true minus, to digits
// decimals: "+0.42", "−0.10", "0.00".
func signed(v float64, digits int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', digits, 64)
	switch {
	case strings.Trim(s, "0.") == "":
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}

// plain formats v with as few digits as it needs and a true minus.
func plain(v float64) string {
	s := strconv.FormatFloat(v, 'g', 4, 64)
	if strings.ContainsAny(s, "e") {
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Replace(s, "-", "−", 1)
}

// ticks returns labelled ticks at the given values.
func ticks(label func(float64) string, vs ...float64) plot.ConstantTicks {
	t := make(plot.ConstantTicks, len(vs))
	for i, v := range vs {
		t[i] = plot.Tick{Value: v, Label: label(v)}
	}
	return t
}

// write checks a figure for its height, then draws it with one of
// style.WriteSVG and style.WritePNG at the report width.
func write(to func(io.Writer, vg.Length, vg.Length, style.Painter) error, w io.Writer, check func() (vg.Length, error), paint style.Painter) error {
	h, err := check()
	if err != nil {
		return err
	}
	return to(w, style.Width, h, paint)
}

// scoreAxis sets the X axis of a chart of alignment scores: [-1, 1] with
// signed ticks every half.
func scoreAxis(p *plot.Plot) {
	p.X.Min, p.X.Max = -1, 1
	p.X.Tick.Marker = ticks(func(v float64) string { return signed(v, 1) }, -1, -0.5, 0, 0.5, 1)
}

// poleLabels writes the pole labels above the data area dc of a plot drawn
// in pc, each in its pole's colour at its end of the axis, and returns
// their baseline.
func poleLabels(c, pc, dc draw.Canvas, f font.Font, neg, pos string) vg.Length {
	ts := style.Text(f, style.BlocColor(style.West))
	y := pc.Max.Y + f.Size*0.3
	c.FillText(ts, vg.Point{X: dc.Min.X, Y: y}, "← "+neg)
	ts.Color = style.BlocColor(style.Russia)
	ts.XAlign = draw.XRight
	c.FillText(ts, vg.Point{X: dc.Max.X, Y: y}, pos+" →")
	return y
}
