package alignment

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// tokenizeRef is tokenize without the word cache and the ASCII fast
// paths: every rune decoded, every word normalised and looked up in the
// index.
func tokenizeRef(l *Lexicon, text string, actors []Actor, spans []int) []token {
	var toks []token
	next := 0 // index into spans
	i := 0
	for i < len(text) {
		if next < len(spans) && i >= actors[spans[next]].Start {
			toks = append(toks, token{kind: actorTok, actor: int32(spans[next])})
			i = actors[spans[next]].End
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
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) && r2 != '’' {
					break
				}
				j += s2
			}
			if w := normalize(text[i:j]); w != "" {
				toks = append(toks, token{kind: wordTok, text: w, cues: firstCuesRef(&l.idx, w), class: classOf(w)})
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
			toks = append(toks, token{kind: punctTok, text: p, class: classOf(p)})
		}
		i += size
	}
	return toks
}

// firstCuesRef returns the cues whose first word matches the normalised
// word w, in the order scan tries them: exact first words, stems of two
// bytes or more, stems of one.
func firstCuesRef(x *index, w string) []*cue {
	var out []*cue
	exact, stems := x.first(w)
	out = append(out, exact...)
	for _, c := range stems {
		if strings.HasPrefix(w, c.words[0]) {
			out = append(out, c)
		}
	}
	for _, c := range x.short {
		if strings.HasPrefix(w, c.words[0]) {
			out = append(out, c)
		}
	}
	return out
}

// scanRef is scan matching every word of every cue, the first included.
func scanRef(toks []token) cueTable {
	t := cueTable{n: len(toks), idx: make([]int32, numSections*len(toks))}
	for i, tk := range toks {
		if tk.kind != wordTok {
			continue
		}
		for _, c := range tk.cues {
			j := i
			for k, w := range c.words {
				if j >= len(toks) || toks[j].kind != wordTok {
					break
				}
				if c.stem[k] && !strings.HasPrefix(toks[j].text, w) || !c.stem[k] && toks[j].text != w {
					break
				}
				j++
			}
			if j-i < len(c.words) {
				continue
			}
			if m := t.get(c.sec, i); m == nil || j-1 > m.last {
				t.ms = append(t.ms, match{c: c, first: i, last: j - 1})
				t.idx[c.sec*t.n+i] = int32(len(t.ms))
				t.secs |= 1 << c.sec
			}
		}
	}
	return t
}

// sameTokens reports whether two token lists are equal, the cue lists
// compared element by element.
func sameTokens(a, b []token) bool {
	return slices.EqualFunc(a, b, func(x, y token) bool {
		return x.kind == y.kind && x.text == y.text && x.actor == y.actor && x.class == y.class && slices.Equal(x.cues, y.cues)
	})
}

// sameTables reports whether two cue tables hold the same matches.
func sameTables(a, b cueTable) bool {
	if a.n != b.n || a.secs != b.secs {
		return false
	}
	for sec := range numSections {
		for i := range a.n {
			m, n := a.get(sec, i), b.get(sec, i)
			if (m == nil) != (n == nil) || m != nil && *m != *n {
				return false
			}
		}
	}
	return true
}

// checkTokenize compares tokenize and scan, with the scratch's word cache,
// with their reference versions on one sentence.
func checkTokenize(t *testing.T, l *Lexicon, sc *scratch, text string, actors []Actor) {
	t.Helper()
	spans := validSpans(text, actors, &sc.spans)
	want := tokenizeRef(l, text, actors, spans)
	got := l.tokenize(text, actors, spans, sc)
	sc.toks = got
	if !sameTokens(got, want) {
		t.Fatalf("tokenize(%q) = %+v, want %+v", text, got, want)
	}
	if got, want := l.scan(got, sc), scanRef(want); !sameTables(got, want) {
		t.Fatalf("scan(%q) = %+v, want %+v", text, got.ms, want.ms)
	}
}

// tokenize and scan, with their fast paths and a word cache warmed by the
// sentences before, find what their reference versions do: over the
// held-out sentences under the default lexicon, then under another
// lexicon with the same scratch (the cache starts afresh).
func TestTokenizeMatchesRef(t *testing.T) {
	other, err := ParseLexicon("china-us.poles", chinaUS)
	if err != nil {
		t.Fatal(err)
	}
	sc := new(scratch)
	n := 0
	for _, l := range []*Lexicon{DefaultLexicon(), other} {
		for _, name := range []string{"heldout.tsv", "heldout-blind.tsv"} {
			for _, p := range readHeldout(t, name) {
				for _, s := range p {
					checkTokenize(t, l, sc, s.in.Text, s.in.Actors)
					checkTokenize(t, l, sc, strings.ToUpper(s.in.Text), nil)
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no held-out sentences")
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Uzbekistan would never allow a U.S. base, Karimov said.", 0, 10)
	f.Add("Despite Moscow’s annoyance [sic] – Astana’s co-operation; “re-join” NATO’s programme.", 8, 16)
	f.Add("ÉLAN étude Straße -funded didn't '’s", 2, 9)
	lex := DefaultLexicon()
	sc := new(scratch)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		checkTokenize(t, lex, sc, text, []Actor{{ID: "a", Bloc: "subject", Start: start, End: end}})
	})
}

// The word cache holds, for every text, what index.word computes from it.
func TestWordCache(t *testing.T) {
	lex := DefaultLexicon()
	sc := new(scratch)
	words := []string{"Russia’s", "cooperation", "Cooperation", "co-operation", "the", "The", "by", "were", "and", ",", "-funded", "didn't", "'s", "straße"}
	for range 3 { // misses, then hits
		for _, raw := range words {
			got, want := sc.wordsOf(&lex.idx).word(raw), lex.idx.word(raw)
			if got.raw != raw || got.text != want.text || got.class != want.class || !slices.Equal(got.cues, want.cues) {
				t.Fatalf("cached word(%q) = %+v, want %+v", raw, got, want)
			}
			if w := normalize(raw); want.text != w || !slices.Equal(want.cues, firstCuesRef(&lex.idx, w)) || want.class != classOf(w) {
				t.Fatalf("index.word(%q) = %+v, want text %q, cues %v", raw, want, w, names(firstCuesRef(&lex.idx, w)))
			}
		}
	}
}
