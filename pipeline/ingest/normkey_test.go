package ingest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// normKey agrees with the definition, normKeySlow, on random ASCII text
// rich in spaces, control characters and capitals, and on random text
// mixing ASCII, typographic quotes and dashes, accented capitals, the
// Kelvin sign (which lower-cases to ASCII) and Unicode spaces.
func TestNormKey(t *testing.T) {
	alphabets := [][]rune{
		[]rune("aZ q\t\n\r\v\f  .-'\"Kx9\x00\x01\x7f"),
		[]rune("aZ q\t\n’‘“”—–‐«»ÉéŞİı\u00a0\u2003\u3000\u212aЖ.-'\""),
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for _, alphabet := range alphabets {
		for range 20000 {
			rs := make([]rune, rng.IntN(24))
			for i := range rs {
				rs[i] = alphabet[rng.IntN(len(alphabet))]
			}
			if got, want := normKey(string(rs)), normKeySlow(string(rs)); got != want {
				t.Fatalf("normKey(%q) = %q, want %q", string(rs), got, want)
			}
		}
	}
}

// words(s) is len(strings.Fields(s)) on random text with ASCII and Unicode
// spaces.
func TestWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	alphabet := []rune("ab \t\n\v\u00a0\u2003\u3000é’.")
	for range 20000 {
		rs := make([]rune, rng.IntN(30))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := words(string(rs)), len(strings.Fields(string(rs))); got != want {
			t.Fatalf("words(%q) = %d, want %d", string(rs), got, want)
		}
	}
}

// paraWords(p) is words(p) for every paragraph that clean and paragraphs
// make of random text, one-line or hard-wrapped, full of every kind of
// white space and of characters clean removes, and of the seed and test
// articles.
func TestParaWords(t *testing.T) {
	check := func(name string, text []byte) {
		t.Helper()
		cleaned, _ := clean(text)
		for i, p := range paragraphs(strings.Split(cleaned, "\n")) {
			if got, want := paraWords(p), words(p); got != want {
				t.Fatalf("%s: paraWords(paragraph %d) = %d, want %d", name, i, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(8, 8))
	alphabet := []rune("ab.-\x01\t\n\r\v\f\u0085\u00a0\u00ad\u1680\u2003\u200b\u2028\u2029\u202f\u205f\u3000\ufeffé")
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			for range rng.IntN(90) {
				if rng.IntN(3) == 0 {
					b.WriteRune(alphabet[rng.IntN(len(alphabet))])
				} else {
					b.WriteString(" word")
				}
			}
			b.WriteString([]string{"\n", "-\n", ".\n", "\n\n"}[rng.IntN(4)])
		}
		check(fmt.Sprintf("%q", b.String()), []byte(b.String()))
	}
	for _, f := range corpusFiles(t) {
		check(f.path, f.data)
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
	for _, f := range corpusFiles(t) {
		lines = append(lines, strings.Split(string(f.data), "\n")...)
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

// benchParagraph is a typical body paragraph: mostly ASCII, with
// capitals, a curly quote and a dash.
const benchParagraph = `In Astrakhan, Deputy Chairman Tatiana Sarsenbayuly acknowledged that Kyrgyzstan had postponed the satellite navigation system, which regional specialists regard as “difficult” — although the details remain unclear (Gazeta.uz, September 16). ConocoPhillips and the Russian Space Agency (Roscosmos) negotiated the Belt and Road projects last week, as the government had promised for the first time since 1992.`

func BenchmarkNormKey(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	for b.Loop() {
		normKey(benchParagraph)
	}
}

// hasLongLine is true only of lines wrapWidth finds not hard-wrapped, on
// random files of lines around the limit, in ASCII and in two-byte runes.
func TestHasLongLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	long := 0
	for range 20000 {
		lines := make([]string, rng.IntN(6))
		for i := range lines {
			n := rng.IntN(2 * maxWrappedLine)
			if rng.IntN(4) == 0 {
				n = maxWrappedLine - 2 + rng.IntN(4)
			}
			unit := []string{"a", "é", "a.", ""}[rng.IntN(4)]
			lines[i] = strings.Repeat(unit, n/max(1, len([]rune(unit))))
		}
		if hasLongLine(lines) {
			long++
			if _, wrapped := wrapWidth(lines); wrapped {
				t.Fatalf("hasLongLine(%q), but wrapWidth finds it wrapped", lines)
			}
		}
	}
	if long < 1000 {
		t.Fatalf("only %d files have a long line", long)
	}
}

// corpusFile is an article the fast-path tests check on.
type corpusFile struct {
	path string
	data []byte
}

// corpusFiles returns the seed articles and those of every test corpus.
func corpusFiles(t *testing.T) []corpusFile {
	t.Helper()
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	files, _ := filepath.Glob("../../testdata/*/articles/*.txt")
	var out []corpusFile
	for _, f := range append(seeds, files...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, corpusFile{f, data})
	}
	if len(out) == 0 {
		t.Fatal("no articles under ../../seeds or ../../testdata")
	}
	return out
}
