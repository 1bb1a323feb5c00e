package netplot

import (
	"alignnet/internal/golden"
	"context"
	"math/rand/v2"
	"testing"
)

// realistic returns a 40-actor network with 120 weighted edges in four
// blocs and five communities, drawn from a seeded generator.
func realistic() ([]Node, []Edge) {
	names := []struct{ name, bloc string }{
		{"Kazakhstan", "subject"}, {"Russia", "russia"}, {"United States", "west"}, {"China", "other"},
		{"Nursultan Nazarbayev", "subject"}, {"Vladimir Putin", "russia"}, {"Dmitry Medvedev", "russia"},
		{"Collective Security Treaty Organization", "russia"}, {"Shanghai Cooperation Organisation", "other"},
		{"NATO", "west"}, {"European Union", "west"}, {"Organization for Security and Co-operation in Europe", "west"},
		{"Kassym-Jomart Tokayev", "subject"}, {"Sergei Lavrov", "russia"}, {"Hillary Clinton", "west"},
		{"KazMunaiGas", "subject"}, {"Gazprom", "russia"}, {"Chevron", "west"}, {"Uzbekistan", "other"},
		{"Kyrgyzstan", "other"}, {"Turkmenistan", "other"}, {"Tajikistan", "other"}, {"Islam Karimov", "other"},
		{"Eurasian Economic Community", "russia"}, {"Customs Union", "russia"}, {"Ministry of Defense of Kazakhstan", "subject"},
		{"Russian Ministry of Foreign Affairs", "russia"}, {"U.S. Department of State", "west"}, {"Germany", "west"},
		{"France", "west"}, {"United Kingdom", "west"}, {"Japan", "west"}, {"Iran", "other"}, {"Afghanistan", "other"},
		{"Hu Jintao", "other"}, {"Barack Obama", "west"}, {"Vneshekonombank", "russia"}, {"Kazatomprom", "subject"},
		{"Ukraine", "other"}, {"Belarus", "russia"},
	}
	r := rand.New(rand.NewPCG(7, 7))
	nodes := make([]Node, len(names))
	for i, n := range names {
		nodes[i] = Node{
			ID: n.name, Label: n.name, Bloc: n.bloc,
			Community: i % 5,
			Size:      1 / float64(i+2),
			Labelled:  i < 22,
		}
	}
	var edges []Edge
	for len(edges) < 120 {
		// Prefer edges to the first, more central actors.
		a := int(r.ExpFloat64()*8) % len(names)
		b := r.IntN(len(names))
		if a == b {
			continue
		}
		edges = append(edges, Edge{A: names[a].name, B: names[b].name, Weight: float64(1 + r.IntN(3)*r.IntN(4))})
	}
	return nodes, edges
}

func TestPreview(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	nodes, edges := realistic()
	pos, err := Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := &Network{Title: "Actors co-mentioned in 120 articles on Kazakhstan, 2008–2012", SizeName: "PageRank", Nodes: nodes, Edges: edges, Pos: pos}
	golden.WriteFigure(t, *golden.Preview, "network-bloc", n)
	n.ColorBy = ByCommunity
	golden.WriteFigure(t, *golden.Preview, "network-community", n)
}

// TestPreviewLarge renders a corpus-sized network: 150 actors, 450 edges.
func TestPreviewLarge(t *testing.T) {
	if *golden.Preview == "" {
		t.Skip("no -preview directory")
	}
	base, _ := realistic()
	r := rand.New(rand.NewPCG(11, 11))
	var nodes []Node
	for i := range 150 {
		n := base[i%len(base)]
		if i >= len(base) {
			n.ID = n.ID + " " + string(rune('A'+i/len(base)))
			n.Label = n.ID
		}
		n.Size = 1 / float64(i+2)
		n.Labelled = i < 30
		nodes = append(nodes, n)
	}
	var edges []Edge
	for len(edges) < 450 {
		a := int(r.ExpFloat64()*20) % len(nodes)
		b := r.IntN(len(nodes))
		if a != b {
			edges = append(edges, Edge{A: nodes[a].ID, B: nodes[b].ID, Weight: float64(1 + r.IntN(5))})
		}
	}
	pos, err := Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		t.Fatal(err)
	}
	golden.WriteFigure(t, *golden.Preview, "network-large", &Network{Title: "150 actors", SizeName: "PageRank", Nodes: nodes, Edges: edges, Pos: pos})
}
