package entities

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldQuotes replaces typographic quotes, apostrophes and dashes by their
// ASCII forms.
var foldQuotes = strings.NewReplacer(
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'",
	"“", `"`, "”", `"`, "„", `"`, "″", `"`,
	"–", "-", "—", "-", "‒", "-", "−", "-", "‐", "-", "‑", "-",
)

// quoteFold is foldQuotes.Replace(s) without the copy of an ASCII s,
// which holds none of the characters it replaces.
func quoteFold(s string) string {
	if isASCII(s) {
		return s
	}
	return foldQuotes.Replace(s)
}

// fold lower-cases s, folds quotes and dashes and removes diacritics.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = foldQuotes.Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// translitRules map the spellings that romanisations of Russian and the
// Turkic languages of Central Asia disagree on to one spelling. They are
// applied in order.
var translitRules = strings.NewReplacer(
	"dzh", "j", "zh", "j", "tsh", "ch", "tch", "ch", "kh", "h",
	"x", "ks", "w", "v", "'", "",
)

// translit folds a single word so that its common romanisations agree:
// Dmitry/Dmitri, Anatoliy/Anatoly, Daniyal/Danial, Nazarbayev/Nazarbaev,
// Tsheliabinsk/Chelyabinsk, Zhaparov/Japarov. It maps y to i, drops an i
// between two vowels and collapses doubled letters. Cyrillic is left alone.
func translit(word string) string {
	if len(word) <= maxFast && isASCII(word) {
		return translitASCII(word)
	}
	return translitSlow(word)
}

// maxFast is the longest word the allocation-free paths handle.
const maxFast = 64

// lowerASCII writes the ASCII word in lower case to b, which has its
// length, and returns b.
func lowerASCII(b []byte, word string) []byte {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// translitASCII is translit for a word of at most maxFast ASCII bytes, in
// one pass over a stack buffer (TestTranslitASCII checks it against
// translitSlow).
func translitASCII(word string) string {
	var low, rep [maxFast]byte
	w := lowerASCII(low[:len(word)], word)
	if len(w) >= 2 && w[0] == 'y' && w[1] == 'e' {
		w = w[1:]
	}
	// translitRules, left to right without overlaps, then y → i. No rule
	// is a prefix of another, so the first rule that matches is the one;
	// the letter at i tells which rules can.
	r := rep[:0]
	for i := 0; i < len(w); {
		switch c := w[i]; {
		case c == 'd' && hasAt(w, i, "dzh"):
			r, i = append(r, 'j'), i+3
		case c == 'z' && hasAt(w, i, "zh"):
			r, i = append(r, 'j'), i+2
		case c == 't' && (hasAt(w, i, "tsh") || hasAt(w, i, "tch")):
			r, i = append(r, 'c', 'h'), i+3
		case c == 'k' && hasAt(w, i, "kh"):
			r, i = append(r, 'h'), i+2
		case c == 'x':
			r, i = append(r, 'k', 's'), i+1
		case c == 'w':
			r, i = append(r, 'v'), i+1
		case c == '\'':
			i++
		case c == 'y':
			r, i = append(r, 'i'), i+1
		default:
			r, i = append(r, c), i+1
		}
	}
	// Drop an i between vowels, collapse doubled letters, in place: out
	// never runs ahead of i, and the vowel test reads r before it is
	// overwritten.
	out := 0
	prev := byte(0) // r[i-1] as it was before compaction
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c == 'i' && i > 0 && i+1 < len(r) && isVowelByte(prev) && isVowelByte(r[i+1]) {
			prev = c
			continue
		}
		prev = c
		if out > 0 && r[out-1] == c && 'a' <= c && c <= 'z' {
			continue
		}
		r[out] = c
		out++
	}
	return string(r[:out])
}

// hasAt reports whether w[i:] starts with s.
func hasAt(w []byte, i int, s string) bool {
	return len(w)-i >= len(s) && string(w[i:i+len(s)]) == s
}

func isVowelByte(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// translitSlow is translit for any word.
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

// keyOf is the lookup key of a sequence of words.
func keyOf(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = translit(w)
	}
	return strings.Join(parts, " ")
}

// slug makes an ID from a name: lower-case ASCII words joined by "-".
func slug(name string) string {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
