package network

// betweenness returns the normalised shortest-path betweenness of the
// unweighted graph indexed like n.Nodes (see Measures.Betweenness).
//
// It is Brandes' algorithm, as gonum's network.Betweenness, which gives the
// same raw sums (each unordered pair counted from both ends). This version
// walks sorted adjacency slices instead of maps, so its result is the same
// to the last bit from run to run, and it allocates once.
func (n *Network) betweenness() []float64 {
	nn := len(n.Nodes)
	cb := make([]float64, nn)
	if nn < 3 {
		return cb
	}
	var (
		sigma = make([]float64, nn)
		dist  = make([]int, nn)
		delta = make([]float64, nn)
		order = make([]int, 0, nn) // BFS order; read backwards it is Brandes' stack
	)
	for s := range nn {
		for i := range dist {
			dist[i] = -1
			sigma[i] = 0
			delta[i] = 0
		}
		sigma[s], dist[s] = 1, 0
		order = append(order[:0], s)
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range n.adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for i := len(order) - 1; i > 0; i-- {
			w := order[i]
			c := (1 + delta[w]) / sigma[w]
			for _, v := range n.adj[w] {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] * c
				}
			}
			cb[w] += delta[w]
		}
	}
	// Summing over every source counts each pair twice: 1/((n-1)(n-2))
	// applied to the double count is networkx's 2/((n-1)(n-2)) per pair.
	scale := 1 / (float64(nn-1) * float64(nn-2))
	for i := range cb {
		cb[i] *= scale
	}
	return cb
}
