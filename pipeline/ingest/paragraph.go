package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hard-wrap detection. A file is hard-wrapped when its lines are no longer
// than maxWrapWidth runes (typical wrap widths are 60 to 80; the seeds'
// one-line paragraphs run from 150 to over 1,000), at least minWrapLines
// lines are "full" (at least fullShare of the 90th-percentile length) and
// at least openShare of the full lines do not end a sentence. Prose wrapped
// at a fixed width ends a sentence at the edge only by chance.
const (
	maxWrapWidth = 120
	minWrapLines = 3
	fullShare    = 0.6
	openShare    = 0.5
)

// paragraphs groups cleaned lines into paragraphs. Unless the lines are
// hard-wrapped, every non-empty line is a paragraph: scraped articles put
// one paragraph on a line, separated by blank lines or by single newlines.
// Hard-wrapped lines are joined within blank-line separated blocks, and a
// short line that ends a sentence also ends its paragraph.
func paragraphs(lines []string) []string {
	width, wrapped := 0, false
	if !hasLongLine(lines) {
		width, wrapped = wrapWidth(lines)
	}
	var out []string
	if !wrapped {
		for _, l := range lines {
			if l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, l := range lines {
		if l == "" {
			flush()
			continue
		}
		if cur.Len() > 0 && !hyphenBreak(cur.String()) {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
		if float64(utf8.RuneCountInString(l)) < fullShare*float64(width) && endsSentence(l) {
			flush()
		}
	}
	flush()
	return out
}

// wrapWidth returns the 90th-percentile line length in runes and whether
// the lines look hard-wrapped.
func wrapWidth(lines []string) (int, bool) {
	var lens []int
	for _, l := range lines {
		if l != "" {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	if len(lens) < minWrapLines {
		return 0, false
	}
	slices.Sort(lens)
	width := lens[len(lens)*9/10]
	if width > maxWrapWidth || lens[len(lens)-1] > maxWrappedLine {
		return width, false
	}
	full, open := 0, 0
	for _, l := range lines {
		if l == "" || float64(utf8.RuneCountInString(l)) < fullShare*float64(width) {
			continue
		}
		full++
		if !endsSentence(l) {
			open++
		}
	}
	return width, full >= minWrapLines && float64(open) >= openShare*float64(full)
}

// maxWrappedLine is the longest line, in runes, of a hard-wrapped file.
const maxWrappedLine = maxWrapWidth * 3 / 2

// hasLongLine reports whether a line is longer than maxWrappedLine runes,
// so that wrapWidth would find the lines not hard-wrapped. Most files have
// one, and it is found without counting the runes of every line: a line of
// no more bytes than that has no more runes.
func hasLongLine(lines []string) bool {
	for _, l := range lines {
		if len(l) > maxWrappedLine && utf8.RuneCountInString(l) > maxWrappedLine {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets, or with a colon.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’)]»`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:", r)
}

// hyphenBreak reports whether s ends in a word and a hyphen ("Kazakh-"), so
// that the next wrapped line continues the word without a space.
func hyphenBreak(s string) bool {
	rest, ok := strings.CutSuffix(s, "-")
	r, _ := utf8.DecodeLastRuneInString(rest)
	return ok && unicode.IsLetter(r)
}
