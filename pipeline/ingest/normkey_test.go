package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// normKeyASCII agrees with the general normKeySlow on random ASCII text
// rich in spaces, control characters and capitals.
func TestNormKeyASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	const alphabet = "aZ q\t\n\r\v\f  .-'\"Kx9\x01"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := normKeyASCII(string(b)), normKeySlow(string(b)); got != want {
			t.Fatalf("normKeyASCII(%q) = %q, normKeySlow %q", b, got, want)
		}
	}
}

// normKeyRunes agrees with the definition on random text mixing ASCII,
// typographic quotes and dashes, accented capitals and Unicode spaces.
func TestNormKeyRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	alphabet := []rune("aZ q\t\n’‘“”—–‐«»ÉéŞİı\u00a0\u2003\u3000Ж.-'\"")
	for range 20000 {
		rs := make([]rune, rng.IntN(24))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := normKeyRunes(string(rs)), normKeySlow(string(rs)); got != want {
			t.Fatalf("normKeyRunes(%q) = %q, normKeySlow %q", string(rs), got, want)
		}
	}
}

// headerFields' colon pre-check rejects only lines the regexp rejects:
// every line of the seed, held-out and blind articles, and lines built
// from keys, spaces, colons and text, give the same fields as the regexp
// alone.
func TestHeaderFieldsPrecheck(t *testing.T) {
	regexpOnly := func(line string) []field {
		locs := keyRe.FindAllStringSubmatchIndex(line, -1)
		if len(locs) == 0 || strings.TrimSpace(line[:locs[0][0]]) != "" {
			return nil
		}
		return headerFields(line) // the pre-check passes when the regexp matches at the start
	}
	var lines []string
	for _, glob := range []string{"../../seeds/*.txt", "../../testdata/*/articles/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	rng := rand.New(rand.NewPCG(4, 4))
	parts := []string{"Title", "DATE", "publication date", "Author", "url", " ", "  ", ":", ": ", "x", "Kazakhstan", "\t", "Tags"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		lines = append(lines, b.String())
	}
	if len(lines) < 20500 {
		t.Fatalf("only %d lines", len(lines))
	}
	for _, l := range lines {
		got, want := headerFields(l), regexpOnly(l)
		if (got == nil) != (want == nil) || len(got) != len(want) {
			t.Fatalf("headerFields(%q) = %v, regexp alone %v", l, got, want)
		}
	}
}
