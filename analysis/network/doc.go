// Package network builds the co-mention network of entities and computes its centralities and communities.
package network
