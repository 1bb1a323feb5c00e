package alignment

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Stance is a sentence's label.
type Stance string

// The labels: toward Russia (the first pole), toward the West (the second
// pole), or neither.
const (
	Russia Stance = "russia"
	West   Stance = "west"
	None   Stance = "none"
)

// Actor is an entity mentioned in a sentence.
type Actor struct {
	ID         string
	Bloc       string // "russia", "west", "subject" or "other"
	Start, End int    // byte offsets in the sentence text
}

// Sentence is a scored sentence.
type Sentence struct {
	Stance Stance
	// Score is the signed strength of the stance: in (0, 1] toward
	// Russia, in [-1, 0) toward the West, 0 for none.
	Score float64
	// Cues are the words that produced the label, each with the pole it
	// was attributed to ("cooperation→russia", "not allow→west").
	Cues []string
}

// Article is the alignment of a whole article.
type Article struct {
	// Score is Russia − West in [-1, 1], nil when no sentence is
	// evidence.
	Score *float64
	// Russia and West are each pole's share of the evidence: the summed
	// strengths of the sentences toward it over the summed strengths of
	// all evidence sentences. Score = Russia − West.
	Russia, West float64
	Evidence     int // sentences labelled russia or west
}

//go:embed lexicon.txt
var lexiconText string

type cue struct {
	words []string
	stem  bool // last word is a prefix ("cooperat*")
	text  string
}

// Lexicon holds the cue lists of lexicon.txt.
type Lexicon struct {
	toward, away, pressure []cue
	negation, hedge        map[string]bool
}

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() *Lexicon {
	l, err := ParseLexicon("lexicon.txt", lexiconText)
	if err != nil {
		panic(err)
	}
	return l
}

// ParseLexicon reads a lexicon in the format of lexicon.txt. Errors name
// the file and line.
func ParseLexicon(name, text string) (*Lexicon, error) {
	l := &Lexicon{negation: map[string]bool{}, hedge: map[string]bool{}}
	sec := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			sec = line[1 : len(line)-1]
			switch sec {
			case "toward", "away", "pressure", "negation", "hedge":
			default:
				return nil, fmt.Errorf("%s:%d: unknown section [%s]", name, i+1, sec)
			}
			continue
		}
		if sec == "" {
			return nil, fmt.Errorf("%s:%d: cue %q before any section", name, i+1, line)
		}
		ws := strings.Fields(strings.ToLower(line))
		c := cue{words: ws, text: line}
		if last := ws[len(ws)-1]; strings.HasSuffix(last, "*") {
			c.stem = true
			c.words[len(ws)-1] = strings.TrimSuffix(last, "*")
			if c.words[len(ws)-1] == "" {
				return nil, fmt.Errorf("%s:%d: empty stem %q", name, i+1, line)
			}
		}
		switch sec {
		case "toward":
			l.toward = append(l.toward, c)
		case "away":
			l.away = append(l.away, c)
		case "pressure":
			l.pressure = append(l.pressure, c)
		case "negation":
			l.negation[line] = true
		case "hedge":
			l.hedge[line] = true
		}
	}
	if len(l.toward) == 0 || len(l.away) == 0 {
		return nil, fmt.Errorf("%s: needs [toward] and [away] cues", name)
	}
	return l, nil
}

// word is a lower-cased word of a sentence with its byte offset.
type word struct {
	text  string
	start int
}

func splitWords(s string) []word {
	var ws []word
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			ws = append(ws, word{strings.ToLower(s[start:i]), start})
			start = -1
		}
	}
	if start >= 0 {
		ws = append(ws, word{strings.ToLower(s[start:]), start})
	}
	return ws
}

// hit is a cue found in a sentence.
type hit struct {
	pos    int // index of the first word
	offset int // byte offset
	weight float64
	toward bool
	text   string
}

func (l *Lexicon) find(ws []word) []hit {
	var hits []hit
	scan := func(cues []cue, toward bool) {
		for i := range ws {
			for _, c := range cues {
				if i+len(c.words) > len(ws) {
					continue
				}
				ok := true
				for k, cw := range c.words {
					w := ws[i+k].text
					if k == len(c.words)-1 && c.stem {
						ok = ok && strings.HasPrefix(w, cw)
					} else {
						ok = ok && w == cw
					}
				}
				if ok {
					hits = append(hits, hit{pos: i, offset: ws[i].start, weight: 1, toward: toward, text: c.text})
				}
			}
		}
	}
	scan(l.toward, true)
	scan(l.away, false)
	scan(l.pressure, true)
	// Negation within the three words before a cue reverses it.
	for k := range hits {
		for p := hits[k].pos - 1; p >= 0 && p >= hits[k].pos-3; p-- {
			if l.negation[ws[p].text] {
				hits[k].toward = !hits[k].toward
				hits[k].text = ws[p].text + " " + hits[k].text
				break
			}
		}
	}
	// An away cue governs a toward cue within the next four words:
	// "suspended its membership", "reluctant to be courted" count once,
	// as away.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	var out []hit
	for k := 0; k < len(hits); k++ {
		h := hits[k]
		if !h.toward && k+1 < len(hits) && hits[k+1].toward && hits[k+1].pos > h.pos && hits[k+1].pos-h.pos <= 4 {
			g := hits[k+1]
			g.toward = false
			g.text = h.text + " " + g.text
			out = append(out, g)
			k++
			continue
		}
		out = append(out, h)
	}
	return out
}

// Score labels one sentence. The subject must be involved (an actor of
// bloc "subject"); the pole actors decide the direction: cues toward a
// pole (cooperation, support, pressure accepted) point to it, cues away
// from a pole (refusal, bypassing, criticism) point to the other pole.
// A cue is attributed to the pole actor nearest to it. A subject and a
// single pole mentioned together with no cue is weak evidence toward that
// pole.
func (l *Lexicon) Score(text string, actors []Actor) Sentence {
	var subject bool
	var poles []Actor
	for _, a := range actors {
		switch a.Bloc {
		case "subject":
			subject = true
		case string(Russia), string(West):
			poles = append(poles, a)
		}
	}
	if !subject || len(poles) == 0 {
		return Sentence{Stance: None}
	}
	ws := splitWords(text)
	hits := l.find(ws)
	hedge := 1.0
	for _, w := range ws {
		if l.hedge[w.text] {
			hedge = 0.5
			break
		}
	}
	net := 0.0 // > 0 toward Russia
	var cues []string
	for _, h := range hits {
		p := nearest(poles, h.offset)
		dir := 1.0
		if p.Bloc == string(West) {
			dir = -1
		}
		if !h.toward {
			dir = -dir
		}
		net += dir * h.weight
		target := Russia
		if dir < 0 {
			target = West
		}
		cues = append(cues, h.text+"→"+string(target))
	}
	if len(hits) == 0 {
		blocs := map[string]bool{}
		for _, p := range poles {
			blocs[p.Bloc] = true
		}
		if len(blocs) == 1 {
			net = 0.5
			if poles[0].Bloc == string(West) {
				net = -0.5
			}
			cues = append(cues, "co-mention→"+poles[0].Bloc)
		}
	}
	sort.Strings(cues)
	if net == 0 {
		return Sentence{Stance: None, Cues: cues}
	}
	score := math.Max(-1, math.Min(1, net*0.5*hedge))
	if net > 0 {
		return Sentence{Stance: Russia, Score: score, Cues: cues}
	}
	return Sentence{Stance: West, Score: score, Cues: cues}
}

func nearest(poles []Actor, offset int) Actor {
	best := poles[0]
	dist := func(a Actor) int {
		if offset < a.Start {
			return a.Start - offset
		}
		if offset >= a.End {
			return offset - a.End
		}
		return 0
	}
	for _, p := range poles[1:] {
		if dist(p) < dist(best) {
			best = p
		}
	}
	return best
}

// Aggregate combines the sentences of an article.
func Aggregate(ss []Sentence) Article {
	var a Article
	for _, s := range ss {
		switch s.Stance {
		case Russia:
			a.Russia += math.Abs(s.Score)
			a.Evidence++
		case West:
			a.West += math.Abs(s.Score)
			a.Evidence++
		}
	}
	if a.Evidence == 0 {
		return a
	}
	total := a.Russia + a.West
	a.Russia /= total
	a.West /= total
	score := a.Russia - a.West
	a.Score = &score
	return a
}
