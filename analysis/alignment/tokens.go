package alignment

import (
	"cmp"
	"hash/maphash"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	wordTok  kind = iota
	punctTok      // , ; : ( ) and dashes
	actorTok
)

// token is a word, a punctuation mark or an actor's whole mention.
type token struct {
	text string // normalised word or the punctuation mark; "" for an actor
	// cues are, for a word, the cues whose first word it matches
	// (word.cues): read only, shared with the scratch's cache.
	cues  []*cue
	actor int32 // index into the sentence's actors, for actorTok
	kind  kind
	class class // classOf(text)
}

// is reports whether the token is of one of the classes c.
func (t *token) is(c class) bool {
	return t.class&c != 0
}

// class is a set of the closed classes of words the scorer looks for.
type class uint8

const (
	preposition class = 1 << iota // prepositions
	determiner                    // determiners
	relative                      // relatives
	beForm                        // beForms
	coordinator                   // coordinators
)

// classOf returns the classes of a token's text.
func classOf(text string) class {
	var c class
	for _, k := range [...]struct {
		words map[string]bool
		class class
	}{{prepositions, preposition}, {determiners, determiner}, {relatives, relative}, {beForms, beForm}, {coordinators, coordinator}} {
		if k.words[text] {
			c |= k.class
		}
	}
	return c
}

// word is what the scorer derives from the text of one word alone: its
// normalised form and the cues whose first word that matches. A scratch
// caches it per distinct text, since words repeat within an article and
// across articles; TestWordCache checks the cache against index.word.
type word struct {
	raw   string // the text as written
	text  string // normalize(raw)
	cues  []*cue // the cues whose first word matches text, in the order scan tries them
	class class  // classOf(text)
}

// word computes the word of a text: its normalised form and the cues
// whose first word is that exactly, then those whose first word is a
// prefix of it of two bytes or more, then those of one byte, each in
// the order of the poles file.
func (x *index) word(raw string) word {
	w := word{raw: raw, text: normalize(raw)}
	if w.text == "" {
		return w
	}
	w.class = classOf(w.text)
	exact, stems := x.first(w.text)
	cues := slices.Clip(exact) // appending copies: exact is the index's
	for _, c := range stems {
		if strings.HasPrefix(w.text, c.words[0]) {
			cues = append(cues, c)
		}
	}
	for _, c := range x.short {
		if strings.HasPrefix(w.text, c.words[0]) {
			cues = append(cues, c)
		}
	}
	w.cues = cues
	return w
}

// wordCache is a two-way set-associative cache of the words of one
// index by their raw text: a set holds the last two words whose texts
// hashed to it, the more recently used first. A few thousand distinct
// words make most of a text, so nearly every word is found here, not
// normalised and looked up in the index again. It takes 512 KiB (64
// bytes a word) and the copies of the texts.
type wordCache struct {
	of   *index // the index the words' cues come from
	seed maphash.Seed
	sets [wordSets][2]word // raw "" when empty
}

// wordSets is the number of sets of a wordCache (a power of two).
const wordSets = 1 << 12

// wordsOf returns the scratch's word cache for index x: a scratch used
// with another lexicon starts afresh.
func (sc *scratch) wordsOf(x *index) *wordCache {
	if sc.words == nil || sc.words.of != x {
		sc.words = &wordCache{of: x, seed: maphash.MakeSeed()}
	}
	return sc.words
}

// word returns the word of raw from the cache, computing it on a miss;
// it is valid until the next call. A word keeps a copy of its text, not
// the sentence it is a part of.
func (c *wordCache) word(raw string) *word {
	set := &c.sets[maphash.String(c.seed, raw)&(wordSets-1)]
	switch raw {
	case set[0].raw:
	case set[1].raw:
		set[0], set[1] = set[1], set[0]
	default:
		set[1] = set[0]
		set[0] = c.of.word(strings.Clone(raw))
	}
	return &set[0]
}

// asciiWord is isWordRune over the ASCII bytes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-'
}

// normalize lower-cases a word, folds curly apostrophes and strips a
// possessive ending and surrounding hyphens and apostrophes: "Russia’s"
// → "russia", "-funded" → "funded", "didn't" stays.
func normalize(w string) string {
	if plainLower(w) {
		return w
	}
	return normalizeAny(w)
}

// normalizeAny is normalize without the fast path for plain words.
func normalizeAny(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	return strings.Trim(w, "-'")
}

// plainLower reports whether w is made of ASCII lower-case letters and
// digits only, which normalize returns unchanged (most words of a text).
func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// tokenize splits a sentence into tokens. Actor mentions (valid, sorted,
// non-overlapping spans) become single tokens; words inside them are not
// cue candidates.
func (l *Lexicon) tokenize(text string, actors []Actor, spans []int, sc *scratch) []token {
	toks := sc.toks[:0]
	words := sc.wordsOf(&l.idx)
	next := 0          // index into spans
	limit := len(text) // where the next actor's span starts
	if len(spans) > 0 {
		limit = actors[spans[0]].Start
	}
	i := 0
	for i < len(text) {
		if i >= limit {
			toks = append(toks, token{kind: actorTok, actor: int32(spans[next])})
			i = actors[spans[next]].End
			next++
			limit = len(text)
			if next < len(spans) {
				limit = actors[spans[next]].Start
			}
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if wordRune(r) {
			j := wordEnd(text[:limit], i+size)
			if w := words.word(text[i:j]); w.text != "" {
				toks = append(toks, token{kind: wordTok, text: w.text, cues: w.cues, class: w.class})
			}
			i = j
			continue
		}
		if p := punct(r); p >= 0 {
			toks = append(toks, punctToks[p])
		}
		i += size
	}
	return toks
}

// wordRune is isWordRune, curly apostrophes included.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r == '’' || isWordRune(r)
}

// wordEnd returns the end of the word of text that goes on at byte i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: isWordRune without the decoding.
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !wordRune(r) {
			break
		}
		i += size
	}
	return i
}

// punctToks are the punctuation tokens.
var punctToks = func() (t [6]token) {
	for i, p := range [...]string{",", ";", ":", "(", ")", "—"} {
		t[i] = token{kind: punctTok, text: p, class: classOf(p)}
	}
	return t
}()

// punct returns the index in punctToks of the token of r, or -1 for none:
// brackets count as parentheses and an en dash as an em dash.
func punct(r rune) int {
	switch r {
	case ',':
		return 0
	case ';':
		return 1
	case ':':
		return 2
	case '(', '[':
		return 3
	case ')', ']':
		return 4
	case '—', '–':
		return 5
	}
	return -1
}

// scratch holds the buffers of one scoring goroutine, reused from
// sentence to sentence: nothing a Sentence returns points into them.
type scratch struct {
	toks   []token
	at     []int32
	ms     []match // the matches of the cueTable
	ints   []int
	bools  []bool
	floats []float64
	strs   []string
	spans  []int    // validSpans
	ids    []string // the actor IDs of the sentence
	// actorToks are the indices of the sentence's actor tokens.
	actorToks []int
	sums      []clauseSum
	found     []found    // the cues of the sentence (cues)
	ignored   []match    // its [ignore] phrases (cues)
	roles     []role     // of the sentence's actors (score)
	scopes    []int      // analysis.scopeStart
	ev        []evidence // their evidence (cues)
	words     *wordCache // the words seen
}

// grow returns (*buf)[:n], reallocating *buf when it is too short; the
// contents are not cleared.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n, n+n/2)
	}
	*buf = (*buf)[:n]
	return *buf
}

// validSpans returns the indices of the actors whose spans lie inside
// text on rune boundaries, sorted by start, overlaps dropped (the longer
// first mention wins).
func validSpans(text string, actors []Actor, buf *[]int) []int {
	idx := (*buf)[:0]
	defer func() { *buf = idx[:0] }()
	for i, a := range actors {
		if a.Start < 0 || a.End > len(text) || a.Start >= a.End ||
			!utf8.RuneStart(text[a.Start]) || (a.End < len(text) && !utf8.RuneStart(text[a.End])) {
			continue
		}
		idx = append(idx, i)
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		a, b := actors[x], actors[y]
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := idx[:0]
	end := 0
	for _, i := range idx {
		if actors[i].Start < end {
			continue
		}
		out = append(out, i)
		end = actors[i].End
	}
	return out
}

// match is a cue found at a token position.
type match struct {
	c     *cue
	first int // token index of the first word
	last  int // token index of the last word
}

// cueTable holds, per section and token, the longest cue of the section
// whose words start at the token. It stores indices into ms (plus one; 0
// for none) rather than pointers, so clearing and filling it for every
// sentence costs no GC write barriers.
type cueTable struct {
	n    int     // tokens
	idx  []int32 // [section*n + token]
	ms   []match
	secs uint32 // bit sec: section sec matches somewhere
}

// The sections fit the bits of cueTable.secs.
var _ [32 - numSections]struct{}

// matches reports whether section sec matches anywhere in the sentence:
// most sections match nowhere, and the loops over a section's tokens
// skip those.
func (t *cueTable) matches(sec int) bool {
	return t.secs&(1<<sec) != 0
}

// get returns the match of section sec at token i, or nil.
func (t *cueTable) get(sec, i int) *match {
	if k := t.idx[sec*t.n+i]; k > 0 {
		return &t.ms[k-1]
	}
	return nil
}

// scan returns, per section and token, the longest cue of the section
// whose words start at the token (consecutive word tokens only): of the
// cues whose first word the token matches (token.cues), in their order,
// the first of the greatest length.
func (l *Lexicon) scan(toks []token, sc *scratch) cueTable {
	t := cueTable{n: len(toks), idx: grow(&sc.at, numSections*len(toks)), ms: sc.ms[:0]}
	clear(t.idx)
	// try matches cue c at word i, one of whose cues c is: its first
	// word matches, the others are left to check.
	try := func(c *cue, i int) {
		j := i + 1
		for k := 1; k < len(c.words); k++ {
			if j >= len(toks) || toks[j].kind != wordTok {
				return
			}
			tx, w := toks[j].text, c.words[k]
			if c.stem[k] {
				if !strings.HasPrefix(tx, w) {
					return
				}
			} else if tx != w {
				return
			}
			j++
		}
		if m := t.get(c.sec, i); m == nil || j-1 > m.last {
			t.ms = append(t.ms, match{c: c, first: i, last: j - 1})
			t.idx[c.sec*t.n+i] = int32(len(t.ms))
			t.secs |= 1 << c.sec
		}
	}
	for i := range toks {
		for _, c := range toks[i].cues {
			try(c, i)
		}
	}
	sc.ms = t.ms
	return t
}

// find yields the non-overlapping matches of section sec,
// leftmost-longest.
func (a *analysis) find(sec int) iter.Seq[match] {
	return func(yield func(match) bool) {
		if !a.at.matches(sec) {
			return
		}
		for i := 0; i < a.at.n; i++ {
			if m := a.at.get(sec, i); m != nil {
				if !yield(*m) {
					return
				}
				i = m.last
			}
		}
	}
}

// has reports whether section sec matches within toks[from:to].
func (a *analysis) has(sec, from, to int) bool {
	if !a.at.matches(sec) {
		return false
	}
	for i := from; i < to && i < len(a.toks); i++ {
		if m := a.at.get(sec, i); m != nil && m.last < to {
			return true
		}
	}
	return false
}
