// Package report writes the analysis as one self-contained HTML page: summary, inline SVG figures, tables of actors and articles, and the evidence behind each article's score.
package report
