package entities

import "strings"

// wordInfo is what the recogniser derives from the text of one token
// alone. Recognize computes it once per distinct text and keeps it in its
// scratch, since words repeat within an article and across articles;
// TestWordInfo checks it against the direct computations.
type wordInfo struct {
	key      string    // translit(text), the lookup key
	cands    []cand    // r.index[key], shared with the index: read only
	node     *trieNode // r.trie's child for key, or nil
	roleSpan int       // r.roleSpan[key]
	cues     cue       // the sections of cues.txt that hold the text
	dotCues  cue       // the sections that hold the text without a final "."
	flags    wordFlag
}

// wordFlag is a set of tests on the text of a token.
type wordFlag uint8

const (
	flagTitleWord  wordFlag = 1 << iota // cueSets.titleWord
	flagLowerTail                       // lowerTail
	flagHyphenName                      // hyphenCandidate
	flagMedium                          // media[strings.ToLower(text)]
	flagOrdinal                         // isOrdinal
)

// newWordInfo computes the wordInfo of a token text.
func (r *Recognizer) newWordInfo(text string) *wordInfo {
	key := translit(text)
	w := &wordInfo{
		key:      key,
		node:     r.trie.step(key),
		roleSpan: r.roleSpan[key],
		cues:     r.cues.of(text),
	}
	if w.node != nil {
		w.cands = w.node.cands // r.index[key]
	}
	w.dotCues = w.cues
	if t, ok := strings.CutSuffix(text, "."); ok {
		w.dotCues = r.cues.of(t)
	}
	for _, f := range []struct {
		flag wordFlag
		ok   bool
	}{
		{flagTitleWord, r.cues.titleWord(text)},
		{flagLowerTail, lowerTail(text)},
		{flagHyphenName, hyphenCandidate(text)},
		{flagMedium, media[strings.ToLower(text)]},
		{flagOrdinal, isOrdinal(text)},
	} {
		if f.ok {
			w.flags |= f.flag
		}
	}
	return w
}

// maxWords bounds the wordInfo cache of a scratch (about 200 bytes an
// entry).
const maxWords = 100_000

// info returns the wordInfo of a token text from the scratch's cache,
// computing it on a miss. A one-byte text (punctuation, mostly) has a
// slot of its own. The cache keeps a copy of the text, not the article
// it is a part of.
func (a *article) info(text string) *wordInfo {
	if len(text) == 1 {
		w := &a.sc.bytes[text[0]]
		if *w == nil {
			*w = a.r.newWordInfo(text)
		}
		return *w
	}
	if w, ok := a.sc.words[text]; ok {
		return w
	}
	w := a.r.newWordInfo(text)
	a.sc.words[strings.Clone(text)] = w
	return w
}

// cueAt reports whether the text of token k is in one of the sections;
// false when k is outside the text.
func (a *article) cueAt(k int, sections cue) bool {
	return k >= 0 && k < len(a.toks) && a.toks[k].info.cues&sections != 0
}

// titleAt reports whether the text of token k, without a final period,
// is a title ("Gen.", "President").
func (a *article) titleAt(k int) bool {
	return k >= 0 && k < len(a.toks) && a.toks[k].info.dotCues&cueTitles != 0
}

// flagAt reports whether the text of token k passes the test f.
func (a *article) flagAt(k int, f wordFlag) bool {
	return a.toks[k].info.flags&f != 0
}
