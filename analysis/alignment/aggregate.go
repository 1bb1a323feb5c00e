package alignment

import (
	"hash/fnv"
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"
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
// With R the weighted sum of the sentences' pulls toward the first pole
// (Sentence.Pull), W that toward the second and k the shrinkage of the
// poles file (default 4):
//
//	Score  = (R - W) / (R + W + k)
//	Russia = R / (R + W + k),  West = W / (R + W + k)
//
// so Score = Russia - West lies in (-1, 1); k pulls articles with little
// evidence toward 0 (with the rules' pulls, one co-mention gives 0.06,
// inside the band of ±0.1 that the evaluation reads as 0; one clear cue
// 0.2; twenty clear cues about 0.83; a reader blends its probabilities
// into the pulls, see Lexicon.Reread). Every sentence weighs 1 except
// an article's first, its lede, which weighs the lede setting (default
// 2): analysis pieces state their thesis in the first sentence.
type Article struct {
	// Score is nil when nothing pulls: no sentence, and no title.
	Score *float64
	// Step is Score on the five steps of GUIDELINE.md's article
	// alignment (-1, -0.5, 0, 0.5, 1); nil with Score. See Params.Step.
	Step *float64
	// Russia and West are the components of the first and the second
	// pole (Russia and the West by default).
	Russia, West float64
	Evidence     int // sentences that pull toward a pole (a balanced one too; the title not counted)
	// Interval is the 95% percentile interval of Score over Resamples
	// bootstrap resamples of the article's sentences; nil with Score.
	// Resamples is 0 when the interval is the normal approximation
	// (NormalFrom).
	Interval  *Interval
	Resamples int
	// Drivers are the sentences that drive the score (Evidence).
	Drivers []Driver
	// Title is the scored title when the article has one
	// (AggregateTitled); its pull counts at the title setting's weight,
	// as TitlePull.
	Title     *Sentence
	TitlePull [2]float64
}

// Seed derives the bootstrap seed of an article or actor from its ID and
// a run seed, so reruns give the same intervals byte for byte.
func Seed(id string, seed uint64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64() ^ seed
}

// Aggregate combines the scored sentences of an article, in order, with
// the default shrinkage (4), lede weight (2) and step edges (0.1, 0.5)
// and the given bootstrap seed.
func Aggregate(ss []Sentence, seed uint64) Article {
	return aggregate(nil, ss, DefaultParams, seed)
}

// AggregateK is Aggregate with shrinkage k. The step edges stay the
// defaults, whose meaning (see Params.Step) assumes k = 4.
func AggregateK(ss []Sentence, k float64, seed uint64) Article {
	p := DefaultParams
	p.Shrinkage = k
	return aggregate(nil, ss, p, seed)
}

// aggregate is Aggregate with the shrinkage, the lede and title weights
// and the steps of p, and the scored title, if any.
func aggregate(title *Sentence, ss []Sentence, p Params, seed uint64) Article {
	x := weighted(title, ss, p)
	a := combine(x, p.Shrinkage, seed)
	if a.Score != nil {
		step := p.Step(*a.Score)
		a.Step = &step
		a.Drivers = drivers(ss, x[:len(ss)], 5)
	}
	if title != nil {
		a.Title, a.TitlePull = title, x[len(x)-1]
		if a.TitlePull != [2]float64{} {
			a.Evidence--
		}
	}
	return a
}

// weighted returns the pulls of the sentences ss, the lede's weighted by
// p.Lede, and after them the title's weighted by p.Title when there is
// one: the title is one more unit of the article, for the sums and for
// the bootstrap alike.
func weighted(title *Sentence, ss []Sentence, p Params) [][2]float64 {
	x := make([][2]float64, len(ss), len(ss)+1)
	for i, s := range ss {
		x[i] = s.Pull
	}
	if len(x) > 0 {
		x[0][0] *= p.Lede
		x[0][1] *= p.Lede
	}
	if title != nil {
		x = append(x, [2]float64{title.Pull[0] * p.Title, title.Pull[1] * p.Title})
	}
	return x
}

// combine is the Article formula over the weighted pulls x of sentences
// (toward the first pole, toward the second), with its interval; no
// drivers.
func combine(x [][2]float64, k float64, seed uint64) Article {
	var a Article
	var r, w float64
	for _, v := range x {
		r += v[0]
		w += v[1]
		if v[0] != 0 || v[1] != 0 {
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
// resamples (with replacement) of the weighted sentence pulls x.
//
// Only sentences that pull move the score, so a resample is drawn in
// two exact steps: the number K of pulling sentences among its len(x)
// draws, from the binomial distribution B(len(x), e/len(x)) with e the
// number of pulling sentences (inverse CDF through a guide table, built
// once per call; the log-factorials behind it once per process), then
// K draws among those e sentences. That is the same distribution as
// drawing len(x) sentences, at the cost of K draws instead of len(x).
func bootstrap(x [][2]float64, k float64, seed uint64, n int) (lo, hi float64) {
	sc := bootPool.Get().(*bootScratch)
	defer bootPool.Put(sc)
	// pull keeps the sentences that pull, so a draw adds both poles'
	// pulls without a branch; a last entry of zeros stands for no draw.
	pull := sc.pull[:0]
	for _, v := range x {
		if v[0] != 0 || v[1] != 0 {
			pull = append(pull, v)
		}
	}
	m := uint64(len(pull))
	pull = append(pull, [2]float64{})
	sc.pull = pull
	if m == 0 {
		return 0, 0
	}
	g := newGuide(binomialCDF(len(x), int(m)))
	// The generator's state stays in a local variable, not behind a
	// pointer, so that it lives in a register (see wyrand.word).
	s := newWyrand(seed)
	scores := grow(&sc.scores, n)
	for b := range scores {
		s += wyStep
		draws := g.draw(float64(s.word()>>11) / (1 << 53))
		var r, w float64
		r, w, s = resample(s, pull, draws)
		scores[b] = (r - w) / (r + w + k)
	}
	return sc.interval(scores, 0.025, 0.975)
}

// resample returns the sums of the pulls toward each pole of draws
// sentences drawn uniformly from pull[:len(pull)-1], whose last entry
// is zeros, with the generator in state s, and the state after.
//
// Two indices uniform in [0, m) per random word: the high half of a
// 32×32-bit product each (Lemire), bias below m/2^32. The draws
// alternate between two pairs of sums, to halve the chain of additions.
// A function of its own, so that the loop's state stays in registers.
func resample(s wyrand, pull [][2]float64, draws int) (r, w float64, next wyrand) {
	m := uint64(len(pull) - 1)
	var r2, w2 float64
	for range draws / 2 {
		s += wyStep
		u := s.word()
		i, j := (u&0xffffffff)*m>>32, (u>>32)*m>>32
		r, w = r+pull[i][0], w+pull[i][1]
		r2, w2 = r2+pull[j][0], w2+pull[j][1]
	}
	// An odd count takes one more word and uses its low half; an even
	// one adds the zeros (r+0 is r: the sums are never -0). No branch:
	// the parity of a binomial count is a coin toss.
	odd := uint64(draws & 1)
	s += wyStep * wyrand(odd)
	i := (s.word()&0xffffffff)*m>>32*odd + m*(1-odd)
	r, w = r+pull[i][0], w+pull[i][1]
	return r + r2, w + w2, s
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

// wyStep is the increment of the state of wyrand per word.
const wyStep = 0xa0761d6478bd642f

// next advances s and returns its word.
func (s *wyrand) next() uint64 {
	*s += wyStep
	return s.word()
}

// word is the output of state s: loops that keep the state in a local
// variable advance it by wyStep and call word, so that it stays in a
// register (the address of a variable keeps it in memory).
func (s wyrand) word() uint64 {
	hi, lo := bits.Mul64(uint64(s), uint64(s^0xe7037ed1a0b428db))
	return hi ^ lo
}

// bootScratch holds the buffers of one bootstrap, reused through bootPool.
type bootScratch struct {
	pull      [][2]float64
	scores    []float64
	low, high []float64 // the tails of the scores (interval)
	sample    []float64 // a sample of the scores (interval)
}

var bootPool = sync.Pool{New: func() any { return new(bootScratch) }}

// guide inverts a discrete CDF with a guide table (Chen and Asau 1974):
// start[j] is the smallest k with cdf[k] >= j/len(start), so the search
// for u starts at or before its answer. The table has a power of two of
// entries, so u·len(start) and j/len(start) are exact: four per step of
// the CDF, rounded up to a power of two, up to guideMax (for samples of
// 256 sentences or more the cap leaves fewer, but their mass lies on a
// few steps), so that the search rarely takes a step.
type guide struct {
	cdf   []float64
	start []int32
}

// guideMax caps the entries of a guide table: the binomial mass of a
// large sample lies on a few of its steps.
const guideMax = 1 << 10

func newGuide(cdf []float64) guide {
	size := min(guideMax, 1<<bits.Len(uint(4*len(cdf)-1)))
	g := guide{cdf: cdf, start: make([]int32, size)}
	k := 0
	for j := range g.start {
		for k < len(cdf)-1 && cdf[k] < float64(j)/float64(size) {
			k++
		}
		g.start[j] = int32(k)
	}
	return g
}

// draw returns the smallest k with cdf[k] >= u (the last index when
// rounding leaves the CDF short of u), for u in [0, 1).
func (g guide) draw(u float64) int {
	k := int(g.start[int(u*float64(len(g.start)))])
	for k < len(g.cdf)-1 && g.cdf[k] < u {
		k++
	}
	return k
}

// binomialCDF returns the cumulative distribution of B(n, e/n) at 0..n,
// summing the probability mass that gonum's distuv.Binomial.Prob gives,
// computed the same way (in log space, so no term underflows before it
// is summed) but with the log-gammas from a table.
func binomialCDF(n, e int) []float64 {
	cdf := make([]float64, n+1)
	if e == n {
		cdf[n] = 1
		return cdf
	}
	N, p := float64(n), float64(e)/float64(n)
	lg := logFactorials(n)
	lp, lq := math.Log(p), math.Log(1-p)
	var sum float64
	for k := 0; k <= n; k++ {
		x := float64(k)
		// combin.LogGeneralizedBinomial(N, x), then Binomial.LogProb.
		lb := lg[n] - lg[k] - lg[n-k]
		sum += math.Exp(lb + x*lp + (N-x)*lq)
		cdf[k] = sum
	}
	return cdf
}

// logFactorials returns ln k! = math.Lgamma(k+1) for k in 0..n, from a
// table of 0..NormalFrom built once.
func logFactorials(n int) []float64 {
	if n <= NormalFrom {
		return lnFactorials()[:n+1]
	}
	return lnFactorialsTo(n)
}

var lnFactorials = sync.OnceValue(func() []float64 { return lnFactorialsTo(NormalFrom) })

// lnFactorialsTo returns math.Lgamma(k+1) for k in 0..n.
func lnFactorialsTo(n int) []float64 {
	lg := make([]float64, n+1)
	for k := range lg {
		lg[k], _ = math.Lgamma(float64(k) + 1)
	}
	return lg
}

// percentile returns the q-quantile of xs, interpolating linearly between
// order statistics, after reordering xs in place by selection (no full
// sort).
func percentile(xs []float64, q float64) float64 {
	h := q * float64(len(xs)-1)
	i := int(math.Floor(h))
	return between(xs, i, h-float64(i))
}

// tailSample is the size of the sample from which interval picks the
// bounds of the tails; fewer than 8·tailSample scores go to percentile
// alone.
const tailSample = 128

// interval returns percentile(xs, qlo) and percentile(xs, qhi), qlo <= qhi
// near 0 and 1, without selecting over all of xs twice: the scores below
// a low order statistic of a sample, and those above a high one, hold
// the order statistics of the two tails; one pass gathers them and the
// selections run over those few. When a tail misses some (an unlucky
// sample) or xs holds a NaN, it falls back to percentile. xs is
// reordered.
func (sc *bootScratch) interval(xs []float64, qlo, qhi float64) (lo, hi float64) {
	n := len(xs)
	if n < 8*tailSample {
		return percentile(xs, qlo), percentile(xs, qhi)
	}
	// The ranks of the order statistics: i and i+1 for qlo, j and j+1
	// for qhi (each capped at n-1).
	hlo, hhi := qlo*float64(n-1), qhi*float64(n-1)
	i, j := int(math.Floor(hlo)), int(math.Floor(hhi))
	needLow, needHigh := min(i+2, n), n-j // ranks below i+2, at or above j

	// Thresholds: sample order statistics at about twice the share of
	// the ranks needed, so that the tails hold them with high
	// probability.
	sample := grow(&sc.sample, tailSample)
	stride := n / tailSample
	for s := range sample {
		sample[s] = xs[s*stride]
	}
	rlo := min(tailSample-1, 2*needLow*tailSample/n+2)
	rhi := max(0, tailSample-1-(2*needHigh*tailSample/n+2))
	tlo, thi := selectKth(sample, rlo), selectKth(sample, rhi)

	low, high := sc.low[:0], sc.high[:0]
	nan := false
	for _, v := range xs {
		if v <= tlo {
			low = append(low, v)
		}
		if v >= thi {
			high = append(high, v)
		}
		nan = nan || v != v
	}
	sc.low, sc.high = low, high
	if nan || len(low) < needLow || len(high) < needHigh {
		return percentile(xs, qlo), percentile(xs, qhi)
	}
	// low holds the len(low) smallest scores, high the len(high) largest:
	// rank j of xs is rank j-(n-len(high)) of high.
	return between(low, i, hlo-float64(i)), between(high, j-(n-len(high)), hhi-float64(j))
}

// between interpolates at f in [0, 1) between the order statistics k
// and k+1 of xs, as percentile does (the k-th alone when it is the
// last). xs is reordered.
func between(xs []float64, k int, f float64) float64 {
	lo := selectKth(xs, k)
	if k+1 >= len(xs) {
		return lo
	}
	// After selection every element right of k is at least xs[k]; the
	// next order statistic is their minimum.
	hi := slices.Min(xs[k+1:])
	return lo + f*(hi-lo)
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
// with r_i and w_i the weighted pulls of sentence i toward each pole,
// R and W have covariance n·Cov(r, w), and the delta method gives
//
//	Var(score) = g' Σ g,  g = ((2W+k)/D², -(2R+k)/D²),  D = R+W+k.
//
// The bounds are clipped to [-1, 1].
func normalInterval(x [][2]float64, k float64) (lo, hi float64) {
	n := float64(len(x))
	var r, w, rr, ww, rw float64
	for _, v := range x {
		ri, wi := v[0], v[1]
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
	Pull   [2]float64 // weighted as in the score (the lede's by the lede setting)
	Cues   []string
}

// drivers returns up to n of the sentences ss that pull the score one
// way, by their weighted pulls x, the largest net pull |x[0]-x[1]| first
// (ties: earlier first).
func drivers(ss []Sentence, x [][2]float64, n int) []Driver {
	var ds []Driver
	for i, s := range ss {
		if x[i][0] != x[i][1] {
			ds = append(ds, Driver{Index: i, Stance: s.Stance, Score: s.Score, Pull: x[i], Cues: s.Cues})
		}
	}
	net := func(d Driver) float64 { return math.Abs(d.Pull[0] - d.Pull[1]) }
	sort.SliceStable(ds, func(i, j int) bool { return net(ds[i]) > net(ds[j]) })
	// A copy of the first n: the drivers outlive the article, the
	// candidates need not.
	return slices.Clone(ds[:min(n, len(ds))])
}

// Aggregate combines the scored sentences of an article, in order, with
// l's shrinkage, lede weight and step edges.
func (l *Lexicon) Aggregate(ss []Sentence, seed uint64) Article {
	return aggregate(nil, ss, l.Params, seed)
}

// AggregateTitled is Aggregate with the article's scored title (nil:
// none), whose pull weighs the title setting: a headline states the
// thesis, as a lede does. A title that pulls gives a score even when no
// sentence does; Evidence counts sentences only.
func (l *Lexicon) AggregateTitled(title *Sentence, ss []Sentence, seed uint64) Article {
	return aggregate(title, ss, l.Params, seed)
}

// Step reads an article score on the five steps annotators use for an
// article's alignment (GUIDELINE.md: -1, -0.5, 0, 0.5, 1): 0 when |score|
// is at most StepZero (by default 0.1: the band the guideline's evaluation
// reads as 0, with eval's allowance for float noise), ±1 from StepFull
// (by default 0.5: with the default shrinkage of 4, one pole's evidence
// at least three times the other's plus 4), ±0.5 between.
func (p Params) Step(score float64) float64 {
	a := math.Abs(score)
	v := 0.0
	switch {
	case a >= p.StepFull:
		v = 1
	case a > p.StepZero+stepSlack:
		v = 0.5
	}
	if score < 0 && v != 0 {
		v = -v
	}
	return v
}

// stepSlack keeps a score that is StepZero up to float noise (0.3 - 0.2)
// at step 0, as eval's sign rule does.
const stepSlack = 1e-9
