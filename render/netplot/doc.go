// Package netplot draws a co-mention network from laid-out positions, coloured by bloc or by community.
package netplot
