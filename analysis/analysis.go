// Package analysis scores processed articles and builds the corpus-wide
// co-mention network with its measures.
package analysis

import (
	"runtime"
	"sort"
	"sync"

	"alignnet/analysis/alignment"
	"alignnet/analysis/network"
	"alignnet/pipeline"
	"alignnet/pipeline/entities"
	"alignnet/pipeline/kb"
)

// Article is a processed article with its alignment.
type Article struct {
	*pipeline.Article
	Stances   []alignment.Sentence // one per sentence
	Alignment alignment.Article
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
}

// Analyze scores every article with lex and builds the network over all
// sentences. seed drives the community search.
func Analyze(arts []*pipeline.Article, lex *alignment.Lexicon, seed uint64) (*Result, error) {
	res := &Result{Poles: lex.Poles}
	var sentences [][]string
	type acc struct {
		Actor
		blocs map[kb.Bloc]int
		forms map[string]int
	}
	actors := map[string]*acc{}
	// Score the articles on every core: each depends on its own
	// sentences and seed only, so the order of work changes no byte.
	res.Articles = make([]Article, len(arts))
	parallel(len(arts), func(i int) { res.Articles[i] = score(arts[i], lex, seed) })
	for _, out := range res.Articles {
		a := out.Article
		for _, e := range a.Entities {
			if e.Type == entities.Place {
				continue
			}
			ac := actors[e.ID]
			if ac == nil {
				ac = &acc{Actor: Actor{ID: e.ID, Name: e.Name, Type: e.Type}, blocs: map[kb.Bloc]int{}, forms: map[string]int{}}
				actors[e.ID] = ac
			}
			ac.Mentions += e.Mentions
			ac.Articles++
			ac.blocs[e.Bloc]++
			for _, f := range e.Forms {
				ac.forms[f.Text] += f.Count
			}
		}
		for _, s := range a.Sentences {
			sentences = append(sentences, s.Actors)
		}
	}
	res.Network = network.Build(sentences)
	measures, err := res.Network.Measures(seed)
	if err != nil {
		return nil, err
	}
	rows := map[string]alignment.ActorRow{}
	stances := func(yield func(alignment.Sentence) bool) {
		for _, a := range res.Articles {
			for _, s := range a.Stances {
				if !yield(s) {
					return
				}
			}
		}
	}
	for _, r := range lex.ActorsSeq(stances, seed) {
		rows[r.ID] = r
	}
	for _, id := range res.Network.Nodes {
		ac := actors[id]
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

// score labels the sentences of one article and aggregates them.
func score(a *pipeline.Article, lex *alignment.Lexicon, seed uint64) Article {
	blocs, countries, types := map[string]string{}, map[string]string{}, map[string]kb.Type{}
	for _, e := range a.Entities {
		blocs[e.ID], countries[e.ID], types[e.ID] = string(e.Bloc), e.Country, e.Type
	}
	ins := make([]alignment.Input, len(a.Sentences))
	for i, s := range a.Sentences {
		in := alignment.Input{Text: s.Text}
		for _, m := range s.Mentions {
			if types[m.Entity] == entities.Place {
				continue
			}
			in.Actors = append(in.Actors, alignment.Actor{ID: m.Entity, Bloc: blocs[m.Entity], Country: countries[m.Entity], Start: m.Start - s.Start, End: m.End - s.Start})
		}
		ins[i] = in
	}
	out := Article{Article: a, Stances: lex.Sentences(ins)}
	out.Alignment = lex.Aggregate(out.Stances, alignment.Seed(a.Doc.ID, seed))
	return out
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and waits.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
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
