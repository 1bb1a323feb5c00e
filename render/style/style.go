package style

import (
	"bytes"
	"fmt"
	"image/color"
	"io"

	"golang.org/x/image/font"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"gonum.org/v1/plot"
)

// Figure is what every figure type implements: the same drawing written as
// SVG or as PNG. The caller opens and names the files.
type Figure interface {
	WriteSVG(w io.Writer) error
	WritePNG(w io.Writer) error
}

// DPI is the resolution of every PNG.
const DPI = 200

// Width is the width of every figure: a full text column of a report.
const Width = 16 * vg.Centimeter

// Type sizes. At Width they print at these sizes on paper.
const (
	TitleSize  = 11.5 * vg.Length(1) // figure title, bold
	HeaderSize = 9.5 * vg.Length(1)  // panel titles, axis labels
	LabelSize  = 9 * vg.Length(1)    // row labels, legend entries
	TickSize   = 8 * vg.Length(1)    // tick labels, node labels
	NoteSize   = 8 * vg.Length(1)    // the one-line reading note under the title
)

// Margin is the white border around every figure.
const Margin = 8 * vg.Length(1)

// Colours of the Okabe-Ito palette (Okabe and Ito, "Color Universal Design",
// 2008), safe for the common forms of colour blindness.
var (
	Orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	SkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	BluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	Yellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xFF}
	Blue          = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	Vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	ReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xFF}
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xFF}
)

// Neutral colours for ink that carries no category.
var (
	Grey      = color.RGBA{0x8C, 0x8C, 0x8C, 0xFF}  // the "other" bloc
	Ink       = color.RGBA{0x22, 0x22, 0x22, 0xFF}  // text, axes
	Muted     = color.RGBA{0x59, 0x59, 0x59, 0xFF}  // notes, secondary text
	GridColor = color.RGBA{0xE3, 0xE3, 0xE3, 0xFF}  // grid lines
	BandColor = color.RGBA{0xF3, 0xF3, 0xF3, 0xFF}  // zebra bands behind alternate rows
	ZeroColor = color.RGBA{0x40, 0x40, 0x40, 0xFF}  // the zero line of a diverging axis
	EdgeColor = color.NRGBA{0x70, 0x70, 0x70, 0x66} // network edges: grey, 40% opaque
)

// The blocs an actor can belong to, in legend order.
const (
	Russia  = "russia"
	West    = "west"
	Subject = "subject"
	Other   = "other"
)

// Blocs lists the blocs in legend order.
var Blocs = []string{Russia, West, Subject, Other}

// BlocColor returns the colour of a bloc: russia vermillion, west blue,
// subject bluish green, anything else grey.
func BlocColor(bloc string) color.RGBA {
	switch bloc {
	case Russia:
		return Vermillion
	case West:
		return Blue
	case Subject:
		return BluishGreen
	}
	return Grey
}

// BlocName returns the legend text of a bloc.
func BlocName(bloc string) string {
	switch bloc {
	case Russia:
		return "Russia bloc"
	case West:
		return "Western bloc"
	case Subject:
		return "subject state"
	}
	return "other"
}

// communityColors are the Okabe-Ito colours left over by the blocs, then a
// fixed extension from Paul Tol's "muted" scheme (personal.sron.nl/~pault).
var communityColors = []color.RGBA{
	Orange, SkyBlue, ReddishPurple, Yellow, Black,
	{0x33, 0x22, 0x88, 0xFF}, // indigo
	{0x99, 0x99, 0x33, 0xFF}, // olive
	{0x88, 0x22, 0x55, 0xFF}, // wine
	{0xDD, 0xCC, 0x77, 0xFF}, // sand
	{0x88, 0xCC, 0xEE, 0xFF}, // cyan
	{0xCC, 0x66, 0x77, 0xFF}, // rose
}

// Communities is the number of communities that get a colour of their own;
// CommunityColor gives the rest light grey.
const Communities = 11

// CommunityColor returns the colour of the i-th community (0-based).
func CommunityColor(i int) color.RGBA {
	if i < 0 || i >= len(communityColors) {
		return color.RGBA{0xC8, 0xC8, 0xC8, 0xFF}
	}
	return communityColors[i]
}

// Font returns Liberation Sans at size, bold or regular.
func Font(size vg.Length, bold bool) plotfont.Font {
	f := plotfont.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = font.WeightBold
	}
	return f
}

// Italic returns Liberation Sans Italic at size.
func Italic(size vg.Length) plotfont.Font {
	return plotfont.Font{Typeface: "Liberation", Variant: "Sans", Style: font.StyleItalic, Size: size}
}

// Text returns a text style in the figure font, left and bottom aligned.
func Text(f plotfont.Font, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    f,
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}

// TextWidth returns the width of s in the font f.
func TextWidth(f plotfont.Font, s string) vg.Length {
	return Text(f, Ink).Width(s)
}

// Line returns a solid line style.
func Line(c color.Color, width vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: c, Width: width}
}

// Apply gives a plot the shared look: sans-serif type at the shared sizes,
// dark grey axes and thin ticks. Titles are left to the figure.
func Apply(p *plot.Plot) {
	p.BackgroundColor = color.Transparent
	p.Title.TextStyle.Font = Font(HeaderSize, true)
	p.Title.TextStyle.Color = Ink
	p.Title.Padding = 4
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = Font(HeaderSize, false)
		a.Label.TextStyle.Color = Ink
		a.Label.Padding = 3
		a.Tick.Label.Font = Font(TickSize, false)
		a.Tick.Label.Color = Ink
		a.LineStyle = Line(Muted, 0.5)
		a.Tick.LineStyle = Line(Muted, 0.5)
		a.Tick.Length = 3
		a.Padding = 0
	}
}

// Grid returns a light grid: vertical lines only when horizontal is false.
func Grid(horizontal bool) plot.Plotter {
	return &gridPlotter{horizontal: horizontal}
}

type gridPlotter struct{ horizontal bool }

// Plot draws light lines at the major ticks of the X axis (and of the Y
// axis when horizontal).
func (g *gridPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	ls := Line(GridColor, 0.5)
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
			continue
		}
		x := c.X(p.X.Norm(t.Value))
		c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
	}
	if !g.horizontal {
		return
	}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := c.Y(p.Y.Norm(t.Value))
		c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
	}
}

// Painter draws a whole figure on a canvas of the given size.
type Painter func(c draw.Canvas)

// WriteSVG draws the figure with paint on a w×h SVG canvas and writes it.
// Fonts are named, not embedded; the font-family falls back to the
// metric-compatible Arial and Helvetica, then to any sans-serif font.
func WriteSVG(out io.Writer, w, h vg.Length, paint Painter) error {
	c := vgsvg.New(w, h)
	dc := draw.New(c)
	paintWhite(dc)
	paint(dc)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	b := bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	if _, err := out.Write(b); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	return nil
}

// WritePNG draws the figure with paint on a w×h canvas at DPI and writes
// it as PNG.
func WritePNG(out io.Writer, w, h vg.Length, paint Painter) error {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))
	dc := draw.New(c)
	paintWhite(dc)
	paint(dc)
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(out); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

func paintWhite(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
}
