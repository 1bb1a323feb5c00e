package netplot

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"alignnet/internal/golden"
	"alignnet/render/layout"
	"alignnet/render/style"
)

// six is the fixture: a hub (Kazakhstan) with Russia, the United States
// and the CSTO, a tail to a small unlabelled node, and an isolated
// organisation; two communities and all four blocs.
func six() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "kz", Label: "Kazakhstan", Bloc: "subject", Community: 0, Size: 0.30, Labelled: true},
		{ID: "ru", Label: "Russia", Bloc: "russia", Community: 0, Size: 0.22, Labelled: true},
		{ID: "us", Label: "United States", Bloc: "west", Community: 1, Size: 0.15, Labelled: true},
		{ID: "csto", Label: "Collective Security Treaty Organization", Bloc: "russia", Community: 0, Size: 0.10, Labelled: true},
		{ID: "cn", Label: "China", Bloc: "other", Community: 1, Size: 0.05, Labelled: false},
		{ID: "sco", Label: "Shanghai Cooperation Organisation", Bloc: "other", Community: 1, Size: 0.01, Labelled: true},
	}
	edges := []Edge{
		{"kz", "ru", 6}, {"kz", "us", 3}, {"ru", "us", 1}, {"kz", "csto", 2},
		{"ru", "csto", 2}, {"us", "cn", 1}, {"ru", "kz", 2}, // ru–kz again: weight 8 in all
	}
	return nodes, edges
}

// sixPos are hand-set positions in points, so that the drawing golden
// files do not depend on Graphviz.
var sixPos = map[string]layout.Point{
	"kz": {X: 100, Y: 100}, "ru": {X: 40, Y: 130}, "us": {X: 160, Y: 120},
	"csto": {X: 60, Y: 50}, "cn": {X: 220, Y: 150}, "sco": {X: 230, Y: 40},
}

func render(t *testing.T, f style.Figure) (svg, png []byte) {
	t.Helper()
	var s, p bytes.Buffer
	if err := f.WriteSVG(&s); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	if err := f.WritePNG(&p); err != nil {
		t.Fatalf("WritePNG: %v", err)
	}
	return s.Bytes(), p.Bytes()
}

func sixNetwork(by ColorBy) *Network {
	nodes, edges := six()
	return &Network{Title: "Six actors (fixture)", SizeName: "PageRank", ColorBy: by, Nodes: nodes, Edges: edges, Pos: sixPos}
}

func TestGolden(t *testing.T) {
	for name, by := range map[string]ColorBy{"six-bloc": ByBloc, "six-community": ByCommunity} {
		t.Run(name, func(t *testing.T) {
			svg, png := render(t, sixNetwork(by))
			golden.Check(t, name+".svg", svg)
			golden.CheckHash(t, name+".png.sha256", png)
			if dir := *golden.Preview; dir != "" {
				golden.WriteFigure(t, dir, "fixture-"+name, sixNetwork(by))
			}
		})
	}
}

// TestGoldenWithLayout runs Graphviz too: the whole chain must give the
// same bytes in every process.
func TestGoldenWithLayout(t *testing.T) {
	nodes, edges := six()
	pos, err := Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := &Network{Title: "Six actors laid out by neato (fixture)", Nodes: nodes, Edges: edges, Pos: pos}
	svg, png := render(t, n)
	golden.Check(t, "six-neato.svg", svg)
	golden.CheckHash(t, "six-neato.png.sha256", png)
	if dir := *golden.Preview; dir != "" {
		golden.WriteFigure(t, dir, "fixture-six-neato", n)
	}
}

func TestDeterministic(t *testing.T) {
	nodes, edges := realistic()
	var outs [2][2][]byte
	for i := range outs {
		pos, err := Layout(context.Background(), nodes, edges, 1)
		if err != nil {
			t.Fatal(err)
		}
		outs[i][0], outs[i][1] = render(t, &Network{Nodes: nodes, Edges: edges, Pos: pos})
	}
	if !bytes.Equal(outs[0][0], outs[1][0]) {
		t.Error("two layouts and SVG renders of one network differ")
	}
	if !bytes.Equal(outs[0][1], outs[1][1]) {
		t.Error("two layouts and PNG renders of one network differ")
	}
}

func TestSVGContent(t *testing.T) {
	svg, _ := render(t, sixNetwork(ByBloc))
	for _, want := range []string{
		"Six actors (fixture)", "Node area: PageRank; colour: bloc.",
		">Kazakhstan<", ">Russia<", ">United States<",
		"Collective Security Treaty…", // 32 runes, cut at a space
		"Russia bloc", "Western bloc", "subject state", "other",
		"stroke-opacity:0.4", // edges are translucent
	} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("bloc SVG lacks %q", want)
		}
	}
	if strings.Contains(string(svg), ">China<") {
		t.Error("bloc SVG labels China, which asked for no label")
	}
	svg, _ = render(t, sixNetwork(ByCommunity))
	for _, want := range []string{"community 1", "community 2", "colour: community"} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("community SVG lacks %q", want)
		}
	}
}

var errorTests = []struct {
	name string
	net  func() *Network
	want error
}{
	{"no nodes", func() *Network { return &Network{} }, ErrEmpty},
	{"no position", func() *Network {
		n := sixNetwork(ByBloc)
		n.Pos = map[string]layout.Point{"kz": {X: 0, Y: 0}}
		return n
	}, ErrNoPosition},
	{"unknown edge end", func() *Network {
		n := sixNetwork(ByBloc)
		n.Edges = append(n.Edges, Edge{"kz", "nobody", 1})
		return n
	}, ErrUnknownNode},
	{"negative size", func() *Network {
		n := sixNetwork(ByBloc)
		n.Nodes[2].Size = -1
		return n
	}, ErrSize},
	{"NaN size", func() *Network {
		n := sixNetwork(ByBloc)
		n.Nodes[2].Size = math.NaN()
		return n
	}, ErrSize},
}

func TestErrors(t *testing.T) {
	for _, tt := range errorTests {
		if err := tt.net().WriteSVG(&bytes.Buffer{}); !errors.Is(err, tt.want) {
			t.Errorf("%s: WriteSVG = %v, want %v", tt.name, err, tt.want)
		}
		if err := tt.net().WritePNG(&bytes.Buffer{}); !errors.Is(err, tt.want) {
			t.Errorf("%s: WritePNG = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestOneNodeNoEdges(t *testing.T) {
	n := &Network{Nodes: []Node{{ID: "kz", Label: "Kazakhstan", Size: 0, Labelled: true}}, Pos: map[string]layout.Point{"kz": {X: 5, Y: 5}}}
	svg, _ := render(t, n)
	if !strings.Contains(string(svg), ">Kazakhstan<") {
		t.Error("a lone node lost its label")
	}
}

var radiusTests = []struct {
	s, smax, want float64
}{
	{1, 1, maxRadius},
	{0.25, 1, maxRadius / 2}, // a quarter of the area: half the radius
	{0, 1, minRadius},
	{0.001, 1, minRadius}, // floor
	{3, 0, minRadius},     // no positive size at all
}

func TestRadius(t *testing.T) {
	for _, tt := range radiusTests {
		if got := Radius(tt.s, tt.smax); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Radius(%v, %v) = %v, want %v", tt.s, tt.smax, got, tt.want)
		}
	}
}

func TestCommunityLegend(t *testing.T) {
	// Community IDs 12, 3, 7: the legend numbers them 1, 2, 3 in
	// ascending order of ID.
	nodes := []Node{{ID: "a", Community: 12}, {ID: "b", Community: 3}, {ID: "c", Community: 7}, {ID: "d", Community: 3}}
	colour, legend := colouring(nodes, ByCommunity)
	if len(legend) != 3 || legend[0].Label != "community 1" || legend[2].Label != "community 3" {
		t.Fatalf("legend = %v, want community 1..3", legend)
	}
	if got, want := colour(nodes[1]), legend[0].Color; got != want {
		t.Errorf("colour of community 3 = %v, want the first legend colour %v", got, want)
	}
	if got, want := colour(nodes[0]), legend[2].Color; got != want {
		t.Errorf("colour of community 12 = %v, want the third legend colour %v", got, want)
	}
	// More communities than colours: the rest share one grey entry.
	var many []Node
	for i := range style.Communities + 3 {
		many = append(many, Node{ID: string(rune('a' + i)), Community: i})
	}
	_, legend = colouring(many, ByCommunity)
	last := legend[len(legend)-1]
	if len(legend) != style.Communities+1 || !strings.HasPrefix(last.Label, "communities ") {
		t.Errorf("legend for %d communities ends %q after %d entries", len(many), last.Label, len(legend))
	}
}

// fixedMeasure makes every character 5 pt wide, ascent 6, descent 2.
func fixedMeasure(s string) (vg.Length, vg.Length, vg.Length) {
	return vg.Length(5 * len([]rune(s))), 6, 2
}

var bounds = vg.Rectangle{Max: vg.Point{X: 200, Y: 200}}

func TestPlaceLabelsRightFirst(t *testing.T) {
	nodes := []circle{{vg.Point{X: 100, Y: 100}, 5}}
	got := placeLabels([]labelReq{{0, "Alpha"}}, nodes, bounds, fixedMeasure)
	if len(got) != 1 || got[0].box.Min.X < 105 {
		t.Fatalf("placeLabels = %+v, want one label right of the node", got)
	}
	// Vertically centred on the node.
	if mid := (got[0].box.Min.Y + got[0].box.Max.Y) / 2; math.Abs(float64(mid-100)) > 0.01 {
		t.Errorf("label box centre y = %v, want 100", mid)
	}
}

func TestPlaceLabelsAvoidsCollision(t *testing.T) {
	// Two nodes 4 pt apart vertically: their right-hand labels would
	// overlap, so the second one moves.
	nodes := []circle{{vg.Point{X: 100, Y: 100}, 5}, {vg.Point{X: 100, Y: 104}, 3}}
	got := placeLabels([]labelReq{{0, "Alpha"}, {1, "Beta"}}, nodes, bounds, fixedMeasure)
	if len(got) != 2 {
		t.Fatalf("placeLabels placed %d labels, want 2", len(got))
	}
	if overlaps(got[0].box, got[1].box) {
		t.Errorf("labels overlap: %v and %v", got[0].box, got[1].box)
	}
	if got[1].box.Max.X > 100 && got[1].box.Min.X > 100 {
		t.Errorf("second label %v stayed on the right", got[1].box)
	}
}

func TestPlaceLabelsSmallNodesGiveWay(t *testing.T) {
	// A big node ringed by small nodes at every candidate place: its
	// label covers a small node rather than vanish; ringed by big nodes,
	// it is left out.
	for _, tt := range []struct {
		r    vg.Length
		want int
	}{{3, 1}, {6, 0}} {
		nodes := []circle{{vg.Point{X: 100, Y: 100}, 8}}
		for _, gap := range []float64{14, 22, 30, 38, 46, 54} {
			for _, o := range offsets {
				nodes = append(nodes, circle{vg.Point{X: 100 + vg.Length(o.dx*gap), Y: 100 + vg.Length(o.dy*gap)}, tt.r})
			}
		}
		got := placeLabels([]labelReq{{0, "Kazakhstan"}}, nodes, bounds, fixedMeasure)
		if len(got) != tt.want {
			t.Errorf("ringed by nodes of radius %v: placed %d labels, want %d", tt.r, len(got), tt.want)
		}
	}
}

func TestPlaceLabelsEdgeOfCanvas(t *testing.T) {
	// A node at the right edge gets its label on the left.
	nodes := []circle{{vg.Point{X: 195, Y: 100}, 4}}
	got := placeLabels([]labelReq{{0, "Right edge"}}, nodes, bounds, fixedMeasure)
	if len(got) != 1 || got[0].box.Max.X > 191 {
		t.Fatalf("placeLabels = %+v, want the label left of the node", got)
	}
	// No room anywhere: the label is left out.
	tiny := vg.Rectangle{Max: vg.Point{X: 20, Y: 20}}
	nodes = []circle{{vg.Point{X: 10, Y: 10}, 4}}
	if got := placeLabels([]labelReq{{0, "Far too long a label"}}, nodes, tiny, fixedMeasure); len(got) != 0 {
		t.Errorf("placeLabels in a tiny box = %+v, want none", got)
	}
}

// TestPlaceLabelsRealistic checks the invariants on the 40-node example:
// labels inside the plot, apart from each other and off other nodes.
func TestPlaceLabelsRealistic(t *testing.T) {
	nodes, edges := realistic()
	pos, err := Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := &Network{Nodes: nodes, Edges: edges, Pos: pos}
	s, err := n.scene()
	if err != nil {
		t.Fatal(err)
	}
	area := vg.Rectangle{Max: vg.Point{X: s.plotW, Y: s.plotH}}
	pts := s.fit(area)
	circles := make([]circle, len(s.nodes))
	var reqs []labelReq
	for i, d := range s.nodes {
		circles[i] = circle{pts[i], d.r}
		if d.Labelled {
			reqs = append(reqs, labelReq{i, d.Label})
		}
	}
	placed := placeLabels(reqs, circles, area, textMeasure(style.Text(style.Font(style.TickSize, false), style.Ink)))
	if len(placed) < len(reqs)*3/4 {
		t.Errorf("placed %d of %d labels, want at least three quarters", len(placed), len(reqs))
	}
	for i, p := range placed {
		if !inside(p.box, area) {
			t.Errorf("label %q at %v leaves the plot %v", p.text, p.box, area)
		}
		if covers(p.box, circles, p.node, smallNode) {
			t.Errorf("label %q covers another node", p.text)
		}
		for _, q := range placed[i+1:] {
			if overlaps(p.box, q.box) {
				t.Errorf("labels %q and %q overlap", p.text, q.text)
			}
		}
	}
	// Every node stays inside the plot with its whole disc.
	for i, p := range pts {
		r := circles[i].r
		if p.X-r < area.Min.X || p.X+r > area.Max.X || p.Y-r < area.Min.Y || p.Y+r > area.Max.Y {
			t.Errorf("node %s at %v (r %v) leaves the plot", s.nodes[i].ID, p, r)
		}
	}
}

func BenchmarkNetworkPNG(b *testing.B) {
	nodes, edges := realistic()
	pos, err := Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		b.Fatal(err)
	}
	n := &Network{Nodes: nodes, Edges: edges, Pos: pos}
	for b.Loop() {
		if err := n.WritePNG(&bytes.Buffer{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLeader(t *testing.T) {
	n := circle{vg.Point{X: 100, Y: 100}, 4}
	// A label at the rim (gap 2 + halo 1.2) needs no leader.
	if _, _, ok := leader(n, vg.Rectangle{Min: vg.Point{X: 104.8, Y: 95}, Max: vg.Point{X: 140, Y: 105}}); ok {
		t.Error("leader for a label at the rim")
	}
	// A label 13 pt out gets one, from the rim (x = 104) to the box (x = 117).
	a, b, ok := leader(n, vg.Rectangle{Min: vg.Point{X: 117, Y: 95}, Max: vg.Point{X: 150, Y: 105}})
	if !ok || a != (vg.Point{X: 104, Y: 100}) || b != (vg.Point{X: 117, Y: 100}) {
		t.Errorf("leader = %v, %v, %v; want (104,100), (117,100), true", a, b, ok)
	}
}
