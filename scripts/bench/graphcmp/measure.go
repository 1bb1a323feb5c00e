package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"time"

	"alignnet/analysis/network"
)

// result is the JSON written by measure.
type result struct {
	Go         string             `json:"go"`
	GOMAXPROCS int                `json:"gomaxprocs"`
	Nodes      map[string]node    `json:"nodes"`
	Edges      int                `json:"edges"`
	Modularity float64            `json:"modularity"` // of the Community partition
	Seconds    map[string]float64 `json:"seconds"`
}

// node holds the measures of one node.
type node struct {
	Degree      int     `json:"degree"`
	Strength    float64 `json:"strength"`
	Betweenness float64 `json:"betweenness"`
	Eigenvector float64 `json:"eigenvector"`
	PageRank    float64 `json:"pagerank"`
	Community   int     `json:"community"`
}

// measure builds the network of the edge list at in, times its measures
// and writes them as JSON to out.
func measure(in, out string, seed uint64) error {
	secs := make(map[string]float64)
	timed := func(name string, f func()) {
		t := time.Now()
		f()
		secs[name] = time.Since(t).Seconds()
	}

	var sentences [][]string
	var err error
	timed("read", func() { sentences, err = readSentences(in) })
	if err != nil {
		return err
	}
	var n *network.Network
	timed("build", func() { n = network.Build(sentences) })

	var all, one map[string]network.Measures
	timed("measures", func() { all, err = n.Measures(seed) })
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	procs := runtime.GOMAXPROCS(1)
	timed("measures_1cpu", func() { one, err = n.Measures(seed) })
	runtime.GOMAXPROCS(procs)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if !maps.Equal(all, one) {
		return fmt.Errorf("%s: measures differ between GOMAXPROCS=%d and GOMAXPROCS=1", in, procs)
	}
	var comms [][]string
	timed("communities", func() { comms = n.Communities(seed) })

	r := result{
		Go:         runtime.Version(),
		GOMAXPROCS: procs,
		Nodes:      make(map[string]node, len(all)),
		Edges:      len(n.Edges),
		Modularity: n.Modularity(comms),
		Seconds:    secs,
	}
	for id, m := range all {
		r.Nodes[id] = node{m.Degree, m.Strength, m.Betweenness, m.Eigenvector, m.PageRank, m.Community}
	}
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// readSentences reads an edges.csv (header source,target,weight; the
// weight a positive whole number) as sentences: an edge of weight w becomes
// w sentences that mention both ends.
func readSentences(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = 3
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	if want := []string{"source", "target", "weight"}; !slices.Equal(header, want) {
		return nil, fmt.Errorf("%s: header %q, want %q", path, header, want)
	}
	var sentences [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return sentences, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		w, err := parseWeight(rec[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if rec[0] == rec[1] || rec[0] == "" {
			return nil, fmt.Errorf("%s:%d: bad edge %q-%q", path, line, rec[0], rec[1])
		}
		pair := []string{rec[0], rec[1]}
		for range w {
			sentences = append(sentences, pair)
		}
	}
}

// parseWeight parses an edge weight: a whole number of sentences, at
// least 1 ("3" or "3.0").
func parseWeight(s string) (int, error) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || w < 1 || w != math.Trunc(w) || w > 1e9 {
		return 0, fmt.Errorf("weight %q is not a whole number of sentences >= 1", s)
	}
	return int(w), nil
}
