// Graphcmp times analysis/network on a weighted edge list, to be compared
// side by side with networkx by scripts/bench/networkx_compare.py on the
// same file. scripts/bench/graphcmp.sh runs both.
//
// Usage:
//
//	graphcmp -gen -nodes 5000 -edges 50000 [-seed 1] [-maxweight 10] -out edges.csv
//	graphcmp -in edges.csv [-seed 1] -out alignnet.json
//
// With -gen it writes a synthetic co-mention-like graph in the format of
// alignnet's out/data/edges.csv (header "source,target,weight", one row per
// edge, source < target, rows sorted) with exactly the requested numbers of
// nodes and edges. The graph is connected and its degrees are heavy-tailed:
// node i has the Chung-Lu weight (i+1)^(-2/3) (expected degrees following a
// power law of exponent 2.5); first every node i > 0 links to an earlier
// node drawn in proportion to these weights (a spanning tree), then the
// remaining edges join two nodes each drawn in proportion to the weights,
// redrawing self-loops and repeats. Node IDs are n0000, n0001, ...,
// assigned to the weights in a shuffled order. Edge weights are 1 + the
// number of successes, before the first failure, of draws with probability
// 0.4, capped at -maxweight: 60% are 1, 24% are 2, and so on. Everything
// is drawn from PCG seeded with -seed, so the file depends only on the
// flags.
//
// With -in it reads such a file (any alignnet edges.csv), builds the
// network with network.Build, an edge of weight w fed as w sentences
// mentioning both ends, and computes network.Measures twice: with the
// default GOMAXPROCS and with GOMAXPROCS=1, failing if the two differ. It
// also times the Louvain search alone (Communities). The measures cannot
// be timed one by one from outside the package: Measures is timed as a
// whole. It writes JSON with, per node, degree, strength, betweenness,
// eigenvector, pagerank and community (float64 values in full, round-trip
// precision), the modularity of the partition, and the wall times in
// seconds of each step: read (CSV to sentences), build, measures,
// measures_1cpu and communities.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "graphcmp:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError reports bad flags.
type usageError string

func (e usageError) Error() string { return string(e) }

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("graphcmp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gen := fs.Bool("gen", false, "write a synthetic graph to -out instead of measuring -in")
	nodes := fs.Int("nodes", 5000, "with -gen: number of nodes")
	edges := fs.Int("edges", 50000, "with -gen: number of edges")
	maxWeight := fs.Int("maxweight", 10, "with -gen: largest edge weight")
	seed := fs.Uint64("seed", 1, "seed of the generator (-gen) or of the community search (-in)")
	in := fs.String("in", "", "edges.csv to measure")
	out := fs.String("out", "", "file to write: edges.csv with -gen, JSON otherwise (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageError("no arguments expected, got " + fs.Arg(0))
	case *out == "":
		return usageError("-out is required")
	case *gen && *in != "":
		return usageError("-gen and -in exclude each other")
	case *gen:
		return writeGenerated(*out, *nodes, *edges, *maxWeight, *seed)
	case *in == "":
		return usageError("one of -gen or -in is required")
	}
	return measure(*in, *out, *seed)
}
