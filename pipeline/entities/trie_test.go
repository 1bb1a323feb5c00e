package entities

import (
	"slices"
	"strings"
	"testing"

	"alignnet/pipeline/kb"
)

// Looking up tokens through the trie gives the candidates and the role
// that the index and the roles hold for their joined key: on every key,
// and on every stretch of up to six tokens of the seed articles.
func TestTrie(t *testing.T) {
	r, err := New(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for key := range r.index {
		texts = append(texts, key)
	}
	for key := range r.roles {
		texts = append(texts, key)
	}
	texts = append(texts, seedTexts(t)...)
	hits := 0
	for _, text := range texts {
		a := &article{r: r, sc: &scratch{words: map[string]*wordInfo{}}, text: text}
		a.toks = tokenize(text, nil)
		for k := range a.toks {
			a.toks[k].info = a.info(a.toks[k].text)
		}
		for i := range a.toks {
			for j := i + 1; j <= len(a.toks) && j-i <= 6; j++ {
				key := joinKeys(a, i, j)
				want := r.index[key]
				if got := a.cands(i, j); !slices.Equal(got, want) {
					t.Errorf("cands(%q) = %v, want %v", key, got, want)
				}
				wantRole, wantOK := r.roles[key]
				if got, ok := a.role(i, j); got != wantRole || ok != wantOK {
					t.Errorf("role(%q) = %q %v, want %q %v", key, got, ok, wantRole, wantOK)
				}
				if len(want) > 0 || wantOK {
					hits++
				}
			}
		}
	}
	if hits < len(r.index)+len(r.roles) {
		t.Errorf("%d hits, want at least one per key (%d)", hits, len(r.index)+len(r.roles))
	}
}

// joinKeys returns the keys of tokens [i, j) joined by spaces.
func joinKeys(a *article, i, j int) string {
	keys := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		keys = append(keys, a.toks[k].info.key)
	}
	return strings.Join(keys, " ")
}

// matchRef is match as a loop over the lengths, longest first, looking
// each one up in the index by its joined key.
func matchRef(a *article, span map[string]int, i, end int) (int, []cand) {
	maxJ := min(i+span[a.toks[i].info.key], end)
	for j := maxJ; j > i; j-- {
		if !a.sameSentence(i, j) {
			continue
		}
		var fit []cand
		for _, c := range a.r.index[joinKeys(a, i, j)] {
			if a.fits(c, i, j) {
				fit = append(fit, c)
			}
		}
		if len(fit) > 0 {
			return j, fit
		}
	}
	return i, nil
}

// match through the trie agrees with matchRef at every token of the seed
// articles, for several ends and run stops.
func TestMatch(t *testing.T) {
	r, err := New(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	span := map[string]int{}
	for key := range r.index {
		w := strings.Split(key, " ")
		span[w[0]] = max(span[w[0]], len(w))
	}
	matches := 0
	for f, text := range seedTexts(t) {
		a := &article{r: r, sc: &scratch{words: map[string]*wordInfo{}}, text: text}
		a.toks = tokenize(text, nil)
		for k := range a.toks {
			a.toks[k].info = a.info(a.toks[k].text)
			a.toks[k].sent = k / 12 // sentences of twelve tokens
		}
		for i := range a.toks {
			for _, n := range []int{1, 2, 3, 5, 8} {
				end := min(i+n, len(a.toks))
				a.runStop = min(i+2, len(a.toks))
				ge, gcs := a.match(i, end)
				we, wcs := matchRef(a, span, i, end)
				if ge != we || !slices.Equal(gcs, wcs) {
					t.Errorf("seed article %d: match(%d, %d) = %d %v, want %d %v", f, i, end, ge, gcs, we, wcs)
				}
				if ge > i {
					matches++
				}
			}
		}
	}
	if matches == 0 {
		t.Error("no matches")
	}
}
