package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/analysis/eval"
	"alignnet/internal/atomicfile"
	"alignnet/pipeline"
)

// trainCmd learns the reader of a poles file from annotated corpora: each
// DIR holds articles/ and gold/ as the corpora under testdata/ do.
func trainCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	m := modelFlags(fs)
	out := fs.String("out", "", "write the reader to this file (required; its folder must exist)")
	rp := alignment.DefaultReaderParams
	fs.IntVar(&rp.Epochs, "epochs", rp.Epochs, "passes over the sentences")
	fs.Float64Var(&rp.Rate, "rate", rp.Rate, "Adagrad learning rate")
	fs.Float64Var(&rp.L2, "l2", rp.L2, "L2 penalty")
	fs.Float64Var(&rp.NoneBias, "none-bias", rp.NoneBias, "added to the score of none before the argmax")
	fs.Float64Var(&rp.MinProb, "min-prob", rp.MinProb, "probability the reader needs to overrule the rules' label")
	fs.IntVar(&rp.MinCount, "min-count", rp.MinCount, "keep word features seen in at least this many training sentences")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: alignnet train [flags] -out FILE DIR...\n\nEach DIR holds articles/*.txt and gold/*.json (GUIDELINE.md).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errUsage
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	p, lex, err := m.load(stderr)
	if err != nil {
		return err
	}
	ex, stats, err := readerExamples(ctx, p, lex, fs.Args())
	if err != nil {
		return err
	}
	r := alignment.TrainReader(ex, rp)
	if err := atomicfile.WriteFile(*out, []byte(r.Format()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained on %d sentences of %d articles (%d gold sentences unpaired); %d features; wrote %s\n",
		len(ex), stats.articles, stats.unpaired, len(r.Weights), *out)
	return nil
}

type trainStats struct{ articles, unpaired int }

// readerExamples runs the pipeline with the rules alone over the articles
// of each corpus and pairs their sentences with the gold ones.
func readerExamples(ctx context.Context, p *pipeline.Pipeline, lex *alignment.Lexicon, dirs []string) ([]alignment.Example, trainStats, error) {
	var ex []alignment.Example
	var st trainStats
	for _, dir := range dirs {
		golds, err := eval.LoadGold(filepath.Join(dir, "gold"))
		if err != nil {
			return nil, st, err
		}
		if len(golds) == 0 {
			return nil, st, fmt.Errorf("%s: no gold/*.json", dir)
		}
		byID := map[string]eval.Gold{}
		for _, g := range golds {
			byID[strings.TrimSuffix(strings.TrimSuffix(g.Article, ".txt"), ".json")] = g
		}
		files, err := pipeline.Files(filepath.Join(dir, "articles"))
		if err != nil {
			return nil, st, err
		}
		found := 0
		for _, r := range p.ProcessFiles(files, runtime.GOMAXPROCS(0)) {
			if err := ctx.Err(); err != nil {
				return nil, st, err
			}
			if r.Err != nil {
				return nil, st, r.Err
			}
			a := r.Article
			g, ok := byID[a.Doc.ID]
			if !ok {
				continue
			}
			found++
			feats := analysis.ReaderFeatures(a, lex)
			texts := make([]string, len(a.Sentences))
			for i, s := range a.Sentences {
				texts[i] = s.Text
			}
			class := make([]int, len(texts))
			for i := range class {
				class[i] = -1
			}
			for k, i := range eval.Pair(g.Sentences, texts) {
				if i < 0 {
					st.unpaired++
					continue
				}
				class[i] = lex.ClassOf(alignment.Stance(g.Sentences[k].Stance))
			}
			for i, c := range class {
				if c >= 0 {
					ex = append(ex, alignment.Example{Features: feats[i], Class: c})
				}
			}
		}
		if found != len(golds) {
			return nil, st, fmt.Errorf("%s: %d gold files, but only %d match an article in articles/", dir, len(golds), found)
		}
		st.articles += found
	}
	if len(ex) == 0 {
		return nil, st, errors.New("train: no paired sentences")
	}
	return ex, st, nil
}
