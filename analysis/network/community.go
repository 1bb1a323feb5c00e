package network

import (
	"cmp"
	"slices"
)

// Communities returns the communities of the weighted network that the
// multilevel Louvain method (Blondel et al. 2008) finds at resolution 1,
// visiting the nodes in an order drawn from rand.NewPCG(seed, seed): each
// community's member IDs sorted, the communities ordered by size, largest
// first, ties broken by the smallest member ID. Isolated nodes form
// communities of their own. The result depends only on the network and the
// seed. On the 23,206-node, 629,632-edge network of 50,000 articles it
// takes about 0.2 s.
func (n *Network) Communities(seed uint64) [][]string {
	idx := n.communities(seed)
	out := make([][]string, len(idx))
	for c, members := range idx {
		out[c] = make([]string, len(members))
		for k, i := range members {
			out[c][k] = n.Nodes[i]
		}
	}
	return out
}

// communities returns the communities as sorted node indices, in the order
// Communities documents. Node indices follow the sorted IDs, so comparing
// smallest indices is comparing smallest IDs.
func (n *Network) communities(seed uint64) [][]int {
	if len(n.Nodes) == 0 {
		return nil
	}
	labels, _ := louvain(n.adj, n.wadj, 1, seed)
	var comms [][]int
	for i, c := range labels { // labels number communities by smallest member
		if c == len(comms) {
			comms = append(comms, nil)
		}
		comms[c] = append(comms[c], i)
	}
	slices.SortFunc(comms, func(a, b []int) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	return comms
}

// communityOf returns the community index of every node, indexed like n.Nodes.
func (n *Network) communityOf(seed uint64) []int {
	of := make([]int, len(n.Nodes))
	for c, members := range n.communities(seed) {
		for _, i := range members {
			of[i] = c
		}
	}
	return of
}

// Modularity returns the weighted modularity, at resolution 1, of the given
// partition of the network's nodes, as networkx.community.modularity
// computes it:
//
//	Q = 1/2m Σ_ij [A_ij - k_i k_j/2m] δ(c_i, c_j)
//
// where A_ij = w_ij, k_i is the strength of node i and m the total edge
// weight. IDs not in the network are ignored; nodes missing from the
// partition count as singletons. A network without edges has Q = 0.
func (n *Network) Modularity(partition [][]string) float64 {
	if len(n.Edges) == 0 {
		return 0
	}
	comm := make([]int, len(n.Nodes))
	for i := range comm {
		comm[i] = -1
	}
	for c, ids := range partition {
		for _, id := range ids {
			if i, ok := n.index[id]; ok && comm[i] < 0 {
				comm[i] = c
			}
		}
	}
	next := len(partition)
	for i := range comm {
		if comm[i] < 0 {
			comm[i] = next
			next++
		}
	}
	return n.modularity(comm)
}

// modularity returns Q for the community of every node, indexed like
// n.Nodes. It sums in node order over the sorted adjacency lists, so it is
// the same to the last bit on every run (gonum's community.Q, which gives
// the same value, iterates over maps). It is independent of louvain's own
// bookkeeping, which the tests compare with it.
func (n *Network) modularity(comm []int) float64 {
	if len(n.Edges) == 0 {
		return 0
	}
	var m2, in float64 // 2m, and Σ_ij A_ij δ(c_i, c_j)
	k := make(map[int]float64)
	for u, nbrs := range n.adj {
		for j, v := range nbrs {
			w := n.wadj[u][j]
			m2 += w
			k[comm[u]] += w
			if comm[u] == comm[v] {
				in += w
			}
		}
	}
	cs := make([]int, 0, len(k))
	for c := range k {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	var expected float64 // Σ_c K_c², K_c the total strength of community c
	for _, c := range cs {
		expected += k[c] * k[c]
	}
	return in/m2 - expected/(m2*m2)
}
