package entities

import "alignnet/pipeline/kb"

// New indexes a knowledge base for recognition.
func New(k *kb.KB) (*Recognizer, error) {
	cues, err := parseCues("cues.txt", cuesText)
	if err != nil {
		return nil, err
	}
	r := &Recognizer{kb: k, roles: map[string]string{}, cues: cues, roleSpan: map[string]int{}}
	r.scratch.New = func() any {
		return &scratch{words: map[string]*wordInfo{}, ents: map[string]*Entity{}, acronyms: map[string]string{}, sources: map[string]bool{}, persons: map[string][]*Entity{}}
	}
	ix := newIndexer(formCount(k))
	for i := range k.Entries {
		e := &k.Entries[i]
		ix.add(e, kName, e.Name)
		for _, a := range e.Aliases {
			ix.add(e, kAlias, a)
		}
		for _, a := range e.Acronyms {
			ix.add(e, kAcronym, a)
		}
		if e.Type == kb.Person {
			for _, s := range e.Short {
				ix.add(e, kShort, s)
			}
		}
		for _, a := range e.Adjectives {
			ix.add(e, kAdj, a)
		}
		for _, s := range e.Seats {
			ix.add(e, kSeat, s)
		}
	}
	for _, role := range k.Roles {
		r.addRole(ix, role.ID, role.Name)
		for _, t := range role.Aliases {
			r.addRole(ix, role.ID, t)
		}
	}
	r.trie = ix.root
	r.index = ix.index()
	return r, nil
}

// formCount returns the number of forms New may index for k, an upper
// bound on the number of keys.
func formCount(k *kb.KB) int {
	n := 0
	for i := range k.Entries {
		e := &k.Entries[i]
		n += 1 + len(e.Aliases) + len(e.Acronyms) + len(e.Short) + len(e.Adjectives) + len(e.Seats)
	}
	return n
}

// An indexer builds the trie of the forms of a knowledge base and its
// role titles, and from it the index by joined keys. It reuses its
// buffers from one form to the next: looking up the key of a form costs
// no allocation, and a new key costs one string, which the edges of its
// new nodes share.
type indexer struct {
	root  *trieNode
	keyed []keyedNode // the nodes with candidates, in the order found
	toks  []token
	key   []byte     // the key of the current form
	ends  []int      // the end of each word's key in key
	free  []trieNode // nodes to hand out, allocated in chunks
}

// keyedNode is a node of the trie with the joined key of its path.
type keyedNode struct {
	key  string
	node *trieNode
}

// newIndexer returns an indexer for about n forms.
func newIndexer(n int) *indexer {
	return &indexer{root: &trieNode{next: make(map[string]*trieNode, n)}, keyed: make([]keyedNode, 0, n)}
}

// add indexes form as a name of e of kind k, unless its key already
// names e so.
func (ix *indexer) add(e *kb.Entry, k kind, form string) {
	ix.toks = tokenize(form, ix.toks)
	if len(ix.toks) == 0 {
		return
	}
	n, key := ix.node(ix.toks)
	for _, c := range n.cands {
		if c.e == e && c.kind == k {
			return
		}
	}
	if len(n.cands) == 0 {
		if key == "" {
			key = string(ix.key)
		}
		ix.keyed = append(ix.keyed, keyedNode{key, n})
	}
	n.cands = append(n.cands, cand{e: e, kind: k, form: form, quoted: quoteFold(form), caps: isAllCaps(ix.toks[0].text), proper: proper(ix.toks)})
}

// addRole indexes the title t of the role id.
func (r *Recognizer) addRole(ix *indexer, id, t string) {
	ix.toks = tokenize(t, ix.toks)
	n, key := ix.node(ix.toks)
	if key == "" {
		key = string(ix.key)
	}
	n.role, n.isRole = id, true
	r.roles[key] = id
	first := key[:ix.ends[0]]
	r.roleSpan[first] = max(r.roleSpan[first], len(ix.toks))
}

// node returns the trie node of the key of toks, adding the nodes on
// its path. The key is left in ix.key; when node had to add a node, it
// also returns the key as a string, else "".
func (ix *indexer) node(toks []token) (*trieNode, string) {
	ix.key, ix.ends = ix.key[:0], ix.ends[:0]
	for i, t := range toks {
		if i > 0 {
			ix.key = append(ix.key, ' ')
		}
		ix.key = appendTranslit(ix.key, t.text)
		ix.ends = append(ix.ends, len(ix.key))
	}
	n, key, start := ix.root, "", 0
	for _, end := range ix.ends {
		w := ix.key[start:end]
		c := n.stepBytes(w)
		if c == nil {
			if key == "" {
				key = string(ix.key)
			}
			c = ix.newNode()
			n.addChild(key[start:end], c)
		}
		n, start = c, end+1
	}
	return n, key
}

// nodeChunk is the number of trie nodes an indexer allocates at once.
const nodeChunk = 1024

// newNode returns a new, empty trie node.
func (ix *indexer) newNode() *trieNode {
	if len(ix.free) == 0 {
		ix.free = make([]trieNode, nodeChunk)
	}
	n := &ix.free[0]
	ix.free = ix.free[1:]
	return n
}

// index returns the index by joined keys: the candidates of each node
// that has some, shared with the node.
func (ix *indexer) index() map[string][]cand {
	index := make(map[string][]cand, len(ix.keyed))
	for _, k := range ix.keyed {
		index[k.key] = k.node.cands
	}
	return index
}
