package network

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

var buildTests = []struct {
	name      string
	sentences [][]string
	nodes     []string
	edges     []Edge
}{
	{name: "nil", nodes: []string{}, edges: []Edge{}},
	{
		name:      "empty sentences",
		sentences: [][]string{{}, nil},
		nodes:     []string{},
		edges:     []Edge{},
	},
	{
		// A repeat within a sentence counts once; "c" is alone but a node.
		name:      "repeats and loners",
		sentences: [][]string{{"b", "a", "a"}, {}, {"c"}, {"a", "b"}},
		nodes:     []string{"a", "b", "c"},
		edges:     []Edge{{"a", "b", 2}},
	},
	{
		name:      "self mention only",
		sentences: [][]string{{"a", "a"}},
		nodes:     []string{"a"},
		edges:     []Edge{},
	},
	{
		// One sentence with three entities is a triangle.
		name:      "triangle",
		sentences: [][]string{{"c", "b", "a"}, {"c", "a"}},
		nodes:     []string{"a", "b", "c"},
		edges:     []Edge{{"a", "b", 1}, {"a", "c", 2}, {"b", "c", 1}},
	},
}

func TestBuild(t *testing.T) {
	for _, test := range buildTests {
		n := Build(test.sentences)
		if !reflect.DeepEqual(n.Nodes, test.nodes) {
			t.Errorf("%s: Build(%q).Nodes = %q, want %q", test.name, test.sentences, n.Nodes, test.nodes)
		}
		if !reflect.DeepEqual(n.Edges, test.edges) {
			t.Errorf("%s: Build(%q).Edges = %v, want %v", test.name, test.sentences, n.Edges, test.edges)
		}
		for _, e := range test.edges {
			if w := n.Weight(e.B, e.A); w != e.Weight {
				t.Errorf("%s: Weight(%q, %q) = %v, want %v", test.name, e.B, e.A, w, e.Weight)
			}
		}
		if w := n.Weight("a", "nobody"); w != 0 {
			t.Errorf("%s: Weight(a, nobody) = %v, want 0", test.name, w)
		}
	}
}

// smallTests are graphs too small for the reference files; the values are
// what networkx 3.6.1 returns for them (worked out by hand in the comments).
var smallTests = []struct {
	name      string
	sentences [][]string
	want      map[string]Measures
}{
	{name: "empty", want: map[string]Measures{}},
	{
		// One node: x = (A+I)x/‖·‖ = 1; PageRank 0.85·1 + 0.15 = 1.
		name:      "one node",
		sentences: [][]string{{"a"}},
		want:      map[string]Measures{"a": {Eigenvector: 1, PageRank: 1}},
	},
	{
		// Symmetric pair: eigenvector 1/√2, PageRank 1/2; n < 3 so no
		// betweenness.
		name:      "pair",
		sentences: [][]string{{"a", "b"}, {"a", "b"}, {"a", "b"}},
		want: map[string]Measures{
			"a": {Degree: 1, Strength: 3, Eigenvector: 1 / math.Sqrt2, PageRank: 0.5},
			"b": {Degree: 1, Strength: 3, Eigenvector: 1 / math.Sqrt2, PageRank: 0.5},
		},
	},
	{
		// No edges: x stays uniform, so 1/√3 each and PageRank 1/3;
		// singleton communities numbered in ID order.
		name:      "three loners",
		sentences: [][]string{{"c"}, {"a"}, {"b"}},
		want: map[string]Measures{
			"a": {Eigenvector: 1 / math.Sqrt(3), PageRank: 1.0 / 3, Community: 0},
			"b": {Eigenvector: 1 / math.Sqrt(3), PageRank: 1.0 / 3, Community: 1},
			"c": {Eigenvector: 1 / math.Sqrt(3), PageRank: 1.0 / 3, Community: 2},
		},
	},
}

func TestMeasuresSmall(t *testing.T) {
	for _, test := range smallTests {
		n := Build(test.sentences)
		got, err := n.Measures(1)
		if err != nil {
			t.Errorf("%s: Measures error: %v", test.name, err)
			continue
		}
		if len(got) != len(test.want) {
			t.Errorf("%s: Measures has %d nodes, want %d", test.name, len(got), len(test.want))
		}
		for id, want := range test.want {
			g := got[id]
			if g.Degree != want.Degree || g.Community != want.Community ||
				!near(g.Strength, want.Strength) || !near(g.Betweenness, want.Betweenness) ||
				!near(g.Eigenvector, want.Eigenvector) || !near(g.PageRank, want.PageRank) {
				t.Errorf("%s: Measures[%s] = %+v, want %+v", test.name, id, g, want)
			}
		}
		if q := n.Modularity(n.Communities(1)); q != 0 {
			t.Errorf("%s: Modularity = %v, want 0 without edges or with one community", test.name, q)
		}
	}
}

// TestCliques checks that Louvain splits two 5-cliques joined by one edge
// into the two cliques, whatever the seed.
func TestCliques(t *testing.T) {
	var sentences [][]string
	for _, p := range []string{"a", "b"} {
		for i := 1; i <= 5; i++ {
			for j := i + 1; j <= 5; j++ {
				sentences = append(sentences, []string{fmt.Sprint(p, i), fmt.Sprint(p, j)})
			}
		}
	}
	sentences = append(sentences, []string{"a5", "b1"})
	n := Build(sentences)
	want := [][]string{{"a1", "a2", "a3", "a4", "a5"}, {"b1", "b2", "b3", "b4", "b5"}}
	for seed := range uint64(50) {
		if got := n.Communities(seed); !reflect.DeepEqual(got, want) {
			t.Errorf("Communities(%d) = %q, want %q", seed, got, want)
		}
	}
	// Q = Σ_c [in_c/m - (K_c/2m)²] with m = 21, in_c = 10, K_c = 21:
	// 2·(10/21 - 1/4) = 19/42.
	if got, want := n.Modularity(want), 19.0/42; !near(got, want) {
		t.Errorf("Modularity(cliques) = %v, want %v", got, want)
	}
}

// randomSentences returns the sentences of a seeded random graph with nodes
// nodes and edges distinct edges of weight 1..3, each weight unit its own
// two-entity sentence, plus one sentence per node so that every node exists.
func randomSentences(seed uint64, nodes, edges int) [][]string {
	rnd := rand.New(rand.NewPCG(seed, seed))
	id := func(i int) string { return fmt.Sprintf("e%05d", i) }
	var s [][]string
	for i := range nodes {
		s = append(s, []string{id(i)})
	}
	seen := make(map[[2]int]bool)
	for len(seen) < edges {
		a, b := rnd.IntN(nodes), rnd.IntN(nodes)
		if a == b || seen[[2]int{a, b}] || seen[[2]int{b, a}] {
			continue
		}
		seen[[2]int{a, b}] = true
		for range 1 + rnd.IntN(3) {
			s = append(s, []string{id(a), id(b)})
		}
	}
	return s
}

// TestDeterministic checks that the measures depend on the graph alone:
// shuffling the sentences and the IDs within them, or building twice,
// gives the same values to the last bit.
func TestDeterministic(t *testing.T) {
	sentences := randomSentences(3, 300, 1200)
	want, err := Build(sentences).Measures(7)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(9, 9))
	for range 5 {
		shuffled := slices.Clone(sentences)
		rnd.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i, s := range shuffled {
			s = slices.Clone(s)
			slices.Reverse(s)
			shuffled[i] = s
		}
		got, err := Build(shuffled).Measures(7)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			for id := range want {
				if got[id] != want[id] {
					t.Errorf("Measures(7)[%s] = %+v after shuffling, want %+v", id, got[id], want[id])
					break
				}
			}
			t.Fatal("Measures(7) depends on sentence order")
		}
	}
}

// FuzzBuild checks Build's invariants and that Measures never panics.
func FuzzBuild(f *testing.F) {
	f.Add("a b\nb c c\n\nd")
	f.Add("x")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		var sentences [][]string
		for line := range strings.SplitSeq(in, "\n") {
			sentences = append(sentences, strings.Fields(line))
		}
		n := Build(sentences)
		if !slices.IsSorted(n.Nodes) || len(slices.Compact(slices.Clone(n.Nodes))) != len(n.Nodes) {
			t.Fatalf("Nodes not sorted and unique: %q", n.Nodes)
		}
		var total float64
		for i, e := range n.Edges {
			if e.A >= e.B || e.Weight < 1 {
				t.Fatalf("bad edge %v", e)
			}
			if i > 0 && compareEdges(n.Edges[i-1], e) >= 0 {
				t.Fatalf("edges not sorted: %v, %v", n.Edges[i-1], e)
			}
			total += e.Weight
		}
		var want float64 // Σ over sentences of C(k, 2), k distinct IDs
		for _, s := range sentences {
			k := float64(len(slices.Compact(slices.Sorted(slices.Values(s)))))
			want += k * (k - 1) / 2
			for _, id := range s {
				if _, ok := n.index[id]; !ok {
					t.Fatalf("ID %q is not a node", id)
				}
			}
		}
		if total != want {
			t.Fatalf("total edge weight %v, want %v", total, want)
		}
		// Two components with nearly equal leading eigenvalues (two
		// cliques of seven, one with a pendant node) converge more
		// slowly than the cap: Measures then reports ErrNoConvergence
		// with every value filled in, as documented.
		m, err := n.Measures(1)
		if err != nil && !errors.Is(err, ErrNoConvergence) {
			t.Fatalf("Measures error: %v", err)
		}
		if len(m) != len(n.Nodes) {
			t.Fatalf("Measures gave %d nodes of %d", len(m), len(n.Nodes))
		}
		if len(m) == 0 {
			return
		}
		var pr, ev float64
		for _, v := range m {
			pr += v.PageRank
			ev += v.Eigenvector * v.Eigenvector
		}
		if !near(pr, 1) || !near(ev, 1) {
			t.Fatalf("Σ PageRank = %v, ‖eigenvector‖² = %v, want 1 and 1", pr, ev)
		}
	})
}

// The values agree with networkx 3.6.1 on the same graph. US, mentioned
// alone, keeps a small PageRank from teleportation, and its eigenvector
// centrality has decayed to 1.1e-06 when the iteration stops, as in networkx.
func ExampleBuild() {
	n := Build([][]string{
		{"KZ", "RU", "KZ"},
		{"RU", "KZ", "CN"},
		{"US"},
	})
	fmt.Println(n.Nodes)
	fmt.Println(n.Edges)
	m, _ := n.Measures(1)
	for _, id := range n.Nodes {
		v := m[id]
		fmt.Printf("%s degree %d strength %g betweenness %.3f eigenvector %.3f pagerank %.3f community %d\n",
			id, v.Degree, v.Strength, v.Betweenness, v.Eigenvector, v.PageRank, v.Community)
	}
	// Output:
	// [CN KZ RU US]
	// [{CN KZ 1} {CN RU 1} {KZ RU 2}]
	// CN degree 2 strength 2 betweenness 0.000 eigenvector 0.460 pagerank 0.247 community 0
	// KZ degree 2 strength 3 betweenness 0.000 eigenvector 0.628 pagerank 0.353 community 0
	// RU degree 2 strength 3 betweenness 0.000 eigenvector 0.628 pagerank 0.353 community 0
	// US degree 0 strength 0 betweenness 0.000 eigenvector 0.000 pagerank 0.048 community 1
}

// hubSentences builds a co-mention graph with hubs, as real ones have
// (preferential attachment: each new node links to m earlier nodes chosen
// in proportion to their degree), seeded.
func hubSentences(seed uint64, nodes, m int) [][]string {
	rnd := rand.New(rand.NewPCG(seed, seed))
	id := func(i int) string { return fmt.Sprintf("h%05d", i) }
	var s [][]string
	var ends []int // each node once per incident edge
	for v := 0; v < nodes; v++ {
		chosen := map[int]bool{}
		for len(chosen) < m && len(chosen) < v {
			var u int
			if len(ends) == 0 {
				u = rnd.IntN(v)
			} else {
				u = ends[rnd.IntN(len(ends))]
			}
			chosen[u] = true
		}
		for u := range v {
			if chosen[u] {
				s = append(s, []string{id(u), id(v)})
				ends = append(ends, u, v)
			}
		}
		if v == 0 {
			s = append(s, []string{id(0)})
		}
	}
	return s
}

// The estimate used above ExactBetweennessMax nodes, with SampledSources
// sources, on two graphs of 5,000 nodes. On the random benchmark graph
// (50,000 edges, flat betweenness) the largest absolute error is 0.00047
// (floor 0.001); ranks there are noise even exactly. On a graph with hubs,
// as co-mention networks have (preferential attachment, 10 links per new
// node), the largest error is 0.0040, 10% of the largest value (floor
// 15%), and 8 of the exact top ten are in the estimate's top ten (floor 8).
func TestSampledBetweenness(t *testing.T) {
	if testing.Short() {
		t.Skip("exact betweenness of 5,000 nodes, twice")
	}
	for _, g := range []struct {
		name    string
		s       [][]string
		maxErr  float64 // largest absolute error, as a share of the largest value when relative
		rel     bool
		overlap int
	}{
		{"random", randomSentences(benchSeed, benchNodes, benchEdges), 0.001, false, 0},
		{"hubs", hubSentences(2, benchNodes, 10), 0.15, true, 8},
	} {
		n := Build(g.s)
		exact := n.betweenness(1)
		est := n.sampledBetweenness(SampledSources, 1)
		maxErr, maxVal := 0.0, 0.0
		for i := range exact {
			maxErr = math.Max(maxErr, math.Abs(est[i]-exact[i]))
			maxVal = math.Max(maxVal, exact[i])
		}
		common := topOverlap(est, exact, 10)
		t.Logf("%s: %d of %d sources: max abs error %.5f (largest value %.4f), top-10 overlap %d", g.name, SampledSources, len(exact), maxErr, maxVal, common)
		errv := maxErr
		if g.rel {
			errv = maxErr / maxVal
		}
		if errv > g.maxErr || common < g.overlap {
			t.Errorf("%s: error %.5f (want < %v), top-10 overlap %d (want >= %d)", g.name, errv, g.maxErr, common, g.overlap)
		}
		again := n.sampledBetweenness(SampledSources, 1)
		for i := range est {
			if est[i] != again[i] {
				t.Fatalf("%s: two estimates with one seed differ", g.name)
			}
		}
	}
}

// topOverlap counts the nodes among the k largest of both a and b.
func topOverlap(a, b []float64, k int) int {
	top := func(v []float64) map[int]bool {
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(x, y int) bool { return v[idx[x]] > v[idx[y]] })
		m := map[int]bool{}
		for _, i := range idx[:k] {
			m[i] = true
		}
		return m
	}
	ta, tb := top(a), top(b)
	n := 0
	for i := range ta {
		if tb[i] {
			n++
		}
	}
	return n
}

// articleSentences is a co-mention corpus shaped like the real ones: each
// article names a few actors from a small core and a few from a long
// tail, and each sentence names two or three of them, so the network has
// hubs, leaves (tail actors named beside one other) and open twins (tail
// actors named beside the same actors), and pairs and isolated nodes.
func articleSentences(seed uint64, articles int) [][]string {
	rnd := rand.New(rand.NewPCG(seed, seed))
	var s [][]string
	tail := 0
	for range articles {
		var cast []string
		for range 1 + rnd.IntN(3) {
			cast = append(cast, fmt.Sprintf("core%02d", rnd.IntN(20)))
		}
		for range rnd.IntN(4) {
			tail++
			cast = append(cast, fmt.Sprintf("tail%05d", tail))
		}
		for range 2 + rnd.IntN(6) {
			k := 1 + rnd.IntN(3)
			var sent []string
			for range k {
				sent = append(sent, cast[rnd.IntN(len(cast))])
			}
			s = append(s, sent)
		}
	}
	s = append(s, []string{"pair1", "pair2"}, []string{"alone"})
	return s
}

// The reduced exact betweenness (one search per class of open twins,
// leaves counted through their neighbour) equals Brandes over every
// source, on networks with many leaves and twins and on a random one.
func TestReducedBrandes(t *testing.T) {
	for _, tc := range []struct {
		name      string
		sentences [][]string
	}{
		{"articles", articleSentences(1, 400)},
		{"articles 2", articleSentences(2, 1500)},
		{"random", randomSentences(4, 300, 900)},
	} {
		n := Build(tc.sentences)
		nn := len(n.Nodes)
		all := make([]int, nn)
		for i := range all {
			all[i] = i
		}
		scale := 1 / (float64(nn-1) * float64(nn-2))
		want := n.brandes(all, scale)
		sources, weight, leaves := reduceSources(n.adj)
		got := n.brandesWeighted(sources, weight, leaves, scale)
		var mx float64
		for _, v := range want {
			mx = max(mx, v)
		}
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-12*mx {
				t.Fatalf("%s: betweenness of %s = %.15g reduced, %.15g over every source", tc.name, n.Nodes[i], got[i], want[i])
			}
		}
		t.Logf("%s: %d nodes, %d searches instead of %d", tc.name, nn, len(sources), nn)
		if tc.name != "random" && len(sources) > nn*3/4 {
			t.Errorf("%s: %d searches for %d nodes: the reduction did not reduce", tc.name, len(sources), nn)
		}
	}
}
