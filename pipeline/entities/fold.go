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
