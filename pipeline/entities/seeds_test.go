package entities

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// seedTexts returns the texts of the seed articles, which many tests run
// the recogniser's parts over.
func seedTexts(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("../../seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed articles in ../../seeds")
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// seedWords returns the text of every token of the seed articles.
func seedWords(t testing.TB) []string {
	t.Helper()
	var words []string
	for _, text := range seedTexts(t) {
		for _, tok := range tokenize(text, nil) {
			words = append(words, tok.text)
		}
	}
	return words
}

// randomWords returns n strings of runes drawn from alphabet, each of
// minLen to maxLen-1 runes.
func randomWords(rng *rand.Rand, alphabet []rune, n, minLen, maxLen int) []string {
	out := make([]string, n)
	for k := range out {
		b := make([]rune, minLen+rng.IntN(maxLen-minLen))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		out[k] = string(b)
	}
	return out
}
