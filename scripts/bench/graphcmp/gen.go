package main

import (
	"bufio"
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
)

// degreeExponent is the Chung-Lu weight exponent: weight (i+1)^-(1/(γ-1))
// with γ = 2.5 gives expected degrees following a power law P(k) ∝ k^-2.5.
const degreeExponent = 1 / (2.5 - 1)

// heavierWeight is the probability that an edge weight goes up by one more.
const heavierWeight = 0.4

// genEdge is an edge of the generated graph: IDs a < b and weight w.
type genEdge struct {
	a, b string
	w    int
}

// writeGenerated writes the graph of generate to path in the edges.csv format.
func writeGenerated(path string, nodes, edges, maxWeight int, seed uint64) error {
	es, err := generate(nodes, edges, maxWeight, seed)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "source,target,weight")
	for _, e := range es {
		fmt.Fprintf(w, "%s,%s,%d\n", e.a, e.b, e.w)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// generate returns the connected heavy-tailed graph described in the
// package comment, its edges sorted by source, then target.
func generate(nodes, edges, maxWeight int, seed uint64) ([]genEdge, error) {
	switch {
	case nodes < 2:
		return nil, fmt.Errorf("-nodes %d: need at least 2", nodes)
	case edges < nodes-1:
		return nil, fmt.Errorf("-edges %d: a connected graph of %d nodes needs at least %d", edges, nodes, nodes-1)
	case float64(edges) > float64(nodes)*float64(nodes-1)/2:
		return nil, fmt.Errorf("-edges %d: more than the %d node pairs", edges, nodes*(nodes-1)/2)
	case maxWeight < 1:
		return nil, fmt.Errorf("-maxweight %d: need at least 1", maxWeight)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	// cum[i] is the sum of the Chung-Lu weights of nodes 0..i.
	cum := make([]float64, nodes)
	var s float64
	for i := range cum {
		s += math.Pow(float64(i+1), -degreeExponent)
		cum[i] = s
	}
	// draw returns a node below limit, in proportion to its weight.
	draw := func(limit int) int {
		i, _ := slices.BinarySearch(cum[:limit], rng.Float64()*cum[limit-1])
		return min(i, limit-1)
	}

	type pair struct{ a, b int }
	seen := make(map[pair]bool, edges)
	pairs := make([]pair, 0, edges)
	add := func(a, b int) {
		p := pair{min(a, b), max(a, b)}
		if a != b && !seen[p] {
			seen[p] = true
			pairs = append(pairs, p)
		}
	}
	for i := 1; i < nodes; i++ {
		add(i, draw(i))
	}
	maxDraws := 100*edges + 1_000_000
	for d := 0; len(pairs) < edges; d++ {
		if d == maxDraws {
			return nil, fmt.Errorf("-edges %d: only %d distinct edges after %d draws; the graph is too dense for this generator", edges, len(pairs), maxDraws)
		}
		add(draw(nodes), draw(nodes))
	}

	names := make([]string, nodes)
	width := len(fmt.Sprint(nodes - 1))
	for i, k := range rng.Perm(nodes) {
		names[i] = fmt.Sprintf("n%0*d", width, k)
	}
	out := make([]genEdge, len(pairs))
	for k, p := range pairs {
		a, b := names[p.a], names[p.b]
		w := 1
		for w < maxWeight && rng.Float64() < heavierWeight {
			w++
		}
		out[k] = genEdge{min(a, b), max(a, b), w}
	}
	slices.SortFunc(out, func(x, y genEdge) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return out, nil
}
