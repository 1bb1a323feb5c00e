package eval

// maxMatching returns a maximum matching of the bipartite graph whose left
// vertex i is adjacent to the right vertices adj[i] (indices below nRight),
// found with Kuhn's augmenting paths in O(V·E). match[i] is the right vertex
// paired with left vertex i, or -1. The size of the matching does not depend
// on the order of the vertices; which maximum matching is returned does, and
// is deterministic for a given input.
func maxMatching(adj [][]int, nRight int) (match []int, size int) {
	match = make([]int, len(adj))
	owner := make([]int, nRight)
	for i := range match {
		match[i] = -1
	}
	for j := range owner {
		owner[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || try(owner[j], seen) {
				owner[j] = i
				match[i] = j
				return true
			}
		}
		return false
	}
	for i := range adj {
		if try(i, make([]bool, nRight)) {
			size++
		}
	}
	return match, size
}
