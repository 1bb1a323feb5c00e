#!/usr/bin/env python3
"""Time igraph (C) on an alignnet edges.csv: a reference for what Louvain,
PageRank, eigenvector and exact betweenness cost on the same graph.

Usage: /usr/bin/python3 scripts/bench/igraph_reference.py OUT/data/edges.csv
(Debian: apt-get install python3-igraph, which installs for /usr/bin/python3).
"""
import csv
import sys
import time

import igraph as ig


def main(path):
    t0 = time.time()
    ids, edges, weights = {}, [], []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for a, b, w in rows:
            for n in (a, b):
                ids.setdefault(n, len(ids))
            edges.append((ids[a], ids[b]))
            weights.append(float(w))
    g = ig.Graph(n=len(ids), edges=edges)
    g.es["weight"] = weights
    print(f"load {time.time() - t0:.1f}s, {g.vcount()} nodes, {g.ecount()} edges")
    t = time.time()
    c = g.community_multilevel(weights="weight")
    print(f"louvain {time.time() - t:.2f}s, {len(c)} communities, Q={c.modularity:.3f}")
    t = time.time()
    g.pagerank(weights="weight")
    print(f"pagerank {time.time() - t:.2f}s")
    t = time.time()
    g.eigenvector_centrality(weights="weight")
    print(f"eigenvector {time.time() - t:.2f}s")
    t = time.time()
    g.betweenness()
    print(f"betweenness (unweighted, exact, one core) {time.time() - t:.2f}s")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
