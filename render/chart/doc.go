// Package chart draws the report's statistical charts with gonum/plot: actor centrality and article alignment.
package chart
