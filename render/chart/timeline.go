package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Dated is one article of a timeline.
type Dated struct {
	Label string // the article's title; orders points that share a date
	// Date is the publication date; the zero time: undated, not drawn.
	Date time.Time
	// Inferred marks a date inferred by the pipeline (from an issue
	// number, a dateline) rather than printed in the article: drawn as a
	// diamond instead of a circle.
	Inferred bool
	// Value is the alignment score in [-1, 1], as in Bar.
	Value float64
	// Lo and Hi bound the confidence interval drawn as a whisker; NaN in
	// either: no whisker. They are clipped to [-1, 1].
	Lo, Hi float64
	// Missing marks an article without alignment evidence: a hollow grey
	// marker on the zero line.
	Missing bool
}

// Timeline plots article alignment scores against publication date: x is
// time, y the score on a fixed axis [-1, 1] with a zero line and the pole
// labels. Points above 0 take the Russia colour, below 0 the West colour,
// exactly 0 grey; articles without evidence are hollow grey markers on the
// zero line. Points that would overlap are nudged sideways by a few
// points, deterministically. The time axis spans at least MinSpan.
type Timeline struct {
	Title string // default "Alignment of articles over time"
	// Note is the reading note under the title; empty: a default that
	// explains the markers present and counts the undated articles.
	Note string
	// Negative and Positive are the pole labels; defaults "toward the
	// West" and "toward Russia".
	Negative, Positive string
	Points             []Dated
}

var _ style.Figure = (*Timeline)(nil)

// MinSpan is the shortest time axis: a single date sits in the middle of
// half a year.
const MinSpan = 183 * 24 * time.Hour

const (
	timeDataH  = 190 // height of the data area, points
	timeRadius = 3.8 // marker radius, points
)

// WriteSVG writes the chart as SVG.
func (t *Timeline) WriteSVG(w io.Writer) error {
	h, err := t.check()
	if err != nil {
		return err
	}
	return style.WriteSVG(w, style.Width, h, t.draw)
}

// WritePNG writes the chart as PNG at style.DPI.
func (t *Timeline) WritePNG(w io.Writer) error {
	h, err := t.check()
	if err != nil {
		return err
	}
	return style.WritePNG(w, style.Width, h, t.draw)
}

// check validates the points and returns the figure height.
func (t *Timeline) check() (vg.Length, error) {
	if len(t.Points) == 0 {
		return 0, fmt.Errorf("timeline: %w", ErrEmpty)
	}
	dated := 0
	for _, p := range t.Points {
		if p.Date.IsZero() {
			continue
		}
		dated++
		if p.Missing {
			continue
		}
		if math.IsNaN(p.Value) || p.Value < -1 || p.Value > 1 {
			return 0, fmt.Errorf("alignment of %q = %v: %w", p.Label, p.Value, ErrRange)
		}
	}
	if dated == 0 {
		return 0, fmt.Errorf("timeline of %d articles: %w", len(t.Points), ErrNoDates)
	}
	inner := style.Width - 2*style.Margin
	h := style.HeaderHeight(t.title(), t.note(), inner)
	h += keysHeight(t.keys(), inner)
	h += timeDataH
	h += 34 // x axis: ticks, tick labels, axis label
	return h + 2*style.Margin, nil
}

func (t *Timeline) title() string {
	if t.Title == "" {
		return "Alignment of articles over time"
	}
	return t.Title
}

func (t *Timeline) poles() (neg, pos string) {
	return poles(t.Negative, t.Positive)
}

// poles returns the pole labels with their defaults.
func poles(neg, pos string) (string, string) {
	if neg == "" {
		neg = "toward the West"
	}
	if pos == "" {
		pos = "toward Russia"
	}
	return neg, pos
}

// kinds reports which kinds of point the dated articles include.
func (t *Timeline) kinds() (pos, neg, zero, missing, inferred, whiskers bool, undated int) {
	for _, p := range t.Points {
		switch {
		case p.Date.IsZero():
			undated++
			continue
		case p.Missing:
			missing = true
		case p.Value > 0:
			pos = true
		case p.Value < 0:
			neg = true
		default:
			zero = true
		}
		inferred = inferred || p.Inferred
		whiskers = whiskers || !p.Missing && !math.IsNaN(p.Lo) && !math.IsNaN(p.Hi)
	}
	return
}

func (t *Timeline) note() string {
	if t.Note != "" {
		return t.Note
	}
	_, _, _, missing, inferred, whiskers, undated := t.kinds()
	n := "Point: an article's alignment score at its publication date, from −1 to +1; 0 is balanced."
	if whiskers {
		n += " Whisker: confidence interval."
	}
	if missing {
		n += " Hollow grey on the zero line: no evidence either way."
	}
	if inferred {
		n += " Diamond: date inferred by the pipeline, not printed in the article."
	}
	switch {
	case undated == 1:
		n += " One undated article is left out."
	case undated > 1:
		n += " " + strconv.Itoa(undated) + " undated articles are left out."
	}
	return n
}

// pointColor is the colour of an article's point: by the sign of its
// score, grey at 0 and without evidence.
func pointColor(value float64, missing bool) color.RGBA {
	switch {
	case missing || value == 0:
		return style.Grey
	case value > 0:
		return style.BlocColor(style.Russia)
	}
	return style.BlocColor(style.West)
}

func (t *Timeline) keys() []key {
	pos, neg, zero, missing, inferred, _, _ := t.kinds()
	negName, posName := t.poles()
	var ks []key
	add := func(label string, clr color.Color, hollow, dia bool) {
		ks = append(ks, key{label: label, r: timeRadius, mark: func(c draw.Canvas, at vg.Point) {
			path := circle(at, timeRadius)
			if dia {
				path = diamond(at, timeRadius)
			}
			mark(c, path, clr, hollow)
		}})
	}
	if pos {
		add(posName, style.BlocColor(style.Russia), false, false)
	}
	if neg {
		add(negName, style.BlocColor(style.West), false, false)
	}
	if zero {
		add("balanced", style.Grey, false, false)
	}
	if missing {
		add(noEvident, style.Grey, true, false)
	}
	if inferred {
		add("date inferred", style.Muted, false, true)
	}
	return ks
}

// days returns the time t as days since the Unix epoch.
func days(t time.Time) float64 {
	return float64(t.Unix()) / 86400
}

// timeRange returns the axis range in days for the dated points: their
// span padded by 4% on each side, widened to MinSpan around its middle.
func timeRange(ps []Dated) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		if p.Date.IsZero() {
			continue
		}
		d := days(p.Date)
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	pad := (hi - lo) * 0.04
	lo, hi = lo-pad, hi+pad
	if min := MinSpan.Hours() / 24; hi-lo < min {
		mid := (lo + hi) / 2
		lo, hi = mid-min/2, mid+min/2
	}
	return lo, hi
}

// maxTimeTicks is the most labelled ticks on the time axis: a label such
// as "Sep 2008" takes about 35 pt at 8 pt type.
const maxTimeTicks = 8

// timeTicks returns labelled ticks on the first days of months or years
// between lo and hi (days since the epoch, UTC): every 1, 2, 3 or 6
// months ("Mar 2008"), else every 1, 2, 5, 10, 20 or 50 years ("2008"),
// the finest step that gives at most maxTimeTicks ticks.
func timeTicks(lo, hi float64) plot.ConstantTicks {
	from := time.Unix(int64(math.Floor(lo*86400)), 0).UTC()
	to := time.Unix(int64(math.Ceil(hi*86400)), 0).UTC()
	collect := func(months int) plot.ConstantTicks {
		var ts plot.ConstantTicks
		y := from.Year()
		if months >= 12 {
			years := months / 12
			y = (y + years - 1) / years * years // first multiple of the step
			for ; ; y += years {
				d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
				if d.After(to) {
					break
				}
				if !d.Before(from) {
					ts = append(ts, plot.Tick{Value: days(d), Label: strconv.Itoa(y)})
				}
			}
			return ts
		}
		for m := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); !m.After(to); m = m.AddDate(0, months, 0) {
			if !m.Before(from) {
				ts = append(ts, plot.Tick{Value: days(m), Label: m.Format("Jan 2006")})
			}
		}
		return ts
	}
	var ts plot.ConstantTicks
	for _, months := range []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600} {
		ts = collect(months)
		if len(ts) <= maxTimeTicks {
			break
		}
	}
	return ts
}

// placedPoint is a point of the timeline in canvas coordinates.
type placedPoint struct {
	Dated
	at vg.Point
}

// dodge nudges points sideways so that markers overlap by at most a
// fifth of their diameter: each point in turn (by x, then y, then label)
// takes the first free offset of 0, +d, −d, +2d, −2d, … up to ±4d (d a
// marker radius), or stays put when none is free.
func dodge(ps []placedPoint, r vg.Length) {
	slices.SortStableFunc(ps, func(a, b placedPoint) int {
		return cmp.Or(cmp.Compare(a.at.X, b.at.X), cmp.Compare(a.at.Y, b.at.Y), cmp.Compare(a.Label, b.Label))
	})
	minDist := 1.6 * r
	for i := range ps {
		base := ps[i].at
		for _, k := range []vg.Length{0, 1, -1, 2, -2, 3, -3, 4, -4} {
			at := vg.Point{X: base.X + k*r, Y: base.Y}
			free := true
			for _, q := range ps[:i] {
				if math.Hypot(float64(q.at.X-at.X), float64(q.at.Y-at.Y)) < float64(minDist) {
					free = false
					break
				}
			}
			if free {
				ps[i].at = at
				break
			}
		}
	}
}

func (t *Timeline) draw(c draw.Canvas) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, t.title(), t.note())
	c = drawKeys(c, t.keys())

	// The pole labels sit in a column right of the data area.
	pf := style.Font(style.LabelSize, true)
	neg, pos := t.poles()
	negText, posText := "↓ "+neg, "↑ "+pos
	gutter := min(max(style.TextWidth(pf, negText), style.TextWidth(pf, posText))+8, (c.Max.X-c.Min.X)*0.25)

	p := plot.New()
	style.Apply(p)
	lo, hi := timeRange(t.Points)
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = timeTicks(lo, hi)
	p.X.Label.Text = "publication date"
	p.Y.Min, p.Y.Max = -1.12, 1.12
	p.Y.Tick.Marker = ticks(func(v float64) string { return signed(v, 1) }, -1, -0.5, 0, 0.5, 1)
	p.Y.Label.Text = "alignment score"
	p.Add(style.Grid(true), horizontalZero{}, &timePoints{points: t.Points})

	pc := c
	pc.Max.X -= gutter
	p.Draw(pc)
	dc := p.DataCanvas(pc)

	ts := style.Text(pf, style.BlocColor(style.Russia))
	ts.YAlign = draw.YTop
	x := dc.Max.X + 8
	w := c.Max.X - x
	posLines := style.Wrap(posText, pf, w)
	y := dc.Y(p.Y.Norm(1)) + pf.Size*0.5
	for _, l := range posLines {
		c.FillText(ts, vg.Point{X: x, Y: y}, l)
		y -= style.LineHeight(pf)
	}
	ts.Color = style.BlocColor(style.West)
	negLines := style.Wrap(negText, pf, w)
	y = dc.Y(p.Y.Norm(-1)) - pf.Size*0.5 + vg.Length(len(negLines))*style.LineHeight(pf)
	for _, l := range negLines {
		c.FillText(ts, vg.Point{X: x, Y: y}, l)
		y -= style.LineHeight(pf)
	}
}

// horizontalZero draws the horizontal line at y = 0.
type horizontalZero struct{}

func (horizontalZero) Plot(c draw.Canvas, p *plot.Plot) {
	y := c.Y(p.Y.Norm(0))
	c.StrokeLine2(style.Line(style.ZeroColor, 0.8), c.Min.X, y, c.Max.X, y)
}

// timePoints draws the whiskers, then the markers.
type timePoints struct{ points []Dated }

func (tp *timePoints) Plot(c draw.Canvas, p *plot.Plot) {
	var ps []placedPoint
	for _, d := range tp.points {
		if d.Date.IsZero() {
			continue
		}
		v := d.Value
		if d.Missing {
			v = 0
		}
		ps = append(ps, placedPoint{Dated: d, at: vg.Point{X: c.X(p.X.Norm(days(d.Date))), Y: c.Y(p.Y.Norm(v))}})
	}
	dodge(ps, timeRadius)
	for _, q := range ps {
		if q.Missing || math.IsNaN(q.Lo) || math.IsNaN(q.Hi) {
			continue
		}
		a := c.Y(p.Y.Norm(clamp(math.Min(q.Lo, q.Hi))))
		b := c.Y(p.Y.Norm(clamp(math.Max(q.Lo, q.Hi))))
		whisker(c, a, b, q.at.X, false, whiskerColor(pointColor(q.Value, false)))
	}
	// Hollow markers first, so that filled ones stay on top.
	for _, hollow := range []bool{true, false} {
		for _, q := range ps {
			if q.Missing != hollow {
				continue
			}
			path := circle(q.at, timeRadius)
			if q.Inferred {
				path = diamond(q.at, timeRadius)
			}
			mark(c, path, pointColor(q.Value, q.Missing), q.Missing)
		}
	}
}

// whiskerColor is a lighter shade of a marker colour, so that whiskers
// stay behind the markers they belong to.
func whiskerColor(c color.RGBA) color.RGBA {
	mix := func(v uint8) uint8 { return uint8((int(v)*3 + 0xFF*2) / 5) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xFF}
}
