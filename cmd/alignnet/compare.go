package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"

	"alignnet/analysis"
	"alignnet/analysis/compare"
	"alignnet/pipeline"
	"alignnet/render/chart"
	"alignnet/render/export"
	"alignnet/render/figures"
)

func compareCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	baseline := fs.String("baseline", "seeds", "folder of the baseline articles")
	out := fs.String("out", "out/compare", "output folder (replaced as a whole when the comparison succeeds)")
	m := modelFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: alignnet compare [flags] FILE|DIR...\n\nScores new articles with the same model and places each against the baseline.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return errHelp
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	p, lex, err := m.load(stderr)
	if err != nil {
		return err
	}
	baseFiles, err := pipeline.Files(*baseline)
	if err != nil {
		return err
	}
	var newFiles []string
	for _, arg := range fs.Args() {
		st, err := os.Stat(arg)
		if err != nil {
			return err
		}
		if st.IsDir() {
			fs, err := pipeline.Files(arg)
			if err != nil {
				return err
			}
			newFiles = append(newFiles, fs...)
		} else {
			newFiles = append(newFiles, arg)
		}
	}
	baseArts, skipped := collect(p.ProcessFiles(baseFiles, runtime.GOMAXPROCS(0)), nil, stderr)
	if len(baseArts) == 0 {
		return fmt.Errorf("%s: no readable baseline article", *baseline)
	}
	newArts, skippedNew := collect(p.ProcessFiles(newFiles, runtime.GOMAXPROCS(0)), baseArts, stderr)
	skipped += skippedNew
	if len(newArts) == 0 {
		return fmt.Errorf("no new article to compare")
	}
	base, err := analysis.Analyze(baseArts, lex, *m.seed)
	if err != nil {
		return err
	}
	combined, err := analysis.Analyze(append(append([]*pipeline.Article{}, baseArts...), newArts...), lex, *m.seed)
	if err != nil {
		return err
	}
	warn(stderr, combined)
	var ids []string
	for _, a := range newArts {
		ids = append(ids, a.Doc.ID)
	}
	rep := compare.Compare(base, combined, ids)

	fig := &chart.Comparison{Baseline: rep.Baseline.Scores, Negative: "toward " + rep.Poles[1].Label, Positive: "toward " + rep.Poles[0].Label}
	for _, a := range combined.Articles[len(baseArts):] {
		mk := chart.Marked{Label: figures.ArticleLabel(a), Lo: math.NaN(), Hi: math.NaN(), Missing: a.Alignment.Score == nil}
		if a.Alignment.Score != nil {
			mk.Value = *a.Alignment.Score
		}
		if iv := a.Alignment.Interval; iv != nil {
			mk.Lo, mk.Hi = iv.Low, iv.High
		}
		fig.New = append(fig.New, mk)
	}
	err = replaceDir(*out, func(dir string) error {
		return writeFiles(dir, []file{
			{"compare.csv", func(w io.Writer) error { return export.CompareTable(w, rep) }},
			{"compare.md", func(w io.Writer) error { return export.CompareReport(w, rep) }},
			{"baseline.svg", fig.WriteSVG},
			{"baseline.png", fig.WritePNG},
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "alignnet: %d new articles against %d baseline articles → %s\n", len(newArts), len(baseArts), *out)
	for _, pl := range rep.Articles {
		fmt.Fprintf(stdout, "  %s\n", pl.Explanation)
	}
	if skipped > 0 {
		return fmt.Errorf("%d files: %w", skipped, errPartial)
	}
	return nil
}

// collect returns the articles of results that are not duplicates (by
// body, or by article ID, of each other or of prior), and how many it
// skipped; each skip is reported on stderr.
func collect(results []pipeline.Result, prior []*pipeline.Article, stderr io.Writer) ([]*pipeline.Article, int) {
	c := newCollector(prior)
	return c.add(results, stderr), c.skipped
}

// collector drops failed files and duplicates, batch after batch.
type collector struct {
	seen    map[[32]byte]string // body checksum → first file
	ids     map[string]string   // article ID → first file
	skipped int
}

func newCollector(prior []*pipeline.Article) *collector {
	c := &collector{seen: map[[32]byte]string{}, ids: map[string]string{}}
	for _, a := range prior {
		c.seen[bodySum(a)] = a.Doc.Name
		c.ids[a.Doc.ID] = a.Doc.Name
	}
	return c
}

// add returns the articles of results that are new, in order.
func (c *collector) add(results []pipeline.Result, stderr io.Writer) []*pipeline.Article {
	var arts []*pipeline.Article
	for _, r := range results {
		if c.keep(r, stderr) {
			arts = append(arts, r.Article)
		}
	}
	return arts
}

// keep reports whether r read well and is new; if not, it says why on
// stderr and counts the file as skipped.
func (c *collector) keep(r pipeline.Result, stderr io.Writer) bool {
	if r.Err != nil {
		fmt.Fprintf(stderr, "alignnet: skip %v\n", r.Err)
		c.skipped++
		return false
	}
	sum := bodySum(r.Article)
	if first, dup := c.seen[sum]; dup {
		fmt.Fprintf(stderr, "alignnet: skip %s: same article as %s\n", r.Path, first)
		c.skipped++
		return false
	}
	if first, dup := c.ids[r.Article.Doc.ID]; dup {
		fmt.Fprintf(stderr, "alignnet: skip %s: same file name as %s (article IDs are file names)\n", r.Path, first)
		c.skipped++
		return false
	}
	c.seen[sum], c.ids[r.Article.Doc.ID] = r.Path, r.Path
	return true
}
