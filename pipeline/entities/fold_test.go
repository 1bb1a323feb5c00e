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

// The stack lookup of cueSets.has agrees with folding.
func TestCueHas(t *testing.T) {
	r, err := New(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Ministry", "MINISTRY", "ministry", "Président", "President", "Nazarbayev", "Gen.", "General’s"} {
		for sec, set := range r.cues {
			if got, want := r.cues.has(sec, w), set[fold(w)]; got != want {
				t.Errorf("has(%s, %q) = %v, fold lookup %v", sec, w, got, want)
			}
		}
	}
}
