package network

import (
	"errors"
	"fmt"
)

// ErrNoConvergence reports a power iteration that hit its iteration cap.
var ErrNoConvergence = errors.New("network: power iteration did not converge")

// Measures holds the centralities and the community of one node.
type Measures struct {
	// Degree is the number of distinct neighbours, k_v = |N(v)|.
	Degree int

	// Strength is the weighted degree, s_v = Σ_u w_uv.
	Strength float64

	// Betweenness is the shortest-path betweenness on the unweighted graph,
	// normalised as networkx does for undirected graphs:
	//
	//	C_B(v) = 2/((n-1)(n-2)) Σ_{s<t, s≠v≠t} σ_st(v)/σ_st
	//
	// where σ_st counts the shortest s-t paths and σ_st(v) those through v.
	// It is 0 for every node when n < 3.
	Betweenness float64

	// Eigenvector is the weighted eigenvector centrality of
	// networkx.eigenvector_centrality(G, weight="weight"): starting from
	// x_v = 1/n, iterate
	//
	//	x ← (A+I) x / ‖(A+I) x‖₂
	//
	// with A_uv = w_uv, until Σ_v |x_v - x'_v| < n·1e-6. On a connected
	// graph this is the principal eigenvector of A with unit norm; on a
	// disconnected one the components with a smaller leading eigenvalue
	// (and isolated nodes) decay towards 0 without reaching it, and their
	// values depend on the stopping step exactly as networkx's do. The cap is
	// 1000 iterations (networkx: 100, after which it raises).
	Eigenvector float64

	// PageRank is the weighted PageRank with damping α = 0.85 of
	// networkx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12):
	// starting from x_v = 1/n, iterate
	//
	//	x_v ← α Σ_u x_u w_uv/s_u + α/n Σ_{d: s_d=0} x_d + (1-α)/n
	//
	// until Σ_v |x_v - x'_v| < n·1e-12 (cap 1000 iterations). Isolated
	// (dangling) nodes spread their rank uniformly over all nodes. The
	// values sum to 1.
	PageRank float64

	// Community is the index of the node's Louvain community (resolution
	// 1, weighted): 0 is the largest community, ties broken by the smallest
	// member ID. Isolated nodes form communities of their own.
	Community int
}

// Measures returns the measures of every node, keyed by node ID. The seed
// drives the Louvain community search; all other values are deterministic
// and do not depend on it. An empty network gives an empty map.
//
// If a power iteration hits its cap the error wraps ErrNoConvergence and the
// map still holds every value, the unconverged ones from the last iterate.
func (n *Network) Measures(seed uint64) (map[string]Measures, error) {
	out := make(map[string]Measures, len(n.Nodes))
	if len(n.Nodes) == 0 {
		return out, nil
	}
	// Betweenness is the slow step, on every core; the others are
	// independent of it and run beside it.
	var (
		eig, pr       []float64
		eigErr, prErr error
		comm          []int
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		eig, eigErr = n.eigenvector()
		pr, prErr = n.pageRank()
		comm = n.communityOf(seed)
	}()
	bc := n.betweenness(seed)
	<-done
	var errs []error
	if eigErr != nil {
		errs = append(errs, fmt.Errorf("eigenvector centrality: %w", eigErr))
	}
	if prErr != nil {
		errs = append(errs, fmt.Errorf("pagerank: %w", prErr))
	}
	for i, id := range n.Nodes {
		var s float64
		for _, w := range n.wadj[i] {
			s += w
		}
		out[id] = Measures{
			Degree:      len(n.adj[i]),
			Strength:    s,
			Betweenness: bc[i],
			Eigenvector: eig[i],
			PageRank:    pr[i],
			Community:   comm[i],
		}
	}
	return out, errors.Join(errs...)
}
