package entities

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed cues.txt
var cuesText string

// cue is a set of sections of cues.txt, one bit a section.
type cue uint16

// The sections of cues.txt.
const (
	cueOrgHeads cue = 1 << iota
	cueTitles
	cueAppositive
	cueSurnameEndings
	cueFirstNames
	cueStop
	cueNotOrgs
	cueMonths
	cueEthnicAfter
	cueEthnicBefore
	cueLocative
	cueMotion
)

// cueSections names the sections of cues.txt, in file order.
var cueSections = []struct {
	name string
	bit  cue
}{
	{"org-heads", cueOrgHeads},
	{"titles", cueTitles},
	{"appositive", cueAppositive},
	{"surname-endings", cueSurnameEndings},
	{"first-names", cueFirstNames},
	{"stop", cueStop},
	{"not-orgs", cueNotOrgs},
	{"months", cueMonths},
	{"ethnic-after", cueEthnicAfter},
	{"ethnic-before", cueEthnicBefore},
	{"locative", cueLocative},
	{"motion", cueMotion},
}

// cueSection returns the bit of the section called name.
func cueSection(name string) (cue, bool) {
	for _, s := range cueSections {
		if s.name == name {
			return s.bit, true
		}
	}
	return 0, false
}

// cueSets are the word lists of cues.txt: each folded word with the
// sections that hold it, so that one lookup answers for every section.
type cueSets struct {
	words   map[string]cue // folded word → sections
	endings []string       // the section surname-endings, in file order
}

// parseCues reads the sectioned word lists of cues.txt.
func parseCues(name, text string) (*cueSets, error) {
	sets := &cueSets{words: map[string]cue{}}
	var cur, seen cue
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("%s:%d: unclosed section %q", name, i+1, line)
			}
			sec, ok := cueSection(line[1 : len(line)-1])
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown section %q", name, i+1, line)
			}
			cur = sec
			seen |= sec
			continue
		}
		if cur == 0 {
			return nil, fmt.Errorf("%s:%d: entry %q before any section", name, i+1, line)
		}
		w := fold(line)
		if cur == cueSurnameEndings && sets.words[w]&cueSurnameEndings == 0 {
			sets.endings = append(sets.endings, w)
		}
		sets.words[w] |= cur
	}
	for _, s := range cueSections {
		if seen&s.bit == 0 {
			return nil, fmt.Errorf("%s: missing section [%s]", name, s.name)
		}
	}
	return sets, nil
}

// has reports whether the folded word is in one of the sections.
func (c *cueSets) has(sections cue, word string) bool {
	return c.of(word)&sections != 0
}

// of returns the sections that hold the folded word. Short ASCII words
// are lower-cased on the stack: the lookup does not allocate.
func (c *cueSets) of(word string) cue {
	if len(word) > maxFast || !isASCII(word) {
		return c.words[fold(word)]
	}
	var buf [maxFast]byte
	return c.words[string(lowerASCII(buf[:len(word)], word))]
}

// surnameLike reports whether a word ends like a surname of the region.
func (c *cueSets) surnameLike(word string) bool {
	w := fold(word)
	if hasHyphen(w) || len(w) < 5 {
		return false
	}
	for _, end := range c.endings {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
