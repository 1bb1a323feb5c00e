package alignment

import (
	"sort"

	"alignnet/internal/par"
)

// ActorRow is the alignment of one actor: the stances of the sentences
// that name it.
type ActorRow struct {
	ID        string
	Sentences int // sentences naming the actor
	// Russia, West and None count those sentences by stance (the first
	// pole, the second pole, none).
	Russia, West, None int
	// Score is the Article formula over those sentences' pulls, nil
	// when none of them pulls; Interval its 95% bootstrap interval over
	// Resamples resamples of them.
	Score     *float64
	Interval  *Interval
	Resamples int
}

// Actors returns one row per actor named in ss (the scored sentences of
// a corpus, in any order), sorted by ID, with the default shrinkage. Each
// actor's bootstrap is seeded with Seed(ID, seed).
func Actors(ss []Sentence, seed uint64) []ActorRow {
	return ActorsK(ss, DefaultParams.Shrinkage, seed)
}

// ActorsK is Actors with shrinkage k.
func ActorsK(ss []Sentence, k float64, seed uint64) []ActorRow {
	by := map[string][]Vote{}
	for _, s := range ss {
		for _, id := range s.Actors {
			by[id] = append(by[id], s.Vote())
		}
	}
	return actorRows(by, k, seed)
}

// Vote is what a sentence tells of each actor it names: the sign of its
// stance (+1 the first pole, -1 the second, 0 none) and its pull.
type Vote struct {
	Sign int8
	Pull [2]float64
}

// Vote returns the sentence's vote for the actors it names.
func (s Sentence) Vote() Vote {
	v := Vote{Pull: s.Pull}
	switch {
	case s.Score > 0:
		v.Sign = 1
	case s.Score < 0:
		v.Sign = -1
	}
	return v
}

// actorRows returns the rows of the actors in by, which maps an actor ID
// to the votes of the sentences naming it, sorted by ID.
func actorRows(by map[string][]Vote, k float64, seed uint64) []ActorRow {
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rows := make([]ActorRow, len(ids))
	// Rows are independent and seeded by their ID: compute them on every
	// core, each into its own slot.
	par.For(len(ids), func(i int) { rows[i] = actorRow(ids[i], by[ids[i]], k, seed) })
	return rows
}

// actorRow is the alignment of one actor over the votes of the sentences
// naming it.
func actorRow(id string, mine []Vote, k float64, seed uint64) ActorRow {
	row := ActorRow{ID: id, Sentences: len(mine)}
	x := make([][2]float64, len(mine))
	for i, v := range mine {
		switch {
		case v.Sign > 0:
			row.Russia++
		case v.Sign < 0:
			row.West++
		default:
			row.None++
		}
		x[i] = v.Pull
	}
	a := combine(x, k, Seed(id, seed)) // no lede among an actor's sentences
	row.Score, row.Interval, row.Resamples = a.Score, a.Interval, a.Resamples
	return row
}

// Actors is the package function Actors with l's shrinkage.
func (l *Lexicon) Actors(ss []Sentence, seed uint64) []ActorRow {
	return ActorsK(ss, l.Params.Shrinkage, seed)
}

// ActorRows is Actors over votes already grouped by actor: by maps an
// actor ID to the votes of the sentences naming it, in any order of
// articles but in a fixed one (the bootstrap draws by position).
func (l *Lexicon) ActorRows(by map[string][]Vote, seed uint64) []ActorRow {
	return actorRows(by, l.Params.Shrinkage, seed)
}
