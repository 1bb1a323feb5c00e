// Package compare places new articles against a baseline corpus: where
// each falls in the baseline's distribution of alignment scores, which
// actors are new to the network, whose centrality moved, and which cues and
// actors pushed each article away from the baseline.
package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
)

// Baseline summarises the baseline's article scores.
type Baseline struct {
	Articles int       // articles in the baseline
	Scored   int       // of them with a score (evidence)
	Mean, SD float64   // of the scores; SD is the sample standard deviation (NaN below two)
	Scores   []float64 // sorted
}

// Placement is one new article against the baseline.
type Placement struct {
	ID, Title string
	Score     *float64 // nil without evidence
	Step      *float64 // the score on the guideline's five steps; nil with Score
	Interval  *alignment.Interval
	Evidence  int
	// Percentile is the share of baseline scores below the article's,
	// counting ties half (0 to 100); NaN without a score.
	Percentile float64
	// Z is the distance from the baseline mean in baseline standard
	// deviations; NaN without a score or a baseline spread.
	Z float64
	// Cues are the cues of the article's evidence, most frequent first,
	// with how much more often they occur per evidence sentence than in
	// the baseline.
	Cues []Cue
	// Actors are the actors whose sentences carry the article's score,
	// strongest first.
	Actors []ActorPush
	// Explanation says in words how the article differs from the
	// baseline.
	Explanation string
}

// Cue is a cue with its count in the article and its rate per evidence
// sentence in the article and in the baseline.
type Cue struct {
	Text               string
	Count              int
	Rate, BaselineRate float64
}

// ActorPush is an actor's share of an article's score: the summed net
// pulls of the sentences naming it (Sentence.Pull, first pole minus second).
type ActorPush struct {
	ID, Name  string
	Push      float64 // > 0 toward the first pole
	Sentences int
	// Baseline is the actor's alignment score over the baseline, nil when
	// the baseline has none (absent or no evidence).
	Baseline *float64
}

// RankMove is an actor whose centrality rank changed when the new
// articles joined the network.
type RankMove struct {
	ID, Name      string
	Before, After int // PageRank rank, 1 = most central; 0: absent
}

// Report is the comparison.
type Report struct {
	Poles     [2]alignment.Pole
	Baseline  Baseline
	Articles  []Placement
	NewActors []RankMove // actors absent from the baseline network (Before 0), by rank after
	Moves     []RankMove // actors of both networks, largest move first
}

// MaxMoves caps the rank moves listed.
const MaxMoves = 10

// Compare places the articles of combined whose IDs are in newIDs against
// base, the analysis of the baseline alone. combined is the analysis of the
// baseline and the new articles together, made with the same model.
func Compare(base, combined *analysis.Result, newIDs []string) *Report {
	r := &Report{Poles: combined.Poles, Baseline: summarise(base)}
	isNew := map[string]bool{}
	for _, id := range newIDs {
		isNew[id] = true
	}
	baseRates := cueRates(base.Articles)
	baseActors := map[string]*float64{}
	for _, a := range base.Actors {
		baseActors[a.ID] = a.Alignment.Score
	}
	names := map[string]string{}
	for _, a := range combined.Actors {
		names[a.ID] = a.Name
	}
	for _, a := range combined.Articles {
		if !isNew[a.Doc.ID] {
			continue
		}
		p := Placement{ID: a.Doc.ID, Title: a.Doc.Title, Score: a.Alignment.Score, Step: a.Alignment.Step, Interval: a.Alignment.Interval, Evidence: a.Alignment.Evidence, Percentile: math.NaN(), Z: math.NaN()}
		if p.Score != nil && r.Baseline.Scored > 0 {
			p.Percentile = percentile(r.Baseline.Scores, *p.Score)
			if r.Baseline.SD > 0 {
				p.Z = (*p.Score - r.Baseline.Mean) / r.Baseline.SD
			}
		}
		p.Cues = articleCues(a, baseRates)
		p.Actors = pushes(a, names, baseActors)
		p.Explanation = explain(r, p)
		r.Articles = append(r.Articles, p)
	}
	r.NewActors, r.Moves = moves(base, combined)
	return r
}

func summarise(base *analysis.Result) Baseline {
	b := Baseline{Articles: len(base.Articles), Mean: math.NaN(), SD: math.NaN()}
	for _, a := range base.Articles {
		if a.Alignment.Score != nil {
			b.Scores = append(b.Scores, *a.Alignment.Score)
		}
	}
	sort.Float64s(b.Scores)
	b.Scored = len(b.Scores)
	if b.Scored == 0 {
		return b
	}
	// The sample standard deviation (n-1), 0 for a single score.
	b.Mean, b.SD = stat.MeanStdDev(b.Scores, nil)
	if b.Scored == 1 {
		b.SD = 0
	}
	return b
}

// percentile is the share of xs (sorted) below x, ties counting half, in
// percent.
func percentile(xs []float64, x float64) float64 {
	below, tied := 0, 0
	for _, v := range xs {
		switch {
		case v < x:
			below++
		case v == x:
			tied++
		}
	}
	return 100 * (float64(below) + 0.5*float64(tied)) / float64(len(xs))
}

// cueRates counts each cue over the evidence sentences of articles, per
// evidence sentence.
func cueRates(arts []analysis.Article) map[string]float64 {
	counts, n := map[string]int{}, 0
	for _, a := range arts {
		n += countCues(a, counts)
	}
	rates := make(map[string]float64, len(counts))
	for c, k := range counts {
		rates[c] = float64(k) / float64(n)
	}
	return rates
}

// countCues adds the cues of a's evidence sentences (those that pull its
// score) to counts and returns the number of those sentences.
func countCues(a analysis.Article, counts map[string]int) int {
	n := 0
	for _, s := range a.Stances {
		if s.Pull == [2]float64{} {
			continue
		}
		n++
		for _, c := range s.Cues {
			counts[c]++
		}
	}
	return n
}

// MaxCues caps the cues listed per article.
const MaxCues = 8

func articleCues(a analysis.Article, baseRates map[string]float64) []Cue {
	counts := map[string]int{}
	n := countCues(a, counts)
	var cues []Cue
	for c, k := range counts {
		cues = append(cues, Cue{Text: c, Count: k, Rate: float64(k) / float64(n), BaselineRate: baseRates[c]})
	}
	// Most over-represented against the baseline first.
	slices.SortFunc(cues, func(x, y Cue) int {
		if c := cmp.Compare(y.Rate-y.BaselineRate, x.Rate-x.BaselineRate); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return cmp.Compare(x.Text, y.Text)
	})
	if len(cues) > MaxCues {
		cues = cues[:MaxCues]
	}
	return cues
}

// MaxActors caps the actors listed per article.
const MaxActors = 5

func pushes(a analysis.Article, names map[string]string, base map[string]*float64) []ActorPush {
	by := map[string]*ActorPush{}
	for i, s := range a.Stances {
		net := s.Pull[0] - s.Pull[1]
		if net == 0 {
			continue
		}
		for _, id := range a.Sentences[i].Actors {
			p := by[id]
			if p == nil {
				p = &ActorPush{ID: id, Name: names[id], Baseline: base[id]}
				by[id] = p
			}
			p.Push += net
			p.Sentences++
		}
	}
	var out []ActorPush
	for _, p := range by {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(x, y ActorPush) int {
		if c := cmp.Compare(math.Abs(y.Push), math.Abs(x.Push)); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	if len(out) > MaxActors {
		out = out[:MaxActors]
	}
	return out
}

// pageRankOrder returns actor ID → rank by PageRank (1 = highest; ties by
// ID).
func pageRankOrder(res *analysis.Result) map[string]int {
	as := slices.Clone(res.Actors)
	slices.SortFunc(as, func(x, y analysis.Actor) int {
		if c := cmp.Compare(y.Measures.PageRank, x.Measures.PageRank); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	rank := map[string]int{}
	for i, a := range as {
		rank[a.ID] = i + 1
	}
	return rank
}

func moves(base, combined *analysis.Result) (added, moved []RankMove) {
	before, after := pageRankOrder(base), pageRankOrder(combined)
	for _, a := range combined.Actors {
		m := RankMove{ID: a.ID, Name: a.Name, Before: before[a.ID], After: after[a.ID]}
		if m.Before == 0 {
			added = append(added, m)
		} else if m.Before != m.After {
			moved = append(moved, m)
		}
	}
	slices.SortFunc(added, func(x, y RankMove) int { return cmp.Compare(x.After, y.After) })
	slices.SortFunc(moved, func(x, y RankMove) int {
		dx, dy := abs(x.Before-x.After), abs(y.Before-y.After)
		if dx != dy {
			return cmp.Compare(dy, dx)
		}
		return cmp.Compare(x.After, y.After)
	})
	if len(moved) > MaxMoves {
		moved = moved[:MaxMoves]
	}
	return added, moved
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// explain writes the difference between an article and the baseline in
// words.
func explain(r *Report, p Placement) string {
	var b strings.Builder
	name := p.Title
	if name == "" {
		name = p.ID
	}
	toward := func(x float64) string {
		switch {
		case x > 0.1:
			return "toward " + r.Poles[0].Label
		case x < -0.1:
			return "toward " + r.Poles[1].Label
		}
		return "balanced"
	}
	if p.Score == nil {
		fmt.Fprintf(&b, "%s has no alignment evidence: no sentence shows the subject state moving toward either pole, so it cannot be placed against the baseline.", name)
		return b.String()
	}
	s := *p.Score
	reading := toward(s)
	if p.Step != nil {
		reading = alignment.StepLabel(*p.Step, r.Poles)
	}
	fmt.Fprintf(&b, "%s scores %+.2f (%s) on %s", name, s, reading, plural(p.Evidence, "evidence sentence"))
	if r.Baseline.Scored == 0 {
		b.WriteString("; the baseline has no scored article to compare with.")
		return b.String()
	}
	base := fmt.Sprintf("the baseline (%s, mean %+.2f, %s)", plural(r.Baseline.Scored, "scored article"), r.Baseline.Mean, toward(r.Baseline.Mean))
	switch pc := p.Percentile; {
	case pc == 0:
		fmt.Fprintf(&b, ", below every scored article of %s", base)
	case pc == 100:
		fmt.Fprintf(&b, ", above every scored article of %s", base)
	default:
		// 1st to 99th: only the two cases above are 0th or 100th
		fmt.Fprintf(&b, ", at the %s percentile of %s", ordinal(int(min(max(math.Round(pc), 1), 99))), base)
	}
	if !math.IsNaN(p.Z) {
		fmt.Fprintf(&b, ", %+.1f standard deviations from its mean", p.Z)
	}
	b.WriteString(".")
	if d := s - r.Baseline.Mean; math.Abs(d) >= 0.1 {
		dir := toward(d)
		first := d > 0
		var cues []string
		for _, c := range p.Cues {
			if len(cues) == 3 {
				break
			}
			if c.Rate > c.BaselineRate && supports(c.Text, r.Poles, first) {
				cues = append(cues, fmt.Sprintf("%q in %s", c.Text, plural(c.Count, "sentence")))
			}
		}
		fmt.Fprintf(&b, " It lies %.2f %s of the baseline mean", math.Abs(d), dir)
		if len(cues) > 0 {
			fmt.Fprintf(&b, "; the cues that push it there and are rarer in the baseline: %s", strings.Join(cues, ", "))
		}
		b.WriteString(".")
	} else {
		b.WriteString(" It is close to the baseline mean.")
	}
	var who []string
	for _, a := range p.Actors {
		if len(who) == 3 {
			break
		}
		w := fmt.Sprintf("%s (%s, %s", a.Name, plural(a.Sentences, "evidence sentence"), toward(a.Push))
		if a.Baseline == nil {
			w += "; no baseline evidence"
		} else {
			w += fmt.Sprintf("; %+.2f in the baseline", *a.Baseline)
		}
		who = append(who, w+")")
	}
	if len(who) > 0 {
		fmt.Fprintf(&b, " Actors carrying the score: %s.", strings.Join(who, ", "))
	}
	return b.String()
}

// supports reports whether a cue string ("cooperat* (toward Russia)",
// "never allow* (away from the West)") points to the first pole (first)
// or to the second.
func supports(cue string, poles [2]alignment.Pole, first bool) bool {
	to, from := poles[1].Label, poles[0].Label
	if first {
		to, from = poles[0].Label, poles[1].Label
	}
	return strings.Contains(cue, "(toward "+to+")") || strings.Contains(cue, "(away from "+from+")")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ordinal writes 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
