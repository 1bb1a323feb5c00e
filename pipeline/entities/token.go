package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, a number or a punctuation mark of the text.
type token struct {
	text       string
	info       *wordInfo // set by Recognize
	start, end int       // byte offsets in the text
	sent       int       // index of the sentence the token belongs to
	word       bool      // letters (with inner hyphens, apostrophes and periods)
	space      bool      // white space precedes the token
	first      bool      // first word of its sentence
}

// tokenize splits text into tokens. A word is a run of letters and digits
// that may hold inner hyphens ("Kazakh-Russian"), inner periods between
// single letters ("U.S.") and inner apostrophes that are not a possessive
// ending; the possessive "’s" or "'s" is a token of its own.
// The tokens are appended to toks[:0].
func tokenize(text string, toks []token) []token {
	toks = toks[:0]
	i := 0
	space := true
	for i < len(text) {
		if c := text[i]; c == ' ' || c == '\n' {
			space = true
			i++
			continue
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			j := scanWord(text, i)
			// A trailing possessive becomes its own token.
			w := text[i:j]
			if k := possessiveAt(w); k > 0 {
				toks = append(toks, token{text: w[:k], start: i, end: i + k, word: true, space: space})
				toks = append(toks, token{text: w[k:], start: i + k, end: j})
			} else {
				toks = append(toks, token{text: w, start: i, end: j, word: true, space: space})
			}
			i = j
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		default:
			toks = append(toks, token{text: text[i : i+n], start: i, end: i + n, space: space})
			i += n
		}
		space = false
	}
	return toks
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRune reports whether r is a letter, a digit or a combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneWide(r)
}

// isWordRuneWide is isWordRune for a rune outside ASCII.
func isWordRuneWide(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		var r rune
		var n int
		if c := text[j]; c < utf8.RuneSelf {
			if asciiWord[c] {
				j++
				continue
			}
			if c != '-' && c != '\'' && c != '.' {
				return j // no other ASCII character continues a word
			}
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(text[j:])
		}
		if isWordRune(r) {
			j += n
			continue
		}
		if j+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if (isHyphen(r) || isApostrophe(r)) && isWordRune(next) {
				j += n
				continue
			}
			// U.S., U.K., U.S.S.R.: single letters separated by periods.
			if r == '.' && unicode.IsUpper(next) && singleLetterBefore(text, i, j) {
				j += n
				continue
			}
		}
		if r == '.' && singleLetterBefore(text, i, j) && j-i > 1 && dottedSoFar(text[i:j]) {
			// Final period of "U.S." belongs to the word.
			j += n
		}
		break
	}
	return j
}

// singleLetterBefore reports whether the word text[i:j] ends in one letter
// preceded by the word start or a period.
func singleLetterBefore(text string, i, j int) bool {
	r, n := utf8.DecodeLastRuneInString(text[i:j])
	if !unicode.IsUpper(r) {
		return false
	}
	return j-n == i || text[j-n-1] == '.'
}

// dottedSoFar reports whether w looks like "U.S" (letters and periods,
// at least one period).
func dottedSoFar(w string) bool {
	dot := false
	for _, r := range w {
		if r == '.' {
			dot = true
		} else if !unicode.IsUpper(r) {
			return false
		}
	}
	return dot
}

// possessiveAt returns the byte index of a trailing "’s"/"'s" or a bare
// trailing apostrophe of w, or 0.
func possessiveAt(w string) int {
	if len(w) <= 3 || (w[len(w)-1] != 's' && w[len(w)-1] != 'S') {
		return 0
	}
	switch w := w[:len(w)-1]; {
	case strings.HasSuffix(w, "'"):
		return len(w) - len("'")
	case strings.HasSuffix(w, "’"):
		return len(w) - len("’")
	}
	return 0
}

// isCap reports whether a word starts with an upper-case letter.
func isCap(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAllCaps reports whether a word has at least two letters, all upper case.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
