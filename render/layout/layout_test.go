package layout

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"alignnet/internal/golden"
)

// sixNodes is the fixture: a triangle (a, b, c) with a heavy a–b edge,
// a tail c–d–e, and an isolated node f. The c–a edge is given twice, once
// reversed, to check that weights add up.
func sixNodes() ([]Node, []Edge) {
	nodes := []Node{{"a", 10}, {"b", 6}, {"c", 5}, {"d", 3}, {"e", 2.5}, {"f", 2.5}}
	edges := []Edge{
		{"a", "b", 4}, {"b", "c", 1}, {"c", "a", 1}, {"a", "c", 1},
		{"c", "d", 2}, {"d", "e", 1}, {"e", "e", 3},
	}
	return nodes, edges
}

func format(pos map[string]Point) string {
	ids := make([]string, 0, len(pos))
	for id := range pos {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%s %.2f %.2f\n", id, pos[id].X, pos[id].Y)
	}
	return b.String()
}

func TestDOTGolden(t *testing.T) {
	nodes, edges := sixNodes()
	dot, ids, err := DOT(nodes, edges, Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "six.dot", []byte(dot))
	if want := []string{"a", "b", "c", "d", "e", "f"}; !slices.Equal(ids, want) {
		t.Errorf("DOT ids = %v, want %v", ids, want)
	}
	// c–a given as (c, a, 1) and (a, c, 1): one edge of weight 2, so
	// len = 1.6 − 0.8·√(2/4) = 1.0343; the self-loop e–e is dropped.
	if !strings.Contains(dot, "n0 -- n2 [len=1.0343]") {
		t.Errorf("DOT: merged a–c edge missing or wrong:\n%s", dot)
	}
	if strings.Count(dot, "--") != 5 {
		t.Errorf("DOT has %d edges, want 5:\n%s", strings.Count(dot, "--"), dot)
	}
}

func TestComputeGolden(t *testing.T) {
	nodes, edges := sixNodes()
	pos, err := Compute(context.Background(), nodes, edges, Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "six.pos", []byte(format(pos)))
}

func TestComputeStable(t *testing.T) {
	nodes, edges := sixNodes()
	first, err := Compute(context.Background(), nodes, edges, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The same graph given in another order, and laid out again.
	slices.Reverse(nodes)
	slices.Reverse(edges)
	again, err := Compute(context.Background(), nodes, edges, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := format(first), format(again); a != b {
		t.Errorf("Compute differs with input order:\n%s\nvs\n%s", a, b)
	}
}

func TestComputeConcurrent(t *testing.T) {
	nodes, edges := sixNodes()
	want, err := Compute(context.Background(), nodes, edges, Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]string, 4)
	errs := make([]error, 4)
	for i := range got {
		wg.Go(func() {
			p, err := Compute(context.Background(), nodes, edges, Options{Seed: 5})
			got[i], errs[i] = format(p), err
		})
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil || got[i] != format(want) {
			t.Errorf("concurrent Compute %d = %v, %q; want %q", i, errs[i], got[i], format(want))
		}
	}
}

func TestComputeSeparatesNodes(t *testing.T) {
	nodes, edges := sixNodes()
	pos, err := Compute(context.Background(), nodes, edges, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pos) != len(nodes) {
		t.Fatalf("Compute gave %d positions, want %d", len(pos), len(nodes))
	}
	// Overlap removal keeps the circles apart (radius in points, at the
	// layout's own scale).
	for i, a := range nodes {
		for _, b := range nodes[i+1:] {
			pa, pb := pos[a.ID], pos[b.ID]
			if d := math.Hypot(pa.X-pb.X, pa.Y-pb.Y); d < a.Radius+b.Radius {
				t.Errorf("nodes %s and %s are %.2f pt apart, radii %v + %v", a.ID, b.ID, d, a.Radius, b.Radius)
			}
		}
	}
	for id, p := range pos {
		if p.X != math.Round(p.X*100)/100 || p.Y != math.Round(p.Y*100)/100 {
			t.Errorf("position of %s = %v, not rounded to 0.01", id, p)
		}
	}
}

func TestComputeEdgeCases(t *testing.T) {
	pos, err := Compute(context.Background(), nil, nil, Options{})
	if err != nil || len(pos) != 0 {
		t.Errorf("Compute(empty) = %v, %v; want empty map, nil", pos, err)
	}
	pos, err = Compute(context.Background(), []Node{{"solo", 3}}, nil, Options{})
	if err != nil || len(pos) != 1 {
		t.Errorf("Compute(one node) = %v, %v; want one position", pos, err)
	}
	_, err = Compute(context.Background(), []Node{{"a", 3}}, []Edge{{"a", "zz", 1}}, Options{})
	if !errors.Is(err, ErrUnknownNode) {
		t.Errorf("Compute(edge to unknown node) = %v, want ErrUnknownNode", err)
	}
}

var parsePosTests = []struct {
	in   string
	want Point
	ok   bool
}{
	{"27,18", Point{27, 18}, true},
	{"12.345,-6.789", Point{12.35, -6.79}, true},
	{"1.5,2.5!", Point{1.5, 2.5}, true},
	{"-0.001,0", Point{0, 0}, true}, // rounds to 0, not -0
	{"", Point{}, false},
	{"1;2", Point{}, false},
	{"x,1", Point{}, false},
	{"NaN,1", Point{}, false},
}

func TestParsePos(t *testing.T) {
	for _, tt := range parsePosTests {
		got, err := parsePos(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parsePos(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if math.Signbit(got.X) && got.X == 0 {
			t.Errorf("parsePos(%q) gave -0", tt.in)
		}
	}
}

func FuzzParsePos(f *testing.F) {
	for _, tt := range parsePosTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := parsePos(in)
		if err != nil {
			return
		}
		for _, v := range []float64{p.X, p.Y} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("parsePos(%q) = %v: not finite", in, p)
			}
			if r := math.Round(v*100) / 100; r != v && !math.IsInf(v*100, 0) {
				t.Errorf("parsePos(%q) = %v: not rounded", in, p)
			}
		}
	})
}

func BenchmarkCompute40(b *testing.B) {
	var nodes []Node
	var edges []Edge
	for i := range 40 {
		nodes = append(nodes, Node{fmt.Sprint(i), 4})
		// Each node links to the next three: 117 edges, one component.
		for j := 1; j <= 3 && i+j < 40; j++ {
			edges = append(edges, Edge{fmt.Sprint(i), fmt.Sprint(i + j), float64(1 + (i*j)%4)})
		}
	}
	for b.Loop() {
		if _, err := Compute(context.Background(), nodes, edges, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
