package network

import (
	"math/rand/v2"
	"slices"
)

// minGain is the smallest rise in modularity for which the local moving
// phase moves a node. It keeps rounding noise (about 1e-16 per gain) from
// moving nodes back and forth, and it bounds the number of moves, since Q
// never exceeds 1.
const minGain = 1e-12

// louvain returns a community label per node, labels numbered 0, 1, ... in
// the order of each community's smallest node, and the modularity of that
// partition at the given resolution γ as the algorithm's own bookkeeping
// has it:
//
//	Q = Σ_c [in_c/2m - γ (K_c/2m)²]
//
// where in_c is Σ_ij A_ij over the ordered pairs of nodes in c, K_c the
// total strength of c and m the total edge weight (networkx's modularity).
//
// adj holds sorted neighbour indices without self loops and wadj the
// positive weights alongside, each edge listed at both ends, as
// Network.adj and Network.wadj do.
//
// It is the multilevel method of Blondel, Guillaume, Lambiotte and Lefebvre
// (2008). Each level starts from singleton communities and visits the
// nodes in a random order (drawn, once per level, from one
// rand.NewPCG(seed, seed)), moving each to the neighbouring community of
// largest modularity gain (ties to the smallest community index, staying
// put when no move gains more than minGain), pass after pass until a pass
// moves nothing. Then the communities become the nodes of a weighted graph
// and the next level runs on it. It stops at a level that merges nothing.
// Isolated nodes stay singletons. The result depends only on the graph,
// the resolution and the seed; it runs on one goroutine.
func louvain(adj [][]int, wadj [][]float64, resolution float64, seed uint64) (labels []int, q float64) {
	labels = make([]int, len(adj))
	for i := range labels {
		labels[i] = i
	}
	g := newLevelGraph(adj, wadj)
	if g.m2 == 0 {
		return labels, 0
	}
	q = g.singletonModularity(resolution)
	rnd := rand.New(rand.NewPCG(seed, seed))
	for {
		comm, gain := g.moveNodes(resolution, rnd)
		q += gain
		count := renumber(comm)
		if count == g.len() {
			return labels, q
		}
		for i, c := range labels {
			labels[i] = comm[c]
		}
		g = g.aggregate(comm, count)
	}
}

// levelGraph is the weighted graph of one Louvain level in compressed
// sparse row form: the neighbours of node i are nbr[start[i]:start[i+1]],
// with weights w alongside, self loops excluded (see aggregate).
type levelGraph struct {
	start []int
	nbr   []int32
	w     []float64
	k     []float64 // strength, the weight inside the node included
	m2    float64   // 2m, the total strength
}

func (g *levelGraph) len() int { return len(g.k) }

// newLevelGraph returns the level-0 graph of the adjacency lists.
func newLevelGraph(adj [][]int, wadj [][]float64) *levelGraph {
	n := len(adj)
	g := &levelGraph{
		start: make([]int, n+1),
		k:     make([]float64, n),
	}
	for i, nbrs := range adj {
		g.start[i+1] = g.start[i] + len(nbrs)
	}
	g.nbr = make([]int32, g.start[n])
	g.w = make([]float64, g.start[n])
	for i, nbrs := range adj {
		e := g.start[i]
		for j, v := range nbrs {
			g.nbr[e+j] = int32(v)
			g.w[e+j] = wadj[i][j]
			g.k[i] += wadj[i][j]
		}
		g.m2 += g.k[i]
	}
	return g
}

// singletonModularity returns Q of the partition of a level-0 graph (no
// weight inside a node) into single nodes.
func (g *levelGraph) singletonModularity(resolution float64) float64 {
	var expected float64
	for _, k := range g.k {
		expected += k * k
	}
	return -resolution * expected / (g.m2 * g.m2)
}

// moveNodes runs the local moving phase from singleton communities and
// returns the community of every node and the rise in modularity.
func (g *levelGraph) moveNodes(resolution float64, rnd *rand.Rand) (comm []int, rise float64) {
	n := g.len()
	m := &mover{
		g:     g,
		scale: resolution / g.m2,
		comm:  make([]int, n),
		tot:   make([]float64, n),
		wc:    make([]float64, n),
		seen:  make([]bool, n),
	}
	for i := range n {
		m.comm[i] = i
		m.tot[i] = g.k[i]
	}
	order := rnd.Perm(n)
	for {
		moved := 0
		for _, i := range order {
			if delta := m.move(i); delta > 0 {
				rise += delta
				moved++
			}
		}
		if moved == 0 {
			return m.comm, rise
		}
	}
}

// mover holds the state of the local moving phase on one level graph.
type mover struct {
	g     *levelGraph
	scale float64   // γ/2m
	comm  []int     // community of each node
	tot   []float64 // K_c, the total strength of community c
	// Scratch indexed by community: w_ic, whether c is in touched, and
	// the communities next to the node being moved, its own first.
	wc      []float64
	seen    []bool
	touched []int
}

// move moves node i to the community of largest gain, if that raises Q by
// more than minGain, and returns the rise, or 0 if i stays.
//
// Taking node i (strength k_i) out of its community d and putting it into
// c changes Q by 2/2m [gain(c) - gain(d)], where
//
//	gain(c) = w_ic - γ K_c k_i / 2m
//
// w_ic is the weight between i and the members of c and K_c the total
// strength of c, both without i. The weight inside i, if any, moves with
// it and cancels out.
func (m *mover) move(i int) float64 {
	g := m.g
	start, end := g.start[i], g.start[i+1]
	if start == end {
		return 0
	}
	d, ki := m.comm[i], g.k[i]
	m.touched = append(m.touched[:0], d)
	m.seen[d] = true
	for e := start; e < end; e++ {
		c := m.comm[g.nbr[e]]
		if !m.seen[c] {
			m.seen[c] = true
			m.touched = append(m.touched, c)
		}
		m.wc[c] += g.w[e]
	}
	m.tot[d] -= ki
	stay := m.wc[d] - m.scale*m.tot[d]*ki
	best, bestGain := d, stay
	for _, c := range m.touched[1:] {
		gain := m.wc[c] - m.scale*m.tot[c]*ki
		if best == d || gain > bestGain || (gain == bestGain && c < best) {
			best, bestGain = c, gain
		}
	}
	delta := 2 * (bestGain - stay) / g.m2
	if best == d || delta <= minGain {
		best, delta = d, 0
	}
	m.comm[i] = best
	m.tot[best] += ki
	for _, c := range m.touched {
		m.wc[c] = 0
		m.seen[c] = false
	}
	return delta
}

// renumber relabels the communities 0, 1, ... in the order of their
// smallest node, in place, and returns how many there are.
func renumber(comm []int) int {
	next := make([]int, len(comm))
	for i := range next {
		next[i] = -1
	}
	count := 0
	for i, c := range comm {
		if next[c] < 0 {
			next[c] = count
			count++
		}
		comm[i] = next[c]
	}
	return count
}

// aggregate returns the graph whose nodes are the count communities of
// comm (numbered 0..count-1): the weight between two communities is the
// total weight between their members, and a community's strength the
// total strength of its members. Neighbours come out sorted.
//
// The weight inside a community, a self loop in Blondel et al., is not
// kept: it counts in the strength, and as it moves with its node it
// cancels out of every gain (see moveNodes); Q needs it only as a
// starting value, which louvain carries over from the level below.
func (g *levelGraph) aggregate(comm []int, count int) *levelGraph {
	// Members of each community, in node order (a counting sort).
	first := make([]int, count+1)
	for _, c := range comm {
		first[c+1]++
	}
	for c := range count {
		first[c+1] += first[c]
	}
	members := make([]int, len(comm))
	fill := slices.Clone(first[:count])
	for i, c := range comm {
		members[fill[c]] = i
		fill[c]++
	}

	h := &levelGraph{
		start: make([]int, count+1),
		nbr:   make([]int32, 0, len(g.nbr)/2),
		w:     make([]float64, 0, len(g.nbr)/2),
		k:     make([]float64, count),
		m2:    g.m2,
	}
	wc := make([]float64, count)
	seen := make([]bool, count)
	var touched []int32
	for c := range count {
		touched = touched[:0]
		for _, i := range members[first[c]:first[c+1]] {
			h.k[c] += g.k[i]
			for e := g.start[i]; e < g.start[i+1]; e++ {
				d := comm[g.nbr[e]]
				if d == c {
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, int32(d))
				}
				wc[d] += g.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			h.nbr = append(h.nbr, d)
			h.w = append(h.w, wc[d])
			wc[d] = 0
			seen[d] = false
		}
		h.start[c+1] = len(h.nbr)
	}
	return h
}
