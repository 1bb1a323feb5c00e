package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// quotePairs are the typographic quotes, apostrophes and dashes and their
// ASCII forms. Each typographic character lies in U+2000–U+2FFF, so its
// UTF-8 encoding starts with the byte 0xE2 (TestQuotePairs).
var quotePairs = []string{
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'",
	"“", `"`, "”", `"`, "„", `"`, "″", `"`,
	"–", "-", "—", "-", "‒", "-", "−", "-", "‐", "-", "‑", "-",
}

// foldQuotes replaces typographic quotes, apostrophes and dashes by their
// ASCII forms.
var foldQuotes = strings.NewReplacer(quotePairs...)

// quoteFold is foldQuotes.Replace(s) without the copies of an s that
// holds none of the characters it replaces.
func quoteFold(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	return foldQuotes.Replace(s)
}

// fold lower-cases s, folds quotes and dashes and removes diacritics.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = quoteFold(s)
	var b strings.Builder
	b.Grow(len(s))
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

// translit folds a single word so that its common romanisations agree:
// Dmitry/Dmitri, Anatoliy/Anatoly, Daniyal/Danial, Nazarbayev/Nazarbaev,
// Tsheliabinsk/Chelyabinsk, Zhaparov/Japarov. It folds the word, drops
// the "y" of a leading "ye", maps dzh and zh to j, tsh and tch to ch, kh
// to h, x to ks, w to v, drops apostrophes (left to right, without
// overlaps), maps y to i, drops an i between two vowels and collapses
// doubled letters. Cyrillic is folded and its doubled letters collapsed.
func translit(word string) string {
	var buf [2 * maxFast]byte // "x" becomes "ks": at most twice as long
	return string(appendTranslit(buf[:0], word))
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

// appendTranslit appends translit(word) to dst and returns the extended
// slice. A short ASCII word is folded on the stack: it costs no
// allocation beyond dst's growth. TestTranslit checks it against
// translitSlow, the rules applied one after the other.
func appendTranslit(dst []byte, word string) []byte {
	var buf [maxFast]byte
	if len(word) <= maxFast && isASCII(word) {
		return appendTranslitFolded(dst, lowerASCII(buf[:len(word)], word))
	}
	return appendTranslitFolded(dst, append(buf[:0], fold(word)...))
}

// appendTranslitFolded is appendTranslit for a word w that is already
// folded, valid UTF-8. The rules match ASCII bytes only, which never occur
// inside the encoding of another rune, so they work on bytes.
func appendTranslitFolded(dst, w []byte) []byte {
	if len(w) >= 2 && w[0] == 'y' && w[1] == 'e' {
		w = w[1:]
	}
	// The rules, then y → i. No rule is a prefix of another, so the first
	// rule that matches is the one; the letter at i tells which rules can.
	base := len(dst)
	r := dst
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
	return compact(r, base)
}

// compact drops from the UTF-8 text r[base:] each i between two vowels
// and the second of two equal letters, in place, and returns r cut to
// the new end. The write position never runs ahead of the read position,
// and the vowel test reads the next rune before it is overwritten.
func compact(r []byte, base int) []byte {
	out := base
	prev := rune(-1) // the rune before the one at i, as read
	last := rune(-1) // the last rune written
	for i := base; i < len(r); {
		c, n := rune(r[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRune(r[i:])
		}
		p := prev
		prev = c
		if c == 'i' && p >= 0 && i+n < len(r) && isVowelByte(p) && isVowelByte(rune(r[i+n])) {
			i += n
			continue
		}
		if c == last && isLetter(c) {
			i += n
			continue
		}
		last = c
		if n == 1 {
			r[out] = byte(c)
			out++
		} else {
			out += copy(r[out:], r[i:i+n])
		}
		i += n
	}
	return r[:out]
}

// isLetter is unicode.IsLetter with a quick answer for ASCII.
func isLetter(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return unicode.IsLetter(c)
}

// hasAt reports whether w[i:] starts with s.
func hasAt(w []byte, i int, s string) bool {
	return len(w)-i >= len(s) && string(w[i:i+len(s)]) == s
}

// isVowelByte reports whether c is a, e, i, o or u.
func isVowelByte(c rune) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// keyOf is the lookup key of a sequence of words.
func keyOf(words []string) string {
	var buf [128]byte
	b := buf[:0]
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendTranslit(b, w)
	}
	return string(b)
}

// appendKey appends the lookup key of the texts of toks to dst.
func appendKey(dst []byte, toks []token) []byte {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = appendTranslit(dst, t.text)
	}
	return dst
}

// slug makes an ID from a name: lower-case ASCII words joined by "-".
func slug(name string) string {
	var buf [maxFast]byte
	return string(appendSlug(buf[:0], name))
}

// appendSlug appends slug(name) to dst. It works on the bytes of the
// folded name: a byte of a wider rune, like any character that is no
// letter, digit, apostrophe or period, separates words. An ASCII name is
// lower-cased on the way.
func appendSlug(dst []byte, name string) []byte {
	if !isASCII(name) {
		name = fold(name)
	}
	base := len(dst)
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if dash && len(dst) > base {
				dst = append(dst, '-')
			}
			dash = false
			dst = append(dst, c)
		case c != '\'' && c != '.':
			dash = true
		}
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
