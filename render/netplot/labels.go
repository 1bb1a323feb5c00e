package netplot

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// labelReq asks for a label beside a node; requests come largest node
// first and are served in that order.
type labelReq struct {
	node int
	text string
}

// circle is a drawn node.
type circle struct {
	c vg.Point
	r vg.Length
}

// placed is a label that found room: box is its halo, at the baseline
// origin of its text (drawn left and bottom aligned).
type placed struct {
	node int
	text string
	box  vg.Rectangle
	at   vg.Point
}

// measure gives a text's width, its height above the baseline (ascent)
// and below (descent).
type measure func(s string) (w, ascent, descent vg.Length)

func textMeasure(ts text.Style) measure {
	e := ts.FontExtents()
	return func(s string) (vg.Length, vg.Length, vg.Length) {
		return ts.Width(s), e.Ascent, e.Descent
	}
}

// offsets are the candidate places of a label around its node, as unit
// directions tried in order: right, left, above, below, then the
// diagonals.
var offsets = []struct{ dx, dy float64 }{
	{1, 0}, {-1, 0}, {0, 1}, {0, -1},
	{0.75, 0.75}, {-0.75, 0.75}, {0.75, -0.75}, {-0.75, -0.75},
}

// smallNode is the radius up to which a node may lie under a label that
// finds no place clear of all nodes.
const smallNode = 4

// passes are the rules placeLabels tries in turn: first a label keeps a
// clearance from every other node, so that it sits nearer its own node
// than any other and is not read as another node's; then it may touch
// other nodes; then it may cover small nodes (radius ≤ smallNode), so
// that a big node in a dense core keeps its label.
var passes = []struct{ clearance, tolerate vg.Length }{
	{4, 0}, {0, 0}, {0, smallNode},
}

// placeLabels places each label beside its node, at the first candidate
// position whose box stays inside bounds and overlaps no label placed
// before it and no other node (under the rules of passes, in order);
// first at the node's rim, then nudged further out. A label with no such
// position is left out.
func placeLabels(reqs []labelReq, nodes []circle, bounds vg.Rectangle, m measure) []placed {
	var out []placed
	for _, rq := range reqs {
		w, asc, desc := m(rq.text)
		n := nodes[rq.node]
	search:
		for _, pass := range passes {
			for _, gap := range []vg.Length{2, 7, 13} {
				d := n.r + gap
				for _, o := range offsets {
					// The anchor is the point of the box nearest the node.
					ax := n.c.X + vg.Length(o.dx)*d
					ay := n.c.Y + vg.Length(o.dy)*d
					var x0, yb vg.Length // left edge and baseline
					switch {
					case o.dx > 0:
						x0 = ax
					case o.dx < 0:
						x0 = ax - w
					default:
						x0 = ax - w/2
					}
					switch {
					case o.dy > 0:
						yb = ay + desc
					case o.dy < 0:
						yb = ay - asc
					default:
						yb = ay - (asc-desc)/2
					}
					box := vg.Rectangle{
						Min: vg.Point{X: x0 - labelPad, Y: yb - desc - labelPad},
						Max: vg.Point{X: x0 + w + labelPad, Y: yb + asc + labelPad},
					}
					if !inside(box, bounds) || hits(box, out) ||
						covers(grow(box, pass.clearance), nodes, rq.node, pass.tolerate) {
						continue
					}
					out = append(out, placed{node: rq.node, text: rq.text, box: box, at: vg.Point{X: x0, Y: yb}})
					break search
				}
			}
		}
	}
	return out
}

func grow(r vg.Rectangle, d vg.Length) vg.Rectangle {
	return vg.Rectangle{
		Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d},
		Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d},
	}
}

func inside(r, b vg.Rectangle) bool {
	return r.Min.X >= b.Min.X && r.Min.Y >= b.Min.Y && r.Max.X <= b.Max.X && r.Max.Y <= b.Max.Y
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func hits(r vg.Rectangle, ps []placed) bool {
	for _, p := range ps {
		if overlaps(r, p.box) {
			return true
		}
	}
	return false
}

// covers reports whether r overlaps any node but own and those of radius
// ≤ tolerate.
func covers(r vg.Rectangle, nodes []circle, own int, tolerate vg.Length) bool {
	for i, n := range nodes {
		if i == own || n.r <= tolerate {
			continue
		}
		// Distance from the centre to the nearest point of r.
		dx := max(r.Min.X-n.c.X, 0, n.c.X-r.Max.X)
		dy := max(r.Min.Y-n.c.Y, 0, n.c.Y-r.Max.Y)
		if dx*dx+dy*dy < n.r*n.r {
			return true
		}
	}
	return false
}

// leader returns the ends of a line from the rim of node n to the nearest
// point of its label box, for labels nudged away from their node; ok is
// false when the label sits close enough to need none.
func leader(n circle, box vg.Rectangle) (from, to vg.Point, ok bool) {
	to = vg.Point{
		X: max(box.Min.X, min(n.c.X, box.Max.X)),
		Y: max(box.Min.Y, min(n.c.Y, box.Max.Y)),
	}
	dx, dy := to.X-n.c.X, to.Y-n.c.Y
	d := vg.Length(math.Hypot(float64(dx), float64(dy)))
	if d-n.r < leaderMin {
		return vg.Point{}, vg.Point{}, false
	}
	from = vg.Point{X: n.c.X + dx*n.r/d, Y: n.c.Y + dy*n.r/d}
	return from, to, true
}

// leaderMin is the gap between node and label above which a leader line
// joins them.
const leaderMin = 5
