package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/pipeline"
	"alignnet/pipeline/kb"
	"alignnet/render/export"
	"alignnet/render/figures"
	"alignnet/render/report"
)

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "seeds", "folder of .txt articles, read recursively")
	out := fs.String("out", "out", "output folder (replaced as a whole when the run succeeds)")
	m := modelFlags(fs)
	figs := fs.Bool("figures", true, "draw the figures (false: data files only)")
	timings := fs.Bool("timings", false, "print the wall time of each stage to stderr")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a heap profile, taken once the corpus is analysed, to this file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	tm := &timer{w: stderr, on: *timings}
	defer tm.stop()
	tm.start("knowledge base")
	p, lex, err := m.load(stderr)
	if err != nil {
		return err
	}
	seed := m.seed
	files, err := pipeline.Files(*in)
	if err != nil {
		return err
	}
	generator := fmt.Sprintf("alignnet %s; kb sha256:%s; poles sha256:%s", version, m.checksum, lex.Checksum)
	var res *analysis.Result
	var nskipped int
	err = replaceDir(*out, func(dir string) error {
		ddir := filepath.Join(dir, "data")
		if err := os.MkdirAll(ddir, 0o755); err != nil {
			return err
		}
		tm.start("read, score, articles.json")
		stop := progress(stderr, &p.Done, len(files))
		// Without figures nothing needs an article whole once its
		// record is written: compact it, so memory does not grow with
		// the archive's text.
		corpus, skipped, err := analyzeFiles(p, lex, *seed, files, *in, !*figs, ddir, generator, stderr)
		stop()
		if err != nil {
			return err
		}
		nskipped = skipped
		tm.start("network, measures, actors")
		if res, err = corpus.Result(); err != nil {
			return err
		}
		warn(stderr, res)
		if *memprofile != "" {
			if err := writeHeapProfile(*memprofile); err != nil {
				return err
			}
		}
		if p.Cache != nil {
			if err := p.Cache.Save(files); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "alignnet: cache: %d articles from the cache, %d processed\n", p.Cache.Hits.Load(), p.Cache.Misses.Load())
		}
		tm.start("data files")
		if err := writeData(ddir, res); err != nil {
			return err
		}
		if !*figs {
			return nil
		}
		fdir := filepath.Join(dir, "figures")
		if err := os.MkdirAll(fdir, 0o755); err != nil {
			return err
		}
		tm.start("figures")
		opt := figures.DefaultOptions
		opt.Seed = int(*seed)
		set, err := figures.Build(ctx, res, opt)
		if err != nil {
			return err
		}
		svgs, err := figures.Write(fdir, set)
		if err != nil {
			return err
		}
		tm.start("report")
		var buf bytes.Buffer
		if err := report.Write(&buf, figures.Report(res, svgs, generator)); err != nil {
			return fmt.Errorf("report.html: %w", err)
		}
		return os.WriteFile(filepath.Join(dir, "report.html"), buf.Bytes(), 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "alignnet: %d articles, %d actors, %d edges → %s\n", len(res.Articles), len(res.Actors), len(res.Network.Edges), *out)
	if nskipped > 0 {
		return fmt.Errorf("%d of %d files: %w", nskipped, len(files), errPartial)
	}
	return nil
}

// model holds the flags that choose the model: knowledge base, poles,
// subject and seed.
type model struct {
	kbDir, subject, poles, cache *string
	seed                         *uint64
	checksum                     string // of the knowledge base, once loaded
}

func modelFlags(fs *flag.FlagSet) *model {
	return &model{
		kbDir:   fs.String("kb", "", "knowledge-base folder of *.kb files (default: the embedded one)"),
		subject: fs.String("subject", "", "subject state of every article (default: detected per article)"),
		poles:   fs.String("poles", "", "poles and cue lexicon file (default: the embedded Russia vs the West)"),
		seed:    fs.Uint64("seed", 1, "seed of the community search, the bootstrap and the network layout"),
		cache:   fs.String("cache", "", "keep processed articles in this folder between runs, so unchanged files are not processed again (default: no cache)"),
	}
}

// load reads the knowledge base and the poles and builds the pipeline.
func (m *model) load(stderr io.Writer) (*pipeline.Pipeline, *alignment.Lexicon, error) {
	var err error
	k := kb.Default()
	if *m.kbDir != "" {
		if k, err = kb.LoadDir(*m.kbDir); err != nil {
			return nil, nil, err
		}
	}
	m.checksum = k.Checksum
	lex := alignment.DefaultLexicon()
	if *m.poles != "" {
		if lex, err = alignment.LoadLexicon(*m.poles); err != nil {
			return nil, nil, err
		}
	}
	p, err := pipeline.New(k, *m.subject)
	if err != nil {
		return nil, nil, err
	}
	if *m.cache != "" {
		if p.Cache, err = pipeline.OpenCache(*m.cache, k.Checksum+"\x00"+*m.subject); err != nil {
			return nil, nil, err
		}
	}
	return p, lex, nil
}

// bodySum is the SHA-256 of the article's body (hashed in place, not
// copied).
func bodySum(a *pipeline.Article) [32]byte {
	h := sha256.New()
	io.WriteString(h, a.Doc.Body)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// warn prints the warnings of an analysis to stderr.
func warn(stderr io.Writer, res *analysis.Result) {
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "alignnet: warning: %s\n", w)
	}
}

// writeHeapProfile writes the live heap to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// window is the most articles read and scored ahead of the one being
// written: it bounds the memory of articles in flight.
var window = 256

// analyzeFiles reads and scores the files a batch at a time on every core
// and writes articles.json and evidence.md into dir as it goes, so the
// records of an archive are never all in memory; with compact, an article
// keeps only its metadata and alignment figures once written. It returns
// the corpus and the number of files skipped (unreadable or duplicates,
// reported on stderr).
func analyzeFiles(p *pipeline.Pipeline, lex *alignment.Lexicon, seed uint64, files []string, in string, compact bool, dir, generator string, stderr io.Writer) (*analysis.Corpus, int, error) {
	c := analysis.NewCorpus(lex, seed)
	col := newCollector(nil)
	js, err := openSink(filepath.Join(dir, "articles.json"))
	if err != nil {
		return nil, 0, err
	}
	defer js.f.Close()
	ev, err := openSink(filepath.Join(dir, "evidence.md"))
	if err != nil {
		return nil, 0, err
	}
	defer ev.f.Close()
	aw, err := export.NewArticleWriter(js, generator)
	if err != nil {
		return nil, 0, fmt.Errorf("articles.json: %w", err)
	}
	ew := export.NewEvidenceWriter(ev, lex.Poles)
	// Each file is read, scored and encoded on a worker; the results are
	// folded in and written here, in file order.
	type item struct {
		r        pipeline.Result
		art      analysis.Article
		rec, evd []byte
		err      error
	}
	work := func(i int) item {
		it := item{r: p.ProcessFile(files[i])}
		if it.r.Err != nil {
			return it
		}
		a := it.r.Article
		// Outputs name files relative to -in, so the same articles give
		// the same bytes wherever they are.
		if rel, err := filepath.Rel(in, a.Doc.Name); err == nil {
			a.File = filepath.ToSlash(rel)
		}
		it.art = c.Score(a)
		it.rec, it.err = export.EncodeArticle(&it.art)
		it.evd = export.EncodeEvidence(&it.art, lex.Poles)
		return it
	}
	err = analysis.Ordered(len(files), window, work, func(_ int, it item) error {
		if !col.keep(it.r, stderr) {
			return nil
		}
		if it.err != nil {
			return fmt.Errorf("articles.json: %s: %w", it.r.Path, it.err)
		}
		kept := c.Fold(it.art)
		if err := aw.WriteEncoded(it.rec); err != nil {
			return fmt.Errorf("articles.json: %w", err)
		}
		ew.WriteEncoded(it.evd)
		if compact {
			kept.Compact()
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if c.Len() == 0 {
		return nil, 0, fmt.Errorf("%s: no readable article", in)
	}
	if err := aw.Close(); err != nil {
		return nil, 0, fmt.Errorf("articles.json: %w", err)
	}
	if err := js.close(); err != nil {
		return nil, 0, fmt.Errorf("articles.json: %w", err)
	}
	if err := ew.Close(); err != nil {
		return nil, 0, fmt.Errorf("evidence.md: %w", err)
	}
	if err := ev.close(); err != nil {
		return nil, 0, fmt.Errorf("evidence.md: %w", err)
	}
	return c, col.skipped, nil
}

// sink is an output file behind a buffer.
type sink struct {
	f *os.File
	*bufio.Writer
}

func openSink(path string) (*sink, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &sink{f, bufio.NewWriterSize(f, 1<<18)}, nil
}

// close flushes the buffer and closes the file.
func (s *sink) close() error {
	err := s.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeData writes the data exports other than articles.json and
// evidence.md into dir.
func writeData(dir string, res *analysis.Result) error {
	return writeFiles(dir, []file{
		{"nodes.csv", func(w io.Writer) error { return export.Nodes(w, res) }},
		{"actors.csv", func(w io.Writer) error { return export.Actors(w, res) }},
		{"edges.csv", func(w io.Writer) error { return export.Edges(w, res) }},
		{"entities.csv", func(w io.Writer) error { return export.Entities(w, res) }},
		{"network.graphml", func(w io.Writer) error { return export.GraphML(w, res) }},
	})
}

// file is an output file and the function that writes it.
type file struct {
	name  string
	write func(io.Writer) error
}

// writeFiles writes each file into dir, streaming through a buffer. dir is
// a staging folder, so a failure leaves nothing visible.
func writeFiles(dir string, files []file) error {
	// Each file on its own goroutine: they only read the results. The
	// first error in the list's order is returned.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { errs[i] = createFile(filepath.Join(dir, f.name), f.write) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: %w", files[i].name, err)
		}
	}
	return nil
}

// createFile creates path and fills it with write.
func createFile(path string, write func(io.Writer) error) error {
	sk, err := openSink(path)
	if err != nil {
		return err
	}
	if err := write(sk); err != nil {
		sk.f.Close()
		return err
	}
	return sk.close()
}

// replaceDir builds a new version of dir in a staging folder beside it with
// fill, then swaps it in: a run that fails or is killed leaves dir as it
// was, and no half-written file is ever visible in dir. Entries of dir that
// fill does not produce are carried over.
func replaceDir(dir string, fill func(staging string) error) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	defer os.RemoveAll(staging)
	if err := os.Chmod(staging, 0o755); err != nil {
		return err
	}
	if err := fill(staging); err != nil {
		return err
	}
	// Entries of dir that this run does not produce (out/compare beside
	// the outputs of run) move into the new version unchanged.
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if _, err := os.Lstat(filepath.Join(staging, e.Name())); errors.Is(err, os.ErrNotExist) && !strings.HasPrefix(e.Name(), ".") {
				if err := os.Rename(filepath.Join(dir, e.Name()), filepath.Join(staging, e.Name())); err != nil {
					return fmt.Errorf("output folder %s: %w", dir, err)
				}
			}
		}
	}
	if _, err := os.Stat(dir); err == nil {
		// Swap in one step where the system can; staging then holds
		// the old version and is removed by the deferred RemoveAll.
		if err := exchange(staging, dir); err == nil {
			return nil
		}
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = staging + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("output folder %s: %w", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(staging, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// timer prints the wall time of each stage when on.
type timer struct {
	w     io.Writer
	on    bool
	stage string
	t0    time.Time
}

func (t *timer) start(stage string) {
	t.stop()
	t.stage, t.t0 = stage, time.Now()
}

func (t *timer) stop() {
	if t.on && t.stage != "" {
		fmt.Fprintf(t.w, "alignnet: %-30s %8.3f s\n", t.stage, time.Since(t.t0).Seconds())
	}
	t.stage = ""
}
