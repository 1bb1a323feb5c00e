// Package kb loads the knowledge base of actors (countries, people,
// organizations), news sources and office titles that entity recognition
// resolves names against; the format is described in data/README.md.
package kb
