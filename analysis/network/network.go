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
// sentence, then Network.
type Builder struct {
	seen    map[string]struct{}
	weights map[pair]float64
	ids     []string // scratch
}

type pair struct{ a, b string }

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{seen: map[string]struct{}{}, weights: map[pair]float64{}}
}

// Add counts one sentence: the IDs it mentions, as Build takes them.
func (b *Builder) Add(sentence []string) {
	ids := append(b.ids[:0], sentence...)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for i, a := range ids {
		b.seen[a] = struct{}{}
		for _, c := range ids[i+1:] {
			b.weights[pair{a, c}]++
		}
	}
	b.ids = ids
}

// Network returns the network of the sentences added so far.
func (b *Builder) Network() *Network {
	seen, weights := b.seen, b.weights
	n := &Network{
		Nodes: make([]string, 0, len(seen)),
		Edges: make([]Edge, 0, len(weights)),
		index: make(map[string]int, len(seen)),
	}
	for id := range seen {
		n.Nodes = append(n.Nodes, id)
	}
	slices.Sort(n.Nodes)
	for p, w := range weights {
		n.Edges = append(n.Edges, Edge{A: p.a, B: p.b, Weight: w})
	}
	slices.SortFunc(n.Edges, compareEdges)

	n.adj = make([][]int, len(n.Nodes))
	n.wadj = make([][]float64, len(n.Nodes))
	for i, id := range n.Nodes {
		n.index[id] = i
	}
	// Edges are sorted by (A, B) and node indices follow the same order, so
	// appending in edge order leaves every adjacency list sorted: a node's
	// smaller neighbours arrive first (as A grows), then its larger ones.
	for _, e := range n.Edges {
		u, v := n.index[e.A], n.index[e.B]
		n.adj[u] = append(n.adj[u], v)
		n.wadj[u] = append(n.wadj[u], e.Weight)
		n.adj[v] = append(n.adj[v], u)
		n.wadj[v] = append(n.wadj[v], e.Weight)
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
