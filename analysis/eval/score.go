package eval

import (
	"math"
	"slices"
	"sort"
)

const (
	// MinJaccard is the least token Jaccard index of a sentence pair
	// (GUIDELINE.md "Scoring").
	MinJaccard = 0.6
	// ZeroBand is the half-width of the band of system alignment scores
	// that count as sign 0 (GUIDELINE.md "Scoring"), inclusive.
	ZeroBand = 0.1
	// bandSlack absorbs float noise at the edge of ZeroBand
	// (0.3-0.2 = 0.10000000000000003).
	bandSlack = 1e-9
)

// Report is the score of a run against the gold, micro-averaged over the
// gold articles, followed by one ArticleReport per gold article.
type Report struct {
	GoldArticles    int             `json:"gold_articles"`
	Scored          int             `json:"scored"`  // gold articles the run has
	Missing         []string        `json:"missing"` // gold articles the run lacks
	Extra           []string        `json:"extra"`   // run articles without gold, ignored
	Entities        PRF             `json:"entities"`
	EntitiesUntyped PRF             `json:"entities_untyped"`
	Sources         PRF             `json:"sources"`
	Sentences       SentenceScores  `json:"sentences"`
	Alignment       AlignmentScores `json:"alignment"`
	Articles        []ArticleReport `json:"articles"`
}

// SentenceScores scores stance labels: accuracy over all gold sentences
// (unpaired ones are wrong), per-label counts and the macro-F1 over the
// labels that occur in gold or predictions.
type SentenceScores struct {
	Gold      int            `json:"gold"`
	Paired    int            `json:"paired"`
	Unpaired  int            `json:"unpaired"`
	Correct   int            `json:"correct"`
	Accuracy  Value          `json:"accuracy"`
	MacroF1   Value          `json:"macro_f1"`
	Labels    []LabelScore   `json:"labels"`    // in the order of Labels
	Confusion []ConfusionRow `json:"confusion"` // in the order of Labels
}

// LabelScore is the precision, recall and F1 of one stance label.
type LabelScore struct {
	Label string `json:"label"`
	PRF
}

// ConfusionRow counts the system labels of the gold sentences of one label.
// Other is a system stance outside Labels; Unpaired has no system sentence.
type ConfusionRow struct {
	Gold     string `json:"gold"`
	Russia   int    `json:"russia"`
	West     int    `json:"west"`
	None     int    `json:"none"`
	Other    int    `json:"other"`
	Unpaired int    `json:"unpaired"`
}

// AlignmentScores compares article-level alignment: the Spearman rank
// correlation of system and gold scores over the gold articles (NaN when
// undefined) and the share of articles whose sign agrees. SpearmanSteps is
// the correlation of the system's steps (its score on the gold's five
// steps) with the gold; NaN when the run has no steps.
type AlignmentScores struct {
	N             int   `json:"n"`
	Null          int   `json:"null"` // null or missing system scores, taken as 0
	Spearman      Value `json:"spearman"`
	SpearmanSteps Value `json:"spearman_steps"`
	SignAgree     Value `json:"sign_agree"`
	Agreed        int   `json:"agreed"`
}

// ArticleReport is the score of one gold article with the errors behind it.
type ArticleReport struct {
	ID              string          `json:"id"`
	Missing         bool            `json:"missing,omitempty"`
	Entities        PRF             `json:"entities"`
	EntitiesUntyped PRF             `json:"entities_untyped"`
	Sources         PRF             `json:"sources"`
	Sentences       SentenceScores  `json:"sentences"`
	GoldAlignment   Value           `json:"gold_alignment"`
	Alignment       Value           `json:"alignment"` // null when the system's is null or missing
	SignAgrees      bool            `json:"sign_agrees"`
	EntityFP        []EntityError   `json:"entity_fp"` // typed
	EntityFN        []EntityError   `json:"entity_fn"` // typed
	Excluded        []string        `json:"excluded"`  // system entities hitting ignore or sources
	SourceFP        []string        `json:"source_fp"`
	SourceFN        []string        `json:"source_fn"`
	Unpaired        []UnpairedError `json:"unpaired"`
	Mislabeled      []LabelError    `json:"mislabeled"`
}

// EntityError is an unmatched entity. For a system false positive, Gold
// names a gold entity of another type that shares a form with it, if any.
type EntityError struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Gold string `json:"gold,omitempty"`
}

// UnpairedError is a gold sentence with no system sentence at Jaccard
// MinJaccard or more; Best is the highest Jaccard seen.
type UnpairedError struct {
	Text   string `json:"text"`
	Stance string `json:"stance"`
	Best   Value  `json:"best"`
}

// LabelError is a paired gold sentence whose system stance differs.
type LabelError struct {
	Text   string `json:"text"`
	Gold   string `json:"gold"`
	System string `json:"system"`
}

// Score scores run against gold as GUIDELINE.md "Scoring" prescribes, with
// the decisions listed in the package documentation. Gold articles the run
// lacks score as empty system articles with a null alignment and are listed
// in Missing; run articles without gold are listed in Extra and ignored.
func Score(gold []Gold, run []Article) Report {
	byID := make(map[string]*Article, len(run))
	var extra []string
	for i := range run {
		id := articleID(run[i].ID)
		if _, dup := byID[id]; dup {
			extra = append(extra, id)
			continue
		}
		byID[id] = &run[i]
	}
	golds := append([]Gold(nil), gold...)
	sort.SliceStable(golds, func(i, j int) bool { return golds[i].Article < golds[j].Article })

	r := Report{GoldArticles: len(golds), Missing: []string{}, Articles: []ArticleReport{}}
	counts := newSentenceCounts()
	var gx, sx, tx []float64
	steps := true // every scored article has a step
	used := make(map[string]bool)
	for _, g := range golds {
		id := articleID(g.Article)
		a, ok := byID[id]
		if ok {
			used[id] = true
			r.Scored++
		} else {
			r.Missing = append(r.Missing, id)
			a = &Article{ID: id}
		}
		ar, sc := scoreArticle(g, a)
		ar.ID, ar.Missing = id, !ok
		r.Entities = r.Entities.add(ar.Entities)
		r.EntitiesUntyped = r.EntitiesUntyped.add(ar.EntitiesUntyped)
		r.Sources = r.Sources.add(ar.Sources)
		counts.add(sc)
		s := 0.0
		if ar.Alignment.Defined() {
			s = float64(ar.Alignment)
		} else {
			r.Alignment.Null++
		}
		gx = append(gx, g.Alignment)
		sx = append(sx, s)
		switch st := a.Alignment.Step; {
		case st != nil && !math.IsNaN(*st):
			tx = append(tx, *st)
		case ar.Alignment.Defined():
			steps = false // a score without a step: a run from before steps
		default:
			tx = append(tx, 0)
		}
		if ar.SignAgrees {
			r.Alignment.Agreed++
		}
		r.Articles = append(r.Articles, ar)
	}
	for id := range byID {
		if !used[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	r.Extra = append([]string{}, slices.Compact(extra)...)
	r.Sentences = counts.scores()
	r.Alignment.N = len(golds)
	r.Alignment.Spearman = Value(Spearman(sx, gx))
	r.Alignment.SpearmanSteps = NA
	if steps {
		r.Alignment.SpearmanSteps = Value(Spearman(tx, gx))
	}
	r.Alignment.SignAgree = ratio(r.Alignment.Agreed, len(golds))
	return r
}

// scoreArticle scores one article; ID and Missing are left to the caller.
func scoreArticle(g Gold, a *Article) (ArticleReport, sentenceCounts) {
	var ar ArticleReport
	ar.Entities, ar.EntitiesUntyped, ar.EntityFP, ar.EntityFN, ar.Excluded = scoreEntities(g, a.Entities)
	ar.Sources, ar.SourceFP, ar.SourceFN = scoreSources(g.Sources, a.Sources)
	sc, unpaired, mislabeled := scoreSentences(g.Sentences, a.Sentences)
	ar.Sentences, ar.Unpaired, ar.Mislabeled = sc.scores(), unpaired, mislabeled
	ar.GoldAlignment = Value(g.Alignment)
	ar.Alignment = NA
	s := 0.0
	if a.Alignment.Score != nil && !math.IsNaN(*a.Alignment.Score) {
		s = *a.Alignment.Score
		ar.Alignment = Value(s)
	}
	ar.SignAgrees = sign(g.Alignment, 0) == sign(s, ZeroBand+bandSlack)
	return ar, sc
}

// scoreEntities matches the counted system entities to the gold entities,
// typed and untyped, each by its own maximum bipartite matching. An edge
// joins a system and a gold entity when their folded names and forms share
// a key (and, typed, when their folded types are equal). A system entity of
// type place is not counted; nor is one hitting ignore or sources unless it
// shares a key with a gold entity of any type.
func scoreEntities(g Gold, sys []Entity) (typed, untyped PRF, fp, fn []EntityError, excluded []string) {
	goldKeys := make([]map[string]bool, len(g.Entities))
	for j, e := range g.Entities {
		goldKeys[j] = keys(e.Name, e.Forms)
	}
	skip := keys("", append(append([]string(nil), g.Ignore...), g.Sources...))

	var counted []Entity
	var typedAdj, untypedAdj [][]int
	for _, e := range sys {
		if Fold(e.Type) == "place" {
			continue
		}
		k := keys(e.Name, e.Forms)
		var ta, ua []int
		for j, gk := range goldKeys {
			if intersects(k, gk) {
				ua = append(ua, j)
				if Fold(e.Type) == Fold(g.Entities[j].Type) {
					ta = append(ta, j)
				}
			}
		}
		if len(ua) == 0 && intersects(k, skip) {
			excluded = append(excluded, e0(e))
			continue
		}
		counted = append(counted, e)
		typedAdj = append(typedAdj, ta)
		untypedAdj = append(untypedAdj, ua)
	}
	tm, tp := maxMatching(typedAdj, len(g.Entities))
	_, up := maxMatching(untypedAdj, len(g.Entities))
	typed = newPRF(tp, len(counted)-tp, len(g.Entities)-tp)
	untyped = newPRF(up, len(counted)-up, len(g.Entities)-up)

	goldHit := make([]bool, len(g.Entities))
	for i, j := range tm {
		if j >= 0 {
			goldHit[j] = true
			continue
		}
		e := EntityError{Name: e0(counted[i]), Type: counted[i].Type}
		if len(untypedAdj[i]) > 0 {
			e.Gold = g.Entities[untypedAdj[i][0]].Type + " " + g.Entities[untypedAdj[i][0]].Name
		}
		fp = append(fp, e)
	}
	for j, e := range g.Entities {
		if !goldHit[j] {
			fn = append(fn, EntityError{Name: e.Name, Type: e.Type})
		}
	}
	sortErrors(fp)
	sortErrors(fn)
	sort.Strings(excluded)
	return typed, untyped, fp, fn, excluded
}

// e0 names a system entity: its name, else its first form.
func e0(e Entity) string {
	if e.Name == "" && len(e.Forms) > 0 {
		return e.Forms[0]
	}
	return e.Name
}

func sortErrors(es []EntityError) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Type != es[j].Type {
			return es[i].Type < es[j].Type
		}
		if es[i].Name != es[j].Name {
			return es[i].Name < es[j].Name
		}
		return es[i].Gold < es[j].Gold
	})
}

// scoreSources compares the folded sets of gold and system sources; the
// lists name the first spelling of each missed or extra source, sorted.
func scoreSources(gold, sys []string) (PRF, []string, []string) {
	set := func(xs []string) map[string]string {
		m := make(map[string]string)
		for _, x := range xs {
			if k := Fold(x); k != "" {
				if _, ok := m[k]; !ok {
					m[k] = x
				}
			}
		}
		return m
	}
	gs, ss := set(gold), set(sys)
	tp := 0
	var fp, fn []string
	for k, v := range ss {
		if _, ok := gs[k]; ok {
			tp++
		} else {
			fp = append(fp, v)
		}
	}
	for k, v := range gs {
		if _, ok := ss[k]; !ok {
			fn = append(fn, v)
		}
	}
	sort.Strings(fp)
	sort.Strings(fn)
	return newPRF(tp, len(ss)-tp, len(gs)-tp), fp, fn
}

// sentenceCounts is a confusion matrix: rows are gold labels, columns the
// system labels, then other (col 3) and unpaired (col 4).
type sentenceCounts [3][5]int

const (
	colOther    = 3
	colUnpaired = 4
)

func newSentenceCounts() sentenceCounts { return sentenceCounts{} }

func (c *sentenceCounts) add(d sentenceCounts) {
	for i := range c {
		for j := range c[i] {
			c[i][j] += d[i][j]
		}
	}
}

// scores derives accuracy, per-label PRF and macro-F1 from the matrix.
func (c sentenceCounts) scores() SentenceScores {
	var s SentenceScores
	for i := range c {
		for j, n := range c[i] {
			s.Gold += n
			if j == colUnpaired {
				s.Unpaired += n
			}
			if i == j {
				s.Correct += n
			}
		}
	}
	s.Paired = s.Gold - s.Unpaired
	s.Accuracy = ratio(s.Correct, s.Gold)
	var sum float64
	var present int
	for l, name := range Labels {
		tp := c[l][l]
		var fp, fn int
		for i := range c {
			if i != l {
				fp += c[i][l]
			}
		}
		for j, n := range c[l] {
			if j != l {
				fn += n
			}
		}
		p := newPRF(tp, fp, fn)
		s.Labels = append(s.Labels, LabelScore{Label: name, PRF: p})
		if tp+fp+fn > 0 {
			present++
			sum += float64(p.F1)
		}
		s.Confusion = append(s.Confusion, ConfusionRow{Gold: name,
			Russia: c[l][0], West: c[l][1], None: c[l][2],
			Other: c[l][colOther], Unpaired: c[l][colUnpaired]})
	}
	s.MacroF1 = NA
	if present > 0 {
		s.MacroF1 = Value(sum / float64(present))
	}
	return s
}

// scoreSentences pairs each gold sentence with a system sentence: among
// those whose token-set Jaccard is at least MinJaccard, the one sharing the
// most tokens, then the higher Jaccard, then one not yet paired, then the
// first.
func scoreSentences(gold []GoldSentence, sys []Sentence) (sentenceCounts, []UnpairedError, []LabelError) {
	var c sentenceCounts
	var unpaired []UnpairedError
	var wrong []LabelError
	texts := make([]string, len(sys))
	for i, s := range sys {
		texts[i] = s.Text
	}
	pairs, seen := pair(gold, texts)
	for k, g := range gold {
		gl := label(g.Stance)
		if gl < 0 {
			continue // LoadGold rejects these
		}
		best := pairs[k]
		if best < 0 {
			c[gl][colUnpaired]++
			unpaired = append(unpaired, UnpairedError{Text: g.Text, Stance: Labels[gl], Best: Value(seen[k])})
			continue
		}
		sl := label(sys[best].Stance)
		if sl < 0 {
			c[gl][colOther]++
		} else {
			c[gl][sl]++
		}
		if sl != gl {
			wrong = append(wrong, LabelError{Text: g.Text, Gold: Labels[gl], System: sys[best].Stance})
		}
	}
	return c, unpaired, wrong
}

// Pair returns, for each gold sentence, the index of the system sentence
// it is paired with (GUIDELINE.md "Scoring": the one sharing the most
// word tokens, Jaccard at least MinJaccard; ties go to the higher
// Jaccard, then to a sentence not yet paired), or -1.
func Pair(gold []GoldSentence, sys []string) []int {
	p, _ := pair(gold, sys)
	return p
}

// pair is Pair that also returns the best Jaccard seen for each gold
// sentence.
func pair(gold []GoldSentence, sys []string) ([]int, []float64) {
	dict := make(tokenIDs)
	sysTok := make([][]int, len(sys))
	for i, s := range sys {
		sysTok[i] = dict.ids(s)
	}
	usedSys := make([]bool, len(sys))
	pairs := make([]int, len(gold))
	seen := make([]float64, len(gold))
	for k, g := range gold {
		pairs[k] = -1
		if label(g.Stance) < 0 {
			continue
		}
		gt := dict.ids(g.Text)
		best, bestShared, bestJ, bestSeen := -1, 0, 0.0, 0.0
		for i := range sys {
			shared, j := overlap(gt, sysTok[i])
			bestSeen = math.Max(bestSeen, j)
			if j < MinJaccard {
				continue
			}
			better := best < 0 || shared > bestShared ||
				shared == bestShared && (j > bestJ || j == bestJ && usedSys[best] && !usedSys[i])
			if better {
				best, bestShared, bestJ = i, shared, j
			}
		}
		seen[k] = bestSeen
		if best >= 0 {
			usedSys[best] = true
			pairs[k] = best
		}
	}
	return pairs, seen
}
