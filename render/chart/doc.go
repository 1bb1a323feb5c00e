// Package chart draws the report's statistical charts with gonum/plot: actor centrality, article alignment, alignment over time, actors on the Russia–West spectrum and the co-mention heatmap.
package chart
