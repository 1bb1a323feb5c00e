package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"

	"alignnet/analysis/eval"
)

func evalCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "../shared/gold", "folder of gold annotation *.json files")
	runFile := fs.String("run", "out/data/articles.json", "a run's articles.json")
	verbose := fs.Bool("v", false, "also print per-article errors")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	if err := parse(fs, args); err != nil {
		return err
	}
	g, err := eval.LoadGold(*gold)
	if err != nil {
		return err
	}
	r, err := eval.LoadRun(*runFile)
	if err != nil {
		return err
	}
	rep := eval.Score(g, r)
	if err := rep.WriteText(stdout); err != nil {
		return err
	}
	if *verbose {
		if err := rep.WriteDetails(stdout); err != nil {
			return err
		}
	}
	if *jsonOut != "" {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
		return os.WriteFile(*jsonOut, buf.Bytes(), 0o644)
	}
	return nil
}
