package alignment

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Reader relabels the sentences the cue rules have scored: a
// multinomial logistic regression, learned from annotated corpora
// (TrainReader, `alignnet train`), over what the rules found in a
// sentence (its label, pulls and kinds of cue), its neighbours' labels,
// the lean of its article, and its words and word pairs with every actor
// replaced by its role. It reads the wording no cue list holds ("the
// economy points in the same direction", "dismissed the criticism"). It
// relabels a sentence only when sure enough (MinProb), and its
// probabilities enter the pull of every sentence with evidence by the
// reader-pull setting, so they reach article and actor scores; a
// sentence without evidence keeps no pull. README.md ("The reader")
// documents the features and the file format.
type Reader struct {
	// Weights maps a feature to its weight for each class: the first
	// pole, the second pole, none.
	Weights map[string][3]float64
	// NoneBias is added to the none class's score before the argmax.
	NoneBias float64
	// MinProb is the probability the reader must give a label to
	// overrule the rules' label.
	MinProb float64
}

// The reader's classes.
const (
	class0 = iota // the first pole
	class1        // the second pole
	classNone
)

// Feature is one named input of the reader.
type Feature struct {
	Name  string
	Value float64
}

// Example is a sentence the reader learns from: its features and its
// annotated class (0: the first pole, 1: the second, 2: none).
type Example struct {
	Features []Feature
	Class    int
}

// ReaderParams are the settings of TrainReader.
type ReaderParams struct {
	Epochs   int
	Rate     float64 // Adagrad's learning rate
	L2       float64
	NoneBias float64
	MinProb  float64
	Seed     uint64 // of the order examples are visited in
	// MinCount drops word and word-pair features seen in fewer
	// training sentences.
	MinCount int
}

// DefaultReaderParams are the settings the shipped reader was trained
// with; README.md gives the cross-validation that chose them.
var DefaultReaderParams = ReaderParams{Epochs: 12, Rate: 0.02, L2: 3e-5, NoneBias: -0.2, MinProb: 0.6, Seed: 1, MinCount: 1}

// leanEdge is the article score beyond which the article leans to a
// pole for the reader's lean features.
const leanEdge = 0.15

// maxCount caps a count or pull feature.
const maxCount = 3

// wordRE finds the reader's words in the anonymised text: role tokens
// and lower-case words (capitalised words are names, titles and
// sentence openers).
var wordRE = regexp.MustCompile(`ROLE_[SRWO]|[\pL][\pL'’\-]*`)

// ClassOf returns the reader's class of a stance: 0 for the first pole,
// 1 for the second, 2 for none (or any other label).
func (l *Lexicon) ClassOf(s Stance) int { return l.classOf(s) }

// classOf returns the class of a stance.
func (l *Lexicon) classOf(s Stance) int {
	switch s {
	case Stance(l.Poles[0].Name):
		return class0
	case Stance(l.Poles[1].Name):
		return class1
	}
	return classNone
}

// className names a class in features: p0, p1 or none.
var className = [3]string{"p0", "p1", "none"}

// lean returns the lean of an article's sentences and title for the
// reader: its point score (Article.Score without the interval) read as
// p0, p1 or 0 (within ±leanEdge, or no evidence).
func (l *Lexicon) lean(title *Sentence, ss []Sentence) string {
	var r, w float64
	for _, v := range weighted(title, ss, l.Params) {
		r += v[0]
		w += v[1]
	}
	if r == 0 && w == 0 {
		return "0"
	}
	switch score := (r - w) / (r + w + l.Params.Shrinkage); {
	case score > leanEdge:
		return "p0"
	case score < -leanEdge:
		return "p1"
	}
	return "0"
}

// ReaderFeatures returns the reader's features of each sentence of an
// article: in are the sentences as scored, ss the rules' labels, title
// the scored title (nil: none).
func (l *Lexicon) ReaderFeatures(title *Sentence, in []Input, ss []Sentence) [][]Feature {
	lean := l.lean(title, ss)
	out := make([][]Feature, len(ss))
	for i := range ss {
		out[i] = l.features(in[i], ss, i, lean)
	}
	return out
}

// features are the reader's features of sentence i of ss.
func (l *Lexicon) features(in Input, ss []Sentence, i int, lean string) []Feature {
	s := &ss[i]
	sys := className[l.classOf(s.Stance)]
	f := []Feature{{"bias", 1}, {"sys:" + sys, 1},
		{"pull:p0", math.Min(s.Pull[0], maxCount)}, {"pull:p1", math.Min(s.Pull[1], maxCount)}}
	counts := map[string]float64{}
	for _, c := range s.Cues {
		if k := l.cueKind(c); k != "" {
			counts[k]++
		}
		for _, k := range []string{"co-mention", "continuation", "implied subject", "balance", "conceded", "hedged"} {
			if strings.Contains(c, k) {
				counts["cue:"+k]++
			}
		}
	}
	for _, k := range sortedKeys(counts) {
		f = append(f, Feature{k, math.Min(counts[k], maxCount)})
	}
	prev, next := "start", "end"
	if i > 0 {
		prev = className[l.classOf(ss[i-1].Stance)]
	}
	if i+1 < len(ss) {
		next = className[l.classOf(ss[i+1].Stance)]
	}
	f = append(f, Feature{"prev:" + prev, 1}, Feature{"next:" + next, 1},
		Feature{"lean:" + lean, 1}, Feature{"lean:" + lean + ":" + sys, 1})
	if i > 0 {
		f = append(f, Feature{"prevsys:" + prev + ":" + sys, 1})
	}
	words := wordRE.FindAllString(l.anonymise(in), -1)
	kept := words[:0]
	for _, w := range words {
		if !strings.HasPrefix(w, "ROLE_") {
			w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
		kept = append(kept, w)
	}
	words = kept
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			f = append(f, Feature{name, 1})
		}
	}
	for _, w := range words {
		add("w:" + w)
	}
	for j := 1; j < len(words); j++ {
		add("b:" + words[j-1] + "_" + words[j])
	}
	return f
}

// cueKind names the kind and pole of a cue ("cue:toward:p0") from its
// readable text ("cooperat* (toward Russia)"), or "".
func (l *Lexicon) cueKind(c string) string {
	for _, verb := range []string{"toward", "away from", "pressure from"} {
		for p := range l.Poles {
			if strings.Contains(c, "("+verb+" "+l.Poles[p].Label) {
				return "cue:" + strings.ReplaceAll(verb, " ", "-") + ":" + className[p]
			}
		}
	}
	return ""
}

// anonymise replaces every actor of a sentence by its role: ROLE_S (the
// subject), ROLE_R and ROLE_W (the first and the second pole), ROLE_O.
func (l *Lexicon) anonymise(in Input) string {
	var b strings.Builder
	at := 0
	for _, a := range in.Actors {
		if a.Start < at || a.End > len(in.Text) || a.Start >= a.End {
			continue // overlapping or invalid: keep the text
		}
		b.WriteString(in.Text[at:a.Start])
		b.WriteString(" ROLE_")
		b.WriteByte("RWSO"[roleIndex(l.role(a))])
		b.WriteByte(' ')
		at = a.End
	}
	b.WriteString(in.Text[at:])
	return b.String()
}

// roleIndex maps a role to its letter in "RWSO".
func roleIndex(r role) int {
	switch r {
	case pole0:
		return 0
	case pole1:
		return 1
	case subject:
		return 2
	}
	return 3
}

// scores returns the reader's score of each class for features f, the
// none bias included.
func (r *Reader) scores(f []Feature) [3]float64 {
	var s [3]float64
	for _, x := range f {
		if w, ok := r.Weights[x.Name]; ok {
			for c := range s {
				s[c] += w[c] * x.Value
			}
		}
	}
	s[classNone] += r.NoneBias
	return s
}

// Predict returns the reader's class for features f.
func (r *Reader) Predict(f []Feature) int { return argmax(r.scores(f)) }

// argmax returns the class with the highest score, the first on a tie.
func argmax(s [3]float64) int {
	best := 0
	for c := 1; c < len(s); c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return best
}

// Reread relabels the sentences ss of an article (see Reader) in place
// when l has a reader. A sentence whose label changes keeps its rule
// cues, gains one "reader" cue that names the features that weighed
// most for the new label, and its Score becomes the new label's sign
// times the reader's probability of it. Labels changed or not, the pull
// of every sentence with evidence blends in the reader's probabilities
// by the reader-pull setting (blendPull), so the article and actor
// scores read what the reader read.
func (l *Lexicon) Reread(title *Sentence, in []Input, ss []Sentence) {
	if l.Reader == nil {
		return
	}
	feats := l.ReaderFeatures(title, in, ss)
	for i := range ss {
		old := l.classOf(ss[i].Stance)
		sc := l.Reader.scores(feats[i])
		c := argmax(sc)
		p := softmax(sc)
		s := &ss[i]
		// Overrule the rules only when sure enough of another label.
		if c != old && p[c] >= l.Reader.MinProb {
			s.Cues = append(slices.Clip(s.Cues), l.readerCue(feats[i], old, c))
			switch c {
			case class0:
				s.Stance, s.Score = Stance(l.Poles[0].Name), p[c]
			case class1:
				s.Stance, s.Score = Stance(l.Poles[1].Name), -p[c]
			default:
				s.Stance, s.Score = None, 0
			}
		}
		l.blendPull(s, p)
	}
}

// blendPull mixes the reader's probabilities p of the two poles into the
// pull of a sentence that has evidence, one the rules found to pull or
// that ends labelled with a pole: reader-pull of the pull is p, the rest
// the rules' pull. A sentence with neither keeps its pull of 0, so an
// article the rules and the reader find nothing in still has no score.
func (l *Lexicon) blendPull(s *Sentence, p [3]float64) {
	a := l.Params.ReaderPull
	if a == 0 || (s.Pull == [2]float64{} && l.classOf(s.Stance) == classNone) {
		return
	}
	s.Pull[0] = (1-a)*s.Pull[0] + a*p[class0]
	s.Pull[1] = (1-a)*s.Pull[1] + a*p[class1]
}

// softmax turns scores into probabilities.
func softmax(s [3]float64) [3]float64 {
	m := math.Max(s[0], math.Max(s[1], s[2]))
	var p [3]float64
	z := 0.0
	for c := range s {
		p[c] = math.Exp(s[c] - m)
		z += p[c]
	}
	for c := range p {
		p[c] /= z
	}
	return p
}

// readerCue explains a relabelling from class old to class c: the three
// features that favour c over old the most.
func (l *Lexicon) readerCue(f []Feature, old, c int) string {
	type part struct {
		text string
		d    float64
	}
	var parts []part
	for _, x := range f {
		w, ok := l.Reader.Weights[x.Name]
		if !ok {
			continue
		}
		if d := x.Value * (w[c] - w[old]); d > 0 {
			if t := l.describe(x.Name); t != "" {
				parts = append(parts, part{t, d})
			}
		}
	}
	slices.SortStableFunc(parts, func(a, b part) int {
		if a.d != b.d {
			if a.d > b.d {
				return -1
			}
			return 1
		}
		return strings.Compare(a.text, b.text)
	})
	var b strings.Builder
	b.WriteString("reader: ")
	for i, p := range parts[:min(3, len(parts))] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.text)
	}
	if len(parts) == 0 {
		b.WriteString("no single feature")
	}
	b.WriteString(" (")
	if c == classNone {
		b.WriteString("none")
	} else {
		b.WriteString("toward ")
		b.WriteString(l.Poles[c].Label)
	}
	b.WriteByte(')')
	return b.String()
}

// describe renders a feature for a reader cue, or "" for one that says
// nothing to an analyst (the bias, the rule label itself).
func (l *Lexicon) describe(name string) string {
	kind, v, _ := strings.Cut(name, ":")
	role := strings.NewReplacer("ROLE_S", "<subject>", "ROLE_R", "<"+l.Poles[0].Label+">", "ROLE_W", "<"+l.Poles[1].Label+">", "ROLE_O", "<other>", "_", " ")
	label := func(c string) string {
		switch c {
		case "p0":
			return l.Poles[0].Label
		case "p1":
			return l.Poles[1].Label
		}
		return c
	}
	switch kind {
	case "w", "b":
		return strconv.Quote(role.Replace(v))
	case "lean":
		if lean, _, _ := strings.Cut(v, ":"); lean != "0" {
			return "article leans to " + label(lean)
		}
		return "article leans to neither"
	case "prev":
		return "after a sentence toward " + label(v)
	case "next":
		return "before a sentence toward " + label(v)
	}
	return ""
}

// TrainReader learns a reader from examples: multinomial logistic
// regression by Adagrad over p.Epochs passes, visiting the examples in
// an order shuffled by p.Seed, so the same examples give the same
// weights.
func TrainReader(ex []Example, p ReaderParams) *Reader {
	type acc struct{ w, g [3]float64 }
	ws := map[string]*acc{}
	get := func(k string) *acc {
		a := ws[k]
		if a == nil {
			a = &acc{g: [3]float64{1e-8, 1e-8, 1e-8}}
			ws[k] = a
		}
		return a
	}
	if p.MinCount > 1 {
		n := map[string]int{}
		for _, e := range ex {
			for _, x := range e.Features {
				n[x.Name]++
			}
		}
		kept := make([]Example, len(ex))
		for i, e := range ex {
			fs := make([]Feature, 0, len(e.Features))
			for _, x := range e.Features {
				if n[x.Name] >= p.MinCount || !isWordFeature(x.Name) {
					fs = append(fs, x)
				}
			}
			kept[i] = Example{Features: fs, Class: e.Class}
		}
		ex = kept
	}
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(p.Seed, 0))
	for range p.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &ex[i]
			var s [3]float64
			for _, x := range e.Features {
				a := get(x.Name)
				for c := range s {
					s[c] += a.w[c] * x.Value
				}
			}
			pr := softmax(s)
			for c := range pr {
				g0 := pr[c]
				if c == e.Class {
					g0--
				}
				for _, x := range e.Features {
					a := ws[x.Name]
					g := g0*x.Value + p.L2*a.w[c]
					a.g[c] += g * g
					a.w[c] -= p.Rate * g / math.Sqrt(a.g[c])
				}
			}
		}
	}
	r := &Reader{Weights: make(map[string][3]float64, len(ws)), NoneBias: p.NoneBias, MinProb: p.MinProb}
	for k, a := range ws {
		var w [3]float64
		zero := true
		for c := range w {
			w[c] = roundWeight(a.w[c])
			zero = zero && w[c] == 0
		}
		if !zero {
			r.Weights[k] = w
		}
	}
	return r
}

// roundWeight rounds a weight to the 5 decimals the file keeps, so a
// trained reader and its file predict alike.
func roundWeight(w float64) float64 {
	v := math.Round(w*1e5) / 1e5
	if v == 0 {
		return 0 // no -0
	}
	return v
}

// readerHeader opens a reader file.
const readerHeader = "# alignnet reader: feature <TAB> weight of the first pole, of the second, of none"

// Format writes the reader as text: a header, the none bias, then one
// line per feature, sorted.
func (r *Reader) Format() string {
	var b strings.Builder
	b.WriteString(readerHeader)
	b.WriteString("\n# made by `alignnet train`; analysis/alignment/README.md (\"The reader\") documents it\n")
	fmt.Fprintf(&b, "none-bias\t%s\n", fmtWeight(r.NoneBias))
	fmt.Fprintf(&b, "min-prob\t%s\n", fmtWeight(r.MinProb))
	for _, k := range sortedKeys(r.Weights) {
		w := r.Weights[k]
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", k, fmtWeight(w[0]), fmtWeight(w[1]), fmtWeight(w[2]))
	}
	return b.String()
}

func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'f', -1, 64) }

// ParseReader reads a reader file; name is used in errors
// ("name:line: message").
func ParseReader(name, text string) (*Reader, error) {
	r := &Reader{Weights: map[string][3]float64{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	bias, prob := false, false
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if (fs[0] == "none-bias" || fs[0] == "min-prob") && len(fs) == 2 {
			v, err := strconv.ParseFloat(fs[1], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%s:%d: %s %q is not a number", name, n, fs[0], fs[1])
			}
			if fs[0] == "none-bias" {
				r.NoneBias, bias = v, true
			} else if v < 0 || v > 1 {
				return nil, fmt.Errorf("%s:%d: min-prob %v is not in [0, 1]", name, n, v)
			} else {
				r.MinProb, prob = v, true
			}
			continue
		}
		if len(fs) != 4 || fs[0] == "" {
			return nil, fmt.Errorf("%s:%d: want \"feature<TAB>w<TAB>w<TAB>w\", got %q", name, n, line)
		}
		if _, dup := r.Weights[fs[0]]; dup {
			return nil, fmt.Errorf("%s:%d: feature %q repeated", name, n, fs[0])
		}
		var w [3]float64
		for c := range w {
			v, err := strconv.ParseFloat(fs[c+1], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%s:%d: weight %q of %q is not a number", name, n, fs[c+1], fs[0])
			}
			w[c] = v
		}
		r.Weights[fs[0]] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !bias || !prob {
		return nil, fmt.Errorf("%s: want a none-bias and a min-prob line", name)
	}
	return r, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// isWordFeature reports whether a feature is a word or a word pair.
func isWordFeature(name string) bool {
	return strings.HasPrefix(name, "w:") || strings.HasPrefix(name, "b:")
}
