package netplot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"alignnet/render/layout"
	"alignnet/render/style"
)

// Errors returned when a network cannot be drawn.
var (
	ErrEmpty       = errors.New("netplot: no nodes")
	ErrUnknownNode = errors.New("netplot: edge end is not a node")
	ErrNoPosition  = errors.New("netplot: node has no position")
	ErrSize        = errors.New("netplot: node size not a finite number ≥ 0")
)

// Node is an actor in the network.
type Node struct {
	ID    string
	Label string // shortened to MaxLabelRunes runes
	Bloc  string // style.Russia, style.West, style.Subject or anything else (other)
	// Community is the actor's community; any integers will do: the
	// legend numbers the distinct values 1..k in ascending order.
	Community int
	// Size is a centrality value ≥ 0; node area is proportional to it,
	// with a floor so that the smallest nodes stay visible.
	Size float64
	// Labelled asks for a label; labels that find no free place are left
	// out, the largest nodes' labels placed first.
	Labelled bool
}

// Edge is a co-mention link; Weight (> 0) counts the co-mentions. Edges
// are undirected: (A, B) and (B, A) add up. Self-loops are ignored.
type Edge struct {
	A, B   string
	Weight float64
}

// ColorBy chooses what the node colour shows.
type ColorBy int

// The colourings.
const (
	ByBloc      ColorBy = iota // bloc colours, legend of blocs
	ByCommunity                // community colours, legend "community 1..k"
)

// Network is a drawing of a co-mention network at positions from Layout.
// Both colourings of one network should share one Pos, so that the
// figures can be compared node for node.
type Network struct {
	Title string // default "Co-mention network of actors"
	// Note is the reading note under the title; empty: a default naming
	// SizeName and what lines and colours show.
	Note     string
	SizeName string // what Size measures ("PageRank"); default "centrality"
	ColorBy  ColorBy
	Nodes    []Node
	Edges    []Edge
	Pos      map[string]layout.Point
}

var _ style.Figure = (*Network)(nil)

// Sizes of the drawing, in points.
const (
	MaxLabelRunes = 32
	maxRadius     = 10  // node of the largest Size
	minRadius     = 2.5 // floor for small nodes
	minEdge       = 0.4 // width of the lightest edge
	edgeSpan      = 2.4 // added width of the heaviest edge
	labelPad      = 1.2 // white halo around a label
)

// Radius returns the drawn radius of a node of size s when the largest
// size is smax: area proportional to s, at least minRadius.
func Radius(s, smax float64) float64 {
	if smax <= 0 {
		return minRadius
	}
	return max(minRadius, maxRadius*math.Sqrt(s/smax))
}

// Layout places the nodes with layout.Compute, giving each node the
// radius it is drawn at.
func Layout(ctx context.Context, nodes []Node, edges []Edge, seed int) (map[string]layout.Point, error) {
	smax := maxSize(nodes)
	ln := make([]layout.Node, len(nodes))
	for i, n := range nodes {
		ln[i] = layout.Node{ID: n.ID, Radius: Radius(n.Size, smax)}
	}
	le := make([]layout.Edge, len(edges))
	for i, e := range edges {
		le[i] = layout.Edge{A: e.A, B: e.B, Weight: e.Weight}
	}
	return layout.Compute(ctx, ln, le, layout.Options{Seed: seed})
}

func maxSize(nodes []Node) float64 {
	var m float64
	for _, n := range nodes {
		if n.Size > m {
			m = n.Size
		}
	}
	return m
}

// WriteSVG writes the drawing as SVG.
func (n *Network) WriteSVG(w io.Writer) error {
	s, err := n.scene()
	if err != nil {
		return err
	}
	return style.WriteSVG(w, style.Width, s.height, s.draw)
}

// WritePNG writes the drawing as PNG at style.DPI.
func (n *Network) WritePNG(w io.Writer) error {
	s, err := n.scene()
	if err != nil {
		return err
	}
	return style.WritePNG(w, style.Width, s.height, s.draw)
}

// scene is a network ready to draw: everything decided but the canvas.
type scene struct {
	net    *Network
	height vg.Length
	title  string
	note   string
	legend []style.Swatch
	nodes  []drawnNode // largest first
	edges  []drawnEdge // lightest first
	// layout box in layout units, and the plot area's size in points
	minX, minY, spanX, spanY float64
	plotW, plotH             vg.Length
}

type drawnNode struct {
	Node
	p      layout.Point
	r      vg.Length
	colour color.Color
}

type drawnEdge struct {
	a, b  int // indexes into scene.nodes
	width vg.Length
}

func (n *Network) scene() (*scene, error) {
	if len(n.Nodes) == 0 {
		return nil, fmt.Errorf("network figure: %w", ErrEmpty)
	}
	s := &scene{net: n, title: n.Title, note: n.Note}
	if s.title == "" {
		s.title = "Co-mention network of actors"
	}
	sizeName := n.SizeName
	if sizeName == "" {
		sizeName = "centrality"
	}
	if s.note == "" {
		what := "bloc"
		if n.ColorBy == ByCommunity {
			what = "community"
		}
		s.note = "Node area: " + sizeName + "; colour: " + what +
			". Lines join actors mentioned together; the more often, the thicker."
	}

	// Nodes: merge duplicate IDs (first wins), check sizes and positions.
	byID := map[string]int{}
	var nodes []Node
	for _, nd := range n.Nodes {
		if _, dup := byID[nd.ID]; dup {
			continue
		}
		if math.IsNaN(nd.Size) || math.IsInf(nd.Size, 0) || nd.Size < 0 {
			return nil, fmt.Errorf("node %s size %v: %w", nd.ID, nd.Size, ErrSize)
		}
		if _, ok := n.Pos[nd.ID]; !ok {
			return nil, fmt.Errorf("node %s: %w", nd.ID, ErrNoPosition)
		}
		byID[nd.ID] = len(nodes)
		nodes = append(nodes, nd)
	}
	smax := maxSize(nodes)
	slices.SortFunc(nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.ID, b.ID))
	})
	colour, legend := colouring(nodes, n.ColorBy)
	s.legend = legend
	for i, nd := range nodes {
		byID[nd.ID] = i
		s.nodes = append(s.nodes, drawnNode{
			Node:   nd,
			p:      n.Pos[nd.ID],
			r:      vg.Length(Radius(nd.Size, smax)),
			colour: colour(nd),
		})
	}

	// Edges: merge, then lightest first so heavy edges stay on top.
	type key struct{ a, b int }
	weight := map[key]float64{}
	for _, e := range n.Edges {
		a, okA := byID[e.A]
		b, okB := byID[e.B]
		if !okA || !okB {
			return nil, fmt.Errorf("edge %s–%s: %w", e.A, e.B, ErrUnknownNode)
		}
		if a == b || !(e.Weight > 0) {
			continue
		}
		weight[key{min(a, b), max(a, b)}] += e.Weight
	}
	var wmax float64
	keys := make([]key, 0, len(weight))
	for k, w := range weight {
		keys = append(keys, k)
		wmax = max(wmax, w)
	}
	slices.SortFunc(keys, func(x, y key) int {
		return cmp.Or(cmp.Compare(weight[x], weight[y]), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	for _, k := range keys {
		s.edges = append(s.edges, drawnEdge{
			a: k.a, b: k.b,
			width: vg.Length(minEdge + edgeSpan*math.Sqrt(weight[k]/wmax)),
		})
	}

	// Size the figure to the layout's aspect ratio, within limits.
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, d := range s.nodes {
		minX, maxX = min(minX, d.p.X), max(maxX, d.p.X)
		minY, maxY = min(minY, d.p.Y), max(maxY, d.p.Y)
	}
	s.minX, s.minY, s.spanX, s.spanY = minX, minY, maxX-minX, maxY-minY
	inner := style.Width - 2*style.Margin
	s.plotW = inner
	aspect := 0.75
	if s.spanX > 0 {
		aspect = min(1.0, max(0.55, s.spanY/s.spanX))
	}
	s.plotH = inner * vg.Length(aspect)
	s.height = 2*style.Margin + style.HeaderHeight(s.title, s.note, inner) +
		style.LegendHeight(s.legend, inner) + s.plotH
	return s, nil
}

// colouring returns the colour of each node and the legend.
func colouring(nodes []Node, by ColorBy) (func(Node) color.Color, []style.Swatch) {
	if by == ByCommunity {
		var ids []int
		for _, n := range nodes {
			ids = append(ids, n.Community)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		rank := map[int]int{}
		var legend []style.Swatch
		for i, id := range ids {
			rank[id] = i
			if i < style.Communities {
				legend = append(legend, style.Swatch{Label: "community " + strconv.Itoa(i+1), Color: style.CommunityColor(i)})
			}
		}
		if k := len(ids); k > style.Communities {
			label := "communities " + strconv.Itoa(style.Communities+1) + "–" + strconv.Itoa(k)
			if k == style.Communities+1 {
				label = "community " + strconv.Itoa(k)
			}
			legend = append(legend, style.Swatch{Label: label, Color: style.CommunityColor(k)})
		}
		return func(n Node) color.Color { return style.CommunityColor(rank[n.Community]) }, legend
	}
	seen := map[string]bool{}
	for _, n := range nodes {
		seen[style.BlocName(n.Bloc)] = true
	}
	var legend []style.Swatch
	for _, b := range style.Blocs {
		if seen[style.BlocName(b)] {
			legend = append(legend, style.Swatch{Label: style.BlocName(b), Color: style.BlocColor(b)})
		}
	}
	return func(n Node) color.Color { return style.BlocColor(n.Bloc) }, legend
}

func (s *scene) draw(c draw.Canvas) {
	c = draw.Crop(c, style.Margin, -style.Margin, style.Margin, -style.Margin)
	c = style.Header(c, s.title, s.note)
	c = style.Legend(c, s.legend)
	area := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X, Y: c.Min.Y + s.plotH}}

	pts := s.fit(area)

	for _, e := range s.edges {
		ls := style.Line(style.EdgeColor, e.width)
		c.StrokeLines(ls, []vg.Point{pts[e.a], pts[e.b]})
	}
	for i, d := range s.nodes {
		style.Dot(c, pts[i], d.r, d.colour)
	}

	f := style.Font(style.TickSize, false)
	var reqs []labelReq
	circles := make([]circle, len(s.nodes))
	for i, d := range s.nodes {
		circles[i] = circle{pts[i], d.r}
		if d.Labelled {
			reqs = append(reqs, labelReq{
				node: i,
				text: style.Truncate(d.Label, MaxLabelRunes, f, 0),
			})
		}
	}
	ts := style.Text(f, style.Ink)
	halo := color.NRGBA{0xFF, 0xFF, 0xFF, 0xC0}
	for _, l := range placeLabels(reqs, circles, area, textMeasure(ts)) {
		if a, b, ok := leader(circles[l.node], l.box); ok {
			c.StrokeLines(style.Line(style.Muted, 0.5), []vg.Point{a, b})
		}
		c.SetColor(halo)
		c.Fill(l.box.Path())
		c.FillText(ts, l.at, l.text)
	}
}

// fit maps the layout into area, keeping its aspect ratio and centring
// it, with room for the largest node on every side. Labels are placed
// inside the area, so they need no margin of their own.
func (s *scene) fit(area vg.Rectangle) []vg.Point {
	pad := vg.Length(maxRadius + 2)
	w, h := area.Max.X-area.Min.X-2*pad, area.Max.Y-area.Min.Y-2*pad
	scale := vg.Length(1)
	switch {
	case s.spanX > 0 && s.spanY > 0:
		scale = min(w/vg.Length(s.spanX), h/vg.Length(s.spanY))
	case s.spanX > 0:
		scale = w / vg.Length(s.spanX)
	case s.spanY > 0:
		scale = h / vg.Length(s.spanY)
	}
	ox := area.Min.X + pad + (w-scale*vg.Length(s.spanX))/2
	oy := area.Min.Y + pad + (h-scale*vg.Length(s.spanY))/2
	pts := make([]vg.Point, len(s.nodes))
	for i, d := range s.nodes {
		pts[i] = vg.Point{
			X: ox + scale*vg.Length(d.p.X-s.minX),
			Y: oy + scale*vg.Length(d.p.Y-s.minY),
		}
	}
	return pts
}
