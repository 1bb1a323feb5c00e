package alignment

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
)

// Resamples is the number of bootstrap resamples behind every interval.
const Resamples = 2000

// Interval is a 95% bootstrap percentile interval.
type Interval struct {
	Low, High float64
}

// Article is the alignment of a whole article (or of any set of
// sentences).
//
// With R the summed |Score| of the sentences toward the first pole, W
// that of the sentences toward the second and k the shrinkage of the
// poles file (default 1):
//
//	Score  = (R - W) / (R + W + k)
//	Russia = R / (R + W + k),  West = W / (R + W + k)
//
// so Score = Russia - West lies in (-1, 1); k pulls articles with little
// evidence toward 0 (one co-mention gives 0.17, twenty clear sentences
// about 0.9).
type Article struct {
	// Score is nil when no sentence is evidence.
	Score *float64
	// Russia and West are the components of the first and the second
	// pole (Russia and the West by default).
	Russia, West float64
	Evidence     int // sentences labelled with a pole
	// Interval is the 95% percentile interval of Score over Resamples
	// bootstrap resamples of the article's sentences; nil with Score.
	Interval  *Interval
	Resamples int
	// Drivers are the sentences that drive the score (Evidence).
	Drivers []Driver
}

// Seed derives the bootstrap seed of an article or actor from its ID and
// a run seed, so reruns give the same intervals byte for byte.
func Seed(id string, seed uint64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64() ^ seed
}

// Aggregate combines the scored sentences of an article with the default
// shrinkage (1) and the given bootstrap seed.
func Aggregate(ss []Sentence, seed uint64) Article {
	return AggregateK(ss, DefaultParams.Shrinkage, seed)
}

// AggregateK is Aggregate with shrinkage k.
func AggregateK(ss []Sentence, k float64, seed uint64) Article {
	var a Article
	r, w := sums(ss)
	for _, s := range ss {
		if s.Score != 0 {
			a.Evidence++
		}
	}
	if a.Evidence == 0 {
		return a
	}
	d := r + w + k
	a.Russia, a.West = r/d, w/d
	score := (r - w) / d
	a.Score = &score
	lo, hi := bootstrap(ss, k, seed, Resamples)
	a.Interval = &Interval{lo, hi}
	a.Resamples = Resamples
	a.Drivers = Evidence(ss, 5)
	return a
}

func sums(ss []Sentence) (r, w float64) {
	for _, s := range ss {
		if s.Score > 0 {
			r += s.Score
		} else {
			w -= s.Score
		}
	}
	return r, w
}

// bootstrap returns the 2.5th and 97.5th percentiles of the score over n
// resamples (with replacement) of ss.
func bootstrap(ss []Sentence, k float64, seed uint64, n int) (lo, hi float64) {
	rng := rand.New(rand.NewPCG(seed, seed))
	scores := make([]float64, n)
	for b := range scores {
		var r, w float64
		for range ss {
			s := ss[rng.IntN(len(ss))].Score
			if s > 0 {
				r += s
			} else {
				w -= s
			}
		}
		scores[b] = (r - w) / (r + w + k)
	}
	sort.Float64s(scores)
	return quantile(scores, 0.025), quantile(scores, 0.975)
}

// quantile interpolates linearly between the order statistics of sorted.
func quantile(sorted []float64, q float64) float64 {
	h := q * float64(len(sorted)-1)
	i := math.Floor(h)
	j := math.Min(i+1, float64(len(sorted)-1))
	return sorted[int(i)] + (h-i)*(sorted[int(j)]-sorted[int(i)])
}

// Driver is a sentence that drives an article's score.
type Driver struct {
	Index  int // index of the sentence in the article
	Stance Stance
	Score  float64
	Cues   []string
}

// Evidence returns up to n sentences with a stance, strongest |Score|
// first (ties: earlier first).
func Evidence(ss []Sentence, n int) []Driver {
	var ds []Driver
	for i, s := range ss {
		if s.Score != 0 {
			ds = append(ds, Driver{Index: i, Stance: s.Stance, Score: s.Score, Cues: s.Cues})
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return math.Abs(ds[i].Score) > math.Abs(ds[j].Score) })
	if len(ds) > n {
		ds = ds[:n]
	}
	return ds
}

// Aggregate combines the scored sentences of an article with l's
// shrinkage.
func (l *Lexicon) Aggregate(ss []Sentence, seed uint64) Article {
	return AggregateK(ss, l.Params.Shrinkage, seed)
}
