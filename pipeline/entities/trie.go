package entities

// trieNode is a node of the index and the role titles by words: the
// node reached from the root by the keys of words w1 ... wn holds what
// the key "w1 ... wn" names. A lookup walks token by token and stops at
// the first word no key continues with, instead of joining and hashing
// every longer key.
//
// Most nodes have no child or one: a node keeps up to maxKids children
// in a slice, which a scan searches faster than a map is hashed, and
// more in a map.
type trieNode struct {
	cands  []cand               // r.index of the key of the path, shared
	role   string               // r.roles of the key of the path
	isRole bool                 // the key is in r.roles
	kids   []trieEdge           // the children, when there are few
	next   map[string]*trieNode // the children by word key, when many
}

// trieEdge leads to a child of a trieNode.
type trieEdge struct {
	word string // the key of the word
	node *trieNode
}

// maxKids is the most children a trieNode keeps in its slice.
const maxKids = 8

// step returns the child of n for the word key w, or nil; nil when n is
// nil.
func (n *trieNode) step(w string) *trieNode {
	if n == nil {
		return nil
	}
	if n.next != nil {
		return n.next[w]
	}
	for _, e := range n.kids {
		if e.word == w {
			return e.node
		}
	}
	return nil
}

// stepBytes is step for a word key held in bytes, for a non-nil n.
func (n *trieNode) stepBytes(w []byte) *trieNode {
	if n.next != nil {
		return n.next[string(w)]
	}
	for _, e := range n.kids {
		if e.word == string(w) {
			return e.node
		}
	}
	return nil
}

// addChild makes c the child of n for the word key w, which n lacks.
func (n *trieNode) addChild(w string, c *trieNode) {
	if n.next == nil && len(n.kids) < maxKids {
		n.kids = append(n.kids, trieEdge{w, c})
		return
	}
	if n.next == nil {
		n.next = make(map[string]*trieNode, 2*maxKids)
		for _, e := range n.kids {
			n.next[e.word] = e.node
		}
		n.kids = nil
	}
	n.next[w] = c
}
