package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"time"

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

func ExampleTimeline() {
	nan := math.NaN()
	t := &chart.Timeline{Points: []chart.Dated{
		{Label: "Air defence agreement", Date: time.Date(2008, 3, 3, 0, 0, 0, 0, time.UTC), Value: 0.6, Lo: 0.3, Hi: 0.85},
		{Label: "OSCE summit", Date: time.Date(2010, 12, 1, 0, 0, 0, 0, time.UTC), Inferred: true, Value: -0.45, Lo: nan, Hi: nan},
	}}
	var svg bytes.Buffer
	err := t.WriteSVG(&svg)
	fmt.Println(err, bytes.Contains(svg.Bytes(), []byte("date inferred")))

	// Without a dated article there is nothing to draw: skip the figure.
	undated := &chart.Timeline{Points: []chart.Dated{{Label: "undated", Value: 0.2}}}
	fmt.Println(errors.Is(undated.WriteSVG(&svg), chart.ErrNoDates))
	// Output:
	// <nil> true
	// true
}

func ExampleSpectrum() {
	s := &chart.Spectrum{Actors: []chart.Placed{
		{Label: "Russia", Bloc: "russia", Value: 0.7, Lo: 0.4, Hi: 0.9, Evidence: 20},
		{Label: "United States", Bloc: "west", Value: -0.5, Lo: -0.8, Hi: -0.2, Evidence: 6},
	}}
	var svg bytes.Buffer
	err := s.WriteSVG(&svg)
	fmt.Println(err, bytes.Contains(svg.Bytes(), []byte("Western bloc")))
	// Output: <nil> true
}

func ExampleHeatmap() {
	h := &chart.Heatmap{
		Labels:    []string{"Kazakhstan", "Russia", "NATO"},
		Community: []int{0, 0, 1},
		Weights:   [][]float64{{0, 12, 2}, {12, 0, 1}, {2, 1, 0}},
	}
	var svg bytes.Buffer
	err := h.WriteSVG(&svg)
	fmt.Println(err, bytes.Contains(svg.Bytes(), []byte("sentences naming both")))
	// Output: <nil> true
}
