// Package sentence splits text into sentences, returning byte offsets.
package sentence
