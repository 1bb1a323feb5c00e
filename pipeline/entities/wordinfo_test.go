package entities

import (
	"slices"
	"strings"
	"testing"

	"alignnet/pipeline/kb"
)

// The cached wordInfo of a token agrees with the lookups and tests it
// stands for, on every token of the seed articles and on words that
// exercise each field.
func TestWordInfo(t *testing.T) {
	r, err := New(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Gen.", "President", "president", "Russian-led", "anti-Western", "pro-Russian", "Russian‐led", "Russian‑led", "Kazakh-2", "a-", "-b", "newspaper", "Agency", "Foreign", "Kazakh", "NATO", "Mr.", "May", "O’Brien", "Président", ".", "82nd", "1st", "5th", "22"}
	words = append(words, seedWords(t)...)
	ref := cueReference()
	for _, w := range words {
		info := r.newWordInfo(w)
		key := translit(w)
		if info.key != key {
			t.Errorf("key(%q) = %q, want %q", w, info.key, key)
		}
		if !slices.Equal(info.cands, r.index[key]) || info.node != r.trie.step(key) || info.roleSpan != r.roleSpan[key] {
			t.Errorf("index fields of %q = %v %p %d, want %v %p %d", w, info.cands, info.node, info.roleSpan, r.index[key], r.trie.step(key), r.roleSpan[key])
		}
		for _, s := range cueSections {
			if got, want := info.cues&s.bit != 0, ref[s.name][fold(w)]; got != want {
				t.Errorf("cues(%q) has %s = %v, want %v", w, s.name, got, want)
			}
			if got, want := info.dotCues&s.bit != 0, ref[s.name][fold(strings.TrimSuffix(w, "."))]; got != want {
				t.Errorf("dotCues(%q) has %s = %v, want %v", w, s.name, got, want)
			}
		}
		for _, f := range []struct {
			name string
			flag wordFlag
			want bool
		}{
			{"titleWord", flagTitleWord, r.cues.titleWord(w)},
			{"lowerTail", flagLowerTail, lowerTailRef(w)},
			{"hyphenCandidate", flagHyphenName, hyphenCandidate(w)},
			{"medium", flagMedium, media[strings.ToLower(w)]},
			{"ordinal", flagOrdinal, isOrdinal(w)},
		} {
			if got := info.flags&f.flag != 0; got != f.want {
				t.Errorf("%s(%q) = %v, want %v", f.name, w, got, f.want)
			}
		}
	}
}

// lowerTailRef is lowerTail without its quick answer for words without a
// hyphen.
func lowerTailRef(w string) bool {
	k := strings.LastIndexAny(w, "-‐‑")
	return k > 0 && k+1 < len(w) && !isCap(w[k+1:]) && !isNumber(w[k+1:])
}
