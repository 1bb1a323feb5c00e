package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanTwoPass is clean as first written: normalise, then split the lines,
// trim each with strings.TrimSpace and join them. clean must agree with it.
func cleanTwoPass(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// Printable ASCII other than the space passes unchanged, a run
		// at a time.
		if j := i; s[j] > ' ' && s[j] < 0x7F {
			for j < len(s) && s[j] > ' ' && s[j] < 0x7F {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			r = '\n'
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u0085':
			r = '\n'
		case r == '\u2029':
			b.WriteString("\n")
			r = '\n'
		}
		switch {
		case r == '\n':
			b.WriteByte('\n')
			space = false
			continue
		case r == '\t' || r == ' ' || r == '\u00A0' || (r >= '\u2000' && r <= '\u200A') ||
			r == '\u202F' || r == '\u205F' || r == '\u3000' || r == '\u1680':
			space = true
			continue
		case r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD' || r < 0x20 ||
			(r >= 0x7F && r < 0xA0):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// clean agrees with cleanTwoPass on random text of printable ASCII, every
// kind of line break and space it knows, characters it removes, and other
// Unicode letters, punctuation and spaces.
func TestClean(t *testing.T) {
	alphabet := []rune("aZ .,\t\n\f\v\x00\x01\x1f\x7f\ufffd\u0085\u00a0\u00ad\u1680\u2003\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeffé’Ж")
	rng := rand.New(rand.NewPCG(6, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(30) {
			if rng.IntN(8) == 0 {
				b.WriteString([]string{"\r\n", "\r", "\n\r", "ab c", "\xff", "\xc3\x01", "\xe2\x80"}[rng.IntN(7)])
				continue
			}
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		got, cs := clean([]byte(s))
		if want := cleanTwoPass(s); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
		var want controls
		for _, c := range []byte(s) {
			want.add(c)
		}
		if cs != want {
			t.Fatalf("clean(%q) counts controls %+v, want %+v", s, cs, want)
		}
	}
}

// invalidOffset finds the first byte that is not valid UTF-8.
func TestInvalidOffset(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"a\xffb", 1},
		{"é\xc3", 2},         // a truncated encoding at the end
		{"\xed\xa0\x80x", 0}, // a surrogate
	} {
		if got := invalidOffset([]byte(c.in)); got != c.want {
			t.Errorf("invalidOffset(%q) = %d, want %d", c.in, got, c.want)
		}
		if utf8.ValidString(c.in) != (invalidOffset([]byte(c.in)) == len(c.in)) {
			t.Errorf("invalidOffset(%q) disagrees with utf8.Valid", c.in)
		}
	}
}
