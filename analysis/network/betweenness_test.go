package network

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"testing"
)

// plainAccumulate is Brandes' accumulation for source s as the textbook
// gives it, the general path that csr.accumulate must match to the last
// bit: it resets every node, searches top-down only, and the backward
// pass finds the predecessors of w among all its neighbours by their
// distance. It returns the nodes s reaches in the order of the search.
func plainAccumulate(g csr, s int32, weight float64, cb []float64) (order []int32) {
	nn := len(g.start) - 1
	sigma := make([]float64, nn)
	delta := make([]float64, nn)
	dist := make([]int32, nn)
	for i := range dist {
		dist[i] = -1
	}
	sigma[s], dist[s] = 1, 0
	q := []int32{s}
	for head := 0; head < len(q); head++ {
		v := q[head]
		dv := dist[v] + 1
		for _, w := range g.nbrs[g.start[v]:g.start[v+1]] {
			if dist[w] < 0 {
				dist[w] = dv
				q = append(q, w)
			}
			if dist[w] == dv {
				sigma[w] += sigma[v]
			}
		}
	}
	for i := len(q) - 1; i > 0; i-- {
		w := q[i]
		c := (1 + delta[w]) / sigma[w]
		dw := dist[w] - 1
		for _, v := range g.nbrs[g.start[w]:g.start[w+1]] {
			if dist[v] == dw {
				delta[v] += sigma[v] * c
			}
		}
		cb[w] += weight * delta[w]
	}
	return q
}

// accumulateGraphs are the networks TestAccumulate runs every source of:
// shapes with hubs, leaves and twins, random ones, a disconnected one,
// and Zachary's karate club.
func accumulateGraphs(t *testing.T) map[string]*Network {
	return map[string]*Network{
		"articles":       Build(articleSentences(3, 300)),
		"hubs":           Build(hubSentences(5, 400, 3)),
		"random":         Build(randomSentences(6, 200, 800)),
		"sparse":         Build(randomSentences(7, 300, 330)),
		"dense":          Build(randomSentences(9, 60, 1200)),
		"two components": Build(append(randomSentences(8, 50, 100), []string{"x", "y"}, []string{"y", "z"}, []string{"lone"})),
		"karate":         Build(readEdges(t, filepath.Join("testdata", "karate.edges"))),
		"diamonds":       Build(diamonds(60)),
	}
}

// diamonds returns a chain of k diamonds, a_i joined to a_{i+1} through
// b_i and c_i: 2^k shortest paths join its ends, past the bound under
// which a search may step bottom-up (exact).
func diamonds(k int) [][]string {
	var s [][]string
	for i := range k {
		a, next := fmt.Sprintf("a%02d", i), fmt.Sprintf("a%02d", i+1)
		for _, m := range []string{"b", "c"} {
			m = fmt.Sprintf("%s%02d", m, i)
			s = append(s, []string{a, m}, []string{m, next})
		}
	}
	return s
}

// search.accumulate, which resets only the nodes it reached, keeps each
// node's predecessors and takes bottom-up steps, adds the same
// dependencies to the last bit as plainAccumulate, source after source
// into the same sums, and orders the nodes it reaches as plainAccumulate
// does, whatever the direction of its steps.
func TestAccumulate(t *testing.T) {
	for name, n := range accumulateGraphs(t) {
		g := newCSR(n.adj)
		nn := len(n.Nodes)
		want := make([]float64, nn)
		orders := make([][]int32, nn)
		for src := range nn {
			orders[src] = plainAccumulate(g, int32(src), 1+float64(src%3), want)
		}
		for _, mode := range []direction{auto, topDown, bottomUp} {
			got := make([]float64, nn)
			s := newSearch(g)
			s.mode = mode
			for src := range nn {
				s.accumulate(g, int32(src), 1+float64(src%3), got)
				if !slices.Equal(s.order, orders[src]) {
					t.Fatalf("%s, mode %d: accumulate(%d) reached %v, want %v", name, mode, src, s.order, orders[src])
				}
			}
			for i := range want {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("%s, mode %d: sum of %s = %v, want %v", name, mode, n.Nodes[i], got[i], want[i])
				}
			}
		}
	}
}
