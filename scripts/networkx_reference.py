#!/usr/bin/env python3
"""Reference values for analysis/network from networkx, an independent
implementation.

For every analysis/network/testdata/NAME.edges this writes NAME.want.json
with, per node, degree, strength, betweenness, eigenvector and pagerank as
networkx computes them, and, when NAME.communities exists (written by
`go test ./analysis/network -run TestReference -update`), the networkx
modularity of that partition. The Go tests compare against the JSON files
and do not need python.

Regenerate (from the module root, with Debian's python3-networkx or any
networkx >= 2.8; scipy is used when present):

    go test ./analysis/network -run TestReference -update   # partitions
    python3 scripts/networkx_reference.py                    # *.want.json
    python3 scripts/networkx_reference.py --random           # also rewrite random.edges first

Format of NAME.edges: '#' starts a comment; "A B W" is an edge of integer
weight W (W sentences mentioning both A and B); a line with a single ID is
a node that may have no edge.
"""

import argparse
import json
import pathlib
import random
import sys

from fractions import Fraction

import networkx as nx

TESTDATA = pathlib.Path(__file__).resolve().parent.parent / "analysis" / "network" / "testdata"

# Parameters of analysis/network (see Measures' doc comments).
ALPHA = 0.85
PAGERANK_TOL = 1e-12
PAGERANK_MAX_ITER = 1000
EIGEN_MAX_ITER = 1000  # networkx's default is 100; used only when that fails
LOUVAIN_SEED = 1


def read_edges(path):
    g = nx.Graph()
    nodes, edges = set(), []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        if len(line) == 1:
            nodes.add(line[0])
        elif len(line) == 3:
            a, b, w = line[0], line[1], int(line[2])
            if a == b or w <= 0:
                sys.exit(f"{path}: bad edge {line}")
            nodes.update((a, b))
            edges.append((min(a, b), max(a, b), w))
        else:
            sys.exit(f"{path}: bad line {line}")
    # Insert in sorted order, as the Go code indexes nodes, so that sums run
    # in nearly the same order.
    g.add_nodes_from(sorted(nodes))
    for a, b, w in sorted(edges):
        if g.has_edge(a, b):
            g[a][b]["weight"] += w
        else:
            g.add_edge(a, b, weight=w)
    return g


def exact_pagerank(g):
    """Solve the PageRank linear system (I - αM) x = (1-α)/n exactly in
    rationals, as a check on the power iteration (no numpy needed)."""
    nodes = list(g)
    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    alpha = Fraction(ALPHA).limit_denominator(1000)  # 17/20
    # a[i][j] = (I - αM)_ij, where M_ij = w_ji/s_j, or 1/n for dangling j.
    a = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    for v in nodes:
        j = pos[v]
        s = sum(d["weight"] for d in g[v].values())
        if s == 0:
            for i in range(n):
                a[i][j] -= alpha / n
        else:
            for u, d in g[v].items():
                a[pos[u]][j] -= alpha * Fraction(d["weight"], s)
    b = [(1 - alpha) / n for _ in range(n)]
    for c in range(n):  # Gauss-Jordan; the matrix is nonsingular
        p = next(r for r in range(c, n) if a[r][c] != 0)
        a[c], a[p], b[c], b[p] = a[p], a[c], b[p], b[c]
        inv = 1 / a[c][c]
        a[c] = [x * inv for x in a[c]]
        b[c] *= inv
        for r in range(n):
            if r != c and a[r][c] != 0:
                f = a[r][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
                b[r] -= f * b[c]
    return {v: float(b[pos[v]]) for v in nodes}


def pagerank(g):
    kw = dict(alpha=ALPHA, weight="weight", tol=PAGERANK_TOL, max_iter=PAGERANK_MAX_ITER)
    try:
        return nx.pagerank(g, **kw)
    except ImportError:  # networkx's default needs scipy; same iteration in pure python
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, **kw)


def eigenvector(g):
    try:
        return nx.eigenvector_centrality(g, weight="weight")
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality(g, weight="weight", max_iter=EIGEN_MAX_ITER)


def reference(path):
    g = read_edges(path)
    bc = nx.betweenness_centrality(g, normalized=True)
    ev = eigenvector(g)
    pr = pagerank(g)
    exact = exact_pagerank(g)
    for v in g:
        if abs(pr[v] - exact[v]) > 1e-11:
            sys.exit(f"{path}: pagerank of {v}: power iteration {pr[v]}, linear solve {exact[v]}")
    want = {
        "networkx": nx.__version__,
        "nodes": {
            v: {
                "degree": g.degree(v),
                "strength": float(g.degree(v, weight="weight")),
                "betweenness": float(bc[v]),
                "eigenvector": float(ev[v]),
                "pagerank": float(pr[v]),
            }
            for v in g
        },
    }
    if g.number_of_edges() > 0:
        comm_path = path.with_suffix(".communities")
        if comm_path.exists():
            part = [line.split() for line in comm_path.read_text().splitlines() if line.strip()]
            want["modularity"] = nx.community.modularity(g, [set(c) for c in part], weight="weight")
        louvain = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
        want["louvain_modularity"] = nx.community.modularity(g, louvain, weight="weight")
    return want


def write_random(path, seed=20240601, n=60, m=200, max_weight=5):
    """A random weighted graph: m distinct edges drawn uniformly among n
    nodes, integer weights 1..max_weight, Python's Mersenne Twister."""
    rng = random.Random(seed)
    names = [f"r{i:02d}" for i in range(n)]
    edges = set()
    while len(edges) < m:
        a, b = rng.sample(names, 2)
        edges.add((min(a, b), max(a, b)))
    lines = [f"# random weighted graph: random.Random({seed}), {n} nodes, {m} edges, weights 1..{max_weight}"]
    lines += [f"{v}" for v in names]
    lines += [f"{a} {b} {rng.randint(1, max_weight)}" for a, b in sorted(edges)]
    path.write_text("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--random", action="store_true", help="rewrite testdata/random.edges first")
    args = ap.parse_args()
    if args.random:
        write_random(TESTDATA / "random.edges")
    paths = sorted(TESTDATA.glob("*.edges"))
    if not paths:
        sys.exit(f"no *.edges in {TESTDATA}")
    for path in paths:
        out = path.with_name(path.name.removesuffix(".edges") + ".want.json")
        out.write_text(json.dumps(reference(path), indent=1, sort_keys=True) + "\n")
        print(out)


if __name__ == "__main__":
    main()
