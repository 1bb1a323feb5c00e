package network

import "testing"

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
	n := Build(randomSentences(benchSeed, benchNodes, benchEdges))
	b.ReportMetric(float64(len(n.Nodes)), "nodes")
	b.ReportMetric(float64(len(n.Edges)), "edges")
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if _, err := n.Measures(1); err != nil {
				b.Fatal(err)
			}
		}
	})
	// gonum's network.Betweenness took 124 s (6.8 GB allocated) on this
	// graph where betweenness takes about 5 s.
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
