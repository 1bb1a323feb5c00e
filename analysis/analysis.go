// Package analysis scores processed articles and builds the corpus-wide
// co-mention network with its measures.
package analysis

import (
	"errors"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"alignnet/analysis/alignment"
	"alignnet/analysis/network"
	"alignnet/internal/par"
	"alignnet/pipeline"
	"alignnet/pipeline/entities"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
)

// Article is a processed article with its alignment.
type Article struct {
	*pipeline.Article
	Stances   []alignment.Sentence // one per sentence
	Alignment alignment.Article
	// SentenceCount is the number of sentences, DriverTexts the texts of
	// Alignment.Drivers: they survive Compact.
	SentenceCount int
	DriverTexts   []string
}

// Compact drops what only the per-article outputs need (the body, the
// sentences with their stances, the entities, the drivers and their
// texts), keeping the metadata and the alignment's figures. Run it after
// the article's articles.json and evidence.md parts are written, when a
// corpus is too large to keep whole: the corpus-wide results are already
// folded into the Corpus. A compacted article cannot be drawn or
// compared.
func (a *Article) Compact() {
	d := a.Doc
	doc := &ingest.Document{
		Name: strings.Clone(d.Name), ID: strings.Clone(d.ID), Title: strings.Clone(d.Title),
		Publication: strings.Clone(d.Publication), Author: strings.Clone(d.Author),
		Date: strings.Clone(d.Date), DateInferred: d.DateInferred,
	}
	a.Article = &pipeline.Article{Doc: doc, File: strings.Clone(a.File), Subject: a.Subject, Sources: cloneAll(a.Sources)}
	a.Stances = nil
	a.Alignment.Drivers, a.DriverTexts = nil, nil
}

func cloneAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}

// Actor is an entity of the corpus, merged over articles.
type Actor struct {
	ID       string
	Name     string
	Type     kb.Type
	Bloc     kb.Bloc // the bloc it has in most articles (ties: subject, russia, west, other)
	Forms    []entities.Form
	Mentions int
	Articles int
	Measures network.Measures
	// Alignment is the stance of the sentences naming the actor, over
	// the whole corpus.
	Alignment alignment.ActorRow
}

// Result is the analysis of a corpus.
type Result struct {
	Poles    [2]alignment.Pole // the two poles scores lean toward (+1 the first)
	Articles []Article
	Actors   []Actor // the network's nodes, sorted by ID
	Network  *network.Network
	// Warnings are problems that did not stop the analysis, for the
	// user to see (a centrality that did not converge).
	Warnings []string
}

// Analyze scores every article with lex and builds the network over all
// sentences. seed drives the community search.
func Analyze(arts []*pipeline.Article, lex *alignment.Lexicon, seed uint64) (*Result, error) {
	c := NewCorpus(lex, seed)
	if err := c.Add(arts, nil); err != nil {
		return nil, err
	}
	return c.Result()
}

// Corpus scores articles batch by batch and folds each into the
// corpus-wide tallies (actors, co-mention network, actor stances), so an
// archive can be analysed without holding every article whole: see
// Article.Compact.
type Corpus struct {
	lex      *alignment.Lexicon
	seed     uint64
	articles []Article
	actors   map[string]*acc
	net      *network.Builder
	scores   map[string][]alignment.Vote // actor ID → votes of the sentences naming it, in corpus order
}

// acc accumulates an actor over articles.
type acc struct {
	Actor
	blocs map[kb.Bloc]int
	forms map[string]int
}

// NewCorpus returns an empty corpus scored with lex; seed drives the
// bootstrap and the community search.
func NewCorpus(lex *alignment.Lexicon, seed uint64) *Corpus {
	return &Corpus{lex: lex, seed: seed, actors: map[string]*acc{}, net: network.NewBuilder(), scores: map[string][]alignment.Vote{}}
}

// Add scores arts on every core, hands them to emit in order (nil: no
// emit) and folds them into the corpus. An error of emit stops Add.
// emit may Compact the articles it is given.
func (c *Corpus) Add(arts []*pipeline.Article, emit func([]Article) error) error {
	// Score the articles on every core: each depends on its own
	// sentences and seed only, so the order of work changes no byte.
	scored := make([]Article, len(arts))
	par.For(len(arts), func(i int) { scored[i] = score(arts[i], c.lex, c.seed) })
	for i := range scored {
		c.fold(&scored[i])
	}
	if emit != nil {
		if err := emit(scored); err != nil {
			return err
		}
	}
	c.articles = append(c.articles, scored...)
	return nil
}

// fold adds an article's actors, co-mentions and stances to the tallies.
// Strings kept beyond the article are cloned, so they do not pin its body.
func (c *Corpus) fold(out *Article) {
	for _, e := range out.Entities {
		if e.Type == entities.Place {
			continue
		}
		ac := c.actors[e.ID]
		if ac == nil {
			ac = &acc{Actor: Actor{ID: strings.Clone(e.ID), Name: strings.Clone(e.Name), Type: e.Type}, blocs: map[kb.Bloc]int{}, forms: map[string]int{}}
			c.actors[ac.ID] = ac
		}
		ac.Mentions += e.Mentions
		ac.Articles++
		ac.blocs[e.Bloc]++
		for _, f := range e.Forms {
			if _, ok := ac.forms[f.Text]; ok {
				ac.forms[f.Text] += f.Count
			} else {
				ac.forms[strings.Clone(f.Text)] = f.Count
			}
		}
	}
	for i, s := range out.Sentences {
		c.net.Add(s.Actors)
		for _, id := range out.Stances[i].Actors {
			if ac := c.actors[id]; ac != nil {
				id = ac.ID // the cloned ID
			}
			c.scores[id] = append(c.scores[id], out.Stances[i].Vote())
		}
	}
}

// Score labels the sentences of one article and aggregates them, as Add
// does for each of its articles; it changes nothing in c and is safe to
// call from several goroutines. Fold the result in with Fold, in order.
func (c *Corpus) Score(a *pipeline.Article) Article { return score(a, c.lex, c.seed) }

// Fold adds one scored article to the corpus and returns the copy it
// keeps, valid until the next Fold (the caller may Compact it once
// written): Add is Score on every core, then Fold of each article in
// order.
func (c *Corpus) Fold(a Article) *Article {
	c.fold(&a)
	c.articles = append(c.articles, a)
	return &c.articles[len(c.articles)-1]
}

// Ordered calls work(0) … work(n-1) on GOMAXPROCS goroutines and then(i,
// result) in order of i on the calling goroutine, as soon as each result
// and all before it are ready. At most window results wait to be taken,
// so memory stays bounded however large n is. An error of then stops the
// work and is returned.
func Ordered[T any](n, window int, work func(i int) T, then func(i int, v T) error) error {
	window = max(window, 1)
	slots := make([]T, window)
	ready := make([]chan struct{}, window)
	for k := range ready {
		ready[k] = make(chan struct{}, 1)
	}
	free := make(chan struct{}, window) // a token per free slot
	for range window {
		free <- struct{}{}
	}
	stop := make(chan struct{})
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				slots[i%window] = work(i)
				ready[i%window] <- struct{}{}
			}
		})
	}
	go func() {
		defer close(next)
		for i := range n {
			select {
			case <-free:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for i := range n {
		<-ready[i%window]
		v := slots[i%window]
		var zero T
		slots[i%window] = zero
		if err = then(i, v); err != nil {
			break
		}
		free <- struct{}{}
	}
	close(stop) // the feeder closes next; workers finish what they hold
	wg.Wait()
	return err
}

// Len returns the number of articles added.
func (c *Corpus) Len() int { return len(c.articles) }

// Result builds the network of the articles added, its measures and the
// actors' alignment. Call it once: it releases the tallies.
func (c *Corpus) Result() (*Result, error) {
	res := &Result{Poles: c.lex.Poles, Articles: c.articles}
	res.Network = c.net.Network()
	c.net = nil
	measures, err := res.Network.Measures(c.seed)
	switch {
	case errors.Is(err, network.ErrNoConvergence):
		// Two components with nearly equal leading eigenvalues can need
		// more than the iteration cap: the values are the last iterate,
		// close but not converged. Say so; do not fail the run.
		res.Warnings = append(res.Warnings, err.Error()+" (the values written are the last iterate)")
	case err != nil:
		return nil, err
	}
	rows := map[string]alignment.ActorRow{}
	for _, r := range c.lex.ActorRows(c.scores, c.seed) {
		rows[r.ID] = r
	}
	c.scores = nil
	for _, id := range res.Network.Nodes {
		ac := c.actors[id]
		ac.Bloc = majority(ac.blocs)
		for f, n := range ac.forms {
			ac.Forms = append(ac.Forms, entities.Form{Text: f, Count: n})
		}
		sort.Slice(ac.Forms, func(i, j int) bool { return ac.Forms[i].Text < ac.Forms[j].Text })
		ac.Measures = measures[id]
		ac.Alignment = rows[id]
		res.Actors = append(res.Actors, ac.Actor)
	}
	return res, nil
}

// score labels the sentences of one article, rereads them with the
// lexicon's reader, if any, and aggregates them.
func score(a *pipeline.Article, lex *alignment.Lexicon, seed uint64) Article {
	ins := inputs(a)
	out := Article{Article: a, Stances: lex.Sentences(ins), SentenceCount: len(a.Sentences)}
	title := scoreTitle(a, lex)
	lex.Reread(title, ins, out.Stances)
	out.Alignment = lex.AggregateTitled(title, out.Stances, alignment.Seed(a.Doc.ID, seed))
	out.DriverTexts = alignment.DriverTexts(out.Alignment, func(i int) string { return a.Sentences[i].Text })
	return out
}

// ReaderFeatures returns the features the reader sees in each sentence
// of an article, as the rules of lex alone label it: what `alignnet
// train` learns from.
func ReaderFeatures(a *pipeline.Article, lex *alignment.Lexicon) [][]alignment.Feature {
	lex = lex.WithoutReader()
	ins := inputs(a)
	return lex.ReaderFeatures(scoreTitle(a, lex), ins, lex.Sentences(ins))
}

// scoreTitle scores an article's title, or returns nil when it has none.
func scoreTitle(a *pipeline.Article, lex *alignment.Lexicon) *alignment.Sentence {
	t := a.Doc.Title
	if t == "" {
		return nil
	}
	s := lex.Score(t, titleActors(t, a.Entities))
	return &s
}

// inputs returns the sentences of an article with the actors they name
// (places are not actors), as the scorer takes them.
func inputs(a *pipeline.Article) []alignment.Input {
	type info struct {
		bloc, country string
		place         bool
	}
	ents := make(map[string]info, len(a.Entities))
	for _, e := range a.Entities {
		ents[e.ID] = info{string(e.Bloc), e.Country, e.Type == entities.Place}
	}
	n := 0
	for _, s := range a.Sentences {
		n += len(s.Mentions)
	}
	actors := make([]alignment.Actor, 0, n) // shared by the sentences' inputs
	ins := make([]alignment.Input, len(a.Sentences))
	for i, s := range a.Sentences {
		in := alignment.Input{Text: s.Text}
		from := len(actors)
		for _, m := range s.Mentions {
			e := ents[m.Entity]
			if e.place {
				continue
			}
			actors = append(actors, alignment.Actor{ID: m.Entity, Bloc: e.bloc, Country: e.country, Start: m.Start - s.Start, End: m.End - s.Start})
		}
		if len(actors) > from {
			in.Actors = actors[from:len(actors):len(actors)]
		}
		ins[i] = in
	}
	return ins
}

// blocOrder breaks ties between blocs.
var blocOrder = []kb.Bloc{pipeline.SubjectBloc, kb.Russia, kb.West, kb.Other}

func majority(counts map[kb.Bloc]int) kb.Bloc {
	best, n := kb.Other, -1
	for _, b := range blocOrder {
		if counts[b] > n {
			best, n = b, counts[b]
		}
	}
	return best
}

// titleActors finds the article's actors in its title by their surface
// forms in the body, whole words only, longest form first where forms
// overlap. A form matches as written or with its first letter capitalised
// ("The Kremlin"); in a title with no lower-case letter ("TAJIKISTAN
// LOOKS TO MOSCOW") ASCII case is folded. So "US" is not found in
// "Russia Lets Us Down". Places are not actors.
func titleActors(title string, ents []entities.Entity) []alignment.Actor {
	caps := !strings.ContainsFunc(title, unicode.IsLower)
	fold := func(s string) string {
		if caps {
			return asciiLower(s)
		}
		return s
	}
	low := fold(title)
	var acts []alignment.Actor
	taken := make([]bool, len(title))
	type form struct {
		text string
		e    *entities.Entity
	}
	var forms []form
	for i := range ents {
		if ents[i].Type == entities.Place {
			continue
		}
		for _, f := range ents[i].Forms {
			forms = append(forms, form{fold(f.Text), &ents[i]})
			if r, n := utf8.DecodeRuneInString(f.Text); !caps && unicode.IsLower(r) {
				forms = append(forms, form{string(unicode.ToUpper(r)) + f.Text[n:], &ents[i]})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	for _, f := range forms {
		if f.text == "" {
			continue
		}
		for off := 0; off < len(low); {
			i := strings.Index(low[off:], f.text)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(f.text)
			off = en
			if wordBefore(low, st) || wordAfter(low, en) || slices.Contains(taken[st:en], true) {
				continue
			}
			for k := st; k < en; k++ {
				taken[k] = true
			}
			acts = append(acts, alignment.Actor{ID: f.e.ID, Bloc: string(f.e.Bloc), Country: f.e.Country, Start: st, End: en})
		}
	}
	sort.Slice(acts, func(i, j int) bool { return acts[i].Start < acts[j].Start })
	return acts
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay those
// of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// wordBefore and wordAfter report whether a letter or digit touches
// offset i of s from the left or from the right.
func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
