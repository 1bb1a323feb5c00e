package alignment

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Actor is an entity mentioned in a sentence.
type Actor struct {
	ID         string
	Bloc       string // e.g. "subject", "russia", "west", "other"
	Country    string // ID of the country a person or organization belongs to, if known
	Start, End int    // byte offsets in the sentence text
}

// Input is a sentence to score: its text and the actors it mentions.
type Input struct {
	Text   string
	Actors []Actor
}

// Sentence is a scored sentence.
type Sentence struct {
	Stance Stance
	// Score is the signed strength of the stance, net/(1+|net|) where net
	// is the first pole's evidence minus the second's: in (0, 1) toward
	// the first pole, in (-1, 0) toward the second, 0 for none.
	Score float64
	// Cues are the readable reasons of the label, in text order, each
	// with the pole it was attributed to: "cooperat* (toward Russia)",
	// "not allow (away from the West)".
	Cues []string
	// Actors are the IDs of the actors the sentence names, sorted.
	Actors []string
	// Carried is set when the subject was inherited from the previous
	// sentence (Lexicon.Carry).
	Carried bool
	// Pull is the evidence the sentence adds to an article's and an
	// actor's score toward each pole (the first pole's, then the
	// second's): its cues' weights scaled by their clauses, uncapped,
	// with the parts that Balance cancels, and with a pole's pressure
	// scaled by the pressure-pull setting; with a reader, blended with
	// the reader's probabilities of the poles (Lexicon.Reread). Score
	// says which way the sentence leans; Pull says how much it tells of
	// the article.
	Pull [2]float64
}

// role of an actor in the scorer.
type role int8

const (
	other   role = -1
	pole0   role = 0
	pole1   role = 1
	subject role = 2
)

func (l *Lexicon) role(a Actor) role {
	for _, b := range l.SubjectBlocs {
		if a.Bloc == b {
			return subject
		}
	}
	for i, p := range l.Poles {
		for _, b := range p.Blocs {
			if a.Bloc == b {
				return role(i)
			}
		}
		for _, id := range p.IDs {
			if a.ID == id || (a.Country != "" && a.Country == id) {
				return role(i)
			}
		}
	}
	return other
}

// context is what a sentence hands to the next for subject continuity.
type context struct {
	involved     bool // the subject was named or inherited
	agentSubject bool // the sentence's first agent was the subject
	poles        [2]bool
	lean         int // the pole the sentence was labelled with, or -1
}

// Score labels one sentence on its own, with no carry-over.
func (l *Lexicon) Score(text string, actors []Actor) Sentence {
	sc := getScratch()
	defer putScratch(sc)
	s, _ := l.score(text, actors, context{lean: -1}, sc)
	return s
}

// Sentences labels the sentences of one article in order. With l.Carry a
// sentence that names no subject actor but refers back to it (README.md,
// "Subject continuity") inherits the subject, and the poles if it names
// none, from the previous sentence.
func (l *Lexicon) Sentences(in []Input) []Sentence {
	out := make([]Sentence, len(in))
	ctx := context{lean: -1}
	sc := getScratch()
	defer putScratch(sc)
	for i, s := range in {
		if !l.Carry {
			ctx = context{lean: -1}
		}
		out[i], ctx = l.score(s.Text, s.Actors, ctx, sc)
	}
	return out
}

// clauseSum is the evidence of one clause toward one pole.
type clauseSum struct {
	clause, pole int
	sum, scale   float64
	pull         float64 // sum with pressure scaled by the pressure-pull setting
}

// scratchPool holds the buffers of Score and Sentences between calls:
// they are sized by the longest sentence seen, and the word cache (512
// KiB) is filled once, not rebuilt for every article or sentence.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns sc to the pool. The IDs are the last article's: they
// are dropped so that the pool does not keep the article alive. (The
// tokens point into the scratch's word cache, not into the text.)
func putScratch(sc *scratch) {
	clear(sc.ids[:cap(sc.ids)])
	scratchPool.Put(sc)
}

// evidence is one cue's contribution.
type evidence struct {
	pole     int // the pole it points to
	clause   int
	weight   float64
	scale    float64 // of the clause: its weight times the hedge factor
	text     string
	conceded bool
	// byPole is set when the cue's agent is a pole actor: the pole acts.
	byPole bool
	// complement is set for a cue toward a pole named after it
	// ("dependence on Russia").
	complement bool
	toward     bool // the cue moves toward its pole
	strong     bool // its weight in the poles file is at least 1 (not a meeting or a visit)
	decline    bool // a [decline] cue: the toward cues of its clause are its topic
	pressure   bool // a pole pushes the subject (pressure from …)
}

// analysis is the per-sentence state of the scorer.
type analysis struct {
	l          *Lexicon
	at         cueTable // the cues of every section at every token
	toks       []token
	actorToks  []int // the indices of the actor tokens, in order
	actors     []Actor
	roles      []role // per actor index
	clause     []int  // per token: clause id
	weight     []float64
	negAll     []bool // per token: under a clause negation
	scope      []int  // per token: agent scope id
	scopeStart []int  // per scope id: its first token
	coord      []int  // per token: the first token after the ", and" of its coordinated clause, or -1
	part       []int  // per token: its part of the clause, split after ", and"
	seg        []int  // per token: its part, split again after verbs of saying
	hedged     []bool // per clause id: the clause has a hedge
	neg        []bool // per token: the last word of a negation phrase
	negTxt     []string
	sc         *scratch // the buffers behind the slices above
}

var prepositions = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "with": true, "for": true,
	"by": true, "on": true, "of": true, "toward": true, "towards": true,
	"against": true, "into": true, "within": true, "between": true, "among": true,
	"over": true, "under": true, "after": true, "before": true, "about": true,
	"across": true, "through": true, "via": true, "like": true, "unlike": true,
	"amid": true, "near": true, "beyond": true, "during": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"this": true, "these": true, "those": true, "such": true, "any": true,
}

var relatives = map[string]bool{"which": true, "who": true, "whom": true, "whose": true}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}

var coordinators = map[string]bool{
	"and": true, "or": true, "nor": true, "the": true, ",": true, "as": true,
	"well": true, "both": true, "either": true, "neither": true, "much": true,
}

// score labels one sentence given the context the previous one hands
// it, and returns the context it hands the next.
func (l *Lexicon) score(text string, actors []Actor, prev context, sc *scratch) (Sentence, context) {
	roles := grow(&sc.roles, len(actors))
	quiet := prev.quiet()
	for i := range actors {
		roles[i] = l.role(actors[i])
		quiet = quiet && roles[i] == other
	}
	if quiet {
		return Sentence{Stance: None, Actors: actorIDs(text, actors, sc)}, context{lean: -1}
	}
	return l.scoreAll(text, actors, roles, prev, sc)
}

// quiet reports whether a sentence that names neither the subject nor
// a pole can have no stance after this context, nor hand anything to
// the next sentence: the subject was not involved (nothing to carry)
// and no pole named (nothing for a reference back to keep). scoreAll
// then labels it none with no cues and hands on context{lean: -1}, so
// score skips the analysis.
func (c context) quiet() bool {
	return !c.involved && !c.poles[0] && !c.poles[1]
}

// actorIDs returns the sorted IDs of the actors of the sentence's actor
// tokens (those with valid spans), as scoreAll sets Sentence.Actors.
func actorIDs(text string, actors []Actor, sc *scratch) []string {
	ids := sc.ids[:0]
	for _, i := range validSpans(text, actors, &sc.spans) {
		ids = append(ids, actors[i].ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	sc.ids = ids[:0]
	if len(ids) == 0 {
		return nil
	}
	return slices.Clone(ids)
}

// scoreAll is score without the shortcut for quiet sentences; roles are
// the roles of the actors.
func (l *Lexicon) scoreAll(text string, actors []Actor, roles []role, prev context, sc *scratch) (Sentence, context) {
	spans := validSpans(text, actors, &sc.spans)
	a := &analysis{l: l, actors: actors, roles: roles, sc: sc}
	a.toks = l.tokenize(text, actors, spans, sc)
	sc.toks = a.toks
	a.at = l.scan(a.toks, sc)
	var out Sentence
	ids := sc.ids[:0]
	a.actorToks = sc.actorToks[:0]
	hasSubject := false
	var explicit [2]bool
	for i := range a.toks {
		t := &a.toks[i]
		if t.kind != actorTok {
			continue
		}
		a.actorToks = append(a.actorToks, i)
		ids = append(ids, actors[t.actor].ID)
		switch r := a.roles[t.actor]; r {
		case subject:
			hasSubject = true
		case pole0, pole1:
			explicit[r] = true
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) > 0 {
		out.Actors = slices.Clone(ids)
	}
	sc.ids = ids[:0]
	sc.actorToks = a.actorToks[:0]

	next := context{poles: explicit, lean: -1}

	// Subject continuity.
	carried := false
	var carriedPoles [2]bool
	leading := a.leadingAnaphor()
	relational := a.has(secRelational, 0, len(a.toks))
	self := a.has(secSelf, 0, len(a.toks))
	if !hasSubject && prev.involved && ((prev.agentSubject && leading) || relational || self) {
		carried = true
	}
	// A sentence that names no pole and refers back ("We confirm our
	// readiness to support Kazakhstan", "Niyazov declined the
	// invitation") keeps the poles of the previous one.
	if (leading || relational || a.has(secBackReference, 0, len(a.toks))) && !explicit[0] && !explicit[1] {
		carriedPoles = prev.poles
	}
	out.Carried = carried
	first := a.firstAgent(0, len(a.toks))
	next.involved = hasSubject || carried
	next.agentSubject = (first >= 0 && a.roles[a.toks[first].actor] == subject) ||
		(carried && (first < 0 || a.roles[a.toks[first].actor] == subject))
	if !explicit[0] && !explicit[1] {
		next.poles = carriedPoles
	}
	// Implied subject (README.md): one pole, no other actor, and no
	// opening pronoun, whose antecedent was not the subject, as an
	// agent of its own.
	implicit := false
	// Continuation (README.md): a sentence about one pole alone goes on
	// with the lean of the sentence before it toward that pole ("Moscow
	// pledged new loans." after "Astana joined the Customs Union.").
	continued := -1
	if !hasSubject && !carried {
		if p := prev.lean; p >= 0 && explicit[p] && !explicit[1-p] && l.Params.Continuation > 0 {
			continued = p
		}
		implicit = l.Params.Implicit > 0 && explicit[0] != explicit[1] && !a.hasOther() && !leading
		if !implicit {
			var total [2]float64
			if continued >= 0 {
				total[continued] = l.Params.Continuation
				out.Pull[continued] = l.Params.Continuation
				out.Cues = append(out.Cues, fmt.Sprintf("continuation (toward %s)", l.Poles[continued].Label))
			}
			next.lean = l.label(&out, total)
			return out, next
		}
	}

	// Clauses, scopes and negations matter only to a sentence that can
	// have a stance.
	a.structure()
	ev := declined(a.cues(carriedPoles))
	if implicit {
		// The subject is implied: only what relates it to the pole
		// counts ("dependence on Russia"), not what the pole does on
		// its own ("Moscow pledged new loans").
		kept := ev[:0] // filtered in place
		for _, e := range ev {
			if e.strong && ((!e.byPole && e.complement) || (e.toward && e.byPole)) {
				kept = append(kept, e)
			}
		}
		ev = kept
	}
	// The main clause decides: conceded clauses (despite, although, the
	// part before ", but", parentheses) count only when the main clauses
	// have no evidence.
	main := false
	for _, e := range ev {
		main = main || !e.conceded
	}
	background := a.has(secBackground, 0, len(a.toks))
	comention := -1 // the pole of a co-mention that decides the sentence
	if main {
		kept := ev[:0] // filtered in place
		for _, e := range ev {
			if !e.conceded {
				kept = append(kept, e)
			}
		}
		ev = kept
	} else if len(ev) > 0 && !background {
		// A main clause with no cue that relates the subject to one
		// pole still outweighs what is conceded: "Although Russia
		// remains its main partner, Uzbekistan has turned to Western
		// lenders."
		if r := a.related(true); r[0] != r[1] {
			ev = nil
			comention = 0
			if r[1] {
				comention = 1
			}
		}
	}
	// Sum per clause and pole, capped, then scaled by the clause (the
	// scale of its last evidence), in clause order.
	sums := sc.sums[:0]
	for _, e := range ev {
		i := slices.IndexFunc(sums, func(s clauseSum) bool { return s.clause == e.clause && s.pole == e.pole })
		if i < 0 {
			sums = append(sums, clauseSum{clause: e.clause, pole: e.pole})
			i = len(sums) - 1
		}
		sums[i].sum += e.weight
		if e.pressure {
			sums[i].pull += e.weight * l.Params.PressurePull
		} else {
			sums[i].pull += e.weight
		}
		for j := range sums {
			if sums[j].clause == e.clause {
				sums[j].scale = e.scale
			}
		}
	}
	slices.SortFunc(sums, func(x, y clauseSum) int {
		if x.clause != y.clause {
			return x.clause - y.clause
		}
		return x.pole - y.pole
	})
	sc.sums = sums
	cancelled := a.balanced(explicit)
	var total, pull [2]float64
	for _, k := range sums {
		if cancelled[k.clause] {
			// A part that says "both" pulls both ways alike,
			// whichever pole its cues were attributed to.
			pull[0] += k.pull * k.scale / 2
			pull[1] += k.pull * k.scale / 2
			continue
		}
		pull[k.pole] += k.pull * k.scale
		total[k.pole] += min(k.sum, l.Params.Saturation) * k.scale
	}
	if len(ev) > 0 {
		out.Cues = make([]string, 0, len(ev)+2)
	}
	for _, e := range ev {
		if !cancelled[e.clause] {
			out.Cues = append(out.Cues, e.text)
		}
	}
	var cs []int
	for c := range cancelled {
		cs = append(cs, c)
	}
	sort.Ints(cs)
	for _, c := range cs {
		out.Cues = append(out.Cues, "balance: "+a.balanceText(c))
	}
	if implicit {
		total[0] *= l.Params.Implicit
		total[1] *= l.Params.Implicit
		pull[0] *= l.Params.Implicit
		pull[1] *= l.Params.Implicit
		comention = -1
		if total[0] > 0 || total[1] > 0 {
			out.Cues = append(out.Cues, "implied subject")
		}
	}
	if total[0] == 0 && total[1] == 0 && len(ev) == 0 && !background && comention < 0 && !implicit {
		// Co-mention: the subject and one pole in one clause, no cue.
		if r := a.related(false); explicit[0] != explicit[1] && (r[0] || r[1]) {
			comention = 0
			if explicit[1] {
				comention = 1
			}
		}
	}
	if comention >= 0 {
		total[comention] = l.Params.Comention
		pull[comention] = l.Params.Comention
		out.Cues = append(out.Cues, fmt.Sprintf("co-mention (toward %s)", l.Poles[comention].Label))
	}
	if continued >= 0 && total[0] == 0 && total[1] == 0 {
		total[continued] = l.Params.Continuation
		pull[continued] = l.Params.Continuation
		out.Cues = append(out.Cues, fmt.Sprintf("continuation (toward %s)", l.Poles[continued].Label))
	}
	next.lean = l.label(&out, total)
	out.Pull = pull
	return out, next
}

// label sets the stance and score of out from the evidence toward each
// pole and returns the index of the pole it leans to, or -1 for none.
func (l *Lexicon) label(out *Sentence, total [2]float64) int {
	net := total[0] - total[1]
	lo, hi := math.Min(total[0], total[1]), math.Max(total[0], total[1])
	switch {
	case hi == 0:
		out.Stance = None
	case lo/hi >= l.Params.Balance:
		out.Stance = None
		out.Cues = append(out.Cues, fmt.Sprintf("balance: %s %.2f, %s %.2f", l.Poles[0].Label, total[0], l.Poles[1].Label, total[1]))
	default:
		out.Score = net / (1 + math.Abs(net))
		if net < 0 {
			out.Stance = l.Poles[1].Name
			return 1
		}
		out.Stance = l.Poles[0].Name
		return 0
	}
	return -1
}

// declined drops the toward cues that a [decline] cue of the same clause
// is said of: in "the partnership with Washington is fraying" the
// partnership is what declines.
func declined(ev []evidence) []evidence {
	out := ev[:0:0]
	if !slices.ContainsFunc(ev, func(e evidence) bool { return e.decline }) {
		return ev
	}
	for _, e := range ev {
		drop := false
		for _, d := range ev {
			drop = drop || (e.toward && d.decline && d.clause == e.clause && d.pole != e.pole)
		}
		if !drop {
			out = append(out, e)
		}
	}
	return out
}

// hasOther reports whether the sentence names an actor that is neither
// the subject nor a pole.
func (a *analysis) hasOther() bool {
	for _, i := range a.actorToks {
		if a.roles[a.toks[i].actor] == other && !a.cited(i) {
			return true
		}
	}
	return false
}

// cited reports whether actor token i is a source ("according to the
// World Bank"), not a participant.
func (a *analysis) cited(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := &a.toks[j]
		if t.kind != wordTok {
			return false
		}
		if t.text == "to" && j > 0 && a.toks[j-1].kind == wordTok && a.toks[j-1].text == "according" {
			return true
		}
	}
	return false
}

// month reports whether a one-word match is the month May ("on May 25",
// "in May 2001", "May 5 this year"), not the modal verb.
func (a *analysis) month(m match) bool {
	if m.first != m.last || a.toks[m.first].text != "may" {
		return false
	}
	number := func(i int) bool {
		return i >= 0 && i < len(a.toks) && a.toks[i].kind == wordTok && a.toks[i].text[0] >= '0' && a.toks[i].text[0] <= '9'
	}
	if number(m.first+1) || number(m.first-1) {
		return true
	}
	if p := m.first - 1; p >= 0 && a.toks[p].kind == wordTok {
		switch a.toks[p].text {
		case "in", "of", "since", "until", "early", "late", "mid", "last", "next":
			return true
		}
	}
	return false
}

// leadingAnaphor reports whether one of the first three words is an
// anaphor.
func (a *analysis) leadingAnaphor() bool {
	words := 0
	for i := range a.toks {
		t := &a.toks[i]
		if t.kind == actorTok {
			return false
		}
		if t.kind != wordTok {
			continue
		}
		if m := a.at.get(secAnaphor, i); m != nil {
			return true
		}
		if words++; words == 3 {
			return false
		}
	}
	return false
}

// structure computes the clauses, their weights, hedges, agent scopes and
// the negations.
func (a *analysis) structure() {
	n := len(a.toks)
	p := a.l.Params
	// One allocation per element type: a sentence has tens of tokens
	// and the scorer runs on millions of sentences.
	ints := grow(&a.sc.ints, 5*n)
	clear(ints)
	a.clause, a.scope, a.coord, a.seg, a.part = ints[:n:n], ints[n:2*n:2*n], ints[2*n:3*n:3*n], ints[3*n:4*n:4*n], ints[4*n:]
	bools := grow(&a.sc.bools, 4*n+1)
	clear(bools)
	a.negAll, a.neg, a.hedged = bools[:n:n], bools[n:2*n:2*n], bools[2*n:3*n:3*n]
	boundary := bools[3*n:] // a clause starts at i
	a.weight = grow(&a.sc.floats, n)
	a.negTxt = grow(&a.sc.strs, n)
	clear(a.negTxt)
	for i := range a.weight {
		a.weight[i] = 1
	}
	// Parentheses: asides.
	depth := 0
	for i := range a.toks {
		t := &a.toks[i]
		if t.kind == punctTok {
			switch t.text {
			case "(":
				depth++
				boundary[i] = true
			case ";", ":":
				boundary[i+1] = true
			}
		}
		if depth > 0 {
			a.weight[i] *= p.Aside
		}
		if t.kind == punctTok && t.text == ")" {
			if depth > 0 {
				depth--
			}
			boundary[i+1] = true
		}
	}
	// Non-restrictive relative clauses (", which ...,", ", who ...,")
	// are asides: background to the main clause.
	for i := 1; i < n; i++ {
		if !(a.toks[i-1].kind == punctTok && a.toks[i-1].text == "," && a.toks[i].kind == wordTok && a.toks[i].is(relative)) {
			continue
		}
		end := i + 1
		for end < n && a.toks[end].kind != punctTok {
			end++
		}
		for j := i; j < end; j++ {
			a.weight[j] *= p.Aside
		}
		boundary[i] = true
		boundary[end] = true
		i = end
	}
	// Adversative: ", but" / "; however" concede what precedes.
	last := -1
	for i := 1; i < n && a.at.matches(secAdversative); i++ {
		if a.toks[i-1].kind == punctTok && (a.toks[i-1].text == "," || a.toks[i-1].text == ";") {
			if m := a.at.get(secAdversative, i); m != nil {
				last = i
			}
		}
	}
	if last > 0 {
		for i := 0; i < last; i++ {
			a.weight[i] *= p.Adversative
		}
		boundary[last] = true
	}
	// Concession: the marker to the next comma, semicolon or parenthesis.
	for i := 0; i < n && a.at.matches(secConcession); i++ {
		m := a.at.get(secConcession, i)
		if m == nil {
			continue
		}
		end := m.last + 1
		for end < n && !(a.toks[end].kind == punctTok && a.toks[end].text != "—") {
			end++
		}
		for j := i; j < end; j++ {
			a.weight[j] *= p.Concession
		}
		boundary[i] = true
		boundary[end] = true
		i = end - 1
	}
	// Clause ids.
	id := 0
	for i := range a.toks {
		if boundary[i] && i > 0 {
			id++
		}
		a.clause[i] = id
	}
	// Clause negation: cues after it are negated; what precedes in its
	// clause is conceded.
	for i := 0; i < n && a.at.matches(secClauseNegation); i++ {
		m := a.at.get(secClauseNegation, i)
		if m == nil {
			continue
		}
		c := a.clause[i]
		for j := i - 1; j >= 0 && a.clause[j] == c; j-- {
			a.weight[j] *= p.Concession
		}
		for j := m.last + 1; j < n && a.clause[j] == c; j++ {
			a.negAll[j] = true
		}
		i = m.last
	}
	// Hedges per clause.
	for m := range a.find(secHedge) {
		if !a.month(m) {
			a.hedged[a.clause[m.first]] = true
		}
	}
	// Negation words.
	for i := 0; i < n && (a.at.matches(secNotNegation) || a.at.matches(secNegation)); i++ {
		if a.at.get(secNotNegation, i) != nil {
			m := a.at.get(secNotNegation, i)
			i = m.last
			continue
		}
		if m := a.at.get(secNegation, i); m != nil && !a.comparative(m) {
			a.neg[m.last] = true
			a.negTxt[m.last] = m.c.text
			i = m.last
		}
	}
	// Agent scopes: clauses, split again after verbs of saying.
	sid, speech := 0, a.at.matches(secSpeech)
	for i := 0; i < n; i++ {
		if i > 0 && a.clause[i] != a.clause[i-1] {
			sid++
		}
		a.scope[i] = sid
		if !speech {
			continue
		}
		if m := a.at.get(secSpeech, i); m != nil {
			for j := i + 1; j <= m.last; j++ {
				a.scope[j] = sid
			}
			i = m.last
			sid++
		}
	}
	a.scopeStart = grow(&a.sc.scopes, sid+1)
	clear(a.scopeStart)
	for i := n - 1; i >= 0; i-- {
		a.scopeStart[a.scope[i]] = i
	}
	// Coordinated main clauses: ", and Moscow warned" starts a scope
	// whose agent is its own; with no actor of its own ("..., and
	// signed"), the agent is the preceding scope's.
	start, seg, part := -1, 0, 0
	for i := 0; i < n; i++ {
		if i > 0 && a.scope[i] != a.scope[i-1] {
			start = -1
			seg++
		}
		if i > 0 && a.clause[i] != a.clause[i-1] {
			seg++
			part++
		}
		if i >= 2 && a.toks[i-2].kind == punctTok && a.toks[i-2].text == "," && a.toks[i-1].kind == wordTok && a.toks[i-1].text == "and" {
			start = i
			seg++
			part++
		}
		a.coord[i] = start
		a.seg[i] = seg
		a.part[i] = part
	}
}

// agent returns the token of the agent of the cue starting at first, or -1.
func (a *analysis) agent(first int) int {
	if c := a.coord[first]; c >= 0 {
		if t := a.firstAgent(c, first); t >= 0 {
			return t
		}
	}
	return a.firstAgent(a.scopeStart[a.scope[first]], first)
}

// firstAgent returns the token index of the first actor in toks[from:to]
// that does not follow a preposition within three words, nor is
// coordinated with an actor that does ("between Astana and Moscow"), or
// -1.
func (a *analysis) firstAgent(from, to int) int {
	lastPrep := -1 // token index of the last actor skipped as prepositional
	for i := from; i < to; i++ {
		if a.toks[i].kind != actorTok {
			continue
		}
		prep := false
		for j := i - 1; j >= from && j >= i-3; j-- {
			if a.toks[j].kind == actorTok || a.toks[j].kind == punctTok {
				break
			}
			if a.toks[j].is(preposition) {
				prep = true
				break
			}
		}
		if !prep && lastPrep >= 0 {
			prep = true
			for j := lastPrep + 1; j < i; j++ {
				if a.toks[j].kind == actorTok || !a.toks[j].is(coordinator) {
					prep = false
					break
				}
			}
		}
		if !prep {
			return i
		}
		lastPrep = i
	}
	return -1
}

type cueKind int8

const (
	towardCue cueKind = iota
	awayCue
	pressureCue
)

// cueSections are the sections that carry evidence, in the order that
// breaks ties between equal matches.
var cueSections = []struct {
	sec  int
	kind cueKind
}{{secToward, towardCue}, {secAway, awayCue}, {secAwayFrom, awayCue}, {secPressure, pressureCue}, {secDecline, awayCue}}

type found struct {
	match
	kind      cueKind
	direction bool    // an [away-from] cue: never reversed by a preceding away cue
	decline   bool    // a [decline] cue after a toward cue: the relation it is said of declines
	state     bool    // a [decline] cue, whether or not after a toward cue
	gov       *cue    // the away cue that reverses this one, or nil
	govFirst  int     // the first token of gov
	tail      []found // cues absorbed as its complement (a part of the sentence's cues)
}

// cues finds the cues of the sentence and turns them into evidence.
func (a *analysis) cues(carried [2]bool) []evidence {
	all := a.sc.found[:0]
	defer func() { a.sc.found = all[:0] }()
	for _, sk := range cueSections {
		for m := range a.find(sk.sec) {
			all = append(all, found{match: m, kind: sk.kind, direction: sk.sec == secAwayFrom, decline: sk.sec == secDecline, state: sk.sec == secDecline})
		}
	}
	// Phrases of [ignore] are never cues ("a sign of").
	ig := slices.AppendSeq(a.sc.ignored[:0], a.find(secIgnore))
	a.sc.ignored = ig
	if len(ig) > 0 {
		kept := all[:0]
		for _, f := range all {
			overlap := false
			for _, m := range ig {
				overlap = overlap || (f.first <= m.last && m.first <= f.last)
			}
			if !overlap {
				kept = append(kept, f)
			}
		}
		all = kept
	}
	// Leftmost-longest across sections.
	slices.SortStableFunc(all, func(f, g found) int {
		if f.first != g.first {
			return cmp.Compare(f.first, g.first)
		}
		return cmp.Compare(g.last, f.last)
	})
	fs := all[:0] // filtered in place
	end := -1
	for _, f := range all {
		if f.first <= end {
			continue
		}
		fs = append(fs, f)
		end = f.last
	}
	// A [decline] cue after a toward cue of its part of the clause is
	// said of that relation: "the partnership with Washington is
	// fraying".
	for i := range fs {
		if !fs[i].decline {
			continue
		}
		topic := false
		for j := i - 1; j >= 0 && !topic; j-- {
			topic = fs[j].kind == towardCue && a.seg[fs[j].first] == a.seg[fs[i].first]
		}
		fs[i].decline = topic
	}
	// An away cue closely followed by another cue reverses it.
	ev := a.sc.ev[:0]
	for i := 0; i < len(fs); i++ {
		f := fs[i]
		if f.kind == awayCue && i+1 < len(fs) && a.governs(f, fs[i+1]) {
			g := fs[i+1]
			g.gov, g.govFirst = f.c, f.first
			i++
			// The governed cue's own complement goes with it:
			// "resisted Russian pressure to join the EAEU".
			from := i + 1
			for i+1 < len(fs) && fs[i+1].kind != awayCue && a.complement(g, fs[i+1]) {
				g.last = fs[i+1].last
				i++
			}
			g.tail = fs[from : i+1]
			if e, ok := a.evidence(g, carried); ok {
				ev = append(ev, e)
			}
			continue
		}
		// A negated cue takes the cues of its phrase with it: "would
		// never accept conditions in exchange for gas supplies".
		if a.negation(f.first) != "" {
			from := i + 1
			for i+1 < len(fs) && fs[i+1].kind != awayCue && a.phrase(f.last, fs[i+1].first) {
				f.last = fs[i+1].last
				i++
			}
			f.tail = fs[from : i+1]
		}
		if e, ok := a.evidence(f, carried); ok {
			ev = append(ev, e)
		}
	}
	a.sc.ev = ev
	return ev
}

// particle holds the negations that are grammar, not verbs: a negation
// before them does not cancel them.
var particle = map[string]bool{"no": true, "not": true, "never": true, "nor": true, "neither": true, "no longer": true, "without": true}

// clauseWord holds the words that start a clause of their own (a
// coordination, a that-clause, a subordinate clause): a cue or a negation
// does not reach across them.
var clauseWord = map[string]bool{"and": true, "or": true, "but": true, "that": true, "when": true, "while": true,
	"because": true, "as": true, "after": true, "before": true, "since": true, "until": true, "if": true, "where": true}

// governs reports whether away cue f reverses the next cue g: within the
// govern window, in the same clause, with no coordination and (unless g
// is pressure) no actor between.
func (a *analysis) governs(f, g found) bool {
	if g.direction || g.first-f.last > a.l.Params.GovernWindow || a.clause[f.first] != a.clause[g.first] {
		return false
	}
	for j := f.last + 1; j < g.first; j++ {
		t := &a.toks[j]
		// "warned that it would oppose": a clause of its own.
		if t.kind == punctTok || (t.kind == wordTok && clauseWord[t.text]) {
			return false
		}
		// "criticized Washington for meddling": the actor is the
		// object, the second cue a reason; but "resisted Russian
		// pressure" reverses the pressure, and in "refused Gazprom's
		// requests" the actor only says whose requests.
		if t.kind == actorTok && g.kind != pressureCue && j != g.first-1 {
			return false
		}
	}
	return true
}

// complement reports whether cue h follows g within three words of the
// same clause with no actor or punctuation between.
func (a *analysis) complement(g, h found) bool {
	if h.first-g.last > 3 || a.clause[g.first] != a.clause[h.first] {
		return false
	}
	for j := g.last + 1; j < h.first; j++ {
		if a.toks[j].kind != wordTok {
			return false
		}
	}
	return true
}

// nominal reports whether the cue at first is a noun after a determiner
// ("played down the restrictions"): the clause's agent is not its agent.
func (a *analysis) nominal(first int) bool {
	if first == 0 || a.toks[first-1].kind != wordTok {
		return false
	}
	return a.toks[first-1].is(determiner)
}

// thatClause reports whether a "that" between the agent token t and the
// cue at first opens a clause with a subject of its own ("complained
// that the pledge ..."); a pronoun after it refers back to the agent
// ("made clear that it would oppose").
func (a *analysis) thatClause(t, first int) bool {
	for j := t + 1; j < first; j++ {
		if a.toks[j].kind == wordTok && a.toks[j].text == "that" {
			return j+1 < len(a.toks) && a.at.get(secAnaphor, j+1) == nil
		}
	}
	return false
}

// phrase reports whether tokens i < j lie in one part of a clause with no
// punctuation between.
func (a *analysis) phrase(i, j int) bool {
	if a.seg[i] != a.seg[j] {
		return false
	}
	for k := i + 1; k < j; k++ {
		if a.toks[k].kind == punctTok {
			return false
		}
	}
	return true
}

// negation returns the negation phrase that reaches the token at first, or
// "". Under a clause negation, a second negation earlier in the negated
// part cancels it for the rest of the clause: "none of this deterred
// Astana from deepening its partnership…" negates nothing.
func (a *analysis) negation(first int) string {
	c := a.clause[first]
	if a.negAll[first] {
		for j := first - 1; j >= 0 && a.negAll[j] && a.clause[j] == c; j-- {
			if a.neg[j] {
				return ""
			}
		}
		return "not"
	}
	for j := first - 1; j >= 0 && j >= first-a.l.Params.NegationWindow; j-- {
		if a.clause[j] != c || a.toks[j].kind == punctTok {
			break
		}
		if a.neg[j] {
			// A negated verb of lessening cancels: "has not
			// loosened its ties", "did not reduce its dependence"
			// (but "neither endorsed nor condemned" stays negated).
			for k := j - 1; k >= 0 && k >= j-3 && !particle[a.negTxt[j]]; k-- {
				if a.clause[k] != c || a.toks[k].kind == punctTok || (a.toks[k].kind == wordTok && clauseWord[a.toks[k].text]) {
					break
				}
				if a.neg[k] {
					return ""
				}
			}
			return a.negTxt[j]
		}
	}
	return ""
}

// comparative reports whether negation m is a "no" before a comparative
// with its "than" in the clause: "has no closer ally than Russia" says
// the ally is the closest, and negates nothing.
func (a *analysis) comparative(m *match) bool {
	i := m.last + 1
	if m.c.text != "no" || i >= len(a.toks) || a.toks[i].kind != wordTok {
		return false
	}
	w := a.toks[i].text
	if w != "more" && w != "better" && w != "other" && !(len(w) > 4 && strings.HasSuffix(w, "er")) {
		return false
	}
	for j := i + 1; j < len(a.toks) && a.clause[j] == a.clause[i]; j++ {
		if a.toks[j].kind == wordTok && a.toks[j].text == "than" {
			return true
		}
	}
	return false
}

// passiveAgent returns the actor token after "by" of a passive cue
// ("was criticized by Moscow"), or -1.
func (a *analysis) passiveAgent(f found) int {
	passive := false
	for j := f.first - 1; j >= 0 && j >= f.first-2; j-- {
		if a.toks[j].kind == wordTok && a.toks[j].is(beForm) {
			passive = true
		}
	}
	if !passive {
		return -1
	}
	for j := f.last + 1; j < len(a.toks) && j <= f.last+3; j++ {
		if a.toks[j].kind == wordTok && a.toks[j].text == "by" {
			for k := j + 1; k < len(a.toks) && k <= j+3; k++ {
				if a.toks[k].kind == actorTok {
					return k
				}
			}
		}
	}
	return -1
}

// evidence turns one cue (possibly governed) into evidence for a pole.
func (a *analysis) evidence(f found, carried [2]bool) (evidence, bool) {
	l := a.l
	p := l.Params
	// Polarity: +1 toward, -1 away; pressure stays pressure unless
	// reversed.
	kind := f.kind
	reversed := false
	first := f.first
	if f.gov != nil {
		reversed = true
		first = f.govFirst
	}
	neg := a.negation(first)
	if neg != "" {
		reversed = !reversed
	}
	// The agent of the cue's scope.
	agent := other
	if m := f.first - 1; m >= 0 && a.toks[m].kind == actorTok && a.roles[a.toks[m].actor] != other && f.gov == nil &&
		!(f.state && m > 0 && a.toks[m-1].is(preposition)) {
		// "Russian pressure", "Western criticism", "Moscow's demands":
		// the actor before the cue's noun is its source. A relation
		// that declines is not its partner's act: "relations with
		// Washington deteriorated".
		agent = a.roles[a.toks[m].actor]
	} else if pa := a.passiveAgent(f); pa >= 0 {
		agent = a.roles[a.toks[pa].actor]
	} else if t := a.agent(f.first); t >= 0 && !a.thatClause(t, f.first) && (kind == towardCue || !a.nominal(first)) {
		// An away noun after a determiner ("played down the
		// restrictions") is not the clause agent's act.
		agent = a.roles[a.toks[t].actor]
	}
	poleAgent := agent == pole0 || agent == pole1

	var target int
	pos := -1 // token of the actor the cue is attributed to
	factor := f.c.weight
	verb := "toward"
	switch {
	case kind == pressureCue && !reversed:
		verb = "pressure from"
		if poleAgent {
			target = int(agent)
		} else {
			t, w, at := a.attribute(f.match, carried)
			if t < 0 {
				return evidence{}, false
			}
			target, factor, pos = t, factor*w, at
		}
	case kind == awayCue && reversed && poleAgent && f.gov == nil && !f.decline:
		// A pole that does not object or criticise ("Moscow had no
		// objection") only refrains from pressure.
		return evidence{}, false
	case kind == awayCue && !reversed && poleAgent && !f.decline:
		// A pole's criticism, ban or demand aimed at the subject is
		// its pressure.
		verb = "pressure from"
		target = int(agent)
	default:
		t, w, at := a.attribute(f.match, carried)
		if t < 0 || (f.direction && at >= 0 && at < f.first) {
			// A direction ("away from", "rather than") points at
			// what follows it: with only a pole before it in the
			// sentence, it says nothing of one ("a down payment
			// rather than a guarantee"). A pole carried from the
			// previous sentence (at < 0) is what "away from that
			// dependence" points back to.
			return evidence{}, false
		}
		factor *= w
		pos = at
		away := (kind == awayCue) != reversed
		if kind == pressureCue && reversed {
			away = true
		}
		if away {
			verb = "away from"
			target = 1 - t
		} else {
			target = t
		}
	}
	named := target // the pole the text names
	if verb == "away from" {
		named = 1 - target
	}
	conceded, hedged := a.weight[f.first] < 1, a.hedged[a.clause[f.first]]
	scale := a.weight[f.first]
	if hedged {
		scale *= p.Hedge
	}
	return evidence{pole: target, clause: a.seg[f.first], weight: factor, scale: scale,
		text: cueText(neg, f, verb, l.Poles[named].Label, conceded, hedged), conceded: conceded,
		byPole: poleAgent || verb == "pressure from", complement: verb == "toward" && pos > f.last,
		toward: verb == "toward", decline: f.decline && verb == "away from", strong: f.c.weight >= 1,
		pressure: verb == "pressure from"}, true
}

// cueText is the readable reason of one piece of evidence: "not join
// (away from Russia)", "refus* join (away from the West, conceded)".
func cueText(neg string, f found, verb, pole string, conceded, hedged bool) string {
	var b strings.Builder
	b.Grow(64)
	if neg != "" {
		b.WriteString(neg)
		b.WriteByte(' ')
	}
	if f.gov != nil {
		b.WriteString(f.gov.text)
		b.WriteByte(' ')
	}
	b.WriteString(f.c.text)
	for _, t := range f.tail {
		b.WriteByte(' ')
		b.WriteString(t.c.text)
	}
	b.WriteString(" (")
	b.WriteString(verb)
	b.WriteByte(' ')
	b.WriteString(pole)
	if conceded {
		b.WriteString(", conceded")
	}
	if hedged {
		b.WriteString(", hedged")
	}
	b.WriteByte(')')
	return b.String()
}

// attribute returns the pole a cue is about and a factor: the nearest
// non-subject actor of the clause (an actor after the cue counts nearer
// than one before it, and a partner after "with" nearer still); -1 when
// that actor belongs to no pole. With no such actor in the clause, the
// nearest pole actor of the sentence at the fallback factor, else a pole
// carried from the previous sentence at the carry factor.
func (a *analysis) attribute(m match, carried [2]bool) (int, float64, int) {
	best, bestD := -1, math.Inf(1)
	for _, i := range a.actorToks {
		if a.seg[i] != a.seg[m.first] || a.roles[a.toks[i].actor] == subject {
			continue
		}
		var d float64
		switch {
		case i > m.last:
			d = float64(i - m.last)
		case i < m.first:
			d = 1.5 * float64(m.first-i)
		default:
			continue
		}
		if a.after(i, "with") || a.after(i, "toward") || a.after(i, "towards") {
			d *= 0.5
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		r := a.roles[a.toks[best].actor]
		if r == other {
			return -1, 0, -1
		}
		return int(r), 1, best
	}
	for _, i := range a.actorToks {
		if r := a.roles[a.toks[i].actor]; r == pole0 || r == pole1 {
			d := math.Abs(float64(i - m.first))
			if d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best >= 0 {
		return int(a.roles[a.toks[best].actor]), a.l.Params.Fallback, best
	}
	if carried[0] != carried[1] {
		if carried[0] {
			return 0, a.l.Params.Carry, -1
		}
		return 1, a.l.Params.Carry, -1
	}
	return -1, 0, -1
}

// after reports whether the actor token i follows word w, possibly with
// "the" between.
func (a *analysis) after(i int, w string) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		t := &a.toks[j]
		if t.kind != wordTok {
			return false
		}
		if t.text == w {
			return true
		}
		if t.text != "the" {
			return false
		}
	}
	return false
}

// balanced returns the clauses whose lean is cancelled: they name both
// poles and either carry a balance cue or coordinate the two poles
// ("Moscow and Washington", "Russia or the EU").
func (a *analysis) balanced(explicit [2]bool) map[int]bool {
	if !explicit[0] || !explicit[1] {
		return nil
	}
	out := map[int]bool{}
	type span struct{ from, to int }
	clauses := map[int]*span{}
	for i := range a.toks {
		c := a.seg[i]
		if s, ok := clauses[c]; ok {
			s.to = i + 1
		} else {
			clauses[c] = &span{i, i + 1}
		}
	}
	for c, s := range clauses {
		var has [2]bool
		lastPole, lastAt := -1, -1
		coordinated := false
		for i := s.from; i < s.to; i++ {
			t := &a.toks[i]
			if t.kind != actorTok {
				continue
			}
			r := a.roles[t.actor]
			if r != pole0 && r != pole1 {
				continue
			}
			has[r] = true
			if lastPole >= 0 && lastPole != int(r) && a.coordinated(lastAt, i) {
				coordinated = true
			}
			lastPole, lastAt = int(r), i
		}
		if has[0] && has[1] && (coordinated || a.has(secBalance, s.from, s.to)) {
			out[c] = true
		}
	}
	return out
}

// balanceText names the balance cue of clause c.
func (a *analysis) balanceText(c int) string {
	for m := range a.find(secBalance) {
		if a.seg[m.first] == c {
			return m.c.text
		}
	}
	return fmt.Sprintf("%s and %s side by side", a.l.Poles[0].Label, a.l.Poles[1].Label)
}

// coordinated reports whether actor tokens i < j are joined only by
// coordination ("Moscow and Washington", "both the Russian and the
// American", "Moscow or with Washington"): at most three tokens between,
// all coordinators or prepositions, one of them a conjunction.
func (a *analysis) coordinated(i, j int) bool {
	if j-i-1 > 3 || j-i-1 < 1 {
		return false
	}
	conj := false
	for k := i + 1; k < j; k++ {
		t := &a.toks[k]
		if t.kind == actorTok || !t.is(coordinator|preposition) {
			return false
		}
		conj = conj || t.text == "and" || t.text == "or" || t.text == "nor"
	}
	return conj
}

// related reports whether some pole actor shares a clause with a subject
// actor without being merely coordinated with it: "in Kazakhstan and
// Russia" describes both, it does not relate them; a coordinated pair that
// is the clause's agent ("Russia and Kazakhstan have many questions") acts
// together and counts.
//
// It returns the poles so related, in any clause or (main) in clauses of
// full weight only.
func (a *analysis) related(main bool) [2]bool {
	var out [2]bool
	for _, i := range a.actorToks {
		if main && a.weight[i] < 1 {
			continue
		}
		r := a.roles[a.toks[i].actor]
		if r != pole0 && r != pole1 {
			continue
		}
		if a.negation(i) != "" {
			// "was not aimed at Moscow" does not relate them.
			continue
		}
		sameClause, coord := false, false
		for _, j := range a.actorToks {
			if a.roles[a.toks[j].actor] != subject || a.part[j] != a.part[i] {
				continue
			}
			sameClause = true
			lo, hi := min(i, j), max(i, j)
			// "between Astana and Moscow" relates them.
			between := lo > 0 && a.toks[lo-1].kind == wordTok && a.toks[lo-1].text == "between"
			if (a.coordinated(lo, hi) || a.coordinatedBoth(lo, hi)) && a.firstAgent(a.clauseStart(lo), hi+1) != lo && !between {
				coord = true
			}
		}
		if sameClause && !coord {
			out[r] = true
		}
	}
	return out
}

// coordinatedBoth is coordinated for adjacent adjectives that share a
// noun: "Russian and Kazakh technologies", "Kazakhstani and Russian
// territories".
func (a *analysis) coordinatedBoth(i, j int) bool {
	return j == i+2 && a.toks[i+1].kind == wordTok && a.toks[i+1].text == "and"
}

// clauseStart returns the first token of i's clause.
func (a *analysis) clauseStart(i int) int {
	for i > 0 && a.clause[i-1] == a.clause[i] {
		i--
	}
	return i
}
