package layout

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// ErrUnknownNode is returned for an edge whose end is not a node.
var ErrUnknownNode = errors.New("layout: edge end is not a node")

// Node is a node to place. Radius (points) is the size it is drawn at;
// the layout keeps nodes that far apart and a little more.
type Node struct {
	ID     string
	Radius float64
}

// Edge joins two nodes; a heavier edge pulls its ends closer. Edges are
// undirected: (A, B) and (B, A) are one edge and their weights add up.
// Self-loops are ignored.
type Edge struct {
	A, B   string
	Weight float64
}

// Point is a position in points (1/72 inch), y up, rounded to 0.01.
type Point struct{ X, Y float64 }

// Options tune the layout. The zero value is the default.
type Options struct {
	// Seed is Graphviz's start seed; the same seed gives the same layout.
	// 0 means 1.
	Seed int
}

// mu serialises every use of go-graphviz: its wasm module is not safe for
// concurrent use.
var mu sync.Mutex

// Compute lays the graph out with Graphviz neato (stress majorization from
// a seeded random start, overlap removal by scaling, disconnected parts
// packed side by side) and returns the position of every node by ID. The
// result depends only on the input and the seed, not on the order of
// nodes and edges. An empty graph gives an empty map.
func Compute(ctx context.Context, nodes []Node, edges []Edge, opt Options) (map[string]Point, error) {
	dot, names, err := DOT(nodes, edges, opt)
	if err != nil {
		return nil, err
	}
	pos := make(map[string]Point, len(names))
	if len(names) == 0 {
		return pos, nil
	}

	mu.Lock()
	defer mu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes([]byte(dot))
	if err != nil {
		return nil, fmt.Errorf("parse layout graph: %w", err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.NEATO)
	// Rendering as DOT writes each node's "pos" attribute back into the
	// graph; the text itself is not needed.
	if err := gv.Render(ctx, g, graphviz.XDOT, io.Discard); err != nil {
		return nil, fmt.Errorf("neato layout: %w", err)
	}
	for i, id := range names {
		n, err := g.NodeByName(nodeName(i))
		if err != nil || n == nil {
			return nil, fmt.Errorf("position of %s: node lost: %w", id, err)
		}
		p, err := parsePos(n.GetStr("pos"))
		if err != nil {
			return nil, fmt.Errorf("position of %s: %w", id, err)
		}
		pos[id] = p
	}
	return pos, nil
}

func nodeName(i int) string { return "n" + strconv.Itoa(i) }

// parsePos reads a Graphviz point "x,y" or "x,y!".
func parsePos(s string) (Point, error) {
	xs, ys, ok := strings.Cut(strings.TrimSuffix(s, "!"), ",")
	if !ok {
		return Point{}, fmt.Errorf("parse pos %q: no comma", s)
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(xs), 64)
	if err != nil {
		return Point{}, fmt.Errorf("parse pos %q: %w", s, err)
	}
	y, err := strconv.ParseFloat(strings.TrimSpace(ys), 64)
	if err != nil {
		return Point{}, fmt.Errorf("parse pos %q: %w", s, err)
	}
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return Point{}, fmt.Errorf("parse pos %q: not finite", s)
	}
	return Point{round(x), round(y)}, nil
}

func round(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// DOT returns the Graphviz input that Compute lays out, and the node IDs in
// the order of their Graphviz names n0, n1, …: nodes sorted by ID
// (duplicates merged, the larger radius kept), edges normalised to A < B,
// merged, sorted, and given a preferred length that shrinks from 1.6 to
// 0.8 inch as the weight grows to the heaviest edge's.
func DOT(nodes []Node, edges []Edge, opt Options) (string, []string, error) {
	radius := map[string]float64{}
	for _, n := range nodes {
		radius[n.ID] = max(radius[n.ID], n.Radius)
	}
	ids := make([]string, 0, len(radius))
	for id := range radius {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}

	type key struct{ a, b int }
	weight := map[key]float64{}
	for _, e := range edges {
		a, okA := index[e.A]
		b, okB := index[e.B]
		if !okA || !okB {
			return "", nil, fmt.Errorf("edge %s–%s: %w", e.A, e.B, ErrUnknownNode)
		}
		if a == b || !(e.Weight > 0) {
			continue
		}
		if a > b {
			a, b = b, a
		}
		weight[key{a, b}] += e.Weight
	}
	keys := make([]key, 0, len(weight))
	var wmax float64
	for k, w := range weight {
		keys = append(keys, k)
		wmax = max(wmax, w)
	}
	slices.SortFunc(keys, func(x, y key) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })

	seed := opt.Seed
	if seed == 0 {
		seed = 1
	}
	var b strings.Builder
	b.WriteString("graph G {\n")
	fmt.Fprintf(&b, "\tgraph [mode=major, start=%d, overlap=scale, sep=\"+4\", pack=8, packmode=\"graph\", splines=false];\n", seed)
	b.WriteString("\tnode [shape=circle, fixedsize=true, label=\"\"];\n")
	for i, id := range ids {
		d := 2 * max(radius[id], 1) / 72 // diameter in inches
		fmt.Fprintf(&b, "\t%s [width=%s, height=%s];\n", nodeName(i), num(d), num(d))
	}
	for _, k := range keys {
		l := 1.6 - 0.8*math.Sqrt(weight[k]/wmax)
		fmt.Fprintf(&b, "\t%s -- %s [len=%s];\n", nodeName(k.a), nodeName(k.b), num(l))
	}
	b.WriteString("}\n")
	return b.String(), ids, nil
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
