package network

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

var update = flag.Bool("update", false, "rewrite testdata/*.communities")

// refTol is the agreement asked of every value against networkx: absolute
// or relative 1e-9, far above the last-bit noise of different summation
// orders (about 1e-15) and far below networkx's own default tolerances.
const refTol = 1e-9

// refSeed is the Louvain seed of the committed partitions.
const refSeed = 1

// readEdges reads a testdata/*.edges file (format in
// scripts/networkx_reference.py) as sentences: an edge of weight w becomes
// w two-entity sentences, a lone ID a one-entity sentence.
func readEdges(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sentences [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		switch len(fields) {
		case 0:
		case 1:
			sentences = append(sentences, fields)
		case 3:
			w, err := strconv.Atoi(fields[2])
			if err != nil || w <= 0 {
				t.Fatalf("%s: bad weight in %q", path, line)
			}
			for range w {
				sentences = append(sentences, fields[:2])
			}
		default:
			t.Fatalf("%s: bad line %q", path, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sentences
}

type refNode struct {
	Degree      int     `json:"degree"`
	Strength    float64 `json:"strength"`
	Betweenness float64 `json:"betweenness"`
	Eigenvector float64 `json:"eigenvector"`
	PageRank    float64 `json:"pagerank"`
}

type reference struct {
	NetworkX          string             `json:"networkx"`
	Nodes             map[string]refNode `json:"nodes"`
	Modularity        *float64           `json:"modularity"`
	LouvainModularity *float64           `json:"louvain_modularity"`
}

func readReference(t *testing.T, path string) reference {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return ref
}

func formatCommunities(comms [][]string) []byte {
	var buf bytes.Buffer
	for _, c := range comms {
		buf.WriteString(strings.Join(c, " "))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func near(got, want float64) bool { return scalar.EqualWithinAbsOrRel(got, want, refTol, refTol) }

// TestReference compares every measure with networkx's on the graphs in
// testdata. The *.want.json files come from scripts/networkx_reference.py;
// the *.communities files are this package's partitions (golden, rewritten
// with -update), whose networkx modularity the JSON files also hold. After
// -update, rerun the script.
func TestReference(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.edges"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/*.edges: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".edges")
		t.Run(name, func(t *testing.T) {
			net := Build(readEdges(t, path))
			ref := readReference(t, strings.TrimSuffix(path, ".edges")+".want.json")
			got, err := net.Measures(refSeed)
			if err != nil {
				t.Fatalf("Measures(%d) error: %v", refSeed, err)
			}
			if len(got) != len(ref.Nodes) {
				t.Fatalf("Measures(%d) has %d nodes, want %d", refSeed, len(got), len(ref.Nodes))
			}
			for id, want := range ref.Nodes {
				m, ok := got[id]
				if !ok {
					t.Errorf("node %s missing", id)
					continue
				}
				if m.Degree != want.Degree {
					t.Errorf("Degree(%s) = %d, want %d", id, m.Degree, want.Degree)
				}
				for _, c := range []struct {
					what      string
					got, want float64
				}{
					{"Strength", m.Strength, want.Strength},
					{"Betweenness", m.Betweenness, want.Betweenness},
					{"Eigenvector", m.Eigenvector, want.Eigenvector},
					{"PageRank", m.PageRank, want.PageRank},
				} {
					if !near(c.got, c.want) {
						t.Errorf("%s(%s) = %.17g, want %.17g (networkx %s)", c.what, id, c.got, c.want, ref.NetworkX)
					}
				}
			}

			comms := net.Communities(refSeed)
			golden := strings.TrimSuffix(path, ".edges") + ".communities"
			if len(net.Edges) > 0 {
				b := formatCommunities(comms)
				if *update {
					if err := os.WriteFile(golden, b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b, want) {
					t.Errorf("Communities(%d) =\n%s\nwant\n%s", refSeed, b, want)
				}
			}
			q := net.Modularity(comms)
			if ref.Modularity != nil && !*update && !near(q, *ref.Modularity) {
				t.Errorf("Modularity(Communities(%d)) = %.17g, want %.17g", refSeed, q, *ref.Modularity)
			}
			// Louvain is a heuristic: ask only that our partition be about
			// as good as networkx's. Over seeds 0-199 ours gave Q in
			// 0.4173-0.4449 on karate (0.4439 at seed 1, networkx 0.4439)
			// and 0.339-0.363 on random (0.3524, networkx 0.3551).
			if ref.LouvainModularity != nil && q < *ref.LouvainModularity-louvainSlack {
				t.Errorf("Modularity(Communities(%d)) = %.4f, networkx's Louvain finds %.4f", refSeed, q, *ref.LouvainModularity)
			}
			for i, c := range comms {
				for _, id := range c {
					if got[id].Community != i {
						t.Errorf("Measures(%d)[%s].Community = %d, want %d", refSeed, id, got[id].Community, i)
					}
				}
			}
		})
	}
}

// TestGonum checks the hand-written iterations against gonum's own
// implementations on the same graphs.
func TestGonum(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.edges"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/*.edges: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".edges")
		t.Run(name, func(t *testing.T) {
			net := Build(readEdges(t, path))
			nn := len(net.Nodes)

			bc := network.Betweenness(gonumGraph(net))
			mine := net.betweenness(0)
			for i := range nn {
				want := bc[int64(i)]
				if nn > 2 {
					want /= float64(nn-1) * float64(nn-2)
				}
				if !near(mine[i], want) {
					t.Errorf("betweenness(%s) = %.17g, gonum %.17g", net.Nodes[i], mine[i], want)
				}
			}

			// A directed twin with both arcs of every edge.
			d := simple.NewWeightedDirectedGraph(0, 0)
			for i := range nn {
				d.AddNode(simple.Node(i))
			}
			for u, nbrs := range net.adj {
				for k, v := range nbrs {
					d.SetWeightedEdge(d.NewWeightedEdge(simple.Node(u), simple.Node(v), net.wadj[u][k]))
				}
			}
			pr := network.PageRankSparse(d, damping, 1e-14)
			myPR, err := net.pageRank()
			if err != nil {
				t.Fatal(err)
			}
			for i := range nn {
				if !near(myPR[i], pr[int64(i)]) {
					t.Errorf("pageRank(%s) = %.17g, gonum %.17g", net.Nodes[i], myPR[i], pr[int64(i)])
				}
			}

			if len(net.Edges) > 0 {
				comms := net.Communities(refSeed)
				nodes := make([][]graph.Node, len(comms))
				for c, ids := range comms {
					for _, id := range ids {
						nodes[c] = append(nodes[c], simple.Node(net.index[id]))
					}
				}
				if q, want := net.Modularity(comms), community.Q(gonumGraph(net), nodes, 1); !near(q, want) {
					t.Errorf("Modularity = %.17g, gonum Q %.17g", q, want)
				}
			}
		})
	}
}

// gonumGraph returns n as a gonum graph: node ID i is n.Nodes[i].
func gonumGraph(n *Network) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n.Nodes {
		g.AddNode(simple.Node(i))
	}
	for _, e := range n.Edges {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(n.index[e.A]), simple.Node(n.index[e.B]), e.Weight))
	}
	return g
}
