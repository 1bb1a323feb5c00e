// Alignnet turns a folder of articles into evidence: a co-mention network
// of the actors they name, centrality and communities of every actor, and
// scores of whether each text portrays its subject state as leaning toward
// Russia or toward the West, with the sentences behind every score.
//
// Usage:
//
//	alignnet run  [-in seeds] [-out out] [-kb DIR] [-subject NAME] [-seed N] [-figures=true]
//	alignnet compare [-baseline seeds] [-out out/compare] [model flags] FILE|DIR...
//	alignnet eval [-gold ../shared/gold] [-run out/data/articles.json] [-v] [-json FILE]
//	alignnet train -out FILE [model flags] DIR...
//	alignnet version
//
// run reads every .txt file under -in, recursively, and writes
//
//	out/data/articles.json   articles, sentences, entities, stances, scores
//	out/data/nodes.csv       one row per actor with every centrality and its community
//	out/data/edges.csv       co-mention edges with weights
//	out/data/entities.csv    every actor with every surface form seen (merge audit)
//	out/data/network.graphml the network for Gephi and networkx
//	out/figures/*.svg, *.png network (by bloc and by community), centrality, alignment
//
// The outputs are staged beside -out and swapped in when complete, so a
// failed or killed run leaves the previous outputs intact. A file that
// cannot be read is reported on stderr and skipped; the run then exits
// with status 3 (outputs written, input incomplete).
//
// eval scores a run's articles.json against hand-made gold annotations as
// their GUIDELINE.md defines.
//
// Exit status: 0 success, 1 failure, 2 usage error, 3 outputs written but
// some input files were skipped.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// version is the version of alignnet recorded in its outputs.
const version = "0.1.0"

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

// errHelp marks a request for a command's flags (exit status 0).
var errHelp = errors.New("help")

// errPartial marks a run that skipped input files (exit status 3).
var errPartial = errors.New("some input files were skipped")

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, errHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case errors.Is(err, errPartial):
		fmt.Fprintln(os.Stderr, "alignnet:", err)
		os.Exit(3)
	default:
		fmt.Fprintln(os.Stderr, "alignnet:", err)
		os.Exit(1)
	}
}

const usage = `usage: alignnet <command> [flags]

commands:
  run      analyse a folder of articles into out/ (data and figures)
  compare  place new articles against a baseline corpus
  eval     score a run's articles.json against gold annotations
  train    learn the reader of a poles file from annotated corpora
  version  print the version

Run 'alignnet <command> -h' for the flags of a command.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "run":
		return runCmd(ctx, args[1:], stdout, stderr)
	case "eval":
		return evalCmd(args[1:], stdout, stderr)
	case "compare":
		return compareCmd(ctx, args[1:], stdout, stderr)
	case "train":
		return trainCmd(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "alignnet", version)
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "alignnet: unknown command %q\n%s", args[0], usage)
	return errUsage
}

// parse parses flags, turning a flag error into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "alignnet %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}
