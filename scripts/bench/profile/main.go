// Profile runs alignnet's stages over a folder of articles, times each
// stage and writes a CPU profile, so that benchmarks can say where the
// time goes without a profiling flag in cmd/alignnet.
//
// Usage:
//
//	go run ./scripts/bench/profile -in DIR [-cpuprofile FILE] [-memprofile FILE] [-split=true] [-seed 1]
//
// The stages are those of "alignnet run -figures=false", called through
// the same library functions in the same order: ingest (pipeline.Files,
// pipeline.Read, the duplicate check), process (pipeline.Process:
// sentences and entities), analyze (analysis.Analyze: alignment scoring,
// the network and its measures) and export (the five data files, written
// to memory). The CPU profile covers these stages only.
//
// With -split, three more passes run after the profile stops, each timing
// a part of the stages above on its own: sentence.Split over every body
// (part of process), alignment scoring of every sentence (part of
// analyze), and network.Build with Measures (the rest of analyze). They
// repeat work, so the total of a run with -split is not the time of
// alignnet.
//
// It prints one line per stage: wall time, share of the total, heap in use
// after the stage, and bytes allocated during it.
package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/analysis/network"
	"alignnet/pipeline"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
	"alignnet/pipeline/sentence"
	"alignnet/render/export"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "profile:", err)
		}
		os.Exit(1)
	}
}

// stage is the measure of one stage.
type stage struct {
	name      string
	wall      time.Duration
	heap      uint64 // heap in use after the stage
	allocated uint64 // bytes allocated during the stage
}

// timer measures stages one after the other.
type timer struct {
	stages []stage
	start  time.Time
	alloc  uint64
}

func (t *timer) begin() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.alloc = m.TotalAlloc
	t.start = time.Now()
}

func (t *timer) end(name string) {
	wall := time.Since(t.start)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.stages = append(t.stages, stage{name, wall, m.HeapInuse, m.TotalAlloc - t.alloc})
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("profile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "folder of .txt articles (required)")
	cpu := fs.String("cpuprofile", "", "write a CPU profile of the stages to this file")
	mem := fs.String("memprofile", "", "write a heap profile (allocations) at the end to this file")
	split := fs.Bool("split", true, "time sentence splitting, scoring and the network on their own afterwards")
	seed := fs.Uint64("seed", 1, "seed of the community search")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("usage: -in DIR required, no arguments")
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
	}
	var t timer
	total := time.Now()

	t.begin()
	k := kb.Default()
	p, err := pipeline.New(k, "")
	if err != nil {
		pprof.StopCPUProfile()
		return err
	}
	t.end("setup (knowledge base, recogniser)")

	t.begin()
	files, err := pipeline.Files(*in)
	if err != nil {
		pprof.StopCPUProfile()
		return err
	}
	var docs []*pipeline.Article
	var bodies []string
	seen := map[[32]byte]bool{}
	var inBytes int64
	raw := make([]*ingest.Document, 0, len(files))
	for _, f := range files {
		doc, err := pipeline.Read(f)
		if err != nil {
			fmt.Fprintf(stderr, "profile: skip %v\n", err)
			continue
		}
		if fi, err := os.Stat(f); err == nil {
			inBytes += fi.Size()
		}
		sum := sha256.Sum256([]byte(doc.Body))
		if seen[sum] {
			continue
		}
		seen[sum] = true
		raw = append(raw, doc)
		bodies = append(bodies, doc.Body)
	}
	t.end("ingest (read, parse, clean)")

	t.begin()
	for _, d := range raw {
		docs = append(docs, p.Process(d))
	}
	t.end("process (sentences, entities)")

	t.begin()
	lex := alignment.DefaultLexicon()
	res, err := analysis.Analyze(docs, lex, *seed)
	if err != nil {
		pprof.StopCPUProfile()
		return err
	}
	t.end("analyze (alignment, network, measures)")

	t.begin()
	var out bytes.Buffer
	writers := []func(io.Writer) error{
		func(w io.Writer) error { return export.Articles(w, res, "profile") },
		func(w io.Writer) error { return export.Nodes(w, res) },
		func(w io.Writer) error { return export.Edges(w, res) },
		func(w io.Writer) error { return export.Entities(w, res) },
		func(w io.Writer) error { return export.GraphML(w, res) },
	}
	for _, write := range writers {
		out.Reset()
		if err := write(&out); err != nil {
			pprof.StopCPUProfile()
			return err
		}
	}
	t.end("export (data files, in memory)")
	pipelineWall := time.Since(total)
	if *cpu != "" {
		pprof.StopCPUProfile()
	}

	sentences := 0
	for _, a := range docs {
		sentences += len(a.Sentences)
	}
	fmt.Fprintf(stdout, "profile: %d files, %d articles, %.1f MB, %d sentences, %d actors, %d edges\n",
		len(files), len(docs), float64(inBytes)/1e6, sentences, len(res.Actors), len(res.Network.Edges))
	print := func(stages []stage, of time.Duration) {
		for _, s := range stages {
			fmt.Fprintf(stdout, "  %-42s %9.3f s %5.1f%%  heap %6.0f MiB  alloc %7.0f MiB\n",
				s.name, s.wall.Seconds(), 100*s.wall.Seconds()/of.Seconds(),
				float64(s.heap)/(1<<20), float64(s.allocated)/(1<<20))
		}
	}
	print(t.stages, pipelineWall)
	fmt.Fprintf(stdout, "  %-42s %9.3f s  (%.2f MB/s)\n", "total", pipelineWall.Seconds(), float64(inBytes)/1e6/pipelineWall.Seconds())

	if *split {
		var x timer
		x.begin()
		for _, b := range bodies {
			sentence.Split(b)
		}
		x.end("  of process: sentence.Split alone")
		x.begin()
		for _, a := range docs {
			scoreArticle(lex, a)
		}
		x.end("  of analyze: Lexicon.Score alone")
		x.begin()
		var ss [][]string
		for _, a := range docs {
			for _, s := range a.Sentences {
				ss = append(ss, s.Actors)
			}
		}
		net := network.Build(ss)
		x.end("  of analyze: network.Build alone")
		x.begin()
		if _, err := net.Measures(*seed); err != nil {
			return err
		}
		x.end("  of analyze: Network.Measures alone")
		fmt.Fprintln(stdout, "separate passes (repeat work, not in the total):")
		print(x.stages, pipelineWall)
	}

	if *mem != "" {
		f, err := os.Create(*mem)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
	}
	return nil
}

// scoreArticle scores every sentence of a on its own, as a lower bound of
// what analysis.Analyze spends on alignment (it also carries context from
// sentence to sentence and aggregates with a bootstrap).
func scoreArticle(lex *alignment.Lexicon, a *pipeline.Article) {
	blocs := map[string]string{}
	for _, e := range a.Entities {
		blocs[e.ID] = string(e.Bloc)
	}
	for _, s := range a.Sentences {
		var in []alignment.Actor
		for _, m := range s.Mentions {
			in = append(in, alignment.Actor{ID: m.Entity, Bloc: blocs[m.Entity], Start: m.Start - s.Start, End: m.End - s.Start})
		}
		lex.Score(s.Text, in)
	}
}
