#!/usr/bin/env python3
"""Reference values for analysis/network's Louvain from networkx, an
independent implementation.

This writes seeded random graphs with planted communities to
analysis/network/testdata/louvain/NAME.edges (same format as the files
scripts/networkx_reference.py reads) and, in
analysis/network/testdata/louvain/reference.json, the modularity of
nx.community.louvain_communities(G, weight="weight", seed=s) for each
graph and seed. The Go tests read both and do not need python.

Regenerate from the module root (Debian's python3-networkx, or any
networkx >= 2.8):

    python3 scripts/louvain_reference.py

Node IDs are bBBvVVV: block BB, node VVV within the block, so a test can
read the planted partition off the IDs.
"""

import json
import pathlib
import random

import networkx as nx

OUT = pathlib.Path(__file__).resolve().parent.parent / "analysis" / "network" / "testdata" / "louvain"

SEEDS = range(20)


def node(block, i):
    return f"b{block:02d}v{i:03d}"


def planted(seed, sizes, p_in, p_out, max_weight):
    """A stochastic block model: blocks of the given sizes, each pair of
    nodes joined with probability p_in inside a block and p_out across,
    integer weights uniform in 1..max_weight."""
    rng = random.Random(seed)
    nodes = [node(b, i) for b, size in enumerate(sizes) for i in range(size)]
    block = {v: int(v[1:3]) for v in nodes}
    edges = []
    for x, a in enumerate(nodes):
        for b in nodes[x + 1 :]:
            p = p_in if block[a] == block[b] else p_out
            if rng.random() < p:
                edges.append((a, b, rng.randint(1, max_weight)))
    return nodes, edges


def hubs(seed, blocks, size, edges_wanted, mix):
    """A degree-corrected block model with heavy-tailed degrees, as
    co-mention networks have: node v of a block has propensity
    1/(v+1)^0.8; an edge picks a block, then, with probability 1-mix, both
    ends inside it by propensity, else the second end anywhere by
    propensity. Repeats add weight, so weights are heavy-tailed too."""
    rng = random.Random(seed)
    nodes = [node(b, i) for b in range(blocks) for i in range(size)]
    prop = [1 / (i + 1) ** 0.8 for i in range(size)]
    weight = {}
    while len(weight) < edges_wanted:
        b = rng.randrange(blocks)
        a = node(b, rng.choices(range(size), prop)[0])
        c = b if rng.random() >= mix else rng.randrange(blocks)
        d = node(c, rng.choices(range(size), prop)[0])
        if a == d:
            continue
        key = (min(a, d), max(a, d))
        weight[key] = weight.get(key, 0) + 1
    return nodes, [(a, b, w) for (a, b), w in sorted(weight.items())]


def gnm(seed, n, m, max_weight):
    """m distinct edges uniformly among n nodes (one block), weights
    uniform in 1..max_weight: no planted structure at all."""
    rng = random.Random(seed)
    nodes = [node(0, i) for i in range(n)]
    edges = set()
    while len(edges) < m:
        a, b = rng.sample(nodes, 2)
        edges.add((min(a, b), max(a, b)))
    return nodes, [(a, b, rng.randint(1, max_weight)) for a, b in sorted(edges)]


GRAPHS = {
    # Strong blocks: a test asks that they be recovered exactly.
    "planted": ("sbm(seed=1, 6 blocks of 40, p_in=0.3, p_out=0.01, weights 1..5)",
                lambda: planted(1, [40] * 6, 0.3, 0.01, 5)),
    # Weak blocks of unequal sizes.
    "sbm": ("sbm(seed=2, blocks of 10..80, p_in=0.12, p_out=0.015, weights 1..3)",
            lambda: planted(2, [10, 20, 30, 40, 50, 60, 70, 80], 0.12, 0.015, 3)),
    "hubs": ("hubs(seed=3, 12 blocks of 60, 4000 edges, mix=0.3)",
             lambda: hubs(3, 12, 60, 4000, 0.3)),
    "gnm": ("gnm(seed=4, 400 nodes, 1600 edges, weights 1..5)",
            lambda: gnm(4, 400, 1600, 5)),
}


def write_edges(path, comment, nodes, edges):
    lines = [f"# {comment}"] + nodes + [f"{a} {b} {w}" for a, b, w in edges]
    path.write_text("\n".join(lines) + "\n")


def graph(nodes, edges):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(edges)
    return g


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    ref = {"networkx": nx.__version__, "seeds": list(SEEDS), "graphs": {}}
    for name, (comment, make) in GRAPHS.items():
        nodes, edges = make()
        write_edges(OUT / f"{name}.edges", comment, nodes, edges)
        g = graph(nodes, edges)
        qs = []
        for s in SEEDS:
            part = nx.community.louvain_communities(g, weight="weight", seed=s)
            qs.append(nx.community.modularity(g, part, weight="weight"))
        ref["graphs"][name] = {"nodes": len(nodes), "edges": len(edges), "louvain_modularity": qs}
        print(f"{name}: {len(nodes)} nodes, {len(edges)} edges, Q {min(qs):.4f}..{max(qs):.4f}")
    (OUT / "reference.json").write_text(json.dumps(ref, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
