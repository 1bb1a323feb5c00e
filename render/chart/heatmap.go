package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Heatmap is a co-mention matrix of the top actors: one row and one
// column per actor in the order given (the caller groups them by
// community), cell colour by co-mention weight on a sequential
// colour-blind-safe scale (light to dark purple, square-root scaled so
// that the few heavy pairs do not wash out the rest), the count printed
// in each cell where it fits, the diagonal blank. Thin dark lines separate
// consecutive communities, and a strip beside the labels shows each
// community in its colour of the community network figure.
type Heatmap struct {
	Title string // default "Co-mentions among the top actors"
	// Note is the reading note under the title; empty: a default.
	Note string
	// Labels names the actors; each is shortened to 30 runes and to a
	// quarter of the figure width.
	Labels []string
	// Community gives each actor's community as the network measures
	// number them (0 the largest): colour style.CommunityColor(c), legend
	// "community c+1", as in the community network figure. Nil: no
	// groups.
	Community []int
	// Weights[i][j] is the cell of row i and column j: the number of
	// sentences naming both actors (finite, ≥ 0). A co-mention matrix is
	// symmetric; the diagonal is not drawn.
	Weights [][]float64
	// Unit names what a weight counts, for the colour key; default
	// "sentences naming both".
	Unit string
}

var _ style.Figure = (*Heatmap)(nil)

// Sizes of the heatmap, in points.
const (
	heatMaxCell  = 22 // largest cell side
	heatNumCell  = 12 // smallest cell side that shows its count
	heatStrip    = 4  // community strip width
	heatKeyW     = 170
	heatKeyH     = 8
	heatLabelMax = 0.26 // label column, share of the inner width

	heatLegendGap = 6 // between the legend and the column labels
)

// purples is ColorBrewer's 9-class "Purples" scale (Brewer, colorbrewer2.org),
// sequential and colour-blind-safe, from lightest to darkest.
var purples = []color.RGBA{
	{0xFC, 0xFB, 0xFD, 0xFF}, {0xEF, 0xED, 0xF5, 0xFF}, {0xDA, 0xDA, 0xEB, 0xFF},
	{0xBC, 0xBD, 0xDC, 0xFF}, {0x9E, 0x9A, 0xC8, 0xFF}, {0x80, 0x7D, 0xBA, 0xFF},
	{0x6A, 0x51, 0xA3, 0xFF}, {0x54, 0x27, 0x8F, 0xFF}, {0x3F, 0x00, 0x7D, 0xFF},
}

// sequential returns the colour at t in [0, 1] on the purples scale,
// interpolated linearly between its classes in sRGB and rounded to whole
// channel values (so the result is the same on every platform).
func sequential(t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	f := t * float64(len(purples)-1)
	i := int(math.Floor(f))
	if i >= len(purples)-1 {
		return purples[len(purples)-1]
	}
	a, b, u := purples[i], purples[i+1], f-float64(i)
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + u*(float64(y)-float64(x)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xFF}
}

// WriteSVG writes the heatmap as SVG.
func (h *Heatmap) WriteSVG(w io.Writer) error {
	g, err := h.geometry()
	if err != nil {
		return err
	}
	return style.WriteSVG(w, style.Width, g.height, func(c draw.Canvas) { h.draw(c, g) })
}

// WritePNG writes the heatmap as PNG at style.DPI.
func (h *Heatmap) WritePNG(w io.Writer) error {
	g, err := h.geometry()
	if err != nil {
		return err
	}
	return style.WritePNG(w, style.Width, g.height, func(c draw.Canvas) { h.draw(c, g) })
}

// heatGeometry holds the sizes of one heatmap.
type heatGeometry struct {
	labels         []string
	labelW, colH   vg.Length // label column width, column label height
	cell           vg.Length
	numbers        bool // counts printed in the cells
	max            float64
	height, matrix vg.Length
}

func (h *Heatmap) title() string {
	if h.Title == "" {
		return "Co-mentions among the top actors"
	}
	return h.Title
}

func (h *Heatmap) unit() string {
	if h.Unit == "" {
		return "sentences naming both"
	}
	return h.Unit
}

func (h *Heatmap) note() string {
	if h.Note != "" {
		return h.Note
	}
	n := "Cell: number of " + h.unit() + " actors; the darker, the more."
	if h.Community != nil {
		n += " Rows and columns are grouped by community (strip colour as in the community network), groups separated by lines."
	}
	return n
}

func (h *Heatmap) legend() []style.Swatch {
	if h.Community == nil {
		return nil
	}
	seen := map[int]bool{}
	top := -1
	for _, c := range h.Community {
		seen[c] = true
		top = max(top, c)
	}
	var s []style.Swatch
	for c := 0; c <= top; c++ {
		if seen[c] {
			s = append(s, style.Swatch{Label: "community " + strconv.Itoa(c+1), Color: style.CommunityColor(c)})
		}
	}
	return s
}

func (h *Heatmap) geometry() (heatGeometry, error) {
	var g heatGeometry
	n := len(h.Labels)
	if n == 0 {
		return g, fmt.Errorf("heatmap: %w", ErrEmpty)
	}
	if len(h.Weights) != n {
		return g, fmt.Errorf("heatmap of %d actors with %d weight rows: %w", n, len(h.Weights), ErrShape)
	}
	if h.Community != nil && len(h.Community) != n {
		return g, fmt.Errorf("heatmap of %d actors with %d communities: %w", n, len(h.Community), ErrShape)
	}
	for i, row := range h.Weights {
		if len(row) != n {
			return g, fmt.Errorf("heatmap row %d has %d cells, want %d: %w", i, len(row), n, ErrShape)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return g, fmt.Errorf("co-mentions of %q and %q = %v: %w", h.Labels[i], h.Labels[j], v, ErrRange)
			}
			if i != j {
				g.max = max(g.max, v)
			}
		}
	}
	for _, c := range h.Community {
		if c < 0 {
			return g, fmt.Errorf("heatmap community %d: %w", c, ErrRange)
		}
	}

	inner := style.Width - 2*style.Margin
	lf := style.Font(style.TickSize, false)
	g.labels = make([]string, n)
	for i, l := range h.Labels {
		g.labels[i] = style.Truncate(l, maxLabel, lf, inner*heatLabelMax)
		g.labelW = max(g.labelW, style.TextWidth(lf, g.labels[i]))
	}
	g.labelW += 4
	g.colH = g.labelW
	strip := vg.Length(0)
	if h.Community != nil {
		strip = heatStrip + 2
	}
	g.cell = min(heatMaxCell, (inner-g.labelW-strip)/vg.Length(n))
	nf := style.Font(heatNumSize, false)
	g.numbers = g.cell >= heatNumCell && style.TextWidth(nf, strconv.FormatFloat(g.max, 'f', -1, 64)) <= g.cell-2
	g.matrix = vg.Length(n) * g.cell

	g.height = style.HeaderHeight(h.title(), h.note(), inner)
	g.height += style.LegendHeight(h.legend(), inner) + heatLegendGap
	g.height += g.colH + strip + g.matrix
	g.height += 14 + style.LineHeight(style.Font(style.LabelSize, false)) + 1 + heatKeyH + 4 + style.LineHeight(lf) // the colour key
	g.height += 2 * style.Margin
	return g, nil
}

const heatNumSize = 6.5 // type size of the counts in the cells

// keyTicks returns the weights labelled on the colour bar of width w
// (square-root positions): 1, 2, 5, 10, 20, 50, … below max, then max
// itself, skipping a value whose label would touch the previous one.
func keyTicks(max float64, w vg.Length) []float64 {
	if max <= 0 {
		return nil
	}
	f := style.Font(style.TickSize, false)
	pos := func(v float64) vg.Length { return w * vg.Length(math.Sqrt(v/max)) }
	apart := func(a, b float64) bool {
		return pos(b)-pos(a) >= (style.TextWidth(f, plain(a))+style.TextWidth(f, plain(b)))/2+6
	}
	var out []float64
	for p := 1.0; p < max; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if v := m * p; v < max && (len(out) == 0 || apart(out[len(out)-1], v)) {
				out = append(out, v)
			}
		}
	}
	// max must show: drop a tick that crowds it.
	if len(out) > 0 && !apart(out[len(out)-1], max) {
		out = out[:len(out)-1]
	}
	return append(out, max)
}

// heatFloor is where the first co-mention starts on the colour scale, so
// that a single co-mention stands out from none.
const heatFloor = 0.2

// shade returns the colour of weight v when the largest is max: the
// lightest colour for 0, else sequential(heatFloor + (1−heatFloor)·√(v/max)).
func shade(v, max float64) color.RGBA {
	if v <= 0 || max <= 0 {
		return sequential(0)
	}
	return sequential(heatFloor + (1-heatFloor)*math.Sqrt(v/max))
}

func (h *Heatmap) draw(c draw.Canvas, g heatGeometry) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, h.title(), h.note())
	c = style.Legend(c, h.legend())
	c.Max.Y -= heatLegendGap

	n := len(h.Labels)
	lf := style.Font(style.TickSize, false)
	strip := vg.Length(0)
	if h.Community != nil {
		strip = heatStrip + 2
	}
	// Matrix corners: x0 left, y0 top.
	x0 := c.Min.X + g.labelW + strip
	y0 := c.Max.Y - g.colH - strip
	cellX := func(j int) vg.Length { return x0 + vg.Length(j)*g.cell }
	cellY := func(i int) vg.Length { return y0 - vg.Length(i+1)*g.cell } // bottom of row i

	// Column labels, rotated to read upward, right above their columns.
	cs := style.Text(lf, style.Ink)
	cs.Rotation = math.Pi / 2
	cs.XAlign, cs.YAlign = draw.XLeft, draw.YCenter
	up := cs.FontExtents().Descent
	for j, l := range g.labels {
		x := cellX(j) + g.cell/2 + up
		c.FillText(cs, vg.Point{X: x, Y: y0 + strip + 2}, l)
	}
	// Row labels, right-aligned left of the strip.
	rs := style.Text(lf, style.Ink)
	rs.XAlign, rs.YAlign = draw.XRight, draw.YCenter
	for i, l := range g.labels {
		c.FillText(rs, vg.Point{X: x0 - strip - 3, Y: cellY(i) + g.cell/2 + up}, l)
	}

	// Cells, with a hairline white gap so that equal neighbours stay apart.
	nf := style.Font(heatNumSize, false)
	ns := style.Text(nf, style.Ink)
	ns.XAlign, ns.YAlign = draw.XCenter, draw.YCenter
	nup := ns.FontExtents().Descent
	const gap = 0.5
	for i := range n {
		for j := range n {
			if i == j {
				// Blank, struck through: an actor is not paired with itself.
				c.StrokeLine2(style.Line(style.GridColor, 0.6), cellX(j)+2, cellY(i)+2, cellX(j+1)-2, cellY(i-1)-2)
				continue
			}
			v := h.Weights[i][j]
			clr := shade(v, g.max)
			r := vg.Rectangle{
				Min: vg.Point{X: cellX(j) + gap/2, Y: cellY(i) + gap/2},
				Max: vg.Point{X: cellX(j+1) - gap/2, Y: cellY(i-1) - gap/2},
			}
			c.SetColor(clr)
			c.Fill(r.Path())
			if g.numbers && v > 0 {
				ns.Color = style.Ink
				if heatFloor+(1-heatFloor)*math.Sqrt(v/g.max) > 0.6 {
					ns.Color = color.White
				}
				c.FillText(ns, vg.Point{X: cellX(j) + g.cell/2, Y: cellY(i) + g.cell/2 + nup}, plain(v))
			}
		}
	}

	if h.Community != nil {
		for i, cm := range h.Community {
			c.SetColor(style.CommunityColor(cm))
			c.Fill(vg.Rectangle{
				Min: vg.Point{X: x0 - strip, Y: cellY(i)},
				Max: vg.Point{X: x0 - strip + heatStrip, Y: cellY(i - 1)},
			}.Path())
			c.Fill(vg.Rectangle{
				Min: vg.Point{X: cellX(i), Y: y0 + strip - heatStrip},
				Max: vg.Point{X: cellX(i + 1), Y: y0 + strip},
			}.Path())
		}
		ls := style.Line(style.Ink, 0.7)
		for i := 1; i < n; i++ {
			if h.Community[i] == h.Community[i-1] {
				continue
			}
			x, y := cellX(i), cellY(i-1)
			c.StrokeLine2(ls, x, y0+strip, x, y0-g.matrix)
			c.StrokeLine2(ls, x0-strip, y, x0+g.matrix, y)
		}
	}
	// A frame around the matrix.
	c.SetLineStyle(style.Line(style.Muted, 0.5))
	c.Stroke(vg.Rectangle{Min: vg.Point{X: x0, Y: y0 - g.matrix}, Max: vg.Point{X: x0 + g.matrix, Y: y0}}.Path())

	h.drawKey(c, g, x0, y0-g.matrix-14)
}

// keyTitle is the text above the colour key.
func (h *Heatmap) keyTitle() string {
	return "Co-mentions (" + h.unit() + "), square-root colour scale"
}

// drawKey draws the colour key with its top at y: the title, the colour
// bar and its labelled ticks. It starts at x when it fits there, else at
// the left edge of c.
func (h *Heatmap) drawKey(c draw.Canvas, g heatGeometry, x, y vg.Length) {
	lf := style.Font(style.TickSize, false)
	kf := style.Font(style.LabelSize, false)
	title := h.keyTitle()
	w := vg.Length(heatKeyW)
	if x+max(w, style.TextWidth(kf, title)) > c.Max.X {
		x = c.Min.X
	}
	ks := style.Text(kf, style.Ink)
	ks.YAlign = draw.YTop
	c.FillText(ks, vg.Point{X: x, Y: y}, title)
	y -= style.LineHeight(kf) + 1

	ts := style.Text(lf, style.Ink)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YTop
	frame := style.Line(style.Muted, 0.5)
	// A box for no co-mention, then the bar from the lightest positive
	// weight to the largest.
	const zeroW, barGap = 9, 7
	zero := vg.Rectangle{Min: vg.Point{X: x, Y: y - heatKeyH}, Max: vg.Point{X: x + zeroW, Y: y}}
	c.SetColor(sequential(0))
	c.Fill(zero.Path())
	c.SetLineStyle(frame)
	c.Stroke(zero.Path())
	c.FillText(ts, vg.Point{X: x + zeroW/2, Y: y - heatKeyH - 4}, "0")
	x += zeroW + barGap
	w -= zeroW + barGap

	const steps = 80 // 2 pt slices
	for k := range steps {
		t0, t1 := float64(k)/steps, float64(k+1)/steps
		// Slice k shows the weight at its middle, (t0+t1)/2 = √(v/max).
		c.SetColor(sequential(heatFloor + (1-heatFloor)*(t0+t1)/2))
		c.Fill(vg.Rectangle{
			Min: vg.Point{X: x + w*vg.Length(t0), Y: y - heatKeyH},
			Max: vg.Point{X: x + w*vg.Length(min(1, t1+0.002)), Y: y}, // overlap: no seams
		}.Path())
	}
	c.SetLineStyle(frame)
	c.Stroke(vg.Rectangle{Min: vg.Point{X: x, Y: y - heatKeyH}, Max: vg.Point{X: x + w, Y: y}}.Path())
	for _, v := range keyTicks(g.max, w) {
		tx := x + w*vg.Length(math.Sqrt(v/g.max))
		c.StrokeLine2(frame, tx, y-heatKeyH, tx, y-heatKeyH-3)
		c.FillText(ts, vg.Point{X: tx, Y: y - heatKeyH - 4}, plain(v))
	}
}
