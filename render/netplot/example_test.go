package netplot_test

import (
	"bytes"
	"context"
	"fmt"

	"alignnet/render/netplot"
)

// Lay the network out once, then draw it coloured by bloc and by
// community from the same positions.
func Example() {
	nodes := []netplot.Node{
		{ID: "kz", Label: "Kazakhstan", Bloc: "subject", Community: 0, Size: 0.5, Labelled: true},
		{ID: "ru", Label: "Russia", Bloc: "russia", Community: 0, Size: 0.3, Labelled: true},
		{ID: "us", Label: "United States", Bloc: "west", Community: 1, Size: 0.2, Labelled: true},
	}
	edges := []netplot.Edge{{A: "kz", B: "ru", Weight: 5}, {A: "kz", B: "us", Weight: 2}}
	pos, err := netplot.Layout(context.Background(), nodes, edges, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, by := range []netplot.ColorBy{netplot.ByBloc, netplot.ByCommunity} {
		n := &netplot.Network{SizeName: "PageRank", ColorBy: by, Nodes: nodes, Edges: edges, Pos: pos}
		var png bytes.Buffer
		if err := n.WritePNG(&png); err != nil {
			fmt.Println(err)
		}
		fmt.Println(bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")))
	}
	// Output:
	// true
	// true
}
