package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence: text[Start:End], byte offsets, trimmed of
// surrounding white space.
type Span struct {
	Start, End int
}

// maxCitation is the longest parenthesis, in bytes, that is taken as a
// source citation trailing the previous sentence ("... Georgia. (Delovaya
// Nedelia, September 12)."). Citations in the seed articles are under 60
// bytes; 200 leaves room for long agency names and places.
const maxCitation = 200

// Split returns the sentences of text in order.
//
// A line break always ends a sentence, so a paragraph ending in a colon
// ("Lavrov stated:") is a sentence of its own. Inside a line a sentence ends
// after '.', '!', '?' or an ellipsis, together with any closing quotes and
// brackets that follow (`.”`, `.’”`, `.)`), when white space and then a
// character other than a lower-case letter come next. It does not end:
//   - after a title ("Dr.", "Gen.", "Lt.", "St."), an in-sentence abbreviation
//     ("e.g.", "i.e.", "vs.") or a number abbreviation before a digit ("No. 5");
//   - after an initial ("George W. Bush"), a dotted abbreviation ("U.S.",
//     "Ph.D.") or a listed abbreviation ("Inc.", "Jan."), unless the next
//     word usually opens a sentence ("the U.S. The ...");
//   - after an ellipsis, under the same condition;
//   - before a parenthesis that is only a source citation followed by a
//     period ("... Georgia. (Delovaya Nedelia, September 12).");
//   - after a list number that opens the line ("1. The first ...").
//
// Decimals ("39.7%") and domains ("www.politkom.ru") never split since no
// space follows the period. A period directly followed by a capitalised word
// after a lower-case word ("security.The") is taken as a missing space.
func Split(text string) []Span {
	var spans []Span
	for lineStart := 0; ; {
		i, size := indexLineBreak(text[lineStart:])
		if i < 0 {
			return splitLine(text, lineStart, len(text), spans)
		}
		spans = splitLine(text, lineStart, lineStart+i, spans)
		lineStart += i + size
	}
}

// indexLineBreak returns the index and width of the first line break in s,
// or -1, 0. It is strings.IndexFunc(s, isLineBreak).
func indexLineBreak(s string) (int, int) {
	return lineBreaks.index(s)
}

// indexTerminator returns the index of the first terminator in s, or -1.
// It is strings.IndexFunc(s, isTerminator).
func indexTerminator(s string) int {
	i, _ := terminators.index(s)
	return i
}

// A runeSet is a small set of runes to look for in text: its ASCII
// members, the first bytes of the UTF-8 encodings of the others, and the
// test of membership.
type runeSet struct {
	ascii, leads string
	has          func(rune) bool
}

// lineBreaks and terminators are the sets of isLineBreak and isTerminator;
// TestRuneSets checks them against every rune.
var (
	lineBreaks  = runeSet{"\n\r\v\f", "\xc2\xe2", isLineBreak}
	terminators = runeSet{".!?", "\xe2\xe3\xef", isTerminator}
)

// index returns the index and width of the first rune of s in the set, or
// -1, 0. It is strings.IndexFunc(s, set.has) but looks for each byte of
// set.ascii and set.leads with strings.IndexByte, which goes many times
// faster than a loop over the bytes. Stepping from one byte found to the
// next finds what stepping a rune at a time would: a byte that starts a
// rune of the set is never inside the encoding of another rune (those
// bytes are 0x80 to 0xBF), so strings.IndexFunc looks at it too.
func (set *runeSet) index(s string) (int, int) {
	at, size := -1, 0
	limit := len(s) // what comes after a match found is not looked at
	for k := 0; k < len(set.ascii); k++ {
		if i := strings.IndexByte(s[:limit], set.ascii[k]); i >= 0 {
			at, size, limit = i, 1, i
		}
	}
	for k := 0; k < len(set.leads); k++ {
		for from := 0; ; {
			i := strings.IndexByte(s[from:limit], set.leads[k])
			if i < 0 {
				break
			}
			i += from
			if r, n := utf8.DecodeRuneInString(s[i:]); set.has(r) {
				at, size, limit = i, n, i
				break
			}
			from = i + 1
		}
	}
	return at, size
}

// splitLine appends the sentences of text[lo:hi], which holds no line break.
func splitLine(text string, lo, hi int, spans []Span) []Span {
	s := lo
	for i := lo; i < hi; {
		t := indexTerminator(text[i:hi])
		if t < 0 {
			break
		}
		i += t
		// The run of terminators: "." or "?!" or "..." or "…".
		j, dots, marks, ellipsis := i, 0, 0, false
	run:
		for j < hi {
			r, size := utf8.DecodeRuneInString(text[j:hi])
			switch {
			case r == '.':
				dots++
			case r == '…':
				ellipsis = true
			case isTerminator(r):
				marks++
			default:
				break run
			}
			j += size
		}
		k := j
		for k < hi {
			r, size := utf8.DecodeRuneInString(text[k:hi])
			if !isCloser(r) {
				break
			}
			k += size
		}
		if k == hi {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:hi])
		if !unicode.IsSpace(next) {
			if dots == 1 && marks == 0 && !ellipsis && k == j && missingSpace(text, lo, i, j, hi) {
				spans = appendSpan(spans, text, s, j)
				s = j
			}
			i = k
			continue
		}
		m := k
		for m < hi {
			r, size := utf8.DecodeRuneInString(text[m:hi])
			if !unicode.IsSpace(r) {
				break
			}
			m += size
		}
		if m < hi && ends(text, s, i, m, hi, dots, marks, ellipsis) {
			spans = appendSpan(spans, text, s, k)
			s = m
		}
		i = m
	}
	return appendSpan(spans, text, s, hi)
}

// ends reports whether the terminators starting at i end the sentence that
// started at s, given that the next word starts at m.
func ends(text string, s, i, m, hi, dots, marks int, ellipsis bool) bool {
	next, _ := utf8.DecodeRuneInString(text[m:hi])
	if unicode.IsLower(next) {
		return false
	}
	if next == '(' || next == '[' {
		return !citation(text, m, hi)
	}
	if ellipsis || dots >= 2 {
		return opensSentence(text, m, hi)
	}
	if dots == 0 {
		return true // '?' or '!'
	}
	w, ws := wordBefore(text, s, i)
	switch {
	case listed(titles, w), inlineAbbrev(w):
		return false
	case listed(numbered, w):
		return !unicode.IsDigit(next)
	case ws == s && listNumber(w):
		return false
	case listed(others, w), initial(w), dotted(w):
		return opensSentence(text, m, hi)
	}
	return true
}

// wordBefore returns the token that ends at i (a period) and its start,
// without opening quotes or brackets; it does not look before s.
func wordBefore(text string, s, i int) (string, int) {
	w := i
	for w > s {
		if c := text[w-1]; c < utf8.RuneSelf { // what DecodeLastRune would decode
			if wordStop[c] {
				break
			}
			w--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[s:w])
		if stopsWord(r) {
			break
		}
		w -= size
	}
	return text[w:i], w
}

// stopsWord reports whether r ends the token before a period (see
// wordBefore): white space, an opening quote or bracket, or a slash.
func stopsWord(r rune) bool {
	return unicode.IsSpace(r) || isOpener(r) || r == '/'
}

// wordStop is stopsWord for ASCII, as a table.
var wordStop = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = stopsWord(rune(c))
	}
	return t
}()

// opensSentence reports whether the word at m usually opens a sentence.
func opensSentence(text string, m, hi int) bool {
	r, _ := utf8.DecodeRuneInString(text[m:hi])
	if isOpener(r) && r != '(' && r != '[' {
		return true
	}
	e := m
	for e < hi {
		r, size := utf8.DecodeRuneInString(text[e:hi])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		e += size
	}
	w := strings.ReplaceAll(text[m:e], "’", "'")
	return starters[w]
}

// citation reports whether the bracket at m closes on the same line with a
// short content that does not end a sentence of its own and is followed by
// a terminator or the end of the line: "(Interfax, October 16)."
func citation(text string, m, hi int) bool {
	depth := 0
	for c := m; c < hi && c-m <= maxCitation; {
		r, size := utf8.DecodeRuneInString(text[c:hi])
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				inner := strings.TrimRightFunc(text[m+1:c], unicode.IsSpace)
				if last, _ := utf8.DecodeLastRuneInString(inner); inner == "" || isTerminator(last) {
					return false
				}
				after := c + size
				if after == hi {
					return true
				}
				r, _ := utf8.DecodeRuneInString(text[after:hi])
				return isTerminator(r)
			}
		}
		c += size
	}
	return false
}

// missingSpace reports whether the period at i, directly followed by a
// letter at j, ends a sentence whose final space was lost: a lower-case
// word before ("security.The"), a capitalised word after, no URL around.
func missingSpace(text string, lo, i, j, hi int) bool {
	w, _ := wordBefore(text, lo, i)
	if utf8.RuneCountInString(w) < 2 || w == "www" || strings.ContainsAny(w, ".@:") {
		return false
	}
	last, size := utf8.DecodeLastRuneInString(w)
	prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-size])
	if !unicode.IsLower(last) || !unicode.IsLower(prev) {
		return false
	}
	r1, size := utf8.DecodeRuneInString(text[j:hi])
	r2, _ := utf8.DecodeRuneInString(text[j+size : hi])
	return unicode.IsUpper(r1) && unicode.IsLower(r2)
}

// initial reports whether w is a single capital letter ("W" in "George W.").
func initial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// dotted reports whether w is an abbreviation with inner periods whose
// parts are one or two letters: "U.S", "Ph.D", "a.m", "U.S.S.R".
func dotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		n := 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// listNumber reports whether w numbers a list item: "1", "12", "iv", "B".
func listNumber(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		digits = digits && r >= '0' && r <= '9'
		roman = roman && strings.ContainsRune("ivxIVX", r)
	}
	return digits || roman || initial(w)
}

func appendSpan(spans []Span, text string, start, end int) []Span {
	if start < end && !edgeSpace(text[start]) && !edgeSpace(text[end-1]) {
		return append(spans, Span{Start: start, End: end}) // nothing to trim
	}
	t := text[start:end]
	left := strings.TrimLeftFunc(t, unicode.IsSpace)
	start += len(t) - len(left)
	end = start + len(strings.TrimRightFunc(left, unicode.IsSpace))
	if start < end {
		spans = append(spans, Span{Start: start, End: end})
	}
	return spans
}

// edgeSpace reports whether the byte c, at either end of a span, may be
// (part of) white space: ASCII white space or any byte of a multi-byte
// rune.
func edgeSpace(c byte) bool {
	return c >= utf8.RuneSelf || unicode.IsSpace(rune(c))
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '„', '‚':
		return true
	}
	return false
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}
