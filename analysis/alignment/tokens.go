package alignment

import (
	"cmp"
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
	kind  kind
	text  string // normalised word or the punctuation mark; "" for an actor
	actor int    // index into the sentence's actors, for actorTok
	start int    // byte offset in the sentence
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
func tokenize(text string, actors []Actor, spans []int, sc *scratch) []token {
	toks := sc.toks[:0]
	next := 0 // index into spans
	i := 0
	for i < len(text) {
		if next < len(spans) && i >= actors[spans[next]].Start {
			a := actors[spans[next]]
			toks = append(toks, token{kind: actorTok, actor: spans[next], start: a.Start})
			i = a.End
			next++
			continue
		}
		limit := len(text)
		if next < len(spans) {
			limit = actors[spans[next]].Start
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '’' {
			r = '\''
		}
		switch {
		case isWordRune(r):
			j := i
			for j < limit {
				if c := text[j]; c < utf8.RuneSelf {
					// ASCII: isWordRune without the decoding.
					if !asciiWord[c] {
						break
					}
					j++
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) && r2 != '’' {
					break
				}
				j += s2
			}
			if w := normalize(text[i:j]); w != "" {
				toks = append(toks, token{kind: wordTok, text: w, start: i})
			}
			i = j
			continue
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '—' || r == '–' || r == '[' || r == ']':
			p := string(r)
			switch r {
			case '[':
				p = "("
			case ']':
				p = ")"
			case '–':
				p = "—"
			}
			toks = append(toks, token{kind: punctTok, text: p, start: i})
		}
		i += size
	}
	return toks
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
	ev        []evidence // their evidence (cues)
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
// whose words start at the token (consecutive word tokens only).
func (l *Lexicon) scan(toks []token, sc *scratch) cueTable {
	t := cueTable{n: len(toks), idx: grow(&sc.at, numSections*len(toks)), ms: sc.ms[:0]}
	clear(t.idx)
	x := &l.idx
	try := func(c *cue, i int) {
		j := i
		for k, w := range c.words {
			if j >= len(toks) || toks[j].kind != wordTok {
				return
			}
			tx := toks[j].text
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
	for i, tk := range toks {
		if tk.kind != wordTok {
			continue
		}
		exact, stems := x.first(tk.text)
		for _, c := range exact {
			try(c, i)
		}
		for _, c := range stems {
			if strings.HasPrefix(tk.text, c.words[0]) {
				try(c, i)
			}
		}
		for _, c := range x.short {
			if strings.HasPrefix(tk.text, c.words[0]) {
				try(c, i)
			}
		}
	}
	sc.ms = t.ms
	return t
}

// find returns the non-overlapping matches of section sec,
// leftmost-longest.
func (a *analysis) find(sec int) []match {
	var out []match
	if !a.at.matches(sec) {
		return nil
	}
	for i := 0; i < a.at.n; i++ {
		if m := a.at.get(sec, i); m != nil {
			out = append(out, *m)
			i = m.last
		}
	}
	return out
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
