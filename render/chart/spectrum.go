package chart

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/style"
)

// Placed is one actor of a spectrum chart.
type Placed struct {
	Label string // shortened to MaxLabelRunes runes and to the label column
	Bloc  string // style.Russia, style.West, style.Subject or anything else (other)
	// Value is the actor's alignment score in [-1, 1]: the alignment
	// formula over the sentences that name it.
	Value float64
	// Lo and Hi bound its confidence interval; NaN in either: no whisker.
	// They are clipped to [-1, 1].
	Lo, Hi float64
	// Evidence is the number of stance sentences naming the actor (≥ 0);
	// 0 means no evidence: no dot, the text "no evidence" instead.
	Evidence int
}

// Spectrum places actors on the spectrum between the two poles: one row
// per actor, x the actor's alignment score on a fixed axis [-1, 1] with a
// zero line, a whisker for the interval, dot area proportional to the
// evidence count and dot colour by bloc. Rows are sorted by score, the
// positive pole on top (then by label); actors without evidence come
// last. The caller chooses the actors (the top N by evidence).
type Spectrum struct {
	Title string // default "Actors between Russia and the West"
	// Note is the reading note under the title; empty: a default.
	Note string
	// Negative and Positive are the pole labels; defaults "toward the
	// West" and "toward Russia".
	Negative, Positive string
	Actors             []Placed
}

var _ style.Figure = (*Spectrum)(nil)

const (
	specRow       = 18  // row pitch, points
	specMaxRadius = 7.5 // dot of the largest evidence count, points
	specMinRadius = 2.2 // floor for the smallest counts, points
)

// WriteSVG writes the chart as SVG.
func (s *Spectrum) WriteSVG(w io.Writer) error { return write(style.WriteSVG, w, s.check, s.draw) }

// WritePNG writes the chart as PNG at style.DPI.
func (s *Spectrum) WritePNG(w io.Writer) error { return write(style.WritePNG, w, s.check, s.draw) }

func (s *Spectrum) check() (vg.Length, error) {
	if len(s.Actors) == 0 {
		return 0, fmt.Errorf("spectrum chart: %w", ErrEmpty)
	}
	for _, a := range s.Actors {
		if a.Evidence < 0 {
			return 0, fmt.Errorf("evidence of %q = %d: %w", a.Label, a.Evidence, ErrRange)
		}
		if a.Evidence == 0 {
			continue
		}
		if math.IsNaN(a.Value) || a.Value < -1 || a.Value > 1 {
			return 0, fmt.Errorf("alignment of %q = %v: %w", a.Label, a.Value, ErrRange)
		}
	}
	inner := style.Width - 2*style.Margin
	h := style.HeaderHeight(s.title(), s.note(), inner)
	h += keysHeight(s.keys(), inner)
	h += style.LineHeight(style.Font(style.LabelSize, true)) + 2 // pole labels
	h += vg.Length(len(s.Actors)) * specRow
	h += 34 // x axis
	return h + 2*style.Margin, nil
}

func (s *Spectrum) title() string {
	if s.Title == "" {
		return "Actors between Russia and the West"
	}
	return s.Title
}

func (s *Spectrum) note() string {
	if s.Note != "" {
		return s.Note
	}
	n := "Dot: the actor's alignment score over the sentences that name it, from −1 to +1; 0 is balanced. " +
		"Dot area and n: stance sentences naming the actor."
	for _, a := range s.Actors {
		if a.Evidence > 0 && !math.IsNaN(a.Lo) && !math.IsNaN(a.Hi) {
			return n + " Whisker: confidence interval."
		}
	}
	return n
}

func (s *Spectrum) maxEvidence() int {
	m := 0
	for _, a := range s.Actors {
		m = max(m, a.Evidence)
	}
	return m
}

// radius is the dot radius for n stance sentences when the largest count
// is nmax: area proportional to n, at least specMinRadius.
func radius(n, nmax int) vg.Length {
	if nmax <= 0 {
		return specMinRadius
	}
	return max(specMinRadius, specMaxRadius*vg.Length(math.Sqrt(float64(n)/float64(nmax))))
}

// sizeSteps returns up to three evidence counts for the size legend: 1,
// a round count near a quarter of nmax, and nmax, dropping counts that
// would draw almost the same dot.
func sizeSteps(nmax int) []int {
	if nmax <= 0 {
		return nil
	}
	steps := []int{1}
	if q := roundCount(nmax / 4); q > 1 && q < nmax {
		steps = append(steps, q)
	}
	if nmax > 1 {
		steps = append(steps, nmax)
	}
	var out []int
	for _, n := range steps {
		if len(out) > 0 && radius(n, nmax)-radius(out[len(out)-1], nmax) < 1.2 {
			continue
		}
		out = append(out, n)
	}
	if out[len(out)-1] != nmax {
		out[len(out)-1] = nmax
	}
	return out
}

// roundCount rounds n down to 1, 2 or 5 times a power of ten.
func roundCount(n int) int {
	if n < 1 {
		return 0
	}
	p := 1
	for p*10 <= n {
		p *= 10
	}
	for _, f := range []int{5, 2, 1} {
		if f*p <= n {
			return f * p
		}
	}
	return p
}

func (s *Spectrum) keys() []key {
	blocs := make([]string, len(s.Actors))
	for i, a := range s.Actors {
		blocs[i] = a.Bloc
	}
	ks := blocKeys(blocs)
	nmax := s.maxEvidence()
	for i, n := range sizeSteps(nmax) {
		if i == 0 {
			ks = append(ks, key{label: "dot area, n =", gap: 10})
		}
		r := radius(n, nmax)
		ks = append(ks, key{label: strconv.Itoa(n), r: r, mark: func(c draw.Canvas, at vg.Point) {
			c.SetLineStyle(style.Line(style.Muted, 0.8))
			c.Stroke(circle(at, r))
		}})
	}
	return ks
}

// ordered returns the actors by score, highest first, then by label;
// those without evidence last, by label.
func (s *Spectrum) ordered() []Placed {
	as := slices.Clone(s.Actors)
	slices.SortStableFunc(as, func(a, b Placed) int {
		if (a.Evidence == 0) != (b.Evidence == 0) {
			if a.Evidence == 0 {
				return 1
			}
			return -1
		}
		if a.Evidence == 0 {
			return cmp.Compare(a.Label, b.Label)
		}
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Label, b.Label))
	})
	return as
}

func (s *Spectrum) draw(c draw.Canvas) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, s.title(), s.note())
	c = drawKeys(c, s.keys())

	actors := s.ordered()
	lf := style.Font(style.LabelSize, false)
	scoreF := style.Font(style.TickSize, false)
	scoreW := style.TextWidth(scoreF, "−0.00") + 8
	countW := style.TextWidth(scoreF, "0000") + 8
	labelW := (c.Max.X - c.Min.X) * 0.32

	n := len(actors)
	p := plot.New()
	style.Apply(p)
	scoreAxis(p)
	p.X.Label.Text = "actor alignment score"
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	yt := make(plot.ConstantTicks, n)
	for i, a := range actors {
		yt[i] = plot.Tick{Value: float64(n - 1 - i), Label: style.Truncate(a.Label, MaxLabelRunes, lf, labelW)}
	}
	p.Y.Tick.Marker = yt
	p.Y.Tick.Label.Font = lf
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Add(style.Grid(false), zeroLine{}, &spectrumDots{actors: actors, nmax: s.maxEvidence()})

	pf := style.Font(style.LabelSize, true)
	poleH := style.LineHeight(pf) + 2
	pc := c
	pc.Max.Y -= poleH
	pc.Max.X -= scoreW + countW
	dc := p.DataCanvas(pc)
	// Light bands behind alternate rows lead the eye from label to score.
	c.SetColor(style.BandColor)
	for i := 0; i < n; i += 2 {
		y := dc.Y(p.Y.Norm(float64(n - 1 - i)))
		c.Fill(vg.Rectangle{
			Min: vg.Point{X: c.Min.X, Y: y - specRow/2},
			Max: vg.Point{X: c.Max.X, Y: y + specRow/2},
		}.Path())
	}
	p.Draw(pc)

	neg, pos := s.poles()
	y := poleLabels(c, pc, dc, pf, neg, pos)

	st := style.Text(scoreF, style.Ink)
	st.XAlign, st.YAlign = draw.XRight, draw.YCenter
	hs := st
	hs.Color = style.Muted
	hs.YAlign = draw.YBottom
	scoreX, countX := c.Max.X-countW, c.Max.X
	c.FillText(hs, vg.Point{X: scoreX, Y: y}, "score")
	c.FillText(hs, vg.Point{X: countX, Y: y}, "n")
	up := st.FontExtents().Descent
	for i, a := range actors {
		yy := dc.Y(p.Y.Norm(float64(n - 1 - i)))
		score := "–"
		if a.Evidence > 0 {
			score = signed(a.Value, 2)
		}
		c.FillText(st, vg.Point{X: scoreX, Y: yy + up}, score)
		c.FillText(st, vg.Point{X: countX, Y: yy + up}, strconv.Itoa(a.Evidence))
	}
}

func (s *Spectrum) poles() (neg, pos string) {
	return poles(s.Negative, s.Positive)
}

// spectrumDots draws one row per actor: whisker, then the dot.
type spectrumDots struct {
	actors []Placed
	nmax   int
}

func (d *spectrumDots) Plot(c draw.Canvas, p *plot.Plot) {
	n := len(d.actors)
	x0 := c.X(p.X.Norm(0))
	ns := style.Text(style.Italic(style.TickSize), style.Muted)
	ns.YAlign = draw.YCenter
	for i, a := range d.actors {
		y := c.Y(p.Y.Norm(float64(n - 1 - i)))
		if a.Evidence == 0 {
			c.FillText(ns, vg.Point{X: x0 + 5, Y: y + ns.FontExtents().Descent}, noEvident)
			continue
		}
		if !math.IsNaN(a.Lo) && !math.IsNaN(a.Hi) {
			l := c.X(p.X.Norm(clamp(math.Min(a.Lo, a.Hi))))
			r := c.X(p.X.Norm(clamp(math.Max(a.Lo, a.Hi))))
			whisker(c, l, r, y, true, style.Muted)
		}
		at := vg.Point{X: c.X(p.X.Norm(a.Value)), Y: y}
		mark(c, circle(at, radius(a.Evidence, d.nmax)), style.BlocColor(a.Bloc), false)
	}
}
