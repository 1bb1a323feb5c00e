// Package ingest turns the bytes of one article file into a clean document:
// metadata, body paragraphs and a record of what was removed.
package ingest
