package chart_test

import (
	"bytes"
	"fmt"
	"math"

	"alignnet/render/chart"
)

func ExampleAlignment() {
	a := &chart.Alignment{
		Title: "Alignment of two articles",
		Bars: []chart.Bar{
			{Label: "Kazakhstan and Russia sign air defence agreement", Value: 0.6, Lo: 0.3, Hi: 0.85},
			{Label: "Uranium deal with Japan", Missing: true, Lo: math.NaN(), Hi: math.NaN()},
		},
	}
	var svg, png bytes.Buffer
	if err := a.WriteSVG(&svg); err != nil {
		fmt.Println(err)
	}
	if err := a.WritePNG(&png); err != nil {
		fmt.Println(err)
	}
	fmt.Println(bytes.Contains(svg.Bytes(), []byte("no evidence")), bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")))
	// Output: true true
}

func ExampleCentrality() {
	c := &chart.Centrality{Actors: []chart.Actor{
		{Label: "Kazakhstan", Bloc: "subject", Degree: 3, Strength: 9, Betweenness: 0.67, Eigenvector: 0.61, PageRank: 0.31},
		{Label: "Russia", Bloc: "russia", Degree: 3, Strength: 7, Betweenness: 0.33, Eigenvector: 0.55, PageRank: 0.28},
	}}
	var svg bytes.Buffer
	err := c.WriteSVG(&svg)
	fmt.Println(err, bytes.Contains(svg.Bytes(), []byte("PageRank")))
	// Output: <nil> true
}
