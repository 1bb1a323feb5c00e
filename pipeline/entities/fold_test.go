package entities

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"alignnet/pipeline/kb"
)

// translitRules map the spellings that romanisations of Russian and the
// Turkic languages of Central Asia disagree on to one spelling. They are
// applied in order.
var translitRules = strings.NewReplacer(
	"dzh", "j", "zh", "j", "tsh", "ch", "tch", "ch", "kh", "h",
	"x", "ks", "w", "v", "'", "",
)

// translitSlow is translit as its doc comment states it, one step after
// the other.
func translitSlow(word string) string {
	w := fold(word)
	if strings.HasPrefix(w, "ye") {
		w = w[1:]
	}
	w = translitRules.Replace(w)
	w = strings.ReplaceAll(w, "y", "i")
	rs := []rune(w)
	out := rs[:0:0]
	for i, r := range rs {
		if r == 'i' && i > 0 && i+1 < len(rs) && isVowel(rs[i-1]) && isVowel(rs[i+1]) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == r && unicode.IsLetter(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// translit and appendTranslit agree with translitSlow on every word of
// the seed articles and of the knowledge base, and on random strings over
// the letters the rules touch, with Cyrillic, diacritics and typographic
// quotes among them.
func TestAppendTranslit(t *testing.T) {
	var words []string
	words = append(words, seedWords(t)...)
	for _, e := range kb.Default().Entries {
		for _, s := range slices.Concat([]string{e.Name}, e.Aliases, e.Acronyms, e.Short, e.Adjectives, e.Seats) {
			for _, tok := range tokenize(s, nil) {
				words = append(words, tok.text)
			}
		}
	}
	// Edge cases: long words past the stack buffers, "x" doubling the
	// length, invalid UTF-8, vowels and doubled letters at the edges.
	words = append(words, "", "y", "ye", "yeye", "iii", "aia", "aiia", "Ёлкин", "Нуриев", "Жанна", "нн", "о’и", "ß",
		strings.Repeat("x", maxFast), strings.Repeat("ab", maxFast), strings.Repeat("Ж", maxFast), "a\xffb", "\xffi\xff")
	rng := rand.New(rand.NewPCG(1, 1))
	alphabet := []rune("adzhkstcyxwieouYEZKDH'-.1’‘–йиеёЖжнЁçéÉıłø")
	words = append(words, randomWords(rng, alphabet, 30000, 1, 10)...)
	for _, w := range words {
		want := translitSlow(w)
		if got := translit(w); got != want {
			t.Errorf("translit(%q) = %q, want %q", w, got, want)
		}
		if got := string(appendTranslit([]byte("k "), w)); got != "k "+want {
			t.Errorf("appendTranslit(%q, %q) = %q, want %q", "k ", w, got, "k "+want)
		}
	}
}

// The typographic characters quoteFold replaces all start with the byte
// 0xE2, which quoteFold looks for.
func TestQuotePairs(t *testing.T) {
	for i := 0; i < len(quotePairs); i += 2 {
		if q := quotePairs[i]; q[0] != 0xE2 {
			t.Errorf("quotePairs[%d] = %q starts with %#x, want 0xe2", i, q, q[0])
		}
	}
}

// cueReference reads cues.txt the plain way: section → folded words.
func cueReference() map[string]map[string]bool {
	ref := map[string]map[string]bool{}
	sec := ""
	for line := range strings.SplitSeq(cuesText, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			sec = strings.Trim(line, "[]")
		default:
			if ref[sec] == nil {
				ref[sec] = map[string]bool{}
			}
			ref[sec][fold(line)] = true
		}
	}
	return ref
}

// The one-lookup section masks of cueSets agree with a set per section,
// on every entry of cues.txt (as written and in capitals) and on words
// that need folding.
func TestCueHas(t *testing.T) {
	r, err := New(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	ref := cueReference()
	words := []string{"Ministry", "MINISTRY", "ministry", "Président", "President", "Nazarbayev", "Gen.", "General’s", ""}
	for line := range strings.SplitSeq(cuesText, "\n") {
		line = strings.TrimSpace(line)
		words = append(words, line, strings.ToUpper(line))
	}
	for _, s := range cueSections {
		if ref[s.name] == nil {
			t.Fatalf("cues.txt: no section [%s]", s.name)
		}
		for _, w := range words {
			if got, want := r.cues.has(s.bit, w), ref[s.name][fold(w)]; got != want {
				t.Errorf("has(%s, %q) = %v, want %v", s.name, w, got, want)
			}
		}
	}
	if len(r.cues.endings) != len(ref["surname-endings"]) {
		t.Errorf("%d surname endings, want %d", len(r.cues.endings), len(ref["surname-endings"]))
	}
	for _, e := range r.cues.endings {
		if !ref["surname-endings"][e] {
			t.Errorf("surname ending %q not in cues.txt", e)
		}
	}
}

// quoteFold agrees with foldQuotes.Replace.
func TestQuoteFold(t *testing.T) {
	for _, s := range []string{"", "NATO", "O’Brien", "“Nur Otan”", "a–b", "a−b", "plain text", "Président", "Жанна", "\xe2"} {
		if got, want := quoteFold(s), foldQuotes.Replace(s); got != want {
			t.Errorf("quoteFold(%q) = %q, want %q", s, got, want)
		}
	}
}

// slugRef is slug rune by rune over the folded name.
func slugRef(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else if r != '\'' && r != '.' {
			dash = true
		}
	}
	return b.String()
}

// slug and appendSlug agree with slugRef on the names of the knowledge
// base, on the seed articles' tokens and on random strings.
func TestSlug(t *testing.T) {
	names := []string{"", "-", "'a'", "U.S. Army", "Président Élysée", "Нурсултан Назарбаев", "O’Brien", "a--b", " x ", "a\xffb",
		strings.Repeat("Long Name ", maxFast)}
	for _, e := range kb.Default().Entries {
		names = append(names, slices.Concat([]string{e.Name}, e.Aliases, e.Short)...)
	}
	names = append(names, seedWords(t)...)
	rng := rand.New(rand.NewPCG(2, 2))
	alphabet := []rune("aZ09 -'.’éЖ(")
	names = append(names, randomWords(rng, alphabet, 20000, 0, 12)...)
	for _, n := range names {
		want := slugRef(n)
		if got := slug(n); got != want {
			t.Errorf("slug(%q) = %q, want %q", n, got, want)
		}
		if got := string(appendSlug([]byte("place-"), n)); got != "place-"+want {
			t.Errorf("appendSlug(%q, %q) = %q, want %q", "place-", n, got, "place-"+want)
		}
	}
}
