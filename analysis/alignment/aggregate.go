package alignment

import (
	"hash/fnv"
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"
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
// With R the weighted sum of |Score| over the sentences toward the first
// pole, W that over the sentences toward the second and k the shrinkage
// of the poles file (default 2):
//
//	Score  = (R - W) / (R + W + k)
//	Russia = R / (R + W + k),  West = W / (R + W + k)
//
// so Score = Russia - West lies in (-1, 1); k pulls articles with little
// evidence toward 0 (one co-mention gives 0.09, inside the band of ±0.1
// that the evaluation reads as 0; one clear sentence 0.2; twenty clear
// sentences about 0.8). Every sentence weighs 1 except an article's first, its
// lede, which weighs the lede setting (default 2): analysis pieces state
// their thesis in the first sentence.
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

// Aggregate combines the scored sentences of an article, in order, with
// the default shrinkage (2), the default lede weight (2) and the given
// bootstrap seed.
func Aggregate(ss []Sentence, seed uint64) Article {
	return aggregate(ss, DefaultParams.Shrinkage, DefaultParams.Lede, seed)
}

// AggregateK is Aggregate with shrinkage k.
func AggregateK(ss []Sentence, k float64, seed uint64) Article {
	return aggregate(ss, k, DefaultParams.Lede, seed)
}

// aggregate is Aggregate with shrinkage k and the weight lede of the
// first sentence.
func aggregate(ss []Sentence, k, lede float64, seed uint64) Article {
	x := make([]float64, len(ss))
	for i, s := range ss {
		x[i] = s.Score
	}
	if len(x) > 0 {
		x[0] *= lede
	}
	a := combine(x, k, seed)
	if a.Score != nil {
		a.Drivers = Evidence(ss, 5)
	}
	return a
}

// combine is the Article formula over weighted sentence scores x
// (positive toward the first pole), with its interval; no drivers.
func combine(x []float64, k float64, seed uint64) Article {
	var a Article
	var r, w float64
	for _, v := range x {
		if v > 0 {
			r += v
		} else {
			w -= v
		}
		if v != 0 {
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
	if len(x) < NormalFrom {
		lo, hi := bootstrap(x, k, seed, Resamples)
		a.Interval = &Interval{lo, hi}
		a.Resamples = Resamples
	} else {
		lo, hi := normalInterval(x, k)
		a.Interval = &Interval{lo, hi}
	}
	return a
}

// bootstrap returns the 2.5th and 97.5th percentiles of the score over n
// resamples (with replacement) of the weighted sentence scores x.
//
// Only sentences with a stance move the score, so a resample is drawn in
// two exact steps: the number K of stance sentences among its len(ss)
// draws, from the binomial distribution B(len(ss), e/len(ss)) with e the
// number of stance sentences (inverse CDF over a table built once), then
// K draws among those e sentences. That is the same distribution as
// drawing len(x) sentences, at the cost of K draws instead of len(x).
func bootstrap(x []float64, k float64, seed uint64, n int) (lo, hi float64) {
	rng := newWyrand(seed)
	sc := bootPool.Get().(*bootScratch)
	defer bootPool.Put(sc)
	c := sc.c[:0] // the stance sentences
	for _, v := range x {
		if v != 0 {
			c = append(c, v)
		}
	}
	sc.c = c
	if len(c) == 0 {
		return 0, 0
	}
	g := newGuide(binomialCDF(len(x), len(c)))
	m := uint64(len(c))
	// pos and neg split each stance sentence into its pull toward each
	// pole, so a draw adds both without a branch on the sign.
	pos, neg := grow(&sc.pos, len(c)), grow(&sc.neg, len(c))
	for i, v := range c {
		pos[i], neg[i] = max(v, 0), max(-v, 0)
	}
	scores := grow(&sc.scores, n)
	for b := range scores {
		draws := g.draw(float64(rng.next()>>11) / (1 << 53))
		var r, w, r2, w2 float64 // two sums each, to halve the chain of adds
		// Two indices uniform in [0, m) per random word: the high half
		// of a 32×32-bit product each (Lemire), bias below m/2^32.
		for t := 0; t < draws; t += 2 {
			u := rng.next()
			i := (u & 0xffffffff) * m >> 32
			r, w = r+pos[i], w+neg[i]
			if t+1 < draws {
				j := (u >> 32) * m >> 32
				r2, w2 = r2+pos[j], w2+neg[j]
			}
		}
		r, w = r+r2, w+w2
		scores[b] = (r - w) / (r + w + k)
	}
	return percentile(scores, 0.025), percentile(scores, 0.975)
}

// wyrand is the 64-bit generator of Wang Yi's wyhash (the Go runtime's
// cheaprand): one addition and one 64x64->128-bit multiplication a word,
// against PCG's 128-bit state update. It passes BigCrush and PractRand;
// the bootstrap draws some 40,000 words an article.
type wyrand uint64

// newWyrand seeds a wyrand from seed, mixed by SplitMix64's finaliser so
// that nearby seeds start far apart.
func newWyrand(seed uint64) wyrand {
	z := seed + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return wyrand(z ^ z>>31)
}

func (s *wyrand) next() uint64 {
	*s += 0xa0761d6478bd642f
	hi, lo := bits.Mul64(uint64(*s), uint64(*s^0xe7037ed1a0b428db))
	return hi ^ lo
}

// bootScratch holds the buffers of one bootstrap, reused through bootPool.
type bootScratch struct {
	c, pos, neg, scores []float64
}

var bootPool = sync.Pool{New: func() any { return new(bootScratch) }}

// guide inverts a discrete CDF with a guide table (Chen and Asau 1974):
// start[j] is the smallest k with cdf[k] >= j/len(start), so the search
// for u starts at most a step or two before its answer.
type guide struct {
	cdf   []float64
	start []int
}

func newGuide(cdf []float64) guide {
	g := guide{cdf: cdf, start: make([]int, len(cdf))}
	k := 0
	for j := range g.start {
		for k < len(cdf)-1 && cdf[k] < float64(j)/float64(len(g.start)) {
			k++
		}
		g.start[j] = k
	}
	return g
}

// draw returns the smallest k with cdf[k] >= u (the last index when
// rounding leaves the CDF short of u), for u in [0, 1).
func (g guide) draw(u float64) int {
	k := g.start[int(u*float64(len(g.start)))]
	for k < len(g.cdf)-1 && g.cdf[k] < u {
		k++
	}
	return k
}

// binomialCDF returns the cumulative distribution of B(n, e/n) at 0..n,
// summing gonum's probability mass (computed in log space, so no term
// underflows before it is summed).
func binomialCDF(n, e int) []float64 {
	cdf := make([]float64, n+1)
	if e == n {
		cdf[n] = 1
		return cdf
	}
	b := distuv.Binomial{N: float64(n), P: float64(e) / float64(n)}
	var sum float64
	for k := 0; k <= n; k++ {
		sum += b.Prob(float64(k))
		cdf[k] = sum
	}
	return cdf
}

// percentile returns the q-quantile of xs, interpolating linearly between
// order statistics, after reordering xs in place by selection (no full
// sort).
func percentile(xs []float64, q float64) float64 {
	h := q * float64(len(xs)-1)
	i := int(math.Floor(h))
	lo := selectKth(xs, i)
	if i+1 >= len(xs) {
		return lo
	}
	// After selection every element right of i is at least xs[i]; the
	// next order statistic is their minimum.
	hi := slices.Min(xs[i+1:])
	return lo + (h-float64(i))*(hi-lo)
}

// selectKth reorders xs so that xs[k] is its k-th smallest element, the
// ones before it no larger and the ones after no smaller (Hoare's
// selection with a median-of-three pivot), and returns xs[k].
func selectKth(xs []float64, k int) float64 {
	l, r := 0, len(xs)-1
	for l < r {
		mid := l + (r-l)/2
		if xs[mid] < xs[l] {
			xs[mid], xs[l] = xs[l], xs[mid]
		}
		if xs[r] < xs[l] {
			xs[r], xs[l] = xs[l], xs[r]
		}
		if xs[r] < xs[mid] {
			xs[r], xs[mid] = xs[mid], xs[r]
		}
		pivot := xs[mid]
		i, j := l, r
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			r = j
		case k >= i:
			l = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

// NormalFrom is the number of sentences from which intervals come from
// the normal approximation of the bootstrap (the delta method) instead of
// resampling: the bootstrap distribution of the score is then normal to
// within the resampling noise (TestNormalMatchesBootstrap), and
// resampling an actor named in tens of thousands of sentences would cost
// minutes. Resamples is 0 for such intervals.
const NormalFrom = 1000

// normalInterval is the 95% interval of the score (R-W)/(R+W+k) under the
// normal approximation of resampling the n sentences with replacement:
// with r_i and w_i the weighted strengths of sentence i toward each pole,
// R and W have covariance n·Cov(r, w), and the delta method gives
//
//	Var(score) = g' Σ g,  g = ((2W+k)/D², -(2R+k)/D²),  D = R+W+k.
//
// The bounds are clipped to [-1, 1].
func normalInterval(x []float64, k float64) (lo, hi float64) {
	n := float64(len(x))
	var r, w, rr, ww, rw float64
	for _, v := range x {
		ri, wi := math.Max(v, 0), math.Max(-v, 0)
		r, w = r+ri, w+wi
		rr, ww, rw = rr+ri*ri, ww+wi*wi, rw+ri*wi
	}
	mr, mw := r/n, w/n
	vr, vw, cov := n*(rr/n-mr*mr), n*(ww/n-mw*mw), n*(rw/n-mr*mw)
	d := r + w + k
	gr, gw := (2*w+k)/(d*d), -(2*r+k)/(d*d)
	sd := math.Sqrt(math.Max(0, gr*gr*vr+gw*gw*vw+2*gr*gw*cov))
	f := (r - w) / d
	return math.Max(-1, f-1.959963984540054*sd), math.Min(1, f+1.959963984540054*sd)
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
	// A copy of the first n: the drivers outlive the article, the
	// candidates need not.
	return slices.Clone(ds[:min(n, len(ds))])
}

// Aggregate combines the scored sentences of an article, in order, with
// l's shrinkage and lede weight.
func (l *Lexicon) Aggregate(ss []Sentence, seed uint64) Article {
	return aggregate(ss, l.Params.Shrinkage, l.Params.Lede, seed)
}
