package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteText writes the summary as aligned plain-text tables: entities,
// sources, sentences, articles, then one line per gold article.
func (r Report) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "gold articles %d, scored %d, missing %d, extra %d\n\n",
		r.GoldArticles, r.Scored, len(r.Missing), len(r.Extra))
	fmt.Fprintf(b, "%-20s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "TP", "FP", "FN")
	for _, row := range []struct {
		name string
		p    PRF
	}{{"entities (typed)", r.Entities}, {"entities (untyped)", r.EntitiesUntyped}, {"sources", r.Sources}} {
		writePRF(b, row.name, row.p)
	}
	s := r.Sentences
	fmt.Fprintf(b, "\nsentences  gold %d, paired %d, unpaired %d\n", s.Gold, s.Paired, s.Unpaired)
	fmt.Fprintf(b, "  %-12s %9s  (%d/%d)\n", "accuracy", s.Accuracy, s.Correct, s.Gold)
	fmt.Fprintf(b, "  %-12s %9s\n", "macro-F1", s.MacroF1)
	a := r.Alignment
	fmt.Fprintf(b, "\narticles  n %d, null or missing scores %d (taken as 0)\n", a.N, a.Null)
	fmt.Fprintf(b, "  %-12s %9s\n", "Spearman", a.Spearman)
	fmt.Fprintf(b, "  %-12s %9s  (the score on the gold's five steps)\n", "  of steps", a.SpearmanSteps)
	fmt.Fprintf(b, "  %-12s %9s  (%d/%d)\n", "sign agrees", a.SignAgree, a.Agreed, a.N)

	fmt.Fprintf(b, "\n%-28s %7s %7s %7s %7s %6s %6s %5s\n", "article", "ent F1", "untyped", "src F1", "sent", "gold", "system", "sign")
	for _, ar := range r.Articles {
		id := ar.ID
		if ar.Missing {
			id += " (missing)"
		}
		agree := "no"
		if ar.SignAgrees {
			agree = "yes"
		}
		fmt.Fprintf(b, "%-28s %7s %7s %7s %7s %6s %6s %5s\n", id, ar.Entities.F1, ar.EntitiesUntyped.F1,
			ar.Sources.F1, ar.Sentences.Accuracy, signed(ar.GoldAlignment), signed(ar.Alignment), agree)
	}
	if len(r.Missing)+len(r.Extra) > 0 {
		fmt.Fprintln(b)
	}
	writeList(b, "missing", r.Missing)
	writeList(b, "extra, ignored", r.Extra)
	return b.Flush()
}

// WriteDetails writes, for the pooled sentences and then for every gold
// article, the errors behind the scores: per-label scores and the confusion
// matrix, typed entity false positives and negatives, excluded entities,
// source errors, unpaired and mislabeled gold sentences.
func (r Report) WriteDetails(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "== all articles\n")
	writeSentences(b, r.Sentences)
	for _, ar := range r.Articles {
		fmt.Fprintf(b, "\n== %s", ar.ID)
		if ar.Missing {
			fmt.Fprintf(b, " (missing from the run)")
		}
		fmt.Fprintf(b, "\nalignment  gold %s, system %s, sign agrees %t\n",
			signed(ar.GoldAlignment), signed(ar.Alignment), ar.SignAgrees)
		fmt.Fprintf(b, "%-20s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "TP", "FP", "FN")
		writePRF(b, "entities (typed)", ar.Entities)
		writePRF(b, "entities (untyped)", ar.EntitiesUntyped)
		writePRF(b, "sources", ar.Sources)
		writeEntities(b, "entity FP", ar.EntityFP)
		writeEntities(b, "entity FN", ar.EntityFN)
		writeList(b, "excluded (ignore/sources)", ar.Excluded)
		writeList(b, "source FP", ar.SourceFP)
		writeList(b, "source FN", ar.SourceFN)
		writeSentences(b, ar.Sentences)
		if len(ar.Unpaired) > 0 {
			fmt.Fprintf(b, "unpaired gold sentences (%d):\n", len(ar.Unpaired))
			for _, u := range ar.Unpaired {
				fmt.Fprintf(b, "  %-6s best %s  %s\n", u.Stance, u.Best, u.Text)
			}
		}
		if len(ar.Mislabeled) > 0 {
			fmt.Fprintf(b, "mislabeled (%d):\n", len(ar.Mislabeled))
			for _, m := range ar.Mislabeled {
				fmt.Fprintf(b, "  %-6s -> %-6s  %s\n", m.Gold, m.System, m.Text)
			}
		}
	}
	return b.Flush()
}

func writePRF(b *bufio.Writer, name string, p PRF) {
	fmt.Fprintf(b, "%-20s %9s %9s %9s %6d %6d %6d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
}

func writeSentences(b *bufio.Writer, s SentenceScores) {
	fmt.Fprintf(b, "sentences  gold %d, paired %d, unpaired %d, accuracy %s, macro-F1 %s\n",
		s.Gold, s.Paired, s.Unpaired, s.Accuracy, s.MacroF1)
	fmt.Fprintf(b, "  %-8s %9s %9s %9s %6s %6s %6s\n", "label", "precision", "recall", "F1", "TP", "FP", "FN")
	for _, l := range s.Labels {
		fmt.Fprintf(b, "  %-8s %9s %9s %9s %6d %6d %6d\n", l.Label, l.Precision, l.Recall, l.F1, l.TP, l.FP, l.FN)
	}
	fmt.Fprintf(b, "  %-8s %7s %7s %7s %7s %9s\n", "gold\\sys", "russia", "west", "none", "other", "unpaired")
	for _, c := range s.Confusion {
		fmt.Fprintf(b, "  %-8s %7d %7d %7d %7d %9d\n", c.Gold, c.Russia, c.West, c.None, c.Other, c.Unpaired)
	}
}

func writeEntities(b *bufio.Writer, title string, es []EntityError) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(b, "%s (%d):\n", title, len(es))
	for _, e := range es {
		fmt.Fprintf(b, "  %-12s %s", e.Type, e.Name)
		if e.Gold != "" {
			fmt.Fprintf(b, "  (type? gold has %s)", e.Gold)
		}
		fmt.Fprintln(b)
	}
}

func writeList(b *bufio.Writer, title string, xs []string) {
	if len(xs) == 0 {
		return
	}
	fmt.Fprintf(b, "%s (%d): %s\n", title, len(xs), strings.Join(xs, ", "))
}

// signed formats an alignment score with a sign and two decimals, or "n/a".
func signed(v Value) string {
	if !v.Defined() {
		return "n/a"
	}
	x := round(float64(v), 2)
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if x > 0 {
		s = "+" + s
	}
	return s
}
