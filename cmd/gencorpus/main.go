package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "seed of every random draw")
	out := fs.String("out", "", "output folder (required)")
	perDir := fs.Int("per-dir", 1000, "files per subfolder")
	workers := fs.Int("workers", 0, "parallel writers (0: GOMAXPROCS)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "gencorpus: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	case *out == "":
		fmt.Fprintln(stderr, "gencorpus: -out is required")
		return errUsage
	case *n < 1 || *perDir < 1 || *workers < 0:
		fmt.Fprintln(stderr, "gencorpus: -n and -per-dir must be positive, -workers not negative")
		return errUsage
	}
	if *workers == 0 {
		*workers = runtime.GOMAXPROCS(0)
	}
	v, err := parseVocab("vocab.txt", vocabText)
	if err != nil {
		return err
	}
	st, err := write(ctx, newGenerator(v, *n, *seed), *out, *n, *perDir, *workers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "gencorpus: %d articles, %d bytes, %d words in %d folders → %s\n",
		*n, st.bytes, st.words, (*n+*perDir-1) / *perDir, *out)
	return nil
}

// stats counts what write wrote.
type stats struct{ bytes, words int64 }

// name returns the path of article i under dir: folders of perDir files,
// names zero-padded to sort in order.
func name(dir string, i, n, perDir int) string {
	fw := max(6, len(fmt.Sprint(n-1)))
	dw := max(3, len(fmt.Sprint((n-1)/perDir)))
	return filepath.Join(dir, fmt.Sprintf("%0*d", dw, i/perDir), fmt.Sprintf("%0*d.txt", fw, i))
}

// write writes articles 0..n-1 with the given number of workers.
func write(ctx context.Context, g *generator, dir string, n, perDir, workers int) (stats, error) {
	for d := 0; d*perDir < n; d++ {
		if err := os.MkdirAll(filepath.Dir(name(dir, d*perDir, n, perDir)), 0o755); err != nil {
			return stats{}, err
		}
	}
	var (
		mu    sync.Mutex
		total stats
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var st stats
			for i := range next {
				text := g.article(i)
				path := name(dir, i, n, perDir)
				if err := os.WriteFile(path, text, 0o644); err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("write %s: %w", path, err)
					}
					mu.Unlock()
					continue
				}
				st.bytes += int64(len(text))
				st.words += int64(wordCount(string(text)))
			}
			mu.Lock()
			total.bytes += st.bytes
			total.words += st.words
			mu.Unlock()
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		err = first
	}
	return total, err
}
