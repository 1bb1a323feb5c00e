package network

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
)

// The benchmark graph: 5,000 entities and 50,000 distinct co-mention
// pairs of weight 1..3, seeded, a generous upper bound for a corpus of a
// few thousand articles.
const (
	benchNodes = 5000
	benchEdges = 50000
	benchSeed  = 1
)

func BenchmarkBuild(b *testing.B) {
	sentences := randomSentences(benchSeed, benchNodes, benchEdges)
	var n *Network
	for b.Loop() {
		n = Build(sentences)
	}
	b.ReportMetric(float64(len(sentences)), "sentences")
	b.ReportMetric(float64(len(n.Nodes)), "nodes")
	b.ReportMetric(float64(len(n.Edges)), "edges")
}

func BenchmarkMeasures(b *testing.B) {
	// gonum's network.Betweenness took 124 s (6.8 GB allocated) on this
	// graph where betweenness took about 5 s in session 2.
	benchMeasures(b, Build(randomSentences(benchSeed, benchNodes, benchEdges)))
}

// benchMeasures times all the measures of n together, then each alone.
func benchMeasures(b *testing.B, n *Network) {
	b.ReportMetric(float64(len(n.Nodes)), "nodes")
	b.ReportMetric(float64(len(n.Edges)), "edges")
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if _, err := n.Measures(1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("betweenness", func(b *testing.B) {
		for b.Loop() {
			n.betweenness(1)
		}
	})
	b.Run("eigenvector", func(b *testing.B) {
		for b.Loop() {
			n.eigenvector()
		}
	})
	b.Run("pagerank", func(b *testing.B) {
		for b.Loop() {
			n.pageRank()
		}
	})
	b.Run("communities", func(b *testing.B) {
		var q float64
		for b.Loop() {
			q = n.Modularity(n.Communities(1))
		}
		b.ReportMetric(q, "Q")
	})
}

func BenchmarkSampledBetweenness(b *testing.B) {
	n := Build(randomSentences(benchSeed, benchNodes, benchEdges))
	for b.Loop() {
		n.sampledBetweenness(SampledSources, 1)
	}
}

// BenchmarkCSV times the measures on the network of the -edges file (see
// BenchmarkLouvain; skipped without one), numbered as Build numbers it:
// the 10,000-article synthetic corpus's has 5,792 nodes with edges and
// 151,086 edges.
func BenchmarkCSV(b *testing.B) {
	if *edgesCSV == "" {
		b.Skip("no -edges file")
	}
	benchMeasures(b, readNetworkCSV(b, *edgesCSV))
}

// readNetworkCSV builds the network of alignnet's data/edges.csv: an edge
// of weight w becomes w two-entity sentences.
func readNetworkCSV(b *testing.B, path string) *Network {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	bld := NewBuilder()
	for i, rec := range recs[1:] { // after the header
		if len(rec) != 3 {
			b.Fatalf("%s:%d: %d fields, want source,target,weight", path, i+2, len(rec))
		}
		w, err := strconv.Atoi(rec[2])
		if err != nil || w <= 0 {
			b.Fatalf("%s:%d: bad weight %q", path, i+2, rec[2])
		}
		for range w {
			bld.Add(rec[:2])
		}
	}
	return bld.Network()
}
