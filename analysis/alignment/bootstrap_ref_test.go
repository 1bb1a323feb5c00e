package alignment

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// bootstrapRef is bootstrap as first written: one pass per resample over
// a split pos/neg table, a guide table of len(cdf) entries and two
// selections over every score. The fast bootstrap must return the same
// bounds bit for bit.
func bootstrapRef(x [][2]float64, k float64, seed uint64, n int) (lo, hi float64) {
	rng := newWyrand(seed)
	var c [][2]float64
	for _, v := range x {
		if v[0] != 0 || v[1] != 0 {
			c = append(c, v)
		}
	}
	if len(c) == 0 {
		return 0, 0
	}
	cdf := binomialCDFRef(len(x), len(c))
	start := make([]int, len(cdf))
	for j, i := 0, 0; j < len(start); j++ {
		for i < len(cdf)-1 && cdf[i] < float64(j)/float64(len(start)) {
			i++
		}
		start[j] = i
	}
	draw := func(u float64) int {
		i := start[int(u*float64(len(start)))]
		for i < len(cdf)-1 && cdf[i] < u {
			i++
		}
		return i
	}
	m := uint64(len(c))
	pos, neg := make([]float64, len(c)), make([]float64, len(c))
	for i, v := range c {
		pos[i], neg[i] = v[0], v[1]
	}
	scores := make([]float64, n)
	for b := range scores {
		draws := draw(float64(rng.next()>>11) / (1 << 53))
		var r, w, r2, w2 float64
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

// bootstrapShapes are article and actor shapes of the corpora: n
// sentences, a share of them with a stance, shrinkage k (0 lets a
// resample with no stance sentence score NaN) and the resamples.
var bootstrapShapes = []struct {
	n     int
	share float64
	k     float64
	b     int
}{
	{1, 1, 2, Resamples}, {2, 0.5, 2, Resamples}, {3, 1, 2, 7}, {10, 0.3, 2, Resamples},
	{44, 0.4, 2, Resamples}, {44, 0.05, 2, Resamples}, {44, 0.4, 0, Resamples},
	{5, 0.2, 0, Resamples}, {120, 0.6, 2, 1}, {120, 0.6, 2, 63}, {300, 0.3, 1, Resamples},
	{600, 0.02, 2, Resamples}, {999, 0.5, 2, Resamples}, {999, 1, 2, Resamples},
}

// bootstrap returns what bootstrapRef does, bit for bit, with few and
// many stance sentences, ties, NaN scores and odd resample counts.
func TestBootstrapMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, tc := range bootstrapShapes {
		for trial := range 20 {
			x := make([][2]float64, tc.n)
			for i := range x {
				if rng.Float64() < tc.share || i == 0 {
					v := 0.1 + 0.9*rng.Float64()
					if trial%4 == 1 {
						v = 0.5 // ties
					}
					switch rng.IntN(4) {
					case 0:
						x[i][1] = v
					case 1:
						x[i] = [2]float64{v, v} // balanced: pulls both ways
					default:
						x[i][0] = v
					}
				}
			}
			seed := rng.Uint64()
			lo, hi := bootstrap(x, tc.k, seed, tc.b)
			wlo, whi := bootstrapRef(x, tc.k, seed, tc.b)
			if !same(lo, wlo) || !same(hi, whi) {
				t.Fatalf("n %d share %v k %v b %d trial %d: bootstrap = [%v, %v], want [%v, %v]",
					tc.n, tc.share, tc.k, tc.b, trial, lo, hi, wlo, whi)
			}
		}
	}
}

// same reports whether x and y are the same float64, NaN included.
func same(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || (math.IsNaN(x) && math.IsNaN(y))
}

// binomialCDFRef is binomialCDF as first written, over gonum's
// probability mass.
func binomialCDFRef(n, e int) []float64 {
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

// binomialCDF, with its table of log-factorials, sums gonum's
// probability mass bit for bit, within the table and beyond it.
func TestBinomialCDFMatchesRef(t *testing.T) {
	for _, n := range []int{1, 2, 3, 17, 44, 100, 999, NormalFrom, NormalFrom + 7} {
		for _, e := range []int{1, 2, n / 3, n / 2, n - 1, n} {
			if e < 1 {
				continue
			}
			got, want := binomialCDF(n, e), binomialCDFRef(n, e)
			for k := range want {
				if !same(got[k], want[k]) {
					t.Fatalf("binomialCDF(%d, %d)[%d] = %v, want %v", n, e, k, got[k], want[k])
				}
			}
		}
	}
}

// interval returns the two percentiles percentile gives, whatever the
// order of the scores, with ties, with NaN, and when the sample it takes
// misleads it (the sampled positions hold the smallest or the largest
// scores, so a tail misses order statistics and it falls back).
func TestIntervalMatchesPercentile(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	layouts := map[string]func(xs []float64){
		"random": func([]float64) {},
		"sorted": func(xs []float64) { slices.Sort(xs) },
		"reversed": func(xs []float64) {
			slices.Sort(xs)
			slices.Reverse(xs)
		},
		"ties": func(xs []float64) {
			for i := range xs {
				xs[i] = math.Round(xs[i] * 3)
			}
		},
		"nan": func(xs []float64) { xs[len(xs)/2] = math.NaN() },
		"low sample": func(xs []float64) {
			for s := range tailSample {
				xs[s*(len(xs)/tailSample)] = -1 - float64(s)
			}
		},
		"high sample": func(xs []float64) {
			for s := range tailSample {
				xs[s*(len(xs)/tailSample)] = 2 + float64(s)
			}
		},
	}
	for name, layout := range layouts {
		for _, n := range []int{1, 40, 8*tailSample - 1, 8 * tailSample, Resamples, 5003} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = rng.Float64()
			}
			layout(xs)
			// percentile reorders: the second call runs on the
			// order the first left, as in the reference bootstrap.
			ref := slices.Clone(xs)
			want := [2]float64{percentile(ref, 0.025), percentile(ref, 0.975)}
			var sc bootScratch
			lo, hi := sc.interval(xs, 0.025, 0.975)
			if !same(lo, want[0]) || !same(hi, want[1]) {
				t.Errorf("%s n %d: interval = [%v, %v], percentile [%v, %v]", name, n, lo, hi, want[0], want[1])
			}
		}
	}
}
