// Package layout places the nodes of a network with Graphviz (go-graphviz, the only package that imports it).
package layout
