package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"alignnet/analysis/compare"
)

func ftoaNaN(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return ftoa(x)
}

// CompareTable writes one row per new article: its score, step and interval, its
// place in the baseline (percentile, z), its leading cues and actors.
func CompareTable(w io.Writer, r *compare.Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "title", "score", "step", "low", "high", "evidence", "percentile", "z", "baseline_mean", "baseline_sd", "cues", "actors"})
	for _, p := range r.Articles {
		score, step, lo, hi := "", "", "", ""
		if p.Score != nil {
			score = ftoa(*p.Score)
		}
		if p.Step != nil {
			step = ftoa(*p.Step)
		}
		if p.Interval != nil {
			lo, hi = ftoa(p.Interval.Low), ftoa(p.Interval.High)
		}
		var cues, actors []string
		for _, c := range p.Cues {
			cues = append(cues, fmt.Sprintf("%s ×%d", c.Text, c.Count))
		}
		for _, a := range p.Actors {
			actors = append(actors, fmt.Sprintf("%s %s", a.ID, ftoa(a.Push)))
		}
		cw.Write([]string{p.ID, p.Title, score, step, lo, hi, strconv.Itoa(p.Evidence), ftoaNaN(p.Percentile), ftoaNaN(p.Z),
			ftoaNaN(r.Baseline.Mean), ftoaNaN(r.Baseline.SD), strings.Join(cues, "; "), strings.Join(actors, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

// CompareReport writes the comparison in words, as Markdown.
func CompareReport(w io.Writer, r *compare.Report) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# New articles against the baseline\n\n")
	bl := r.Baseline
	fmt.Fprintf(b, "Scores run from -1 (toward %s) to +1 (toward %s).\n\n", r.Poles[1].Label, r.Poles[0].Label)
	if bl.Scored == 0 {
		fmt.Fprintf(b, "Baseline: %d articles, none with alignment evidence.\n", bl.Articles)
	} else {
		fmt.Fprintf(b, "Baseline: %d articles, %d with a score; mean %+.2f", bl.Articles, bl.Scored, bl.Mean)
		if !math.IsNaN(bl.SD) {
			fmt.Fprintf(b, ", standard deviation %.2f", bl.SD)
		}
		fmt.Fprintf(b, ", range %+.2f to %+.2f.\n", bl.Scores[0], bl.Scores[len(bl.Scores)-1])
	}
	for _, p := range r.Articles {
		title := p.Title
		if title == "" {
			title = p.ID
		}
		fmt.Fprintf(b, "\n## %s\n\n`%s`\n\n%s\n", oneLine(title), p.ID, p.Explanation)
		if len(p.Cues) > 0 {
			fmt.Fprintf(b, "\n| cue | sentences | per evidence sentence | in the baseline |\n|---|---:|---:|---:|\n")
			for _, c := range p.Cues {
				fmt.Fprintf(b, "| %s | %d | %.2f | %.2f |\n", mdCell(c.Text), c.Count, c.Rate, c.BaselineRate)
			}
		}
	}
	fmt.Fprintf(b, "\n## Actors new to the network\n\n")
	if len(r.NewActors) == 0 {
		fmt.Fprintf(b, "None.\n")
	} else {
		fmt.Fprintf(b, "| actor | PageRank rank with the new articles |\n|---|---:|\n")
		for _, m := range r.NewActors {
			fmt.Fprintf(b, "| %s | %d |\n", mdCell(m.Name), m.After)
		}
	}
	fmt.Fprintf(b, "\n## Largest moves in centrality\n\n")
	if len(r.Moves) == 0 {
		fmt.Fprintf(b, "No actor of the baseline changed its PageRank rank.\n")
	} else {
		fmt.Fprintf(b, "| actor | rank before | rank after | change |\n|---|---:|---:|---:|\n")
		for _, m := range r.Moves {
			fmt.Fprintf(b, "| %s | %d | %d | %+d |\n", mdCell(m.Name), m.Before, m.After, m.Before-m.After)
		}
	}
	return b.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func mdCell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }
