package eval

import (
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/stat"
)

// Value is a score that may be undefined (NaN). It prints with three
// decimals, or "n/a" when undefined, and marshals to JSON rounded to four
// decimals, or null when undefined.
type Value float64

// NA is the undefined Value.
var NA = Value(math.NaN())

// Defined reports whether v is a number.
func (v Value) Defined() bool {
	return !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0)
}

// String formats v with three decimals, or "n/a".
func (v Value) String() string {
	if !v.Defined() {
		return "n/a"
	}
	return strconv.FormatFloat(round(float64(v), 3), 'f', 3, 64)
}

// MarshalJSON writes v rounded to four decimals, or null.
func (v Value) MarshalJSON() ([]byte, error) {
	if !v.Defined() {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, round(float64(v), 4), 'f', -1, 64), nil
}

// UnmarshalJSON reads a number, or null as NaN.
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = NA
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	*v = Value(f)
	return nil
}

// round rounds x to the given decimals, without a negative zero.
func round(x float64, decimals int) float64 {
	p := math.Pow10(decimals)
	r := math.Round(x*p) / p
	if r == 0 {
		return 0
	}
	return r
}

// ratio returns num/den, or NaN when den is 0.
func ratio(num, den int) Value {
	if den == 0 {
		return NA
	}
	return Value(float64(num) / float64(den))
}

// PRF holds true/false positive and false negative counts with precision
// TP/(TP+FP), recall TP/(TP+FN) and F1 2TP/(2TP+FP+FN), each NaN when its
// denominator is 0.
type PRF struct {
	TP        int   `json:"tp"`
	FP        int   `json:"fp"`
	FN        int   `json:"fn"`
	Precision Value `json:"precision"`
	Recall    Value `json:"recall"`
	F1        Value `json:"f1"`
}

// newPRF computes the ratios of the counts.
func newPRF(tp, fp, fn int) PRF {
	return PRF{TP: tp, FP: fp, FN: fn,
		Precision: ratio(tp, tp+fp),
		Recall:    ratio(tp, tp+fn),
		F1:        ratio(2*tp, 2*tp+fp+fn),
	}
}

// add returns the micro sum of p and q.
func (p PRF) add(q PRF) PRF {
	return newPRF(p.TP+q.TP, p.FP+q.FP, p.FN+q.FN)
}

// ranks returns the 1-based ranks of xs, ties taking the mean of the ranks
// they span.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && xs[idx[j]] == xs[idx[i]] {
			j++
		}
		mean := float64(i+1+j) / 2 // mean of ranks i+1 .. j
		for k := i; k < j; k++ {
			r[idx[k]] = mean
		}
		i = j
	}
	return r
}

// Spearman returns the Spearman rank correlation of x and y: the Pearson
// correlation of their ranks, ties ranked by their mean rank. It is NaN when
// the lengths differ, there are fewer than two pairs, or all x or all y are
// equal.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN()
	}
	return pearson(ranks(x), ranks(y))
}

// pearson returns the Pearson correlation of x and y (gonum's
// stat.Correlation), NaN when either has zero variance.
func pearson(x, y []float64) float64 {
	if stat.Variance(x, nil) == 0 || stat.Variance(y, nil) == 0 {
		return math.NaN()
	}
	return math.Max(-1, math.Min(1, stat.Correlation(x, y, nil)))
}

// sign returns -1, 0 or +1; |x| <= zero counts as 0.
func sign(x, zero float64) int {
	switch {
	case x > zero:
		return 1
	case x < -zero:
		return -1
	}
	return 0
}
