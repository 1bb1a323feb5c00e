// Package style holds the one look shared by every figure: palette, fonts, sizes, grid and output.
package style
