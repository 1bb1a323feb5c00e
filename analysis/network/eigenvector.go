package network

import "math"

const (
	// eigenTol and eigenMaxIter follow networkx.eigenvector_centrality
	// (tol=1e-06, max_iter=100); the cap is raised to 1000 so that graphs
	// networkx gives up on still get a value. Where networkx converges, both
	// stop at the same iteration.
	eigenTol     = 1e-6
	eigenMaxIter = 1000
)

// eigenvector returns the weighted eigenvector centrality indexed like
// n.Nodes, computed step for step as networkx.eigenvector_centrality does
// (see Measures.Eigenvector).
func (n *Network) eigenvector() ([]float64, error) {
	nn := len(n.Nodes)
	x := make([]float64, nn)
	last := make([]float64, nn)
	for i := range x {
		x[i] = 1 / float64(nn)
	}
	for range eigenMaxIter {
		x, last = last, x
		copy(x, last) // the identity term of (A+I)
		for u, nbrs := range n.adj {
			xu, ws := last[u], n.wadj[u][:len(nbrs)]
			for k, v := range nbrs {
				x[v] += xu * ws[k]
			}
		}
		var ss float64
		for _, v := range x {
			ss += v * v
		}
		norm := math.Sqrt(ss)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for i := range x {
			x[i] /= norm
			diff += math.Abs(x[i] - last[i])
		}
		if diff < float64(nn)*eigenTol {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}
