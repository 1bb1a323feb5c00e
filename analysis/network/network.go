package network

import (
	"cmp"
	"slices"
)

// Edge joins two entities mentioned in the same sentence. A < B, and Weight
// is the number of sentences, corpus-wide, that mention both.
type Edge struct {
	A, B   string
	Weight float64
}

// Network is the undirected, weighted co-mention network of a corpus.
// Build it with Build; the exported fields must not be modified.
type Network struct {
	Nodes []string // entity IDs, sorted
	Edges []Edge   // sorted by A, then B

	index map[string]int // Nodes[i] -> i

	// Adjacency lists indexed like Nodes, neighbours in ascending order,
	// with the weights alongside; they drive the deterministic iterations.
	adj  [][]int
	wadj [][]float64
}

// Build returns the co-mention network of sentences, where each element
// holds the entity IDs mentioned in one sentence. IDs may repeat within a
// sentence (a repeat counts once, and an entity never links to itself), may
// be unsorted, and a sentence may be empty. Every ID seen becomes a node,
// even one that is never mentioned with another entity. The weight of the
// edge {a, b} is the number of sentences that mention both a and b.
func Build(sentences [][]string) *Network {
	b := NewBuilder()
	for _, s := range sentences {
		b.Add(s)
	}
	return b.Network()
}

// Builder accumulates the sentences of a network one at a time, so a
// corpus need not keep them all; Build(ss) is NewBuilder, Add of each
// sentence, then Network. It numbers the IDs as they come and counts
// pairs of numbers, so an archive's hundreds of thousands of pairs cost
// 16 bytes of key each and no string hashing.
type Builder struct {
	num     map[string]uint32 // ID → number, in order of first sight
	ids     []string          // number → ID
	weights map[uint64]float64
	scratch []uint32
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{num: map[string]uint32{}, weights: map[uint64]float64{}}
}

// Add counts one sentence: the IDs it mentions, as Build takes them.
func (b *Builder) Add(sentence []string) {
	nums := b.scratch[:0]
	for _, id := range sentence {
		k, ok := b.num[id]
		if !ok {
			k = uint32(len(b.ids))
			b.num[id] = k
			b.ids = append(b.ids, id)
		}
		nums = append(nums, k)
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	for i, x := range nums {
		for _, y := range nums[i+1:] {
			b.weights[uint64(x)<<32|uint64(y)]++
		}
	}
	b.scratch = nums
}

// Network returns the network of the sentences added so far.
func (b *Builder) Network() *Network {
	n := &Network{
		Nodes: slices.Clone(b.ids),
		Edges: make([]Edge, 0, len(b.weights)),
		index: make(map[string]int, len(b.ids)),
	}
	if n.Nodes == nil {
		n.Nodes = []string{}
	}
	slices.Sort(n.Nodes)
	for i, id := range n.Nodes {
		n.index[id] = i
	}
	// rank maps a first-sight number to the node's index in sorted order.
	rank := make([]int, len(b.ids))
	for k, id := range b.ids {
		rank[k] = n.index[id]
	}
	type arc struct {
		u, v int
		w    float64
	}
	arcs := make([]arc, 0, len(b.weights))
	for key, w := range b.weights {
		u, v := rank[key>>32], rank[key&0xffffffff]
		if u > v {
			u, v = v, u
		}
		arcs = append(arcs, arc{u, v, w})
	}
	// Node indices follow the IDs' order, so sorting by index pair is
	// sorting by (A, B).
	slices.SortFunc(arcs, func(x, y arc) int {
		if c := cmp.Compare(x.u, y.u); c != 0 {
			return c
		}
		return cmp.Compare(x.v, y.v)
	})
	n.adj = make([][]int, len(n.Nodes))
	n.wadj = make([][]float64, len(n.Nodes))
	// Appending in edge order leaves every adjacency list sorted: a
	// node's smaller neighbours arrive first (as A grows), then its
	// larger ones.
	for _, e := range arcs {
		n.Edges = append(n.Edges, Edge{A: n.Nodes[e.u], B: n.Nodes[e.v], Weight: e.w})
		n.adj[e.u] = append(n.adj[e.u], e.v)
		n.wadj[e.u] = append(n.wadj[e.u], e.w)
		n.adj[e.v] = append(n.adj[e.v], e.u)
		n.wadj[e.v] = append(n.wadj[e.v], e.w)
	}
	return n
}

func compareEdges(x, y Edge) int {
	if c := cmp.Compare(x.A, y.A); c != 0 {
		return c
	}
	return cmp.Compare(x.B, y.B)
}

// Len returns the number of nodes.
func (n *Network) Len() int { return len(n.Nodes) }

// Weight returns the weight of the edge {a, b}, or 0 if there is none.
func (n *Network) Weight(a, b string) float64 {
	u, ok := n.index[a]
	if !ok {
		return 0
	}
	v, ok := n.index[b]
	if !ok {
		return 0
	}
	i, found := slices.BinarySearch(n.adj[u], v)
	if !found {
		return 0
	}
	return n.wadj[u][i]
}
