package network

import "math"

const (
	// damping is PageRank's α, networkx's default.
	damping = 0.85
	// pageRankTol is far below networkx's default (1e-06) so that the result
	// is the fixed point to about 1e-12, whatever the starting vector.
	pageRankTol     = 1e-12
	pageRankMaxIter = 1000
)

// pageRank returns the weighted PageRank indexed like n.Nodes, computed as
// networkx.pagerank does (see Measures.PageRank).
//
// gonum's network.PageRank models weights and dangling nodes the same way,
// but it starts from a random vector drawn from the global source, so its
// last bits change from run to run; this iteration is deterministic.
func (n *Network) pageRank() ([]float64, error) {
	nn := len(n.Nodes)
	strength := make([]float64, nn)
	var dangling []int
	for u, ws := range n.wadj {
		for _, w := range ws {
			strength[u] += w
		}
		if strength[u] == 0 {
			dangling = append(dangling, u)
		}
	}
	x := make([]float64, nn)
	last := make([]float64, nn)
	for i := range x {
		x[i] = 1 / float64(nn)
	}
	p := 1 / float64(nn) // uniform personalisation and dangling weights
	for range pageRankMaxIter {
		x, last = last, x
		var dsum float64
		for _, d := range dangling {
			dsum += last[d]
		}
		base := damping*dsum*p + (1-damping)*p
		for i := range x {
			x[i] = 0
		}
		for u, nbrs := range n.adj {
			if strength[u] == 0 {
				continue
			}
			f := damping * last[u] / strength[u]
			ws := n.wadj[u][:len(nbrs)]
			for k, v := range nbrs {
				x[v] += f * ws[k]
			}
		}
		var diff float64
		for i := range x {
			x[i] += base
			diff += math.Abs(x[i] - last[i])
		}
		if diff < float64(nn)*pageRankTol {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}
