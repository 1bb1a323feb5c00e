package entities

import "strings"

// trieNode is a node of the index and the role titles by words: the
// node reached from the root by the keys of words w1 ... wn holds what
// the key "w1 ... wn" names. A lookup walks token by token and stops at
// the first word no key continues with, instead of joining and hashing
// every longer key.
type trieNode struct {
	cands  []cand               // r.index of the key of the path, shared
	role   string               // r.roles of the key of the path
	isRole bool                 // the key is in r.roles
	next   map[string]*trieNode // by the key of the next word
}

// buildTrie makes the trie of an index and of role titles. The keys of
// words hold no space (a token holds none), so splitting a joined key at
// spaces gives back its words.
func buildTrie(index map[string][]cand, roles map[string]string) *trieNode {
	root := &trieNode{}
	for key, cs := range index {
		root.add(key).cands = cs
	}
	for key, id := range roles {
		n := root.add(key)
		n.role, n.isRole = id, true
	}
	return root
}

// add returns the node of a joined key, adding the nodes on its path.
func (n *trieNode) add(key string) *trieNode {
	for w := range strings.SplitSeq(key, " ") {
		n = n.child(w)
	}
	return n
}

// child returns the child of n for the word key w, adding it if needed.
func (n *trieNode) child(w string) *trieNode {
	if n.next == nil {
		n.next = map[string]*trieNode{}
	}
	c := n.next[w]
	if c == nil {
		c = &trieNode{}
		n.next[w] = c
	}
	return c
}

// step returns the child of n for the word key w, or nil; nil when n is
// nil.
func (n *trieNode) step(w string) *trieNode {
	if n == nil {
		return nil
	}
	return n.next[w]
}
