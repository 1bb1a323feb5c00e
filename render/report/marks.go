package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [Start, End) of a sentence.
type span struct{ Start, End int }

// part is a piece of a sentence, marked when it is a cue word.
type part struct {
	Text string
	Mark bool
}

// token is a word of a sentence: letters, digits and inner hyphens or
// apostrophes.
type token struct {
	span
	word string // lower case
}

func tokens(s string) []token {
	var ts []token
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			start >= 0 && (r == '-' || r == '\'' || r == '’')
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			ts = append(ts, newToken(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		ts = append(ts, newToken(s, start, len(s)))
	}
	return ts
}

func newToken(s string, start, end int) token {
	// An inner hyphen or apostrophe at the end belongs to the text after.
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if r != '-' && r != '\'' && r != '’' {
			break
		}
		end -= n
	}
	return token{span: span{start, end}, word: strings.ToLower(s[start:end])}
}

// maxGap is the most words between two words of one cue: "not allow"
// also matches "did not formally allow".
const maxGap = 4

// cueWords returns the words of a cue: the text before its
// parenthesised pole, in lower case; none for the cues that name no
// words ("co-mention (toward Russia)", "balance: …").
func cueWords(cue string) []string {
	if strings.HasPrefix(cue, "balance:") || strings.HasPrefix(cue, "co-mention") {
		return nil
	}
	if i := strings.Index(cue, " ("); i >= 0 {
		cue = cue[:i]
	}
	return strings.Fields(strings.ToLower(cue))
}

// matches reports whether a sentence word matches a cue word; a cue word
// ending in "*" matches any word it begins.
func matches(word, cue string) bool {
	if p, ok := strings.CutSuffix(cue, "*"); ok {
		return p != "" && strings.HasPrefix(word, p)
	}
	return word == cue
}

// marks returns the byte ranges of text that the cues name, sorted and
// not overlapping. A one-word cue marks every word it matches; a cue of
// several words marks them where they follow one another in text order
// with at most maxGap words between two of them.
func marks(text string, cues []string) []span {
	ts := tokens(text)
	marked := make([]bool, len(ts))
	for _, cue := range cues {
		ws := cueWords(cue)
		if len(ws) == 0 {
			continue
		}
		for i := range ts {
			if !matches(ts[i].word, ws[0]) {
				continue
			}
			at := []int{i}
			for _, w := range ws[1:] {
				last := at[len(at)-1]
				next := -1
				for j := last + 1; j < len(ts) && j <= last+1+maxGap; j++ {
					if matches(ts[j].word, w) {
						next = j
						break
					}
				}
				if next < 0 {
					at = nil
					break
				}
				at = append(at, next)
			}
			for _, k := range at {
				marked[k] = true
			}
		}
	}
	var out []span
	for i, t := range ts {
		if marked[i] {
			out = append(out, t.span)
		}
	}
	return out
}

// split cuts text into parts at the marked spans.
func split(text string, ms []span) []part {
	var ps []part
	at := 0
	for _, m := range ms {
		if m.Start > at {
			ps = append(ps, part{Text: text[at:m.Start]})
		}
		ps = append(ps, part{Text: text[m.Start:m.End], Mark: true})
		at = m.End
	}
	if at < len(text) {
		ps = append(ps, part{Text: text[at:]})
	}
	return ps
}
