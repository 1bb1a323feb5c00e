package figures

import (
	"cmp"
	"math"
	"slices"
	"time"

	"alignnet/analysis"
	"alignnet/render/chart"
)

// timeline places the dated articles on a time axis; nil when none is
// dated.
func timeline(res *analysis.Result, neg, pos string) *chart.Timeline {
	tl := &chart.Timeline{Negative: neg, Positive: pos}
	dated := false
	for _, a := range res.Articles {
		d := chart.Dated{Label: ArticleLabel(a), Lo: math.NaN(), Hi: math.NaN(), Inferred: a.Doc.DateInferred}
		if t, err := time.Parse("2006-01-02", a.Doc.Date); err == nil {
			d.Date, dated = t, true
		}
		if s := a.Alignment.Score; s == nil {
			d.Missing = true
		} else {
			d.Value = *s
			if iv := a.Alignment.Interval; iv != nil {
				d.Lo, d.Hi = iv.Low, iv.High
			}
		}
		tl.Points = append(tl.Points, d)
	}
	if !dated {
		return nil
	}
	return tl
}

// evidence is the number of an actor's sentences with a stance, 0 when
// none of its sentences pulls (a pole's pressure labels a sentence but
// pulls no score): such an actor has no score to place.
func evidence(a analysis.Actor) int {
	if a.Alignment.Score == nil {
		return 0
	}
	return a.Alignment.Russia + a.Alignment.West
}

// byEvidence orders actors by evidence, then ID.
func byEvidence(as []analysis.Actor) []analysis.Actor {
	s := slices.Clone(as)
	slices.SortFunc(s, func(x, y analysis.Actor) int {
		return cmp.Or(cmp.Compare(evidence(y), evidence(x)), cmp.Compare(x.ID, y.ID))
	})
	return s
}

// spectrum places the n actors with the most evidence between the poles.
func spectrum(res *analysis.Result, n int, neg, pos string) *chart.Spectrum {
	sp := &chart.Spectrum{Negative: neg, Positive: pos}
	for _, a := range byEvidence(res.Actors) {
		if len(sp.Actors) == n || evidence(a) == 0 {
			break
		}
		r := a.Alignment
		p := chart.Placed{Label: Label(a), Bloc: string(a.Bloc), Lo: math.NaN(), Hi: math.NaN(), Evidence: evidence(a)}
		if r.Score != nil {
			p.Value = *r.Score
		}
		if r.Interval != nil {
			p.Lo, p.Hi = r.Interval.Low, r.Interval.High
		}
		sp.Actors = append(sp.Actors, p)
	}
	return sp
}

// heatmap shows the co-mentions among the n actors of highest PageRank,
// grouped by community (then by PageRank).
func heatmap(res *analysis.Result, n int) *chart.Heatmap {
	top := byPageRank(res.Actors)
	if len(top) > n {
		top = top[:n]
	}
	slices.SortStableFunc(top, func(x, y analysis.Actor) int { return cmp.Compare(x.Measures.Community, y.Measures.Community) })
	idx := map[string]int{}
	hm := &chart.Heatmap{Unit: "sentences naming both"}
	for i, a := range top {
		idx[a.ID] = i
		hm.Labels = append(hm.Labels, Label(a))
		hm.Community = append(hm.Community, a.Measures.Community)
		hm.Weights = append(hm.Weights, make([]float64, len(top)))
	}
	for _, e := range res.Network.Edges {
		i, ok1 := idx[e.A]
		j, ok2 := idx[e.B]
		if ok1 && ok2 {
			hm.Weights[i][j], hm.Weights[j][i] = e.Weight, e.Weight
		}
	}
	return hm
}
