package entities

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alignnet/pipeline/kb"
)

// translitASCII agrees with translitSlow on every word of the seed
// articles and of the knowledge base, and on random strings over the
// letters the rules touch.
func TestTranslitASCII(t *testing.T) {
	var words []string
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range tokenize(string(b), nil) {
			words = append(words, tok.text)
		}
	}
	for _, e := range kb.Default().Entries {
		words = append(words, strings.Fields(e.Name)...)
		for _, a := range e.Aliases {
			words = append(words, strings.Fields(a)...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 1))
	const alphabet = "adzhkstcyxwieouYEZKDH'-.1"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(9))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		words = append(words, string(b))
	}
	checked := 0
	for _, w := range words {
		if !isASCII(w) || len(w) > maxFast {
			continue
		}
		checked++
		if got, want := translitASCII(w), translitSlow(w); got != want {
			t.Errorf("translitASCII(%q) = %q, translitSlow %q", w, got, want)
		}
	}
	if checked < 20000 {
		t.Fatalf("checked only %d words", checked)
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
	for _, s := range []string{"", "NATO", "O’Brien", "“Nur Otan”", "a–b", "plain text", "Président"} {
		if got, want := quoteFold(s), foldQuotes.Replace(s); got != want {
			t.Errorf("quoteFold(%q) = %q, want %q", s, got, want)
		}
	}
}
