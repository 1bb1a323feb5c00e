package entities

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is tokenize as it was before its ASCII fast paths, the
// general path they must agree with.
func tokenizeRef(text string, toks []token) []token {
	toks = toks[:0]
	i := 0
	space := true
	for i < len(text) {
		if c := text[i]; c == ' ' || c == '\n' {
			space = true
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case isWordRuneRef(r):
			j := scanWordRef(text, i)
			// A trailing possessive becomes its own token.
			w := text[i:j]
			if k := possessiveAtRef(w); k > 0 {
				toks = append(toks, token{text: w[:k], start: i, end: i + k, word: true, space: space})
				toks = append(toks, token{text: w[k:], start: i + k, end: j})
			} else {
				toks = append(toks, token{text: w, start: i, end: j, word: true, space: space})
			}
			i = j
		default:
			toks = append(toks, token{text: text[i : i+n], start: i, end: i + n, space: space})
			i += n
		}
		space = false
	}
	return toks
}

func isWordRuneRef(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func scanWordRef(text string, i int) int {
	j := i
	for j < len(text) {
		var r rune
		var n int
		if c := text[j]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				j++
				continue
			}
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(text[j:])
		}
		if isWordRuneRef(r) {
			j += n
			continue
		}
		if j+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if (isHyphen(r) || isApostrophe(r)) && isWordRuneRef(next) {
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

func possessiveAtRef(w string) int {
	if len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
		r, n := utf8.DecodeLastRuneInString(w[:len(w)-1])
		if isApostrophe(r) {
			return len(w) - 1 - n
		}
	}
	return 0
}

// tokenizeTexts are texts for the tokenizer: the seed articles and strings
// that exercise possessives, dotted acronyms, hyphens and non-ASCII
// letters, spaces and marks.
func tokenizeTexts(t testing.TB) []string {
	texts := []string{
		"", "a", "U.S.", "the U.S. and U.K. said", "U.S.S.R.’s army", "Kazakhstan’s", "People's Bank", "James’",
		"Kazakh-Russian", "anti-Western ‑ pro‐Russian", "O’Brien", "rock 'n' roll", "3.5 per cent", "A. B.",
		"Président Tokaïev", "e\u0301tat", "x\u00a0y\tz\r\n", "Ş.Ş.", "İstanbul", "ABC’S", "end's", "a-", "-a", "'s",
		"\xff\xfe broken \xe2\x80 utf8’", "Ми́ша’s", "１２３ ＡＢＣ",
	}
	texts = append(texts, seedTexts(t)...)
	return texts
}

// tokenize agrees with tokenizeRef.
func TestTokenize(t *testing.T) {
	for _, text := range tokenizeTexts(t) {
		if got, want := tokenize(text, nil), tokenizeRef(text, nil); !slices.Equal(got, want) {
			t.Errorf("tokenize(%.40q) differs from tokenizeRef:\n%v\n%v", text, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, text := range tokenizeTexts(f) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := tokenize(text, nil), tokenizeRef(text, nil); !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %v, tokenizeRef %v", text, got, want)
		}
	})
}
