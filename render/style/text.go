package style

import (
	"image/color"
	"math"
	"strings"
	"unicode"

	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Ellipsis ends every shortened text.
const Ellipsis = "…"

// Truncate shortens s to at most maxRunes runes (maxRunes ≤ 0: no limit)
// and to at most maxWidth in font f (maxWidth ≤ 0: no limit). A shortened
// text is cut at a word boundary when one lies in its second half, loses
// trailing spaces and punctuation, and ends with Ellipsis.
func Truncate(s string, maxRunes int, f plotfont.Font, maxWidth vg.Length) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	fits := func(t string) bool { return maxWidth <= 0 || TextWidth(f, t) <= maxWidth }
	if (maxRunes <= 0 || len(r) <= maxRunes) && fits(s) {
		return s
	}
	n := len(r)
	if maxRunes > 0 && n > maxRunes {
		n = maxRunes
	}
	for ; n > 0; n-- {
		t := cut(r[:n]) + Ellipsis
		if fits(t) {
			return t
		}
	}
	return Ellipsis
}

// cut trims r back to a word boundary in its second half and drops
// trailing spaces and punctuation.
func cut(r []rune) string {
	for i := len(r) - 1; i >= len(r)/2 && i > 0; i-- {
		if unicode.IsSpace(r[i]) {
			r = r[:i]
			break
		}
	}
	return strings.TrimRightFunc(string(r), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c) && c != ')' && c != '"'
	})
}

// Wrap breaks s into lines no wider than width in font f, at spaces. A
// word wider than width stands alone on its line.
func Wrap(s string, f plotfont.Font, width vg.Length) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur != "" && TextWidth(f, next) > width {
			lines = append(lines, cur)
			next = w
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// LineHeight is the distance between two baselines of text in font f.
func LineHeight(f plotfont.Font) vg.Length {
	return f.Size * 1.25
}

// Header draws the title (bold, shortened to fit) and the reading note
// (muted, wrapped) at the top of c and returns the canvas left below them.
func Header(c draw.Canvas, title, note string) draw.Canvas {
	tf := Font(TitleSize, true)
	nf := Font(NoteSize, false)
	width := c.Max.X - c.Min.X
	y := c.Max.Y
	if title != "" {
		y -= TitleSize
		c.FillText(Text(tf, Ink), vg.Point{X: c.Min.X, Y: y}, Truncate(title, 0, tf, width))
		y -= TitleSize * 0.45
	}
	if note != "" {
		for _, l := range Wrap(note, nf, width) {
			y -= LineHeight(nf)
			c.FillText(Text(nf, Muted), vg.Point{X: c.Min.X, Y: y + nf.Size*0.25}, l)
		}
	}
	if title != "" || note != "" {
		y -= 6
	}
	c.Max.Y = y
	return c
}

// HeaderHeight is the height Header takes at width.
func HeaderHeight(title, note string, width vg.Length) vg.Length {
	var h vg.Length
	if title != "" {
		h += TitleSize * 1.45
	}
	if note != "" {
		nf := Font(NoteSize, false)
		h += vg.Length(len(Wrap(note, nf, width))) * LineHeight(nf)
	}
	if title != "" || note != "" {
		h += 6
	}
	return h
}

// Swatch is one legend entry: a coloured dot and its text.
type Swatch struct {
	Label string
	Color color.Color
}

const (
	swatchRadius = 3.5
	swatchGap    = 4  // between dot and text
	entryGap     = 14 // between entries
)

// legendRows splits the swatches into rows no wider than width.
func legendRows(s []Swatch, width vg.Length) [][]Swatch {
	f := Font(LabelSize, false)
	var rows [][]Swatch
	var x vg.Length
	for _, e := range s {
		w := 2*swatchRadius + swatchGap + TextWidth(f, e.Label)
		if len(rows) == 0 || x > 0 && x+w > width {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		x += w + entryGap
	}
	return rows
}

// LegendHeight is the height Legend takes at width.
func LegendHeight(s []Swatch, width vg.Length) vg.Length {
	n := len(legendRows(s, width))
	if n == 0 {
		return 0
	}
	return vg.Length(n)*LineHeight(Font(LabelSize, false)) + 4
}

// Legend draws the swatches in rows from the top left of c and returns the
// canvas left below them.
func Legend(c draw.Canvas, s []Swatch) draw.Canvas {
	f := Font(LabelSize, false)
	ts := Text(f, Ink)
	ts.YAlign = draw.YCenter
	y := c.Max.Y
	for _, row := range legendRows(s, c.Max.X-c.Min.X) {
		y -= LineHeight(f)
		mid := y + LineHeight(f)/2
		x := c.Min.X
		for _, e := range row {
			Dot(c, vg.Point{X: x + swatchRadius, Y: mid}, swatchRadius, e.Color)
			x += 2*swatchRadius + swatchGap
			c.FillText(ts, vg.Point{X: x, Y: mid}, e.Label)
			x += TextWidth(f, e.Label) + entryGap
		}
	}
	if len(s) > 0 {
		y -= 4
	}
	c.Max.Y = y
	return c
}

// Dot fills a circle of radius r at p with a thin white rim, so that dots
// stay apart where they overlap.
func Dot(c draw.Canvas, p vg.Point, r vg.Length, fill color.Color) {
	var path vg.Path
	path.Move(vg.Point{X: p.X + r, Y: p.Y})
	path.Arc(p, r, 0, 2*math.Pi)
	path.Close()
	c.SetColor(fill)
	c.Fill(path)
	c.SetLineStyle(Line(color.White, 0.6))
	c.Stroke(path)
}
