package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// circle returns the path of a circle of radius r at p.
func circle(p vg.Point, r vg.Length) vg.Path {
	var path vg.Path
	path.Move(vg.Point{X: p.X + r, Y: p.Y})
	path.Arc(p, r, 0, 2*math.Pi)
	path.Close()
	return path
}

// diamond returns the path of a square standing on its corner, of the
// same area as a circle of radius r, centred at p.
func diamond(p vg.Point, r vg.Length) vg.Path {
	// Same area: half-diagonal d with 2d² = πr².
	d := r * vg.Length(math.Sqrt(math.Pi/2))
	var path vg.Path
	path.Move(vg.Point{X: p.X, Y: p.Y + d})
	path.Line(vg.Point{X: p.X + d, Y: p.Y})
	path.Line(vg.Point{X: p.X, Y: p.Y - d})
	path.Line(vg.Point{X: p.X - d, Y: p.Y})
	path.Close()
	return path
}

// mark draws a marker of radius r at p: filled in fill with a thin white
// rim, or hollow (white inside, a ring in fill) when hollow is set.
func mark(c draw.Canvas, path vg.Path, fill color.Color, hollow bool) {
	if hollow {
		c.SetColor(color.White)
		c.Fill(path)
		c.SetLineStyle(style.Line(fill, 1.1))
		c.Stroke(path)
		return
	}
	c.SetColor(fill)
	c.Fill(path)
	c.SetLineStyle(style.Line(color.White, 0.6))
	c.Stroke(path)
}

// whisker draws an interval from a to b (along x when horizontal, else
// along y) at the cross position at, with end caps.
func whisker(c draw.Canvas, a, b, at vg.Length, horizontal bool, col color.Color) {
	ls := style.Line(col, 0.9)
	const capLen = 4
	if horizontal {
		c.StrokeLine2(ls, a, at, b, at)
		c.StrokeLine2(ls, a, at-capLen/2, a, at+capLen/2)
		c.StrokeLine2(ls, b, at-capLen/2, b, at+capLen/2)
		return
	}
	c.StrokeLine2(ls, at, a, at, b)
	c.StrokeLine2(ls, at-capLen/2, a, at+capLen/2, a)
	c.StrokeLine2(ls, at-capLen/2, b, at+capLen/2, b)
}

// key is a legend entry whose marker is drawn by a function: a hollow
// circle, a diamond, a circle of a given size.
type key struct {
	label string
	// r is the marker's half width (and half height); the entry's row is
	// at least 2r+2 high.
	r    vg.Length
	mark func(c draw.Canvas, at vg.Point)
	// gap is extra space before the entry (a new group on the row).
	gap vg.Length
}

const (
	keyGap      = 4  // between marker and text
	keyEntryGap = 14 // between entries
)

// keyWidth is the width of one legend entry, its gap included.
func keyWidth(k key) vg.Length {
	w := k.gap + style.TextWidth(style.Font(style.LabelSize, false), k.label) + keyGap
	if k.mark != nil {
		w += 2 * k.r
	}
	return w
}

// keyRows splits keys into rows no wider than width; a group heading (a
// key without mark) stays on the row of the key after it.
func keyRows(keys []key, width vg.Length) [][]key {
	var rows [][]key
	var x vg.Length
	for i := 0; i < len(keys); {
		j := i + 1
		if keys[i].mark == nil && j < len(keys) {
			j++
		}
		var w vg.Length
		for _, k := range keys[i:j] {
			w += keyWidth(k)
		}
		if len(rows) == 0 || x > 0 && x+w > width {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], keys[i:j]...)
		x += w + keyEntryGap
		i = j
	}
	return rows
}

func rowHeight(row []key) vg.Length {
	h := style.LineHeight(style.Font(style.LabelSize, false))
	for _, k := range row {
		h = max(h, 2*k.r+3)
	}
	return h
}

// keysHeight is the height drawKeys takes at width.
func keysHeight(keys []key, width vg.Length) vg.Length {
	var h vg.Length
	for _, row := range keyRows(keys, width) {
		h += rowHeight(row)
	}
	if h > 0 {
		h += 4
	}
	return h
}

// drawKeys draws the legend entries in rows from the top left of c and
// returns the canvas left below them. A key without mark is a group
// heading: its text only, in the muted colour.
func drawKeys(c draw.Canvas, keys []key) draw.Canvas {
	f := style.Font(style.LabelSize, false)
	ts := style.Text(f, style.Ink)
	ts.YAlign = draw.YCenter
	up := ts.FontExtents().Descent
	y := c.Max.Y
	for _, row := range keyRows(keys, c.Max.X-c.Min.X) {
		h := rowHeight(row)
		y -= h
		mid := y + h/2
		x := c.Min.X
		for i, k := range row {
			if i > 0 {
				x += k.gap
			}
			if k.mark == nil {
				hs := ts
				hs.Color = style.Muted
				c.FillText(hs, vg.Point{X: x, Y: mid + up}, k.label)
				x += style.TextWidth(f, k.label) + keyGap
				continue
			}
			k.mark(c, vg.Point{X: x + k.r, Y: mid})
			x += 2*k.r + keyGap
			c.FillText(ts, vg.Point{X: x, Y: mid + up}, k.label)
			x += style.TextWidth(f, k.label) + keyEntryGap
		}
	}
	if len(keys) > 0 {
		y -= 4
	}
	c.Max.Y = y
	return c
}

// blocKeys returns one legend entry per bloc present in blocs, in the
// order of style.Blocs.
func blocKeys(blocs []string) []key {
	seen := map[string]bool{}
	for _, b := range blocs {
		seen[bloc(b)] = true
	}
	var ks []key
	for _, b := range style.Blocs {
		if !seen[b] {
			continue
		}
		clr := style.BlocColor(b)
		ks = append(ks, key{label: style.BlocName(b), r: 3.5, mark: func(c draw.Canvas, at vg.Point) {
			mark(c, circle(at, 3.5), clr, false)
		}})
	}
	return ks
}
