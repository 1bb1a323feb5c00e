package entities

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"alignnet/pipeline/kb"
)

// words returns the word and punctuation tokens of s as strings.
func words(s string) []string {
	var out []string
	for _, t := range tokenize(s, nil) {
		out = append(out, t.text)
	}
	return out
}

// indexRef builds the index, the roles and the role spans of k the plain
// way: each form split into words, its key joined from the words' keys
// and looked up in a map.
func indexRef(k *kb.KB) (index map[string][]cand, roles map[string]string, span map[string]int) {
	index, roles, span = map[string][]cand{}, map[string]string{}, map[string]int{}
	add := func(e *kb.Entry, kd kind, form string) {
		w := words(form)
		if len(w) == 0 {
			return
		}
		key := keyOf(w)
		for _, c := range index[key] {
			if c.e == e && c.kind == kd {
				return
			}
		}
		index[key] = append(index[key], cand{e: e, kind: kd, form: form, quoted: quoteFold(form), caps: isAllCaps(w[0]), proper: proper(tokenize(form, nil))})
	}
	for i := range k.Entries {
		e := &k.Entries[i]
		add(e, kName, e.Name)
		for _, a := range e.Aliases {
			add(e, kAlias, a)
		}
		for _, a := range e.Acronyms {
			add(e, kAcronym, a)
		}
		if e.Type == kb.Person {
			for _, s := range e.Short {
				add(e, kShort, s)
			}
		}
		for _, a := range e.Adjectives {
			add(e, kAdj, a)
		}
		for _, s := range e.Seats {
			add(e, kSeat, s)
		}
	}
	for _, role := range k.Roles {
		for _, t := range append([]string{role.Name}, role.Aliases...) {
			w := words(t)
			roles[keyOf(w)] = role.ID
			first := translit(w[0])
			span[first] = max(span[first], len(w))
		}
	}
	return index, roles, span
}

// New builds through its trie the index, roles and role spans that
// indexRef builds the plain way.
func TestIndex(t *testing.T) {
	k := kb.Default()
	r, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	index, roles, span := indexRef(k)
	if !maps.EqualFunc(r.index, index, slices.Equal) {
		for key, cs := range index {
			if !slices.Equal(r.index[key], cs) {
				t.Errorf("index[%q] = %v, want %v", key, r.index[key], cs)
			}
		}
		t.Errorf("index has %d keys, want %d", len(r.index), len(index))
	}
	if !maps.Equal(r.roles, roles) {
		t.Errorf("roles = %v, want %v", r.roles, roles)
	}
	if !maps.Equal(r.roleSpan, span) {
		t.Errorf("roleSpan = %v, want %v", r.roleSpan, span)
	}
}

// A node finds each of its children whether it keeps them in its slice
// or, past maxKids, in its map; and finds no other.
func TestTrieNodeKids(t *testing.T) {
	var n trieNode
	var kids []*trieNode
	for i := range 2*maxKids + 1 {
		w := fmt.Sprint("w", i)
		if n.step(w) != nil || n.stepBytes([]byte(w)) != nil {
			t.Fatalf("step(%q) before addChild = non-nil", w)
		}
		kids = append(kids, &trieNode{})
		n.addChild(w, kids[i])
		for j, c := range kids {
			w := fmt.Sprint("w", j)
			if got := n.step(w); got != c {
				t.Errorf("after %d children: step(%q) = %p, want %p", i+1, w, got, c)
			}
			if got := n.stepBytes([]byte(w)); got != c {
				t.Errorf("after %d children: stepBytes(%q) = %p, want %p", i+1, w, got, c)
			}
		}
	}
	if n.step("w") != nil || (*trieNode)(nil).step("w0") != nil {
		t.Error("step of a missing word or of a nil node = non-nil")
	}
}
