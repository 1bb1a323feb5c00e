package entities

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed cues.txt
var cuesText string

// cueSets are the sections of cues.txt, each a set of folded words.
type cueSets map[string]map[string]bool

// parseCues reads the sectioned word lists of cues.txt.
func parseCues(name, text string) (cueSets, error) {
	sets := cueSets{}
	var cur map[string]bool
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("%s:%d: unclosed section %q", name, i+1, line)
			}
			sec := line[1 : len(line)-1]
			cur = sets[sec]
			if cur == nil {
				cur = map[string]bool{}
				sets[sec] = cur
			}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: entry %q before any section", name, i+1, line)
		}
		cur[fold(line)] = true
	}
	for _, sec := range []string{"org-heads", "titles", "appositive", "surname-endings", "first-names", "stop", "not-orgs", "months", "ethnic-after", "ethnic-before", "locative", "motion"} {
		if sets[sec] == nil {
			return nil, fmt.Errorf("%s: missing section [%s]", name, sec)
		}
	}
	return sets, nil
}

// has reports whether the folded word is in the section. Short ASCII
// words are lower-cased on the stack: the lookup does not allocate.
func (c cueSets) has(section, word string) bool {
	set := c[section]
	if len(word) > maxFast || !isASCII(word) {
		return set[fold(word)]
	}
	var buf [maxFast]byte
	b := buf[:len(word)]
	for i := 0; i < len(word); i++ {
		ch := word[i]
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		b[i] = ch
	}
	return set[string(b)]
}

// surnameLike reports whether a word ends like a surname of the region.
func (c cueSets) surnameLike(word string) bool {
	w := fold(word)
	if hasHyphen(w) || len(w) < 5 {
		return false
	}
	for end := range c["surname-endings"] {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
